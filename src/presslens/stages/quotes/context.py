"""The working state shared by the quotes stage's steps, and the record they build.

`Context` holds the parse, the lexicon, the actors and fast char -> token lookups; `Attribution`
is a quote being built (content, cue, speaker, confidence) before it becomes a `Quote`. The
helpers here turn tokens into character spans and back, and trim spans for output.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from presslens.model import Actor, Article, Span
from presslens.stages.entities import actors_by_id
from presslens.stages.quotes.gender import actor_genders, likely_genders
from presslens.stages.quotes.marks import (
    OPENING,
    STRAIGHT,
    TWO_CHAR_EITHER,
    TWO_CHAR_OPENING,
    Quoted,
)
from presslens.stages.quotes.speakers import Speaker
from presslens.stages.reporting import Lexicon
from presslens.stages.titles import work_title

# abbreviated titles and the role nouns they stand for
TITLES = {
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "pres.": "president",
    "sec.": "secretary",
    "lt.": "lieutenant",
    "gen.": "general",
}


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
    stance: str | None = None  # already known not to be speech: the stances kind it takes
    within: Span | None = None  # a report inside a report: the span of the quote holding it


@dataclass(frozen=True, slots=True)
class Context:
    """What every step reads: the parse, the text, the cues, the actors, and char -> token
    lookups (built once by `make_context`)."""

    doc: Doc
    text: str
    lexicon: Lexicon
    actors: tuple[Actor, ...]
    starts: list[int]  # token start offsets, for char -> token lookups
    quote_of_token: dict[int, int]  # token index -> index of the quoted span holding it
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token bounds of each
    actor_of_token: dict[int, Actor] = field(default_factory=dict)  # from actors' mentions
    genders: dict[str, str] = field(default_factory=dict)  # actor id -> "m" | "f", if known
    likely: dict[str, str] = field(default_factory=dict)  # the sex a first name says, for the
    # people without one in `genders`: agreement only, no rank (gender.likely_genders)
    # actor id -> nouns beside its name ("Sen." -> senator) -> where given, filled by
    # `resolve` when a role noun first needs them
    roles: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    narrative: dict[int, bool] = field(default_factory=dict)  # sentence -> has the writer's
    # words, not only quoted ones (`resolve`, computed once a sentence)
    titles: set[Span] = field(default_factory=set)  # quotations that are works' titles
    by_id: dict[str, Actor] = field(default_factory=dict)  # actor id -> actor
    parties: dict[str, frozenset[str]] = field(default_factory=dict)  # actor id -> the parties
    # the article ties it to, filled by `parties.actor_parties` when a role first needs them


def make_context(
    article: Article, doc: Doc, actors: tuple[Actor, ...], lexicon: Lexicon, quoted: list[Quoted]
) -> Context:
    starts = doc.to_array(IDX).tolist()  # no Token objects built for every token
    sentences = [(s.start, s.end) for s in doc.sents]
    ctx = Context(doc, article.text, lexicon, actors, starts, {}, sentences)
    for number, q in enumerate(quoted):
        for i in tokens_in(ctx, q.span):
            ctx.quote_of_token[i] = number
    ctx.titles.update(q.span for q in quoted if work_title(doc, ctx.text, q.span, q.inner))
    ctx.by_id.update(actors_by_id(actors))
    for actor in actors:
        for mention in actor.mentions:
            for i in tokens_in(ctx, mention):
                held = ctx.actor_of_token.get(i)
                if held is None or longest_mention(held, i, ctx) < len(mention):
                    ctx.actor_of_token[i] = actor
    genders = actor_genders(article.text, ctx.starts, doc, actors, quoted, sentences)
    ctx.genders.update(genders)
    ctx.likely.update(likely_genders(actors, genders))
    return ctx


def longest_mention(actor: Actor, token: int, ctx: Context) -> int:
    """The length of the actor's longest mention holding the token (`actor_at` keeps it)."""
    offset = ctx.starts[token]
    return max((len(m) for m in actor.mentions if m.start <= offset < m.end), default=0)


