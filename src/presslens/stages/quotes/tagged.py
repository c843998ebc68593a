"""The learned tagger's attributions as the quotes stage's own records (accurate mode).

`learned.tag_attributions` finds content, cue and source spans from the encoder's pieces; it
knows nothing of the parse or the actors. This module turns each attribution that no rule
record overlaps into an `Attribution`, so the stage treats it as it treats its own: the cue's
head word decides speech or stance (`kinds`), the source's head word becomes a speaker through
the same `make_speaker` (actors, joint speakers, pronouns and role nouns left for `resolve`).

- The rules go first: an attribution they found keeps their cue, speaker and kind; the tagger
  adds only what overlaps none of them.
- A cue inside its own content means the tagger lost the attribution's shape: left out. So
  does a speaker inside it ("What Trump [proposes] changes from one interview to the next"),
  which the stage drops for every record (`stage.speaker_inside`).
- A content with neither a cue nor quotation marks is left out: nothing tells a reader who
  said it, and most such contents are the writer's own words.
- A tagged source (a noun, name or pronoun) becomes the speaker; with none, the cue verb's
  subject does, as in the rules. A quotation with neither continues the quoted speaker just
  before it (`continued`), else takes the nearest name, as the rules' cue-less quotations do;
  failing all that it has no speaker, never a guessed one.
- Only attributions the tagger is sure of are added: a mean content-tag probability of at
  least `MIN_SCORE`. On the build half of eval/gold/actors, 16 of the 23 added above it were
  gold speech, 2 of the 21 below it. A cue the reporting lexicon knows lets in a less sure one
  (`KNOWN_CUE_SCORE`): on PolNeAR train articles 300-449, never used to choose it, all-F1
  0.760 -> 0.769 at the same precision (0.852 / 0.851).
- A cue the reporting lexicon does not know, over a content with no quotation marks, makes a
  stance, not a quote: read on PolNeAR train and the showcase, such cues are as often actions
  as speech ("Putin signed an order allowing ...", "Trump is clearly eyeing up the profits",
  "is promoting his 12th book"). On our gold this moves 5 speech and 4 non-speech attributions
  from `quotes` to `stances` (stances found 0.342 -> 0.395).
- Kind: "direct" when the content is one quotation, "mixed" when it holds quoted words,
  "indirect" otherwise.
- Measured (PolNeAR dev, `python eval/quotes.py` against `--fast`): all-attribution lenient
  F1 0.747 -> 0.786, direct F1 0.910 -> 0.926, end-to-end direct F1 0.815 -> 0.825. On our
  gold (`python eval/actors.py`): attributions found 0.784 -> 0.833, listed quotes that are
  real speech 0.837 -> 0.815.
- Confidence is the tagger's own score scaled below the rules' (0.6 x the mean probability of
  the content's tags, 0.7 x with a cue), so a reader ranking quotes sees the rules' first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from presslens.model import Span
from presslens.nlp.encoder import SentenceVectors
from presslens.stages.quotes import learned
from presslens.stages.quotes.clauses import wh_gap
from presslens.stages.quotes.context import (
    Attribution,
    Context,
    naming,
    tells_whom,
    tokens_in,
    trim,
)
from presslens.stages.quotes.direct import nearest_name
from presslens.stages.quotes.marks import CLOSE_AFTER, MARK_RE, MARKS, SET_OFF, Quoted
from presslens.stages.quotes.misparsed import actor_for
from presslens.stages.quotes.reported import of_whom, unquoted_subject
from presslens.stages.quotes.speakers import Speaker, make_speaker
from presslens.stages.quotes.subjects import a_person, subject_of
from presslens.stages.titles import title_like

NOMINAL = ("PROPN", "NOUN", "PRON")  # what a speaker's head word may be
CUED_WEIGHT = 0.7  # confidence = weight x the tagger's score: below the rules' 0.8-0.9
UNCUED_WEIGHT = 0.6
MIN_SCORE = 0.7  # the least mean tag probability kept: chosen on the build half of our gold
KNOWN_CUE_SCORE = 0.62  # the least with a reporting cue ("said", "claim"): see above
MIN_WORDS = 2  # a content of one word is a fragment, not something said
CONTINUE_WORDS = 12  # most narrative words between a quote and the quotation continuing it


def tagged_attributions(
    ctx: Context, vectors: SentenceVectors | None, taken: Sequence[Attribution]
) -> list[Attribution]:
    """The tagger's attributions that overlap none of `taken` (the rules' records), as
    records of the stage; none when there are no vectors (fast mode) or no head."""
    if vectors is None or not learned.available():
        return []
    found: list[Attribution] = []
    for item in learned.tag_attributions(ctx.text, vectors):
        span = trim(ctx.text, item.span)
        if any(span.overlaps(other.span) for other in taken):
            continue
        if any(title.contains(span) for title in ctx.titles):
            continue  # 'said on ABC's "This Week"': a show's title, no one's words
        record = as_attribution(ctx, item, span) if item.score >= KNOWN_CUE_SCORE else None
        if record is not None and sure_enough(ctx, record, item.score):
            found.append(record)
    found = [continued(ctx.text, record, [*taken, *found]) for record in found]
    return [named_nearby(ctx, record) for record in found]


def sure_enough(ctx: Context, record: Attribution, score: float) -> bool:
    """MIN_SCORE, or KNOWN_CUE_SCORE under a cue the reporting lexicon knows."""
    known = record.cue_head is not None and reporting(ctx, ctx.doc[record.cue_head])
    return score >= (KNOWN_CUE_SCORE if known else MIN_SCORE)


def named_nearby(ctx: Context, record: Attribution) -> Attribution:
    """A quotation still without a speaker takes the nearest name around it, as the rules'
    cue-less quotations do (`direct.nearest_name`), at a lower confidence."""
    if record.speaker is not None or record.kind == "indirect":
        return record
    speaker = nearest_name(ctx, Quoted(record.span, record.span))
    if speaker is None:
        return record
    return replace(record, speaker=speaker, confidence=record.confidence * 0.7)


def continued(text: str, record: Attribution, others: Sequence[Attribution]) -> Attribution:
    """A quotation with no cue and no speaker that follows a quoted speaker's words, with only
    narrative between ('"A," she said, clapping. "B."', or at the next paragraph's start),
    continues that speaker (the rules join such quotes only past the length of a term)."""
    if record.cue is not None or record.speaker is not None or record.kind != "direct":
        return record
    before = [o for o in others if o.span.end <= record.span.start and o.kind != "indirect"]
    if not before:
        return record
    previous = max(before, key=lambda o: o.span.end)
    gap = text[previous.span.end : record.span.start]
    if previous.speaker is None or gap.count("\n\n") > 1 or len(gap.split()) > CONTINUE_WORDS:
        return record
    if MARK_RE.search(gap):
        return record
    return replace(record, speaker=previous.speaker, confidence=record.confidence * 0.9)


def as_attribution(ctx: Context, item: learned.Tagged, span: Span) -> Attribution | None:
    """One tagged attribution as a record; None for a content of fewer than two words, and for
    one with neither a cue nor quotation marks (a reader could not tell who said it)."""
    if len(span.of(ctx.text).split()) < MIN_WORDS:
        return None
    if item.cue is not None:
        item = replace(item, cue=whole_words(ctx, item.cue))
    cue_head = cue_word(ctx, item.cue) if item.cue is not None else None
    kind = kind_of_content(span.of(ctx.text))
    if cue_head is None and kind != "direct":
        return None  # no cue and no quotation: nothing says anyone said it
    if cue_head is None and a_title(span.of(ctx.text)):
        return None  # '"Crashing the Party," a documentary': a title, no one's words
    if item.cue is not None and misplaced(item.cue, item.content):
        return None
    if cue_head is not None and clause_after(cue_head):
        own = own_clause_side(item, cue_head)
        if own is None:
            return None  # '"A" is a change from 2008, when Bush ordered that ...': his is after
        item, span = own, trim(ctx.text, own.span)
    if cue_head is not None and compound_adjective(cue_head):
        return None  # 'self-described "very conservative" voters', 'so-called': a description
    if cue_head is not None and naming(cue_head, ctx.lexicon) and cue_head.head.pos_ != "PROPN":
        return None  # 'Titled "A Long Night," the film', 'a book called "Dawn"': a name
    if cue_head is not None and wh_gap(cue_head):
        return None  # "between what Trump says his plan would do and ...": no claim given
    if cue_head is not None and addressed(ctx, cue_head, span):
        return None  # "questioned the bank chief": whom, not what
    speaker = speaker_of(ctx, item, cue_head)
    if speaker is not None and describes_speaker(ctx, span, speaker, cue_head):
        return None
    stance = None
    if cue_head is not None and kind == "indirect" and not reporting(ctx, cue_head):
        stance = "stance"  # "Putin signed an order ...", "Trump is eyeing the profits"
    weight = CUED_WEIGHT if item.cue is not None else UNCUED_WEIGHT
    parts = tuple(trim(ctx.text, part) for part in item.content) if len(item.content) > 1 else ()
    return Attribution(
        kind=kind,
        span=span,
        cue=item.cue,
        cue_head=cue_head.i if cue_head is not None else None,
        speaker=speaker,
        confidence=weight * item.score,
        parts=parts,
        stance=stance,
    )


def addressed(ctx: Context, cue: Token, span: Span) -> bool:
    """A cue of asking or answering whose content is its object, a person: whom it asked
    ("questioned the bank chief on Tuesday"), as the rules read it (`reported.complement_of`)."""
    if cue.lemma_.lower() not in ctx.lexicon.addressee:
        return False
    head = head_of(ctx, span)
    return head is not None and head.head == cue and head.dep_ == "dobj" and a_person(of_whom(head))


def compound_adjective(cue: Token) -> bool:
    """'self-described', 'so-called': a participle joined by a hyphen into an adjective of a
    noun describes it ("Trump [amod] accused Cruz" misparsed is still speech)."""
    return cue.dep_ == "amod" and cue.i > 0 and cue.doc[cue.i - 1].tag_ == "HYPH"


def a_title(quotation: str) -> bool:
    """A quoted run of capitalised words (`titles.title_like`) that ends no sentence: the name
    of a film or a book ('"Crashing the Party," a documentary'), not an exclamation ('"Marco!
    Marco!"') or a sentence ('"Donald Trump."')."""
    inner = quotation.strip(MARKS + "'` ")  # '' and `` too
    return not inner.endswith((".", "!", "?")) and title_like(inner.rstrip(CLOSE_AFTER))


def describes_speaker(ctx: Context, span: Span, speaker: Speaker, cue: Token | None) -> bool:
    """'according to the Harbor Group, which monitors extremist forums', 'said Ann Roe, the
    founder of a group called Occupy Main Street': words that all hang on the speaker's phrase
    before they reach the cue say who the speaker is, not what was said ('Roe, who said the
    plan would fail': the content reaches the cue first)."""
    tokens = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    inside = {t.i for t in tokens or () if not t.is_punct}
    tops = [ctx.doc[i] for i in inside if ctx.doc[i].head.i not in inside]
    return bool(tops) and all(under_speaker(top, speaker, cue) for top in tops)


def under_speaker(token: Token, speaker: Speaker, cue: Token | None) -> bool:
    """Whether `token` hangs on the speaker's head through a relative clause, a participle or
    an apposition of it, before it reaches the cue."""
    described = False
    for above in [token, *token.ancestors]:
        if cue is not None and above.i == cue.i:
            return False
        if above.i == speaker.head:
            return described
        described = described or above.dep_ in ("relcl", "acl", "appos")
    return False


def whole_words(ctx: Context, span: Span) -> Span:
    """The span widened to the words it cuts: the tagger reads word pieces, and a cue may end
    inside a word ("prioritis" of "prioritised")."""
    tokens = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    return Span(tokens.start_char, tokens.end_char) if tokens is not None else span


def kind_of_content(text: str) -> str:
    """'direct' for one whole quotation, 'mixed' for quoted words inside, else 'indirect'."""
    marks = list(MARK_RE.finditer(text))
    if not marks:
        return "indirect"
    end = len(text.rstrip(".,;:!? "))
    whole = len(marks) == 2 and marks[0].start() == 0 and marks[1].end() == end
    return "direct" if whole else "mixed"


def head_of(ctx: Context, span: Span) -> Token | None:
    """The word of `span` that the others hang on in the parse (its first such word), None when
    the span holds no token."""
    indices = tokens_in(ctx, span)
    if not len(indices):
        return None
    inside = set(indices)
    words = [ctx.doc[i] for i in indices]
    roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    return (roots or words)[0]


def cue_word(ctx: Context, span: Span) -> Token | None:
    """The cue's reporting word: its first word the lexicon knows ("has repeatedly claimed",
    "according to"), else the word the others hang on."""
    lexicon = ctx.lexicon
    for i in tokens_in(ctx, span):
        lemma = ctx.doc[i].lemma_.lower()
        if lemma in lexicon.verbs or lemma in lexicon.nouns or lemma == "accord":
            return ctx.doc[i]
    return head_of(ctx, span)


def clause_after(cue: Token) -> bool:
    """Whether the cue verb has a clause of its own after it ("ordered that the branch ..."),
    and is not set off inside the content ("Any reading, said Roe, would ...")."""
    subjects = [c.left_edge.i for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    for first in (cue.i, min([cue.i, *subjects])):  # ", said Roe," or ", Roe said,"
        if first > 0 and cue.doc[first - 1].text in SET_OFF:
            return False
    return any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def own_clause_side(item: learned.Tagged, cue: Token) -> learned.Tagged | None:
    """The tagged content without its parts before a cue whose own clause follows it (the
    words before are the writer's); None when every part is before."""
    after = tuple(part for part in item.content if part.start >= cue.idx)
    if len(after) == len(item.content) or not after:
        return item if after else None
    return replace(item, content=after)


def misplaced(cue: Span, content: tuple[Span, ...]) -> bool:
    """A cue inside its own content: the tagger lost the attribution's shape."""
    return any(cue.overlaps(part) for part in content)


def reporting(ctx: Context, word: Token) -> bool:
    """Whether the lexicon knows the cue's word for reporting words (said, claim, according)."""
    lemma = word.lemma_.lower()
    lexicon = ctx.lexicon
    return (
        lemma in lexicon.verbs
        or lemma in lexicon.nouns
        or lemma in lexicon.speech
        or (lemma == "accord")
    )


def speaker_of(ctx: Context, item: learned.Tagged, cue: Token | None) -> Speaker | None:
    """The tagged source's speaker (a noun, name or pronoun), else the cue verb's subject's,
    else None. Of several sources, the one holding the cue verb's subject speaks ("The
    journalists chose to withhold what officials said would compromise security": the
    officials)."""
    for source in by_cue_subject(item.sources, cue):
        if own_subject_elsewhere(cue, source):
            break  # "Hale had to lend ..., fundraising documents show": the documents
        if in_complement(cue, source):
            continue  # "The brain behind it is said to be Ravi Mehta": no one said it
        head = head_of(ctx, source)
        if head is not None and head.pos_ not in NOMINAL and head.head.pos_ in NOMINAL:
            head = head.head  # a source cut short ("a" of "a New York Times editorial")
        if head is not None and head.tag_ == "PRP$" and a_person(head.head):
            head = head.head  # "my" of "my editor at the time": the editor; "his speech": his
        if head is not None and named(ctx, head) and not passive_subject_of(ctx, head, cue):
            return make_speaker(ctx.text, head, ctx.actors)
    if cue is not None and cue.pos_ in ("VERB", "AUX"):
        subject = unquoted_subject(ctx, cue) or name_before(ctx, cue)
        if subject is None or subject.dep_ == "expl" or passive_subject_of(ctx, subject, cue):
            return None
        return make_speaker(ctx.text, subject, ctx.actors)
    return None


def in_complement(cue: Token | None, source: Span) -> bool:
    """Whether the tagged source lies in what the cue verb reports (its clause or its "to"
    complement): the people a report names are not its speakers."""
    if cue is None or source.start - (cue.idx + len(cue.text)) <= 1:
        return False  # "..., said Michael Kofman, would read this": an inverted cue's speaker
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp") and child.left_edge.idx <= source.start:
            last = child.right_edge
            if source.start < last.idx + len(last.text):
                return True
    return False


def own_subject_elsewhere(cue: Token | None, source: Span) -> bool:
    """Whether the cue verb has a subject of its own, a noun or a name whose phrase does not
    hold the tagged source: the parse's subject of the cue outranks the tagger's guess."""
    if cue is None or cue.pos_ not in ("VERB", "AUX"):
        return False
    for child in cue.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            first, last = child.left_edge, child.right_edge
            if cue.i > 0 and cue.doc[cue.i - 1].text == ",":
                return False  # "Any interpretation of it, said Roe, would ...": set off
            phrase = Span(first.idx, last.idx + len(last.text))
            return not phrase.overlaps(source)  # "Fox News's reporting": the source in it
    return False


def name_before(ctx: Context, cue: Token) -> Token | None:
    """The word just before a cue verb the parse gave no subject, when it is an actor's
    mention the parse mistook ("From agreed that ...": the surname read as a preposition)."""
    if cue.i == cue.sent.start:
        return None
    before = ctx.doc[cue.i - 1]
    return before if before.pos_ not in NOMINAL and named(ctx, before) else None


def named(ctx: Context, head: Token) -> bool:
    """A noun, name or pronoun, or a word the parse mistook that is an actor's mention ("From
    agreed that ...": the surname read as a preposition)."""
    return head.pos_ in NOMINAL or (head.is_title and actor_for(ctx.actors, head) is not None)


def passive_subject_of(ctx: Context, head: Token, cue: Token | None) -> bool:
    """'Roe was once asked how the war would end', 'Roe was told that ...': the one asked or
    told is not the speaker. (The subject of "they are focused on" holds the stance.)"""
    if cue is None or head.dep_ != "nsubjpass" or head.head.i != cue.i:
        return False
    if not tells_whom(cue, ctx.lexicon):
        return False
    return not any(c.dep_ == "auxpass" and c.lower_ in HAS for c in cue.children)


HAS = frozenset({"'s", "’s"})  # "he's also said much": the parse's passive is a perfect


def by_cue_subject(sources: Sequence[Span], cue: Token | None) -> list[Span]:
    """The sources, the one holding the cue verb's subject first."""
    subject = subject_of(cue) if cue is not None and cue.pos_ in ("VERB", "AUX") else None
    if subject is None or len(sources) < 2:
        return list(sources)
    start = subject.idx
    return sorted(sources, key=lambda source: not source.start <= start < source.end)
