"""Who said what: direct, indirect and mixed quotes with their speakers. (Being built: issue 3.)"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.model import Actor, Article, Quote, Term, Warning


def find_quotes(
    article: Article, doc: Doc, actors: tuple[Actor, ...]
) -> tuple[tuple[Quote, ...], tuple[Term, ...], tuple[Warning, ...]]:
    """Quotes, scare-quoted terms, and warnings about what could not be decided."""
    return (), (), ()
