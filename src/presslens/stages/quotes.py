"""Who said what: direct, indirect and mixed quotes with their speakers.

1. Quotation marks are paired into quoted spans from the text (quotes_marks): curly or straight,
   over several paragraphs, odd marks tolerated with a warning.
2. Reported speech comes from the parse: a reporting verb with a clause ("X said that ...",
   "..., X warned"), an intention ("X wants to ..."), "according to X", and reporting nouns
   ("Putin's boast that ...", "the claim by Lavrov that ..."); the cues are data
   (resources/reporting_verbs.txt).
3. Each quoted span is attached to a cue: the reported clause it sits in (a quote covering the
   whole clause is `direct`, a fragment of a longer paraphrase is `mixed`), the reporting verb
   it hangs on in the parse, or the nearest cue in its sentence or in a lead-in ending in ":".
   A quote split by its attribution ("We will win," he said, "whatever it takes.") is joined.
   A quote paragraph with no cue that follows a quoted speaker continues that speaker.
4. Short quoted fragments with no cue and no speaker are scare quotes or coined terms: they are
   returned as terms, never as quotes.
5. Pronoun speakers are resolved to the nearest compatible earlier speaker or subject, and every
   speaker is linked to an actor through `entities.actor_at`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from presslens.model import Actor, Article, Quote, Span, StageWarning, Term
from presslens.stages.quotes_lexicon import Lexicon, load_lexicon
from presslens.stages.quotes_marks import Quoted, find_quoted, find_single_quoted
from presslens.stages.quotes_speakers import Speaker, make_speaker, resolve_pronoun, subject_of

STAGE = "quotes"
TERM_MAX_WORDS = 4  # a cue-less quoted fragment this short is a term, not a quote
DIRECT_SHARE = 0.75  # a quote covering this share of a reported clause makes it direct
JOIN_GAP_CHARS = 80  # longest attribution between two halves of an interrupted quote
WINDOW_TOKENS = 12  # how far from a quote its cue may sit in the same sentence
# prepositions that introduce what a reporting noun or adjective is about: "criticism of NATO"
OBJECT_PREPOSITIONS = ("of", "on", "for", "about", "with", "to", "that")


@dataclass(slots=True)
class Attribution:
    """A quote being built: content, cue, speaker and how sure we are."""

    kind: str
    span: Span
    cue: Span | None
    cue_head: int | None
    speaker: Speaker | None
    confidence: float
    parts: tuple[Span, ...] = ()
    core: Span | None = None  # the parsed content before any extension to the sentence end


@dataclass(frozen=True, slots=True)
class Context:
    doc: Doc
    text: str
    lexicon: Lexicon
    actors: tuple[Actor, ...]
    starts: list[int]  # token start offsets, for char -> token lookups
    quote_of_token: dict[int, int]  # token index -> index of the quoted span holding it


# --- small helpers ------------------------------------------------------------------------------


def token_at(ctx: Context, offset: int) -> int:
    """Index of the token that holds or follows `offset`."""
    return max(0, bisect.bisect_right(ctx.starts, offset) - 1)


def tokens_in(ctx: Context, span: Span) -> range:
    first = bisect.bisect_left(ctx.starts, span.start)
    last = bisect.bisect_left(ctx.starts, span.end)
    return range(first, last)


def token_span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def subtree_span(tokens: list[Token]) -> Span:
    return Span(min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))


def trim(text: str, span: Span) -> Span:
    """The span without surrounding spaces and trailing commas."""
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return Span(start, end)


def is_cue_verb(token: Token, lexicon: Lexicon) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.clause


def word_count(text: str) -> int:
    return len([w for w in text.split() if any(c.isalnum() for c in w)])


# --- reported speech from the parse ------------------------------------------------------------


def complement_of(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """What a cue verb reports: its clause, its to-infinitive (intent verbs), its object
    (object verbs), its prepositional object ("call for"), or the clause it interrupts."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and (lemma in lexicon.clause or lemma in lexicon.document):
            return list(child.subtree)
    if lemma in lexicon.intent:
        for child in children:
            if child.dep_ == "xcomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                return list(child.subtree)
    if lemma in lexicon.object:
        objects = [c for c in children if c.dep_ in ("dobj", "obj", "oprd")]
        if objects:
            return [t for c in objects for t in c.subtree]  # "called the statement "odd""
    answers = [c for c in children if c.dep_ == "intj" and c.i > verb.i]
    if answers and lemma in lexicon.clause:
        return answers  # 'said no
    for child in children:
        if child.dep_ == "prep" and f"{lemma} {child.lower_}" in lexicon.preposition:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return list(objects[0].subtree)
    return interrupted_clause(verb, lexicon)


