"""Sources that claims lean on: organisations, people, polls, media, documents. (Issue 5.)"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.model import Actor, Article, Quote, Source, Span


def find_sources(
    article: Article,
    doc: Doc,
    sentences: tuple[Span, ...],
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
) -> tuple[Source, ...]:
    return ()
