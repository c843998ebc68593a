"""Helpers for the quotes tests that need the spaCy model: an article from a few hand-written
sentences (one paragraph per line), parsed, with its actors."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from presslens.model import Actor, Article, Span
from presslens.stages.quotes.context import Context, make_context
from presslens.stages.quotes.lexicon import load_lexicon
from presslens.stages.quotes.marks import Quoted, find_quoted

Prepared = tuple[Article, Doc, tuple[Actor, ...]]


def prepare(text: str) -> Prepared:
    from presslens import nlp
    from presslens.stages.entities import find_actors

    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text))
    article = Article(text=text, paragraphs=paragraphs, language="en")
    doc = nlp.parse(text)
    return article, doc, find_actors(article, doc)


@pytest.fixture
def prepared() -> Callable[[str], Prepared]:
    return prepare


@pytest.fixture
def context_for() -> Callable[[str], tuple[Context, list[Quoted]]]:
    """The stage's working state for a text, and its quoted spans."""

    def build(text: str) -> tuple[Context, list[Quoted]]:
        article, doc, actors = prepare(text)
        quoted, _warnings = find_quoted(text, article.paragraphs)
        return make_context(article, doc, actors, load_lexicon(), quoted), quoted

    return build