def interrupted_clause(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """'Y, he said.' / 'Y, he said, Z.': the parser makes the cue a child of the clause."""
    head = verb.head
    if verb.lemma_.lower() not in lexicon.clause or head is verb or head.i > verb.i:
        return None
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(t.is_punct for t in head.doc[head.i : verb.i]):
        return None
    own = {t.i for t in verb.subtree}
    return [t for t in head.subtree if t.i not in own and not (t.is_punct and t.i > verb.i)]


def verb_attribution(ctx: Context, verb: Token) -> Attribution | None:
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ctx.lexicon.verbs:
        return None
    if verb.i in ctx.quote_of_token or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    content = complement_of(verb, ctx.lexicon)
    subject = subject_of(verb)
    if not content or subject is None or subject.dep_ == "expl":
        return None
    speaker = make_speaker(ctx.text, subject, ctx.actors)
    if speaker is None:
        return None
    cue = cue_phrase(verb)
    if len(content) == 1 and content[0].lower_ in ("which", "that", "what", "who", "it"):
        return None  # a bare pronoun says nothing on its own
    core = subtree_span(content)
    if core.contains(speaker.span):
        return None  # "What Trump proposes changes ...": the subject came from the content
    span = trim(ctx.text, to_sentence_end(ctx, verb, core))
    return Attribution("indirect", span, cue, verb.i, speaker, 0.7, core=core)


def to_sentence_end(ctx: Context, cue: Token, content: Span) -> Span:
    """A clause reported after its cue runs to the end of the sentence ("X said Y, compared to
    Z"): the parser often hangs trailing phrases on the cue verb instead of the clause."""
    if content.start < cue.idx or cue.dep_ in ("pcomp", "acl", "relcl", "amod", "advcl"):
        return content  # "With Trump saying that ..., the onus is on ...": a side clause
    sentence = cue.sent
    end = sentence.end_char
    while end > content.end and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ".!?"):
        end -= 1
    return Span(content.start, max(content.end, end))


def cue_phrase(verb: Token) -> Span:
    """The verb with its particle ("point out")."""
    end = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child
    return Span(verb.idx, end.idx + len(end.text))


def according_attribution(ctx: Context, token: Token) -> Attribution | None:
    """'according to X, ...': the clause it modifies, without the phrase itself."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None or token.i in ctx.quote_of_token:
        return None
    speaker = make_speaker(ctx.text, source, ctx.actors)
    if speaker is None:
        return None
    phrase = {t.i for t in token.subtree}
    sentence = token.sent
    before = [t for t in sentence if t.i < token.i and t.i not in phrase]
    after = [t for t in sentence if t.i > token.i and t.i not in phrase]
    side = after if len(after) >= len(before) else before
    side = [t for t in side if not t.is_punct or t.text in '"“”'] or side
    if not side:
        return None
    cue = Span(token.idx, to.idx + len(to.text))
    span = trim(ctx.text, subtree_span(side))
    return Attribution("indirect", span, cue, token.i, speaker, 0.75)


def noun_speaker(ctx: Context, noun: Token) -> Speaker | None:
    """The possessor ("Putin's boast") or the by/from agent ("the claim by Lavrov")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return make_speaker(ctx.text, child, ctx.actors)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and (agent.pos_ == "PROPN" or agent.ent_type_):
                return make_speaker(ctx.text, agent, ctx.actors)
    return None


