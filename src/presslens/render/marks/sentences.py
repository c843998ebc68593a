"""Sentences as places in the text: each gets an id (`s<start>`) that the "check first" list and
the tone evidence link to, and the claims to check first are marked with their position.

Only the first ten of the list are marked (the rest of the list is one toggle away and still
linked): marking every sentence over the threshold would mark most of a news article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from presslens.model import Dossier, Span
from presslens.render.claims import check_first
from presslens.render.marks import SENTENCE_LAYER, Mark
from presslens.render.numbers import score


def anchored_spans(dossier: Dossier) -> list[Span]:
    """The sentences, claims and tone evidence, in text order, none overlapping another."""
    evidence = [
        span
        for tone in dossier.tones
        for span in (*tone.evidence_negative, *tone.evidence_positive, *tone.evidence)
    ]
    candidates = [*dossier.sentences, *(claim.span for claim in dossier.claims), *evidence]
    kept: list[Span] = []
    for span in sorted(set(candidates), key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def anchor_finder(dossier: Dossier) -> Callable[[Span], str]:
    """span -> the id of the anchored sentence holding its start ("" when none does)."""
    spans = anchored_spans(dossier)
    starts = [span.start for span in spans]

    def anchor(span: Span) -> str:
        index = bisect_right(starts, span.start) - 1
        if index < 0 or span.start >= spans[index].end:
            return ""
        return f"s{spans[index].start}"

    return anchor


def sentence_marks(dossier: Dossier) -> list[Mark]:
    """One mark per anchored sentence; the top claims also 'claim' with their position."""
    listed = {item.claim.span.start: item for item in check_first(dossier) if item.top}
    marks = []
    for span in anchored_spans(dossier):
        item = listed.get(span.start)
        if item is None:
            marks.append(Mark(span, "sentence", anchor=f"s{span.start}", layer=SENTENCE_LAYER))
            continue
        title = f"check first #{item.position}, check-worthiness {score(item.claim.score)}"
        marks.append(
            Mark(
                span,
                "sentence claim",
                title,
                anchor=f"s{span.start}",
                layer=SENTENCE_LAYER,
                badge=str(item.position),
            )
        )
    return marks
