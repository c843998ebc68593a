"""Tone toward each actor, with evidence sentences. (Issue 8.)"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.model import Actor, ActorTone, Article, Quote, Span


def find_tones(
    article: Article,
    doc: Doc,
    sentences: tuple[Span, ...],
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
) -> tuple[ActorTone, ...]:
    return ()