def sentence_of(ctx: Context, token: int) -> int:
    """Index of the sentence holding a token."""
    return max(0, bisect.bisect_right(ctx.sentences, (token, len(ctx.doc) + 1)) - 1)


def token_at(ctx: Context, offset: int) -> int:
    """Index of the token that holds or follows `offset`."""
    return max(0, bisect.bisect_right(ctx.starts, offset) - 1)


def last_token(ctx: Context, span: Span) -> int:
    """Index of a span's last token (a quotation's closing mark)."""
    return token_at(ctx, max(span.start, span.end - 1))


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
    opening = OPENING_AT_END.search(text, start, end)
    if opening is not None:  # 'the vote was rigged. ''We feel ...': the next quotation's mark
        end = opening.start()
    return Span(start, end)


# a quotation mark after a sentence's end and a space, closing a span: it opens what follows
OPENING_AT_END = re.compile(
    rf"(?<=[.!?])\s+(?:{TWO_CHAR_EITHER}|{TWO_CHAR_OPENING}|[{OPENING}{STRAIGHT}])$"
)


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a plural noun that has a subject and a clause of
    its own ("Trump claims that ...": 'claims' tagged NNS): the parse shows the verb."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.tag_ != "NNS":
        return False
    deps = {child.dep_ for child in token.children}
    return "nsubj" in deps and "ccomp" in deps


def is_cue_verb(token: Token, lexicon: Lexicon) -> bool:
    return (
        acts_as_verb(token)
        and (token.lemma_.lower() in lexicon.clause or puts_it(token) or talks_back(token))
        and not naming(token, lexicon)
    )


def talks_back(verb: Token) -> bool:
    """'Sanders shot back, "..."', 'fired back', 'hit back': a verb of striking with "back"
    reports a retort, though none of them is a verb of saying ("paid back" is not one)."""
    backs = (c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children)
    return verb.lemma_.lower() in RETORTING and any(backs)


RETORTING = frozenset({"shoot", "fire", "hit", "snap", "strike", "punch", "lash", "push", "bark"})


def puts_it(verb: Token) -> bool:
    """'As Roe puts it, ...': the idiom says whose words follow, though "put" is no verb of
    saying ("put it into play" is not the idiom: it has no "as")."""
    children = list(verb.children)
    return (
        verb.lemma_ == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    )


def naming(verb: Token, lexicon: Lexicon) -> bool:
    """'a super PAC called Future 45': a participle naming its noun, not a saying, also when
    the parse makes it the verb of a name followed by the sentence's own ('A PAC called Our
    Principles is ramping up'). A clause with its own subject is no participle, nor is one
    the parse hung on a person's name: "efforts -- which Tim Cook called 'crap' --"."""
    if verb.lemma_.lower() not in lexicon.naming:
        return False
    deps = {c.dep_ for c in verb.children}
    participle = verb.dep_ == "acl" and "nsubj" not in deps and verb.head.ent_type_ != "PERSON"
    opening = verb.i == verb.sent.start and verb.tag_ == "VBN" and not deps & BEARERS
    return participle or opening or {"oprd", "ccomp"} <= deps and "dobj" not in deps


# a finite verb's, not a participle's: 'Titled "A Long Night," the film ...' names
BEARERS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


def word_count(text: str) -> int:
    return len([w for w in text.split() if any(c.isalnum() for c in w)])


def cue_phrase(verb: Token) -> Span:
    """The verb with its particle ("point out", "shot back")."""
    end = verb
    for child in verb.children:
        back = child.lower_ == "back" and child.dep_ == "advmod"
        if (child.dep_ == "prt" or back) and child.i == verb.i + 1:
            end = child
    return Span(verb.idx, end.idx + len(end.text))


# verbs of telling, whose object is whom, not what ("told reporters", "warned the board")
TOLD = frozenset({"tell", "inform", "warn", "assure", "remind"})


def tells_whom(verb: Token, lexicon: Lexicon) -> bool:
    """A verb whose object is whom, not what: "told reporters", "asked Roe" (the lexicon's
    [addressee])."""
    return verb.lemma_.lower() in TOLD | lexicon.addressee
