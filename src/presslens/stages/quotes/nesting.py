"""Which of two nested attributions stays: each token belongs to one, but a claim in the
writer's gloss on another's content stays its own ("Video shows A, contradicting police's claim
that B"). "X says A, according to Z" stays Z's, as PolNeAR annotates it: Z is who the
reader has it from (the inner saying was tried as X's in session 20 and lost a dev item; see
NOTES)."""

from __future__ import annotations

from dataclasses import replace

from presslens.model import Span
from presslens.stages.quotes.context import Attribution, Context, trim


def outermost(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Each token belongs to one attribution: drop those whose cue sits in another's content,
    but for one in the writer's gloss on it ("Video shows A, contradicting police's claim that
    B"): that one stays, and the content it glosses ends before the gloss."""
    kept = []
    for item in found:
        cue = item.cue or item.span
        holders = [
            o
            for o in found
            if o is not item and (o.core or o.span).contains(cue) and not yields_to(ctx, o, item)
        ]
        glosses = [gloss_in(ctx, item, o) for o in holders]
        if not holders or all(g is not None for g in glosses):
            kept.append(item)
    cuts: dict[int, int] = {}
    for item in kept:
        for other in kept:
            gloss = gloss_in(ctx, item, other) if other is not item else None
            if gloss is not None:
                cuts[id(other)] = min(cuts.get(id(other), gloss), gloss)
    return [cut_before(ctx, item, cuts[id(item)]) if id(item) in cuts else item for item in kept]


def yields_to(ctx: Context, holder: Attribution, item: Attribution) -> bool:
    """Two attributions each holding the other's cue ("He says A, according to Z", A run on to
    the sentence's end): the according-to one stays, or neither would."""
    cue = holder.cue or holder.span
    return (
        (item.core or item.span).contains(cue)
        and item.cue_head is not None
        and ctx.doc[item.cue_head].lower_ == "according"
    )


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