def noun_object(noun: Token) -> list[Token]:
    """'criticism of NATO', 'support for the bill': the prepositional object."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS and child.i > noun.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return list(objects[0].subtree)
    return []


def adjective_attribution(ctx: Context, adjective: Token) -> Attribution | None:
    """'X is confident that ...', 'X is skeptical of ...': a state of mind reported."""
    if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp" or adjective.i in ctx.quote_of_token:
        return None
    if adjective.lemma_.lower() not in ctx.lexicon.adjective:
        return None
    content = next(
        (list(c.subtree) for c in adjective.children if c.dep_ in ("ccomp", "xcomp")), None
    ) or noun_object(adjective)
    subject = subject_of(adjective.head)
    if not content or subject is None or subject.dep_ == "expl" or subject.lower_ == "it":
        return None
    speaker = make_speaker(ctx.text, subject, ctx.actors)
    if speaker is None:
        return None
    span = trim(ctx.text, subtree_span(content))
    return Attribution("indirect", span, token_span(adjective), adjective.i, speaker, 0.55)


def headline_attribution(ctx: Context, token: Token) -> Attribution | None:
    """'Pat Caddell: Democrat voters worried ...': a name opening a sentence, then a colon."""
    # Cheap token tests first: `token.sent` builds a Span, and this runs for every token.
    if token.ent_iob_ != "B" or token.ent_type_ not in ("PERSON", "ORG"):
        return None
    sentence = token.sent
    if token.i != sentence.start:
        return None
    end = token.i
    while end + 1 < sentence.end and ctx.doc[end + 1].ent_iob_ == "I":
        end += 1
    if end + 2 >= sentence.end or ctx.doc[end + 1].text != ":" or token.i in ctx.quote_of_token:
        return None
    speaker = make_speaker(ctx.text, ctx.doc[end], ctx.actors)
    if speaker is None:
        return None
    colon = ctx.doc[end + 1]
    span = trim(ctx.text, Span(colon.idx + 1, sentence.end_char))
    return Attribution("indirect", span, token_span(colon), colon.i, speaker, 0.6)


def noun_attribution(ctx: Context, noun: Token) -> Attribution | None:
    """'X's claim that ...': a reporting noun with a that-clause and a speaker."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.lexicon.nouns:
        return None
    if noun.i in ctx.quote_of_token:
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        ),
        None,
    )
    content = list(clause.subtree) if clause is not None else noun_object(noun)
    if not content:
        return None
    speaker = noun_speaker(ctx, noun)
    if speaker is None:
        return None
    span = trim(ctx.text, subtree_span(content))
    return Attribution("indirect", span, token_span(noun), noun.i, speaker, 0.65)


def reported_speech(ctx: Context) -> list[Attribution]:
    found = []
    for token in ctx.doc:
        made = (
            verb_attribution(ctx, token)
            or according_attribution(ctx, token)
            or noun_attribution(ctx, token)
            or headline_attribution(ctx, token)
            or adjective_attribution(ctx, token)
        )
        if made:
            found.append(made)
    return outermost(found)


def outermost(found: list[Attribution]) -> list[Attribution]:
    """Each token belongs to one attribution: drop those whose cue sits in another's content."""
    kept = []
    for item in found:
        cue = item.cue or item.span
        inside = any(o is not item and (o.core or o.span).contains(cue) for o in found)
        if not inside:
            kept.append(item)
    return kept


# --- direct quotes ------------------------------------------------------------------------------


def quote_head_cue(ctx: Context, quoted: Quoted) -> Token | None:
    """A cue verb the quotation hangs on in the parse, or that hangs on the quotation."""
    inside = set(tokens_in(ctx, quoted.span))
    best: Token | None = None
    for i in inside:
        token = ctx.doc[i]
        ancestors = [token.head, token.head.head] if token.head.i not in inside else []
        candidates = ancestors + [c for c in token.children if c.i not in inside]
        for candidate in candidates:
            if candidate.i in inside or candidate.i in ctx.quote_of_token:
                continue
            if is_cue_verb(candidate, ctx.lexicon) and subject_of(candidate) is not None:
                if best is None or distance(candidate, quoted) < distance(best, quoted):
                    best = candidate
    return best


