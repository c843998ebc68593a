"""Who said what: direct, indirect and mixed quotes with their speakers.

1. Quotation marks are paired into quoted spans from the text (`marks`): curly or straight,
   over several paragraphs, odd marks tolerated with a warning.
2. Reported speech comes from the parse (`reported`): a reporting verb with a clause ("X said
   that ...", "..., X warned"), an intention ("X wants to ..."), "according to X", and reporting
   nouns ("Putin's boast that ...", "the claim by Lavrov that ..."); the cues are data
   (resources/reporting_verbs.txt, read by `lexicon`).
3. Each quoted span is attached to a cue: the reported clause it sits in (a quote covering the
   whole clause is `direct`, a fragment of a longer paraphrase is `mixed`), the reporting verb
   it hangs on in the parse, or the nearest cue in its sentence or in a lead-in ending in ":"
   (`direct`). A quote split by its attribution ("We will win," he said, "whatever it takes.")
   is joined. A quote paragraph with no cue that follows a quoted speaker continues that speaker.
4. Short quoted fragments with no cue and no speaker are scare quotes or coined terms: they are
   returned as terms, never as quotes.
5. Every speaker is linked to an actor through `entities.actor_at` (`speakers`), joint speakers
   to each; pronouns and role nouns ("the candidate") to the most salient earlier referent that
   agrees in type, gender and number (`resolve`).
6. Attributions of speech that did not happen ("did not say", "declined to comment", "could
   say") and of stances or intentions ("opposes", "seeks to") are stances, not quotes (`kinds`).

7. In accurate mode, a learned tagger on the encoder's pieces (`learned`, `tagged`) adds the
   attributions the rules missed (those overlapping no rule record), through the same speaker
   and stance steps.

This module puts the pieces together: `find_quotes` is the whole stage in one screen.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from presslens.model import Actor, Article, Quote, Span, StageWarning, Term
from presslens.nlp.encoder import SentenceVectors
from presslens.stages.entities.junk import credit_lines
from presslens.stages.quotes.blocks import (
    block_attributions,
    lead_ins,
    not_within,
    quoted_sentences,
)
from presslens.stages.quotes.clauses import adverbial, contrast_after
from presslens.stages.quotes.context import (
    Attribution,
    Context,
    make_context,
    tokens_in,
    trim,
    word_count,
)
from presslens.stages.quotes.direct import (
    TERM_MAX_WORDS,
    attribute_quoted,
    colon_subject,
    lead_paragraph_speaker,
    named_after,
    nearest_name,
    short_fragment,
)
from presslens.stages.quotes.following import after_paraphrase, holds_quotation
from presslens.stages.quotes.inner import inner_reports, settled
from presslens.stages.quotes.kinds import (
    about_anonymity,
    attribution_kind,
    leave_to_speak,
    only_a_name,
)
from presslens.stages.quotes.lede import identified_later
from presslens.stages.quotes.marks import Quoted, find_quoted, find_single_quoted
from presslens.stages.quotes.posts import post_attributions
from presslens.stages.quotes.repeated import repeated_quotes
from presslens.stages.quotes.reported import reported_and_inner
from presslens.stages.quotes.resolve import resolve
from presslens.stages.quotes.speakers import Speaker
from presslens.stages.quotes.surnames import namesakes
from presslens.stages.quotes.tagged import tagged_attributions
from presslens.stages.quotes.topics import a_noun_only, demanded, only_a_topic
from presslens.stages.quotes.turns import outside_turns, turn_attributions
from presslens.stages.reporting import Lexicon, load_lexicon
from presslens.stages.titles import title_like

STAGE = "quotes"
DIRECT_SHARE = 0.75  # a quote covering this share of a reported clause makes it direct
JOIN_GAP_CHARS = 80  # longest attribution between two halves of an interrupted quote


def covering(reported: list[Attribution], span: Span) -> Attribution | None:
    """The reported clause that holds the quotation, if any: not one whose cue is inside it
    ('"We'll stand up and make it clear that it is too late ...," Roe told a crowd': the
    quoted speaker's own words, which the cue outside reports)."""
    holders = [
        r
        for r in reported
        if span.share_inside(r.core or r.span) > 0.5 and not (r.cue and span.contains(r.cue))
    ]
    return min(holders, key=lambda r: len(r.span)) if holders else None


def speech_cue(ctx: Context, item: Attribution) -> bool:
    """Whether the cue reports words (say, claim) rather than a stance (support, echo)."""
    if item.cue_head is None:
        return False
    lemma = ctx.doc[item.cue_head].lemma_.lower()
    return lemma in ctx.lexicon.clause or lemma in ctx.lexicon.nouns or lemma == "accord"


def attribute_all(
    ctx: Context, quoted: list[Quoted], reported: list[Attribution]
) -> tuple[list[Attribution], list[Quoted], set[int]]:
    """Attributions for quoted spans, the cue-less quoted spans, and reported clauses used up."""
    attributed: list[Attribution] = []
    loose: list[Quoted] = []
    used: set[int] = set()
    for q in quoted:
        if q.span in ctx.titles:
            loose.append(q)  # 'said in his book, "An American Son"': a title, no one's words
            continue
        holder = covering(reported, q.span)
        if holder is not None and short_fragment(ctx, q) and not speech_cue(ctx, holder):
            loose.append(q)  # 'whose philosophy echoes "black-hundred" fascism': a term
            continue
        if holder is not None:
            used.add(id(holder))
            share = len(q.span) / max(1, len(holder.span))
            if share >= DIRECT_SHARE:
                span = Span(min(q.span.start, holder.span.start), max(q.span.end, holder.span.end))
                attributed.append(replace(holder, kind="direct", span=span, confidence=0.9))
            else:
                span = Span(min(q.span.start, holder.span.start), max(q.span.end, holder.span.end))
                attributed.append(replace(holder, kind="mixed", span=span, confidence=0.8))
            continue
        found = attribute_quoted(ctx, q)
        if found is None:
            loose.append(q)
        else:
            attributed.append(found)
    attributed = [whole_clause(a, reported, used) if a.kind == "mixed" else a for a in attributed]
    return dedupe(attributed), loose, used


def whole_clause(item: Attribution, reported: list[Attribution], used: set[int]) -> Attribution:
    """A quoted fragment attributed on its own (a mixed quote) whose cue also reports a longer
    clause ('Another notes her job in Alaska "sliming" fish, or removing the guts ...') is part
    of that clause: one record over the whole, not a mixed quote and an indirect one. (A whole
    quotation stays as it is: 'The statement said: "..." the union wrote' is the quotation.)"""
    for clause in reported:
        if id(clause) in used or clause.cue is None or clause.cue != item.cue:
            continue
        if clause.span.overlaps(item.span):
            used.add(id(clause))
            start = min(item.span.start, clause.span.start)
            return replace(item, span=Span(start, max(item.span.end, clause.span.end)))
    return item


def dedupe(items: list[Attribution]) -> list[Attribution]:
    """One record per reported clause: a mixed clause with two quoted fragments counts once,
    also when the last fragment's closing mark runs past the clause ('said A "x," while "y."')."""
    kept: list[Attribution] = []
    for item in sorted(items, key=lambda a: (a.span.start, a.span.end)):
        last = kept[-1] if kept else None
        if last is not None and same_record(last, item):
            span = Span(last.span.start, max(last.span.end, item.span.end))
            kept[-1] = replace(last, span=span)
            continue
        kept.append(item)
    return kept


def same_record(one: Attribution, other: Attribution) -> bool:
    """The same span, or overlapping spans on one cue."""
    if one.span == other.span:
        return True
    return one.cue_head == other.cue_head and one.span.overlaps(other.span)


def join_interrupted(text: str, items: list[Attribution]) -> list[Attribution]:
    """'"A," he said, "B."' -> one quote: same cue between the halves, a short gap."""
    joined: list[Attribution] = []
    for item in items:
        last = joined[-1] if joined else None
        if last is not None and can_join(text, last, item):
            parts = (last.parts or (last.span,)) + (item.parts or (item.span,))
            joined[-1] = replace(last, span=Span(last.span.start, item.span.end), parts=parts)
            continue
        joined.append(item)
    return joined


def can_join(text: str, first: Attribution, second: Attribution) -> bool:
    if first.kind != "direct" or second.kind != "direct" or first.cue is None:
        return False
    gap = Span(first.span.end, second.span.start)
    if gap.end < gap.start or len(gap) > JOIN_GAP_CHARS or "\n" in gap.of(text):
        return False
    same_cue = second.cue_head is None or second.cue_head == first.cue_head
    return same_cue and gap.contains(first.cue)


def continue_speakers(
    ctx: Context, attributed: list[Attribution], loose: list[Quoted]
) -> tuple[list[Attribution], list[Quoted]]:
    """A cue-less quotation right after a quoted speaker continues that speaker's words:
    '"A," said Caddell. "B."' and a quote paragraph after '"A," Adelson said in Macau.'"""
    still_loose = []
    for q in loose:
        earlier = [a for a in attributed if a.span.end <= q.span.start and a.kind == "direct"]
        previous = earlier[-1] if earlier else None
        short = word_count(q.inner.of(ctx.text)) <= TERM_MAX_WORDS
        if previous is None or short or q.span in ctx.titles or another_speaker(ctx, q, previous):
            still_loose.append(q)
            continue
        between = Span(previous.span.end, q.span.start)
        gap = between.of(ctx.text)
        close = len(gap) <= JOIN_GAP_CHARS and "\n" not in gap
        cue_between = previous.cue is not None and between.contains(previous.cue)
        paragraph_on = gap.count("\n\n") <= 1 and (word_count(gap) <= 3 or cue_between)
        if (close or paragraph_on) and word_count(gap) <= 40 and not holds_quotation(gap):
            parts = (previous.parts or (previous.span,)) + (q.span,)
            joined = replace(previous, span=Span(previous.span.start, q.span.end), parts=parts)
            attributed[attributed.index(previous)] = joined
        else:
            still_loose.append(q)
    return attributed, still_loose


def another_speaker(ctx: Context, q: Quoted, previous: Attribution) -> bool:
    """'"A," he claimed. / "B," an angry Roe retaliated.': B names its own speaker, after it
    or in the sentence leading into it with a colon ("Senator Ray delivered a blunt message
    to Trump: "B."")."""
    own = named_after(ctx, q) or colon_subject(ctx, q)
    held = previous.speaker.actor_ids or (previous.speaker.actor_id,) if previous.speaker else ()
    return own is not None and (own.actor_id is None or own.actor_id not in held)


def terms_and_unattributed(
    ctx: Context, loose: list[Quoted]
) -> tuple[list[Term], list[Attribution]]:
    """Short loose fragments and titles ("The Steve Harvey Morning Show") are terms; long ones
    stay quotes with no known speaker."""
    terms: list[Term] = []
    quotes: list[Attribution] = []
    for q in loose:
        inner = trim(ctx.text, q.inner)
        words = inner.of(ctx.text)
        if word_count(words) <= TERM_MAX_WORDS or len(inner) == 0 or title_like(words):
            if len(inner):
                terms.append(Term(inner.of(ctx.text), inner))
        else:
            speaker = nearest_name(ctx, q) or lead_paragraph_speaker(ctx, q, quotes)
            quotes.append(
                Attribution("direct", q.span, None, None, speaker, 0.4 if speaker else 0.3)
            )
    return terms, quotes


def single_quoted_terms(ctx: Context, taken: list[Span]) -> list[Term]:
    terms = []
    for span in find_single_quoted(ctx.text):
        if any(t.overlaps(span) for t in taken):
            continue
        inner = Span(span.start + 1, span.end - 1)
        terms.append(Term(inner.of(ctx.text), inner))
    return terms


class Found(NamedTuple):
    """What the stage finds: quotes, scare-quoted terms, warnings, and the stances (attributions
    that are not speech, ids "st1"...)."""

    quotes: tuple[Quote, ...]
    terms: tuple[Term, ...]
    warnings: tuple[StageWarning, ...]
    stances: tuple[Quote, ...] = ()


# stances whose holder did not speak ("Roe wants ..."); one who "would not say" or "declined
# to comment" still spoke to the reporter, and a role noun after it may be theirs
NOT_SPEAKING = frozenset({"intent", "stance"})


def to_resolve(ctx: Context, speaker: Speaker) -> bool:
    """A pronoun, a role noun, or a surname two people share: which actor needs reading."""
    return speaker.pronoun or speaker.role is not None or bool(namesakes(ctx, speaker))


def resolve_speakers(ctx: Context, items: list[Attribution]) -> list[Attribution]:
    earlier: list[Speaker] = []
    resolved = []
    for item in sorted(items, key=lambda a: a.speaker.span.start if a.speaker else a.span.start):
        speaker = item.speaker
        if speaker is not None and speaker.actor_id is None and to_resolve(ctx, speaker):
            speaker = with_partners(
                ctx, resolve(ctx, speaker, earlier, people_quoted_of(ctx, item))
            )
            item = replace(item, speaker=speaker, confidence=item.confidence * 0.9)
        if speaker is not None and speaker.actor_id is None and not speaker.pronoun:
            speaker = identified_later(ctx, speaker)
            item = replace(item, speaker=speaker)
        if speaker is not None:
            holder = kind_of(ctx, item) in NOT_SPEAKING  # wants or believes: no speaker's rank
            earlier.append(replace(speaker, holder=True) if holder else speaker)
        resolved.append(item)
    return sorted(resolved, key=lambda a: a.span.start)


def with_partners(ctx: Context, speaker: Speaker) -> Speaker:
    """'he and Ken Bowersox listed ...': the resolved pronoun's actor and the actors of the
    names joined to it."""
    partners = [ctx.actor_of_token.get(c.i) for c in ctx.doc[speaker.head].conjuncts]
    ids = tuple(dict.fromkeys([*speaker.actor_ids, *(a.id for a in partners if a)]))
    if not speaker.actor_ids or ids == speaker.actor_ids:
        return speaker
    return replace(speaker, actor_ids=ids, plural=True)


def people_quoted_of(ctx: Context, item: Attribution) -> frozenset[str]:
    """The people a quotation names ('"... whether Senator Roe's message could win," he
    said'): a pronoun before or after it stands for someone else."""
    if item.kind == "indirect":
        return frozenset()
    tokens = [i for part in item.parts or (item.span,) for i in tokens_in(ctx, part)]
    actors = [ctx.actor_of_token.get(i) for i in tokens if i in ctx.quote_of_token]
    return frozenset(a.id for a in actors if a is not None and a.type == "PERSON")


def kind_of(ctx: Context, item: Attribution) -> str | None:
    """The stance kind of an attribution that is not speech, None for speech. What is only a
    name ("attacking Mr. Roe", "praised the Rail Union") says whom, not what: a stance."""
    if item.stance is not None:
        return item.stance
    if item.cue_head is None:
        return None
    found = attribution_kind(ctx.doc[item.cue_head], ctx.lexicon)
    if found is not None or item.kind != "indirect":
        return found
    content = [ctx.doc[i] for i in tokens_in(ctx, item.span)]
    cue = ctx.doc[item.cue_head]
    topic = cue.lemma_.lower() in ctx.lexicon.topic and a_noun_only(content, ctx.lexicon.nouns)
    about = only_a_topic(content) and not demanded(cue, content, ctx.lexicon.demand)
    return "stance" if only_a_name(content) or about or topic else None


# the article itself as speaker: "An earlier version of this article misstated ...", "This
# story has been updated to ..." are the writer's own notices to the reader, no one's words
OWN_ARTICLE = re.compile(r"\b(?:version of )?this (?:article|story|post|piece)\b", re.IGNORECASE)


def own_notice(ctx: Context, item: Attribution) -> bool:
    return item.speaker is not None and bool(OWN_ARTICLE.search(item.speaker.span.of(ctx.text)))


def of_anonymity(ctx: Context, item: Attribution) -> bool:
    """How a source is kept unnamed ("spoke on condition of anonymity"), or the topic it may
    not speak on by name ("requested anonymity to discuss X"): no words of theirs."""
    if item.kind != "indirect":
        return False
    if item.cue_head is not None and leave_to_speak(ctx.doc[item.cue_head]):
        return True
    return about_anonymity([ctx.doc[i] for i in tokens_in(ctx, item.span)])


def to_quote(ctx: Context, ident: str, item: Attribution, kind: str) -> Quote:
    span = trim(ctx.text, item.span)
    speaker = item.speaker
    return Quote(
        id=ident,
        kind=kind,
        text=span.of(ctx.text),
        span=span,
        cue=item.cue.of(ctx.text) if item.cue else None,
        cue_span=item.cue,
        speaker=speaker.span.of(ctx.text) if speaker else None,
        speaker_span=speaker.span if speaker else None,
        speaker_actor_id=speaker.actor_id if speaker else None,
        confidence=round(item.confidence, 2),
        parts=tuple(trim(ctx.text, part) for part in item.parts),
        speaker_name=speaker.name if speaker else None,
        speaker_actor_ids=speaker.actor_ids if speaker and speaker.actor_id else (),
    )


def split_stances(
    ctx: Context, items: list[Attribution], inner: list[Attribution] | None = None
) -> tuple[tuple[Quote, ...], tuple[Quote, ...]]:
    """Quotes ("q1"...) and stances ("st1"...), each numbered in text order; a report inside
    a quote (`inner`) names the quote in `within`. Nothing inside a stance is said ("refuses
    to explain how", "I want to ask you, will ..."), and a stance inside a quote is the
    quote's own word, not listed again."""
    stance = {id(item): kind_of(ctx, item) for item in [*items, *(inner or [])]}
    said = {item.span for item in items if stance[id(item)] is None}
    inner = [i for i in inner or [] if i.within in said and stance[id(i)] is None]
    everything = sorted([*items, *inner], key=lambda a: (a.span.start, a.within is not None))
    kinds = [stance[id(item)] for item in everything]
    counts = {"q": 0, "st": 0}
    ids: list[str] = []
    by_span: dict[Span, str] = {}
    for item, kind in zip(everything, kinds, strict=True):
        prefix = "q" if kind is None else "st"
        counts[prefix] += 1
        ids.append(f"{prefix}{counts[prefix]}")
        by_span.setdefault(item.span, ids[-1])
    quotes: list[Quote] = []
    stances: list[Quote] = []
    for item, kind, ident in zip(everything, kinds, ids, strict=True):
        quote = to_quote(ctx, ident, item, kind or item.kind)
        if item.within is not None:
            quote = replace(quote, within=by_span.get(item.within))
        (quotes if kind is None else stances).append(quote)
    return tuple(quotes), tuple(stances)


def find_quotes(
    article: Article,
    doc: Doc,
    actors: tuple[Actor, ...],
    *,
    lexicon: Lexicon | None = None,
    vectors: SentenceVectors | None = None,
) -> Found:
    """Quotes, scare-quoted terms, warnings about what could not be decided, and stances.
    With the accurate mode's `vectors`, the learned tagger adds what the rules missed."""
    lexicon = lexicon or load_lexicon()
    quoted, odd_marks = find_quoted(article.text, article.paragraphs)
    ctx = make_context(article, doc, actors, lexicon, quoted)
    reported, dropped = reported_and_inner(ctx)
    attributed, loose, used = attribute_all(ctx, quoted, reported)
    attributed = join_interrupted(ctx.text, attributed)
    attributed, loose = continue_speakers(ctx, attributed, loose)
    before = attributed + [r for r in reported if id(r) not in used]
    followed, loose = after_paraphrase(ctx, loose, before)  # 'X, Roe said. "Y."'
    attributed += followed
    terms, unattributed = terms_and_unattributed(ctx, loose)
    indirect = [r for r in reported if id(r) not in used and not overlaps_any(r.span, attributed)]
    dropped += [r for r in reported if id(r) not in used and overlaps_any(r.span, attributed)]
    posts = post_attributions(ctx, article.paragraphs)
    items = [*outside(attributed + unattributed + indirect, posts), *posts]
    set_apart = block_attributions(ctx, article.paragraphs)  # "The governor added:" + paragraph
    outside_blocks = not_within(items, set_apart)
    dropped += [item for item in items if item not in outside_blocks]  # told in a block
    items = [*outside_blocks, *set_apart]
    quoted_sentences(ctx, set_apart)  # a block is words quoted: no distance for a pronoun
    turns = turn_attributions(ctx, blocks(article))  # "TAPPER: Do you think ...?"
    items = [*outside_turns(items, turns), *turns]
    items += tagged_attributions(ctx, vectors, items)
    items = lead_ins(items, set_apart)
    items = outside(items, [item for item in items if item.speaker is not None])
    lines = credit_lines(ctx.text, ctx.doc)
    items = standing(ctx, items, lines)
    outer = repeated_quotes(ctx, resolve_speakers(ctx, items))
    inner = inner_reports(ctx, standing(ctx, dropped, lines), outer)
    if inner:  # resolved with the others, which stay as they were resolved alone
        inner = [i for i in resolve_speakers(ctx, [*items, *inner]) if i.within is not None]
        inner = settled(ctx, inner, outer)
    quotes, stances = split_stances(ctx, outer, inner)
    terms += single_quoted_terms(ctx, [q.span for q in quoted])
    terms = [t for t in terms if not any(q.span.contains(t.span) for q in quotes)]  # tagged
    terms.sort(key=lambda t: t.span.start)
    warnings = tuple(StageWarning(STAGE, message) for message in odd_marks)
    return Found(quotes, tuple(terms), warnings, stances)


def standing(ctx: Context, items: list[Attribution], lines: list[Span]) -> list[Attribution]:
    """The attributions that stand as said: not how a source is kept unnamed, not the article's
    own notice or credit line, not when it was said, words of their own."""
    items = [item for item in items if not of_anonymity(ctx, item) and not own_notice(ctx, item)]
    items = [past_the_when(ctx, item) for item in items]
    return [
        item
        for item in items
        if not in_credit_line(item, lines)
        and says_something(ctx, item)
        and not when_it_was_said(ctx, item)
        and not speaker_inside(item)
    ]


CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "AUX", "NUM", "ADJ", "INTJ"})


