"""How far back a speaker's referent is: sentences of the writer's counted (a quotation of
three sentences puts its speaker no further away), and sentences passed over whose subject only
relays the speaker's word ("The Kremlin wants ... It wants ... It insists")."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.speakers import Speaker


def narrative(ctx: Context, number: int) -> bool:
    """Whether a sentence has words of the writer's, not only words quoted."""
    known = ctx.narrative.get(number)
    if known is None:
        start, end = ctx.sentences[number]
        words = range(start, end)
        known = any(i not in ctx.quote_of_token and not ctx.doc[i].is_punct for i in words)
        ctx.narrative[number] = known
    return known


def sentences_between(ctx: Context, first: int, last: int) -> int:
    """How many sentences back `first` is from `last`, not counting those wholly quoted (a
    quotation of three sentences puts its speaker no further away)."""
    return sum(1 for n in range(first + 1, last + 1) if narrative(ctx, n))


def relayed_distance(ctx: Context, first: int, last: int, relayed: set[int]) -> int:
    """Sentences back, not counting those whose subject is the speaker's own pronoun: "Under
    Ban ... He has championed ... he said" keeps Ban one sentence back, as a reader does."""
    between = sentences_between(ctx, first, last)
    return max(0, between - sum(1 for n in relayed if first < n < last))


def reach(ctx: Context, own: int, back: int) -> int:
    """The first sentence in reach: `back` sentences of the writer's before `own`."""
    first = own
    while first > 0 and own - first < 4 * back and sentences_between(ctx, first, own) < back:
        first -= 1
    return first


def relaying_sentences(ctx: Context, speaker: Speaker, first: int, own: int) -> set[int]:
    """Sentences whose main subject is the same word as the speaker ("The Kremlin wants ...
    It wants ... It insists ..."): its referent lies before them, so the other names they hold
    are passed over."""
    word = ctx.doc[speaker.head].lower_
    relayed = set()
    for number in range(first, own):
        start, end = ctx.sentences[number]
        root = next((t for t in ctx.doc[start:end] if t.dep_ == "ROOT"), None)
        subjects = (
            [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if root is not None
            else []
        )
        if any(relays(s, word) for s in subjects):
            relayed.add(number)
    return relayed


PRONOUN_FAMILIES = (
    frozenset({"he", "him", "his"}),
    frozenset({"she", "her", "hers"}),
    frozenset({"they", "them", "their"}),
    frozenset({"it", "its"}),
)


def relays(subject: Token, word: str) -> bool:
    """A subject that is the speaker's word, not named there: "His lawyer, Sam Hill, ..." names
    the lawyer rather than passing one on. A pronoun relays its own kind, as a subject or as the
    subject's owner: "He ... His views ... his response was to say"."""
    family = next((f for f in PRONOUN_FAMILIES if word in f), frozenset({word}))
    if subject.pos_ == "PRON" and subject.lower_ in family:
        return True
    if any(c.dep_ == "poss" and c.lower_ in family for c in subject.children):
        return word in family and len(family) > 1
    named = any(child.dep_ == "appos" for child in subject.children)
    return subject.lower_ == word and subject.pos_ in ("PRON", "NOUN") and not named