def distance(token: Token, quoted: Quoted) -> int:
    if token.idx < quoted.span.start:
        return quoted.span.start - token.idx
    return token.idx - quoted.span.end


def window_tokens(ctx: Context, quoted: Quoted) -> list[Token]:
    """Tokens around a quotation that may hold its cue: the rest of its sentences, and the
    start of the next sentence in the paragraph when the quotation ends its own
    ('"...," \n said Caddell.' is often split off by the parser)."""
    doc = ctx.doc
    first = doc[token_at(ctx, quoted.span.start)].sent
    last = doc[token_at(ctx, max(quoted.span.start, quoted.span.end - 1))].sent
    inside = set(tokens_in(ctx, quoted.span))
    tokens = [t for t in doc[first.start : last.end] if t.i not in inside]
    after = [t for t in tokens if t.idx >= quoted.span.end]
    if len(after) <= 1 and last.end < len(doc):
        following = doc[last.end].sent
        if "\n" not in ctx.text[quoted.span.end : following.start_char]:
            tokens += list(following)[:WINDOW_TOKENS]
    return [t for t in tokens if t.i not in ctx.quote_of_token]


def window_cue(ctx: Context, quoted: Quoted) -> Token | None:
    """The nearest cue verb with a subject around the quotation, outside any quote."""
    best: Token | None = None
    for token in window_tokens(ctx, quoted):
        if not is_cue_verb(token, ctx.lexicon) or subject_of(token) is None:
            continue
        if distance(token, quoted) > WINDOW_TOKENS * 8:
            continue
        if best is None or distance(token, quoted) < distance(best, quoted):
            best = token
    return best


def nearest_name(ctx: Context, quoted: Quoted) -> Speaker | None:
    """Last resort for a quotation with no cue: the nearest person or organisation named around
    it ("... doesn't surprise pollster Daron Shaw: "..."", ""..." Trump went on")."""
    tokens = window_tokens(ctx, quoted)
    before = ctx.text[: quoted.span.start].rstrip()
    if before.endswith(":") and not any(t.idx < quoted.span.start for t in tokens):
        tokens = list(ctx.doc[token_at(ctx, len(before) - 1)].sent)
    names = [t for t in tokens if t.ent_type_ in ("PERSON", "ORG") and t.dep_ != "compound"]
    names = [t for t in names if t.i not in ctx.quote_of_token]
    if not names:
        return None
    best = min(names, key=lambda t: distance(t, quoted))
    return make_speaker(ctx.text, best, ctx.actors)


def gap_text(ctx: Context, token: Token, quoted: Quoted) -> str:
    if token.idx < quoted.span.start:
        return ctx.text[token.idx : quoted.span.start]
    return ctx.text[quoted.span.end : token.idx]


