"""The corpus as tables for `presslens export` and for batch Parquet: articles, actors, quotes,
figures, claims, sources and tones, one row per record, read from the stored dossiers.

Values are typed: lists are lists (a claim's sources, an actor's aliases), dates are `datetime`
(or `date` when the page gave only a day), numbers are numbers. Each writer then says how it
holds them: JSONL writes lists as arrays and dates in ISO 8601, Parquet as list and timestamp
columns (`COLUMNS` gives every table's column types, so an empty table has its columns too),
and CSV, which has no lists, joins them with "; " (`LIST_JOINER`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any, Protocol

from presslens.store.dates import published_key, typed_date
from presslens.store.records import (
    article_row,
    keys_by_id,
    names_by_id,
    quote_speaker,
    span_of,
    within_id,
)

LIST_JOINER = "; "
ARTICLES_PER_READ = 200  # dossiers read from the store at a time: memory stays flat

# table -> (column, type); types: str int float bool list (of str) time (timestamp) json
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "int"),
        ("title", "str"),
        ("published", "time"),
        ("published_text", "str"),
        ("byline", "str"),
        ("uri", "str"),
        ("language", "str"),
        ("word_count", "int"),
        ("reading_time_minutes", "float"),
        ("excerpt", "str"),
        ("n_actors", "int"),
        ("n_quotes", "int"),
        ("n_figures", "int"),
        ("n_claims", "int"),
        ("n_sources", "int"),
        ("n_warnings", "int"),
        ("warnings", "list"),
        ("sha256", "str"),
        ("ingested_at", "time"),
    ),
    "actors": (
        ("article_id", "int"),
        ("actor_id", "str"),
        ("name", "str"),
        ("type", "str"),
        ("aliases", "list"),
        ("mentions", "int"),
        ("key", "str"),
    ),
    "quotes": (
        ("article_id", "int"),
        ("quote_id", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("speaker", "str"),
        ("speaker_actor_id", "str"),
        ("speaker_actor_ids", "list"),
        ("cue", "str"),
        ("start_char", "int"),
        ("end_char", "int"),
        ("confidence", "float"),
        ("speaker_key", "str"),
        ("within", "str"),
        ("teller", "str"),
    ),
    "figures": (
        ("article_id", "int"),
        ("figure_id", "str"),
        ("text", "str"),
        ("value", "float"),
        ("low", "float"),
        ("high", "float"),
        ("unit", "str"),
        ("kind", "str"),
        ("bound", "str"),
        ("change", "str"),
        ("factor", "float"),
        ("period", "str"),
        ("concept", "str"),
        ("start_char", "int"),
        ("end_char", "int"),
    ),
    "claims": (
        ("article_id", "int"),
        ("claim_id", "str"),
        ("text", "str"),
        ("score", "float"),
        ("rank", "int"),
        ("start_char", "int"),
        ("end_char", "int"),
        ("sources", "list"),
        ("actors", "list"),
        ("source_ids", "list"),
        ("actor_ids", "list"),
        ("figure_ids", "list"),
        ("quote_id", "str"),
        ("unsourced", "bool"),
    ),
    "sources": (
        ("article_id", "int"),
        ("source_id", "str"),
        ("name", "str"),
        ("kind", "str"),
        ("actor_id", "str"),
        ("n_claims", "int"),
        ("claim_ids", "list"),
        ("mentions", "int"),
    ),
    "tones": (
        ("article_id", "int"),
        ("actor_id", "str"),
        ("actor", "str"),
        ("tone", "float"),
        ("label", "str"),
        ("confidence", "float"),
        ("negative", "int"),
        ("neutral", "int"),
        ("positive", "int"),
        ("tone_in_quotes", "float"),
        ("mentions_in_quotes", "int"),
        ("evidence", "list"),
    ),
}
EXPORT_TABLES = tuple(COLUMNS)
# the records each table is made of, in the dossier's JSON
RECORDS = {"actors", "quotes", "figures", "claims", "sources", "tones"}


def text_of(article_text: str, span: Any) -> str | None:
    start, end = span_of({"span": span})
    return None if start is None or end is None else article_text[start:end]


def strings(values: Any) -> list[str]:
    return [str(value) for value in values or []]


def publication_date(published: Any, added: str | None = None) -> Any:
    """The typed publication date, None when the lists call the article undated: a date that
    does not read, or lies in the future of when it was added (store/dates.py's
    `published_key`); the date as written stays in `published_text`."""
    if not isinstance(published, str) or published_key(published, added) is None:
        return None
    return typed_date(published)


def article_table_row(row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    counts = article_row(data)
    published = counts["published"]
    return {
        "id": int(row["id"]),
        "title": counts["title"],
        "published": publication_date(published, row.get("ingested_at")),
        "published_text": published,
        "byline": counts["byline"],
        "uri": row.get("uri"),
        "language": counts["language"],
        "word_count": counts["word_count"],
        "reading_time_minutes": counts["reading_time_minutes"],
        "excerpt": counts["excerpt"],
        **{name: counts[name] for name in counts if name.startswith("n_")},
        "warnings": [f"{w.get('stage')}: {w.get('message')}" for w in data.get("warnings", [])],
        "sha256": row.get("sha256"),
        "ingested_at": typed_date(row.get("ingested_at")),
    }


def actor_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    keys = keys_by_id(data.get("actors", []))
    for actor in data.get("actors", []):
        yield {
            "actor_id": actor.get("id"),
            "name": actor.get("name"),
            "type": actor.get("type"),
            "aliases": strings(actor.get("aliases")),
            "mentions": len(actor.get("mentions") or []),
            "key": keys.get(str(actor.get("id"))),
        }


def quote_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per quote; a report inside a report names the quote holding it (`within`) and
    that quote's speaker (`teller`), whom the reader has it from."""
    actors = names_by_id(data.get("actors", []))
    keys = keys_by_id(data.get("actors", []))
    speakers = {str(q.get("id")): quote_speaker(q, actors) for q in data.get("quotes", [])}
    for quote in data.get("quotes", []):
        start, end = span_of(quote)
        within = within_id(quote)
        yield {
            "quote_id": quote.get("id"),
            "kind": quote.get("kind"),
            "text": quote.get("text"),
            "speaker": quote_speaker(quote, actors),
            "speaker_actor_id": quote.get("speaker_actor_id"),
            "speaker_actor_ids": strings(quote.get("speaker_actor_ids")),
            "cue": quote.get("cue"),
            "start_char": start,
            "end_char": end,
            "confidence": quote.get("confidence"),
            "speaker_key": keys.get(str(quote.get("speaker_actor_id"))),
            "within": within,
            "teller": None if within is None else speakers.get(within),
        }


