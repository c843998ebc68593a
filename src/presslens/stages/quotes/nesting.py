"""Which of two nested attributions stays: each token belongs to one, but a claim in the
writer's gloss on another's content stays its own ("Video shows A, contradicting police's claim
that B"), and "X says A, according to Z" is X's."""

from __future__ import annotations

from dataclasses import replace

from presslens.model import Span
from presslens.stages.quotes.context import Attribution, Context, trim


def outermost(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Each token belongs to one attribution: drop those whose cue sits in another's content,
    but for one in the writer's gloss on it ("Video shows A, contradicting police's claim that
    B"): that one stays, and the content it glosses ends before the gloss. "X says A,
    according to Z" is X's: Z reports the saying, not A."""
    cuts: dict[int, int] = {}
    for item in found:
        saying = reports_saying(ctx, item, found)
        if saying is not None and item.cue is not None and ends_with(saying, item.cue.start):
            cuts[id(saying)] = item.cue.start  # X's content stops before it
    found = [item for item in found if reports_saying(ctx, item, found) is None]
    kept = []
    for item in found:
        cue = item.cue or item.span
        holders = [o for o in found if o is not item and (o.core or o.span).contains(cue)]
        glosses = [gloss_in(ctx, item, o) for o in holders]
        if not holders or all(g is not None for g in glosses):
            kept.append(item)
    for item in kept:
        for other in kept:
            gloss = gloss_in(ctx, item, other) if other is not item else None
            if gloss is not None:
                cuts[id(other)] = min(cuts.get(id(other), gloss), gloss)
    return [cut_before(ctx, item, cuts[id(item)]) if id(item) in cuts else item for item in kept]


def ends_with(item: Attribution, at: int) -> bool:
    """Whether `at` falls after the start of the item's content (and of its core)."""
    return at > item.span.start and (item.core is None or at > item.core.start)


def reports_saying(ctx: Context, item: Attribution, found: list[Attribution]) -> Attribution | None:
    """The attribution whose verb of saying an "according to" phrase hangs on, if any."""
    if item.cue_head is None or ctx.doc[item.cue_head].lower_ != "according":
        return None
    verb = ctx.doc[item.cue_head].head
    if verb.lemma_.lower() not in ctx.lexicon.clause or not any(
        c.dep_ == "ccomp" for c in verb.children
    ):
        return None  # "pledged to support X, according to Z": Z's account of an intent
    return next((o for o in found if o.cue_head == verb.i and o.speaker and o is not item), None)


def gloss_in(ctx: Context, item: Attribution, holder: Attribution) -> int | None:
    """Where a participial clause set off by a comma in the holder's content starts, when the
    item's cue hangs in it and names its own speaker ("..., contradicting police's claim that
    ...") or speaks as the holder's ("Roe said A, calling it B"); None otherwise (", saying"
    that took the subject of the clause it hangs in)."""
    if item.cue_head is None or holder.cue_head is None or item.speaker is None:
        return None
    core = holder.core or holder.span
    token = ctx.doc[item.cue_head]
    while token.head.i != token.i and core.start <= token.head.idx < core.end:
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > 0:
            before = ctx.doc[token.left_edge.i - 1]
            if (
                before.text == ","
                and before.idx >= core.start
                and (item.speaker.span.start > before.idx or same_speaker(item, holder))
            ):
                return before.idx
            return None
        token = token.head
    return None


def same_speaker(one: Attribution, other: Attribution) -> bool:
    return (
        one.speaker is not None
        and other.speaker is not None
        and one.speaker.head == other.speaker.head
    )


def cut_before(ctx: Context, item: Attribution, at: int) -> Attribution:
    span = trim(ctx.text, Span(item.span.start, at))
    core = trim(ctx.text, Span(item.core.start, min(at, item.core.end))) if item.core else None
    return replace(item, span=span, core=core)