def lead_in_cue(ctx: Context, quoted: Quoted) -> Token | None:
    """'Caddell continued:' ending the text just before the quotation (maybe a paragraph)."""
    before = ctx.text[: quoted.span.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = token_at(ctx, len(before) - 1)
    sentence = ctx.doc[colon].sent
    for token in reversed(list(sentence)):
        if token.i <= colon and is_cue_verb(token, ctx.lexicon) and subject_of(token) is not None:
            return token
    return None


def noun_cue(ctx: Context, quoted: Quoted) -> tuple[Token, Speaker] | None:
    """A reporting noun with a speaker earlier in the sentence ("Putin's boast ... that "...")."""
    start = token_at(ctx, quoted.span.start)
    sentence = ctx.doc[start].sent
    for token in reversed(list(ctx.doc[sentence.start : start])):
        if token.i in ctx.quote_of_token:
            return None  # another quotation stands between: the noun is its cue, not ours
        if token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() in ctx.lexicon.nouns or token.lower_ in ctx.lexicon.nouns:
            speaker = noun_speaker(ctx, token)
            if speaker is not None:
                return token, speaker
    return None


def according_cue(ctx: Context, quoted: Quoted) -> Attribution | None:
    """'According to ISW: "..."' with the phrase in the quote's sentence, before it."""
    start = token_at(ctx, quoted.span.start)
    sentence = ctx.doc[start].sent
    for token in ctx.doc[sentence.start : start]:
        found = according_attribution(ctx, token)
        if found:
            return found
    return None


def embedding_clause(ctx: Context, verb: Token, quoted: Quoted) -> tuple[Span, str]:
    """A quotation set in words of the writer after its cue ("called the statement "odd"",
    "said his rival is in "serious trouble"") is reported with those words, as `mixed`."""
    if verb.idx > quoted.span.start or verb.sent.start_char > quoted.span.start:
        return quoted.span, "direct"
    start = verb.idx + len(verb.text)
    between = ctx.text[start : quoted.span.start]
    words = [w for w in between.split() if any(c.isalnum() for c in w)]
    if len(words) <= 1 and (not words or words[0].lower() in ("that", "to", "of")):
        return quoted.span, "direct"
    if len(words) > 25:
        return quoted.span, "direct"
    return trim(ctx.text, Span(start, quoted.span.end)), "mixed"


def attribute_quoted(ctx: Context, quoted: Quoted) -> Attribution | None:
    """Cue and speaker of a quoted span, trying the most reliable evidence first.

    A short fragment needs the parse to tie it to its cue (or "in X's words"): a cue merely
    nearby is how scare quotes and titles ("This Week") get mistaken for speech."""
    short = word_count(quoted.inner.of(ctx.text)) <= TERM_MAX_WORDS
    finders = (
        ((quote_head_cue, 0.9),)
        if short
        else (
            (quote_head_cue, 0.9),
            (window_cue, 0.8),
            (lead_in_cue, 0.75),
        )
    )
    for finder, confidence in finders:
        verb = finder(ctx, quoted)
        if verb is None:
            continue
        subject = subject_of(verb)
        if subject is None or subject.i in ctx.quote_of_token:
            continue
        speaker = make_speaker(ctx.text, subject, ctx.actors)
        if speaker is not None:
            span, kind = embedding_clause(ctx, verb, quoted)
            return Attribution(kind, span, cue_phrase(verb), verb.i, speaker, confidence)
    according = according_cue(ctx, quoted) if not short else None
    if according:
        return replace(according, kind="direct", span=quoted.span, confidence=0.8)
    by_noun = noun_cue(ctx, quoted)
    if by_noun and (not short or by_noun[0].lower_ in ("words", "word")):
        noun, speaker = by_noun
        return Attribution("direct", quoted.span, token_span(noun), noun.i, speaker, 0.7)
    return None


# --- putting quotes and reported speech together -----------------------------------------------


def covering(reported: list[Attribution], span: Span) -> Attribution | None:
    """The reported clause that holds the quotation, if any."""
    holders = [r for r in reported if overlap_share(span, r.core or r.span) > 0.5]
    return min(holders, key=lambda r: len(r.span)) if holders else None


def overlap_share(inner: Span, outer: Span) -> float:
    shared = min(inner.end, outer.end) - max(inner.start, outer.start)
    return max(0, shared) / max(1, len(inner))


def short_fragment(ctx: Context, quoted: Quoted) -> bool:
    return word_count(quoted.inner.of(ctx.text)) <= TERM_MAX_WORDS


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
    return dedupe(attributed), loose, used


def dedupe(items: list[Attribution]) -> list[Attribution]:
    """One record per reported clause (a mixed clause with two quoted fragments counts once)."""
    seen: dict[tuple[int, int], Attribution] = {}
    for item in items:
        key = (item.span.start, item.span.end)
        seen.setdefault(key, item)
    return sorted(seen.values(), key=lambda a: a.span.start)


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
        if previous is None or word_count(q.inner.of(ctx.text)) <= TERM_MAX_WORDS:
            still_loose.append(q)
            continue
        between = Span(previous.span.end, q.span.start)
        gap = between.of(ctx.text)
        close = len(gap) <= JOIN_GAP_CHARS and "\n" not in gap
        cue_between = previous.cue is not None and between.contains(previous.cue)
        paragraph_on = gap.count("\n\n") <= 1 and (word_count(gap) <= 3 or cue_between)
        if (close or paragraph_on) and word_count(gap) <= 40 and not any(m in gap for m in '“”"'):
            parts = (previous.parts or (previous.span,)) + (q.span,)
            joined = replace(previous, span=Span(previous.span.start, q.span.end), parts=parts)
            attributed[attributed.index(previous)] = joined
        else:
            still_loose.append(q)
    return attributed, still_loose


def terms_and_unattributed(
    ctx: Context, loose: list[Quoted]
) -> tuple[list[Term], list[Attribution]]:
    """Short loose fragments are terms; long ones stay quotes with no known speaker."""
    terms, quotes = [], []
    for q in loose:
        inner = trim(ctx.text, q.inner)
        if word_count(inner.of(ctx.text)) <= TERM_MAX_WORDS or len(inner) == 0:
            if len(inner):
                terms.append(Term(inner.of(ctx.text), inner))
        else:
            speaker = nearest_name(ctx, q)
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


def resolve_speakers(ctx: Context, items: list[Attribution]) -> list[Attribution]:
    actors_by_id = {a.id: a for a in ctx.actors}
    earlier: list[Speaker] = []
    resolved = []
    for item in sorted(items, key=lambda a: a.speaker.span.start if a.speaker else a.span.start):
        speaker = item.speaker
        if speaker is not None and speaker.pronoun and speaker.actor_id is None:
            speaker = resolve_pronoun(ctx.doc, speaker, earlier, ctx.actors, actors_by_id)
            item = replace(item, speaker=speaker, confidence=item.confidence * 0.9)
        if speaker is not None:
            earlier.append(speaker)
        resolved.append(item)
    return sorted(resolved, key=lambda a: a.span.start)


def to_quote(ctx: Context, number: int, item: Attribution) -> Quote:
    span = trim(ctx.text, item.span)
    speaker = item.speaker
    return Quote(
        id=f"q{number}",
        kind=item.kind,
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
    )


def make_context(
    article: Article, doc: Doc, actors: tuple[Actor, ...], lexicon: Lexicon, quoted: list[Quoted]
) -> Context:
    starts = doc.to_array(IDX).tolist()  # no Token objects built for every token
    ctx = Context(doc, article.text, lexicon, actors, starts, {})
    for number, q in enumerate(quoted):
        for i in tokens_in(ctx, q.span):
            ctx.quote_of_token[i] = number
    return ctx


def find_quotes(
    article: Article,
    doc: Doc,
    actors: tuple[Actor, ...],
    *,
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Quote, ...], tuple[Term, ...], tuple[StageWarning, ...]]:
    """Quotes, scare-quoted terms, and warnings about what could not be decided."""
    lexicon = lexicon or load_lexicon()
    quoted, odd_marks = find_quoted(article.text, article.paragraphs)
    ctx = make_context(article, doc, actors, lexicon, quoted)
    reported = reported_speech(ctx)
    attributed, loose, used = attribute_all(ctx, quoted, reported)
    attributed = join_interrupted(ctx.text, attributed)
    attributed, loose = continue_speakers(ctx, attributed, loose)
    terms, unattributed = terms_and_unattributed(ctx, loose)
    indirect = [r for r in reported if id(r) not in used and not overlaps_any(r.span, attributed)]
    items = resolve_speakers(ctx, attributed + unattributed + indirect)
    quotes = tuple(to_quote(ctx, n, item) for n, item in enumerate(items, start=1))
    terms += single_quoted_terms(ctx, [q.span for q in quoted])
    terms.sort(key=lambda t: t.span.start)
    warnings = tuple(StageWarning(STAGE, message) for message in odd_marks)
    return quotes, tuple(terms), warnings


def overlaps_any(span: Span, items: list[Attribution]) -> bool:
    return any(overlap_share(span, a.span) > 0.5 for a in items)
