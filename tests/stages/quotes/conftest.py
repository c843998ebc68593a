"""Helpers for the quotes tests that need the spaCy model: an article from a few hand-written
sentences (one paragraph per line), parsed, with its actors."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import pytest
from spacy.tokens import Doc

from presslens.model import Actor, Article, Span
from presslens.stages.quotes.context import Context, make_context
from presslens.stages.quotes.marks import Quoted, find_quoted
from presslens.stages.reporting import load_lexicon

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


def prepare_named(text: str) -> Prepared:
    """Like `prepare`, with plain actors of our own: every named entity, people and
    organisations grouped by their last word ("Mr. Ray" is "Tom Ray"), so that the quotes
    tests do not move with the entities stage's policy (e.g. how often a name must appear)."""
    from presslens import nlp

    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text))
    article = Article(text=text, paragraphs=paragraphs, language="en")
    doc = nlp.parse(text)
    groups: dict[tuple[str, str], list[Span]] = {}
    names: dict[tuple[str, str], str] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        words = [t for t in ent if t.pos_ == "PROPN"] or list(ent)
        key = (ent.label_, words[-1].text)
        groups.setdefault(key, []).append(Span(words[0].idx, ent.end_char))
        if len(words) > len(names.get(key, "").split()):
            names[key] = " ".join(t.text for t in words)
    actors = tuple(
        Actor(f"a{n}", names[key], key[0], (), tuple(spans))
        for n, (key, spans) in enumerate(groups.items(), start=1)
    )
    return article, doc, actors


@pytest.fixture
def prepared_named() -> Callable[[str], Prepared]:
    return prepare_named


@pytest.fixture
def context_for() -> Callable[[str], tuple[Context, list[Quoted]]]:
    """The stage's working state for a text, and its quoted spans."""

    def build(text: str) -> tuple[Context, list[Quoted]]:
        article, doc, actors = prepare(text)
        quoted, _warnings = find_quoted(text, article.paragraphs)
        return make_context(article, doc, actors, load_lexicon(), quoted), quoted

    return build


class Heard(NamedTuple):
    """A quote of a whole analysis, with the names of its speaker's actors."""

    text: str
    cue: str | None
    actors: list[str]
    within: str | None = None  # the id of the quote holding it (a report inside a report)


def hear(text: str) -> list[Heard]:
    """The quotes of `text`'s dossier (the whole analysis: the learned tagger too)."""
    from presslens import analyse

    dossier = analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    return [
        Heard(q.text, q.cue, [names[i] for i in q.speaker_actor_ids], q.within)
        for q in dossier.quotes
    ]


@pytest.fixture
def heard() -> Callable[[str], list[Heard]]:
    return hear


def actor_speaking(text: str, speaker: str) -> str | None:
    """The actor name the quote whose speaker phrase (or cue, after "cue:") is `speaker` goes
    to, on the whole analysis of `text`."""
    from presslens import analyse

    dossier = analyse(text)
    names = {actor.id: actor.name for actor in dossier.actors}
    if speaker.startswith("cue:"):
        quote = next(q for q in dossier.quotes if q.cue and speaker[4:] in q.cue)
    else:
        quote = next(q for q in dossier.quotes if q.speaker == speaker)
    return names.get(quote.speaker_actor_id or "")


def actor_of_quote(text: str, words: str) -> str | None:
    """The actor name the first quote holding `words` goes to, on the whole analysis of
    `text`."""
    from presslens import analyse

    dossier = analyse(text)
    names = {actor.id: actor.name for actor in dossier.actors}
    quote = next(q for q in dossier.quotes if words in q.text)
    return names.get(quote.speaker_actor_id or "")


def hand_parse(rows: str) -> Doc:
    """A parse written out by hand, one token a line: "word head dep pos" (head as an index),
    for misparses that invented sentences do not reproduce."""
    from presslens.nlp.parser import get_model

    table = [line.split() for line in rows.strip().splitlines()]
    return Doc(
        get_model().vocab,
        words=[row[0] for row in table],
        heads=[int(row[1]) for row in table],
        deps=[row[2] for row in table],
        pos=[row[3] for row in table],
    )
