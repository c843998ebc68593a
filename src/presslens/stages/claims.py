"""Sentences ranked by check-worthiness, linked to figures, actors and sources. (Issue 5.)"""

from __future__ import annotations

from presslens.model import Actor, Article, Claim, Figure, Quote, Source, Span


def rank_claims(
    article: Article,
    sentences: tuple[Span, ...],
    *,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
    figures: tuple[Figure, ...],
    sources: tuple[Source, ...],
    threshold: float,
) -> tuple[tuple[Claim, ...], tuple[Source, ...]]:
    """Claims above the threshold, and the sources with the ids of the claims citing them."""
    return (), sources
