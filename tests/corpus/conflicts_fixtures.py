"""Small hand-written stored articles for the conflicts tests (no spaCy), and a store fixture
that runs each test on a SQLite file and on PostgreSQL (the pattern of tests/store/conftest.py,
in a schema of its own).

`article(sentence, figures, ...)` builds a one-paragraph dossier whose figures, actors, places
and sources have spans found with str.index, so every span holds exactly its text."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import fresh_schema, pg_url, schema_of_this_run  # noqa: E402

from presslens.model import (  # noqa: E402
    Actor,
    Article,
    Dossier,
    Figure,
    Origin,
    Section,
    Source,
    Span,
)
from presslens.store import Store, open_store  # noqa: E402

SCHEMA = f"presslens_conflicts_{os.getpid()}"
SENTENCE = re.compile(r"\S.*?[.!?](?=\s|$)")  # a full stop inside a word ends nothing


@dataclass(frozen=True)
class Fig:
    """A figure as the figures stage would give it; `text` must occur in the sentence."""

    text: str
    kind: str
    value: float | None
    unit: str
    bound: str = "exact"
    change: str | None = None
    period: str | None = None
    concept: str | None = None
    low: float | None = None
    high: float | None = None


def spans_of(text: str, piece: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(piece), text))


def article(
    text: str,
    figures: list[Fig],
    *,
    title: str = "A report",
    published: str | None = "2016-08-05",
    actors: dict[str, str] | None = None,  # name -> PERSON | ORG | GPE
    sources: dict[str, str] | None = None,  # name -> kind (poll, organisation, person...)
) -> Dossier:
    """A one-paragraph dossier with these figures, actors and sources."""
    body = Span(0, len(text))
    record = Article(
        text=text,
        title=title,
        published=published,
        paragraphs=(body,),
        sections=(Section(None, None, body, (body,)),),
        origin=Origin(kind="text", uri=None),
        language="en",
    )
    return Dossier(
        record,
        word_count=len(text.split()),
        reading_time_minutes=0.1,
        excerpt=text[:200],
        sentences=tuple(Span(m.start(), m.end()) for m in SENTENCE.finditer(text)),
        actors=tuple(
            Actor(f"a{n}", name, kind, (), spans_of(text, name))
            for n, (name, kind) in enumerate((actors or {}).items(), start=1)
        ),
        figures=tuple(figure_record(text, n, fig) for n, fig in enumerate(figures, start=1)),
        sources=tuple(
            Source(f"s{n}", name, kind, span=spans_of(text, name)[0], mentions=spans_of(text, name))
            for n, (name, kind) in enumerate((sources or {}).items(), start=1)
        ),
    )


def figure_record(text: str, number: int, fig: Fig) -> Figure:
    start = text.index(fig.text)
    return Figure(
        f"f{number}",
        fig.text,
        Span(start, start + len(fig.text)),
        fig.value,
        fig.kind,
        unit=fig.unit,
        low=fig.low,
        high=fig.high,
        bound=fig.bound,
        change=fig.change,
        period=fig.period,
        concept=fig.concept,
    )


def save_all(store: Store, dossiers: list[Dossier]) -> list[int]:
    """Store each dossier; their article ids in order."""
    return [store.save(d, sha256=f"conflict-{n}-{id(d)}") for n, d in enumerate(dossiers)]


@pytest.fixture(scope="session")
def conflicts_postgres_url() -> Iterator[str]:
    yield from schema_of_this_run(SCHEMA)


@pytest.fixture(params=["sqlite", "postgres"])
def conflict_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        location = str(tmp_path / "conflicts.db")
    else:
        location = request.getfixturevalue("conflicts_postgres_url")
        fresh_schema(pg_url(), SCHEMA)
    with open_store(location) as store:
        yield store