FIGURE_FIELDS = ("text", "value", "low", "high", "unit", "kind", "bound", "change", "factor")


def figure_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for figure in data.get("figures", []):
        start, end = span_of(figure)
        yield {
            "figure_id": figure.get("id"),
            **{name: figure.get(name) for name in FIGURE_FIELDS},
            "period": figure.get("period"),
            "concept": figure.get("concept"),
            "start_char": start,
            "end_char": end,
        }


def claim_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    actors = names_by_id(data.get("actors", []))
    sources = names_by_id(data.get("sources", []))
    for claim in data.get("claims", []):
        start, end = span_of(claim)
        source_ids = strings(claim.get("source_ids"))
        actor_ids = strings(claim.get("actor_ids"))
        yield {
            "claim_id": claim.get("id"),
            "text": claim.get("text"),
            "score": claim.get("score"),
            "rank": claim.get("rank"),
            "start_char": start,
            "end_char": end,
            "sources": [sources.get(i, "") for i in source_ids],
            "actors": [actors.get(i, "") for i in actor_ids],
            "source_ids": source_ids,
            "actor_ids": actor_ids,
            "figure_ids": strings(claim.get("figure_ids")),
            "quote_id": claim.get("quote_id"),
            "unsourced": claim.get("unsourced"),
        }


def source_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for source in data.get("sources", []):
        claim_ids = strings(source.get("claim_ids"))
        yield {
            "source_id": source.get("id"),
            "name": source.get("name"),
            "kind": source.get("kind"),
            "actor_id": source.get("actor_id"),
            "n_claims": len(claim_ids),
            "claim_ids": claim_ids,
            "mentions": len(source.get("mentions") or []),
        }


def tone_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    actors = names_by_id(data.get("actors", []))
    text = data.get("article", {}).get("text") or ""
    for tone in data.get("tones", []):
        counts = tone.get("counts") or {}
        evidence = (text_of(text, span) for span in tone.get("evidence") or [])
        yield {
            "actor_id": tone.get("actor_id"),
            "actor": actors.get(str(tone.get("actor_id"))),
            "tone": tone.get("tone"),
            "label": tone.get("label"),
            "confidence": tone.get("confidence"),
            **{label: counts.get(label) for label in ("negative", "neutral", "positive")},
            "tone_in_quotes": tone.get("tone_in_quotes"),
            "mentions_in_quotes": tone.get("mentions_in_quotes"),
            "evidence": [piece for piece in evidence if piece is not None],
        }


