"""Small hand-written articles as finished dossiers, for the store and web tests (no spaCy).

Spans are found with str.index, so every record's span holds exactly its text.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from pathlib import Path

from presslens.model import (
    Actor,
    Article,
    Claim,
    Dossier,
    Figure,
    Origin,
    Quote,
    Section,
    Source,
    Span,
)

SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


def find(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece))


def build(
    title: str,
    paragraphs: list[str],
    *,
    actors: dict[str, str] | None = None,
    quotes: list[tuple[str, str, str]] = (),  # (speaker, text, kind)
    figures: list[tuple[str, str, float, str | None]] = (),  # (text, kind, value, unit)
    claims: list[tuple[str, float, list[str]]] = (),  # (text, score, source names)
    sources: dict[str, str] | None = None,  # name -> kind
    uri: str | None = None,
) -> Dossier:
    text = "\n\n".join(paragraphs)
    spans, at = [], 0
    for paragraph in paragraphs:
        spans.append(Span(at, at + len(paragraph)))
        at += len(paragraph) + 2
    article = Article(
        text=text,
        title=title,
        paragraphs=tuple(spans),
        sections=(Section(None, None, Span(0, len(text)), tuple(spans)),),
        origin=Origin(kind="text", uri=uri),
        language="en",
    )
    actor_ids = {name: f"a{i}" for i, name in enumerate(actors or {}, start=1)}
    actor_records = tuple(
        Actor(
            actor_ids[name],
            name,
            kind,
            (),
            tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(name), text)),
        )
        for name, kind in (actors or {}).items()
    )
    quote_records = tuple(
        Quote(
            f"q{i}",
            kind,
            piece,
            find(text, piece),
            speaker=speaker,
            speaker_actor_id=actor_ids.get(speaker),
            confidence=0.9,
        )
        for i, (speaker, piece, kind) in enumerate(quotes, start=1)
    )
    figure_records = tuple(
        Figure(f"f{i}", piece, find(text, piece), value, kind, unit=unit)
        for i, (piece, kind, value, unit) in enumerate(figures, start=1)
    )
    source_ids = {name: f"s{i}" for i, name in enumerate(sources or {}, start=1)}
    ranked = sorted(claims, key=lambda claim: -claim[1])
    claim_records = tuple(
        Claim(
            f"c{i}",
            piece,
            find(text, piece),
            score,
            i,
            actor_ids=tuple(a for n, a in actor_ids.items() if n in piece),
            source_ids=tuple(source_ids[n] for n in names),
            unsourced=not names,
        )
        for i, (piece, score, names) in enumerate(ranked, start=1)
    )
    source_records = tuple(
        Source(
            sid,
            name,
            (sources or {})[name],
            actor_id=actor_ids.get(name),
            claim_ids=tuple(c.id for c in claim_records if sid in c.source_ids),
        )
        for name, sid in source_ids.items()
    )
    sentences = tuple(Span(m.start(), m.end()) for m in SENTENCE.finditer(text))
    words = len(text.split()) + len(title.split())
    return Dossier(
        article,
        word_count=words,
        reading_time_minutes=round(words / 200, 2),
        excerpt=paragraphs[0][:300],
        sentences=sentences,
        actors=actor_records,
        quotes=quote_records,
        figures=figure_records,
        claims=claim_records,
        sources=source_records,
    )


def budget() -> Dossier:
    return build(
        "Council approves the harbour budget",
        [
            'The mayor, Jane Smith, said "taxes will rise by 5 percent next year" after the vote.',
            "The harbour will cost $40 million, according to the Statistics Office.",
            "John Doe, who leads the opposition to Jane Smith, said the plan was rushed.",
        ],
        actors={"Jane Smith": "PERSON", "John Doe": "PERSON", "Statistics Office": "ORG"},
        quotes=[
            ("Jane Smith", '"taxes will rise by 5 percent next year"', "direct"),
            ("John Doe", "the plan was rushed", "indirect"),
        ],
        figures=[("5 percent", "percent", 5.0, "%"), ("$40 million", "money", 4e7, "USD")],
        claims=[
            (
                "The harbour will cost $40 million, according to the Statistics Office.",
                0.9,
                ["Statistics Office"],
            ),
            (
                "John Doe, who leads the opposition to Jane Smith, said the plan was rushed.",
                0.4,
                [],
            ),
        ],
        sources={"Statistics Office": "organisation"},
        uri="https://example.org/harbour",
    )


def ferry() -> Dossier:
    return build(
        "Ferry strike ends after talks",
        [
            "The ferry strike ended on Monday, the union said.",
            "O'Brien told reporters that 300 crew members would return to work.",
        ],
        actors={"O'Brien": "PERSON"},
        quotes=[("O'Brien", "300 crew members would return to work", "indirect")],
        figures=[("300", "count", 300.0, None)],
    )


def empty_stages() -> Dossier:
    """An article with no actors, quotes, figures or claims: pages must still work."""
    return build("Quiet day at the library", ["Nothing much happened at the library today."])


PAYLOAD_SCRIPT = "<script>window.__pwned = 1</script>"
PAYLOAD_IMG = '"><img src=x onerror="window.__pwned = 2">'
PAYLOAD_LINK = '<a href="javascript:window.__pwned = 3">click me</a>'


def hostile() -> Dossier:
    """Markup in every field a page shows: it must come out as text, never as elements."""
    name = f"Mallory {PAYLOAD_IMG}"
    return build(
        f"Hostile {PAYLOAD_SCRIPT} headline",
        [
            f"Plain words then {PAYLOAD_SCRIPT} and more words about the drop table vote.",
            f'{name} said "{PAYLOAD_LINK} is safe" to everyone.',
            f"A link javascript:window.__pwned=4 and {PAYLOAD_IMG} cost $7 million.",
        ],
        actors={name: "PERSON"},
        quotes=[(name, f'"{PAYLOAD_LINK} is safe"', "direct")],
        figures=[("$7 million", "money", 7e6, "USD")],
        claims=[
            (f"A link javascript:window.__pwned=4 and {PAYLOAD_IMG} cost $7 million.", 0.8, [name])
        ],
        sources={name: "person"},
        uri="javascript:window.__pwned=5",
    )


def corpus() -> list[Dossier]:
    return [budget(), ferry(), empty_stages(), hostile()]


DEFAULT_PG_URL = "postgresql://presslens:presslens@127.0.0.1:5432/presslens_test"
PG_URL_FILE = Path("/tmp/presslens-test-pg-url")


def pg_url() -> str:
    """The test PostgreSQL: PRESSLENS_TEST_PG_URL, else the URL .ci/services wrote, else the
    default."""
    if os.environ.get("PRESSLENS_TEST_PG_URL"):
        return os.environ["PRESSLENS_TEST_PG_URL"]
    if PG_URL_FILE.is_file():
        return PG_URL_FILE.read_text().strip()
    return DEFAULT_PG_URL


def in_schema(url: str, schema: str) -> str:
    """The URL with `schema` first on its search path: the tables of a test run live apart, so
    that two runs (a CI beside a developer's, tests/hostile beside tests/store) never drop each
    other's tables."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def fresh_schema(url: str, schema: str) -> None:
    """An empty `schema` (dropped with everything in it, then made again)."""
    import psycopg

    with psycopg.connect(url, connect_timeout=5, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        connection.execute(f"CREATE SCHEMA {schema}")


def drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def schema_of_this_run(schema: str) -> Iterator[str]:
    """For a session fixture: the test PostgreSQL's URL in a fresh `schema`, dropped at the end.
    No server is a skip with the reason, except under CI, where it is a failure."""
    import psycopg
    import pytest

    url = pg_url()
    try:
        fresh_schema(url, schema)
    except psycopg.Error as exc:
        reason = (
            f"no PostgreSQL at {url.split('@')[-1]} ({exc.__class__.__name__}): run .ci/services"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    yield in_schema(url, schema)
    drop_schema(url, schema)


def dated(dossier: Dossier, published: str | None, byline: str | None = None) -> Dossier:
    """The dossier with its article's publication date (and byline) set."""
    article = dataclasses.replace(dossier.article, published=published, byline=byline)
    return dataclasses.replace(dossier, article=article)


def said(title: str, words: str, published: str | None, speaker: str = "Jane Smith") -> Dossier:
    """An article in which `speaker` says `words`, after a first sentence."""
    paragraph = f'The council met again. {speaker} said "{words}" to the press.'
    quotes = [(speaker, f'"{words}"', "direct")]
    return dated(build(title, [paragraph], actors={speaker: "PERSON"}, quotes=quotes), published)


FARM_BILL = (
    "Senator Ann Roe said the bill failed because Senator Tom Ray said it would hurt farmers."
)


def told(teller: str = "Ann Roe", published: str | None = "2017-04-02") -> Dossier:
    """A report inside a report (Quote.within): Tom Ray's words as `teller` tells them."""
    text = FARM_BILL.replace("Ann Roe", teller)
    holder = text[text.index(" said ") + 6 : -1]
    built = build(
        "Farm bill fails",
        [text],
        actors={teller: "PERSON", "Tom Ray": "PERSON"},
        quotes=[(teller, holder, "indirect"), ("Tom Ray", "it would hurt farmers", "indirect")],
    )
    outer, inner = built.quotes
    return dated(
        dataclasses.replace(built, quotes=(outer, dataclasses.replace(inner, within=outer.id))),
        published,
    )