def blocks(article: Article) -> list[Span]:
    """Paragraphs and headings in text order."""
    headings = [s.heading_span for s in article.sections if s.heading_span is not None]
    return sorted([*article.paragraphs, *headings], key=lambda span: span.start)


def says_something(ctx: Context, item: Attribution) -> bool:
    """Whether reported words hold a word of their own: not 'said so too', 'denied it'
    (quoted words always do: '"Yes," he said')."""
    if item.kind != "indirect":
        return True
    return any(ctx.doc[i].pos_ in CONTENT_POS for i in tokens_in(ctx, item.span))


def speaker_inside(item: Attribution) -> bool:
    """A speaker inside what it is said to have said is one phrase read twice: 'exploiting the
    fears of workers who have lost their jobs' (a content holding its speaker and not its
    cue), "What Trump [proposes] changes ..." (a piece of the content holding it). Not a cue
    set inside the content with its speaker ("The move, Carr explained, was ...")."""
    if item.speaker is None:
        return False
    if item.parts:
        return any(part.contains(item.speaker.span) for part in item.parts)
    whole = item.cue is None or not item.span.overlaps(item.cue)
    return whole and item.span.contains(item.speaker.span)


def past_the_when(ctx: Context, item: Attribution) -> Attribution:
    """'But when Congress cut funding, Mexico said enough' read whole as what Mexico said: the
    words after the cue, when all before its speaker is a clause telling when."""
    if item.kind != "indirect" or item.cue is None or item.speaker is None:
        return item
    if not (item.span.contains(item.cue) and item.span.contains(item.speaker.span)):
        return item
    before = [ctx.doc[i] for i in tokens_in(ctx, Span(item.span.start, item.speaker.span.start))]
    cue = ctx.doc[item.cue_head] if item.cue_head is not None else None
    if cue is None or not before or not adverbial_of(before, cue):
        return item
    rest = trim(ctx.text, Span(item.cue.end, item.span.end))
    return replace(item, span=rest, core=rest) if rest.end > rest.start else item