RECORD_ROWS: dict[str, Callable[[dict[str, Any]], Iterator[dict[str, Any]]]] = {
    "actors": actor_rows,
    "quotes": quote_rows,
    "figures": figure_rows,
    "claims": claim_rows,
    "sources": source_rows,
    "tones": tone_rows,
}


def dossier_rows(table: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of one of the record tables (actors ... tones) for one dossier, without the
    article id (batch Parquet nests them in the dossier's row)."""
    return list(RECORD_ROWS[table](data))


class Queryable(Protocol):
    """What export needs of a store (`store.base.Store`, which imports this module)."""

    def all(self, text: str, params: tuple | list = ()) -> list[dict[str, Any]]: ...


def stored_articles(store: Queryable) -> Iterator[dict[str, Any]]:
    """Every stored article row with its dossier, in id order, a page at a time."""
    last = 0
    while True:
        rows = store.all(
            "SELECT id, sha256, uri, ingested_at, dossier FROM articles WHERE id > ? "
            "ORDER BY id LIMIT ?",
            (last, ARTICLES_PER_READ),
        )
        yield from rows
        if len(rows) < ARTICLES_PER_READ:
            return
        last = int(rows[-1]["id"])


def export_rows(
    store: Queryable, table: str, *, with_dossier: bool = False
) -> Iterator[dict[str, Any]]:
    """Rows of one table (see COLUMNS), in article order; `with_dossier` adds the whole dossier
    record to each article row."""
    if table not in COLUMNS:
        raise ValueError(f"cannot export {table!r}: choose one of {', '.join(EXPORT_TABLES)}")
    for row in stored_articles(store):
        data = json.loads(row["dossier"])
        if table == "articles":
            out = article_table_row(row, data)
            yield out | {"dossier": data} if with_dossier else out
            continue
        for record in RECORD_ROWS[table](data):
            yield {"article_id": int(row["id"]), **record}


def arrow_type(kind: str) -> Any:
    """The pyarrow type of a column type of COLUMNS (pyarrow is imported only here)."""
    import pyarrow as pa

    return {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
        "time": pa.timestamp("us", tz="UTC"),
        "json": pa.string(),
    }[kind]


def arrow_schema(table: str, *, without: tuple[str, ...] = ()) -> Any:
    import pyarrow as pa

    return pa.schema(
        [(name, arrow_type(kind)) for name, kind in COLUMNS[table] if name not in without]
    )


def arrow_value(value: Any) -> Any:
    """A row value as pyarrow takes it for its column: a day alone is midnight UTC."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value


def arrow_row(row: dict[str, Any]) -> dict[str, Any]:
    return {name: arrow_value(value) for name, value in row.items()}


def plain_value(value: Any) -> Any:
    """A row value as JSON holds it: dates and times in ISO 8601."""
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- one row per dossier with its records as nested columns (batch Parquet) -------------------

ROW_ARTICLE_COLUMNS = ("title", "published", "language", "word_count", "reading_time_minutes")


def nested_schema_fields() -> list[Any]:
    """pyarrow fields for a dossier's row: a few article columns, then each record table as a
    list of structs with that table's columns (as `export` writes them, less article_id)."""
    import pyarrow as pa

    kinds = dict(COLUMNS["articles"])
    fields = [pa.field(name, arrow_type(kinds[name])) for name in ROW_ARTICLE_COLUMNS]
    for table in RECORD_ROWS:
        struct = pa.struct(list(arrow_schema(table, without=("article_id",))))
        fields.append(pa.field(table, pa.list_(struct)))
    return fields


def nested_values(data: dict[str, Any] | None) -> dict[str, Any]:
    """The values of `nested_schema_fields` for one dossier (None for a failed input)."""
    if data is None:
        return {name: None for name in ROW_ARTICLE_COLUMNS} | {t: [] for t in RECORD_ROWS}
    counts = article_row(data)
    values = {name: counts[name] for name in ROW_ARTICLE_COLUMNS}
    values["published"] = arrow_value(publication_date(counts["published"]))
    for table, rows in RECORD_ROWS.items():
        values[table] = list(rows(data))
    return values