def adverbial_of(tokens: list[Token], cue: Token) -> bool:
    """Whether the tokens are a clause of the cue's that an adverbial word opens ("when ...",
    "after ..."), with at most a joining word and punctuation besides."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside and not t.is_punct]
    roots = [t for t in roots if t.dep_ not in ("cc", "advmod")]  # "But", "later"
    return bool(roots) and all(  # set before the cue; "said when they would vote" asks
        t.dep_ == "advcl" and t.head.i == cue.i and t.right_edge.i < cue.i and adverbial(t)
        for t in roots
    )


def when_it_was_said(ctx: Context, item: Attribution) -> bool:
    """'But when Congress cut funding two years later, Mexico said enough': a clause of the
    cue's that an adverbial word opens tells when or why it was said, not what was said."""
    if item.kind != "indirect" or item.cue_head is None:
        return False
    cue = ctx.doc[item.cue_head]
    if any(contrast_after(cue, c) is not None for c in cue.children if c.dep_ == "ccomp"):
        return False  # "A, X reported, while B, Y reported": B is what Y reported
    return adverbial_of([ctx.doc[i] for i in tokens_in(ctx, item.span)], cue)


def in_credit_line(item: Attribution, lines: list[Span]) -> bool:
    """'Roe reported from Oakland; Bell, from Washington.': the story's makers, not speech."""
    at = item.cue or item.span
    return any(line.contains(at) for line in lines)


def outside(items: list[Attribution], holders: list[Attribution]) -> list[Attribution]:
    """Without the speakerless quotes inside a holder: a post's author, or the speaker of a
    mixed clause holding the quotation ('she talked about "A" and her commitment "B"'), says
    them."""
    return [
        item
        for item in items
        if item.speaker is not None or not any(h.span.contains(item.span) for h in holders)
    ]


def overlaps_any(span: Span, items: list[Attribution]) -> bool:
    return any(span.share_inside(a.span) > 0.5 for a in items)
