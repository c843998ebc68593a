"""The store interface and the SQL both backends share.

Queries are written once with `?` placeholders; a backend says how to connect, how to create its
full-text index and how to match a query against it. Rows come back as plain dicts.

Hostile values behave the same on both backends: text loses NUL and lone surrogates (U+FFFD in
their place, so spans hold) on the way in, in records and in query parameters alike; an integer
parameter past 64 bits is clamped (it matches no row) and a negative LIMIT or OFFSET is 0.
Saving is safe against a concurrent writer of the same content (see `Store.save`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from presslens.model import Dossier
from presslens.store import records
from presslens.store.actor_keys import query_keys
from presslens.store.actors import actor_page, like_pattern
from presslens.store.dates import date_key
from presslens.store.exports import (  # noqa: F401 (EXPORT_TABLES re-exported)
    EXPORT_TABLES,
    export_rows,
    stored_articles,
)
from presslens.store.query import Query, parse
from presslens.store.ranges import PUBLISHED, read_range
from presslens.store.records import storable
from presslens.store.schema import (
    ADDED_COLUMNS,
    ADDED_INDEXES,
    SCHEMA_VERSION,
    column_type,
    statements,
)
from presslens.store.snippets import (
    marked_spans,
    snippet,
)
from presslens.store.timeline import dated_articles, in_order, with_tellers

SORTS = ("relevance", "date", "oldest")  # date: newest first
MATCHES = ("auto", "all", "any")
MAX_PER_PAGE = 100
LIST_COLUMNS = (
    "id, title, published, byline, uri, word_count, reading_time_minutes, excerpt, n_actors, "
    "n_quotes, n_figures, n_claims, n_sources, n_warnings"
)
INSERTS = {
    "actors": "actor_id, name, type, mentions, key",
    "quotes": "quote_id, kind, text, speaker, speaker_actor_id, start_char, end_char, confidence, "
    "speaker_key, within",
    "figures": "figure_id, text, value, low, high, unit, kind, bound, change, period, concept, "
    "start_char, end_char",
    "claims": "claim_id, text, score, rank, start_char, end_char, sources, actors, quote_id",
    "sources": "source_id, name, kind, actor_id, n_claims",
    "search_index": "kind, ref, speaker, body",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def speaker_filter(speaker: str) -> tuple[str, list[Any]]:
    """A search condition for quotes by `speaker`: by their corpus key (store/actor_keys.py:
    "Donald J. Trump" finds the articles that name Donald Trump in full, whatever the quote's
    own words for him), or by the words of the speaker's name as shown ("Trump", "Hillary")."""
    keys = query_keys(speaker) or [speaker.lower()]
    marks = ", ".join("?" for _ in keys)
    clause = (
        "s.kind = 'quote' AND EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = s.article_id "
        f"AND q.quote_id = s.ref AND (q.speaker_key IN ({marks}) "
        "OR lower(q.speaker) LIKE ? ESCAPE '\\'))"
    )
    return clause, [*keys, like_pattern(speaker)]


INT64 = (-(2**63), 2**63 - 1)


def bindable(value: Any) -> Any:
    """A query parameter both backends take: text without NUL or lone surrogates (as stored, see
    `records.storable`), an integer within 64 bits (an id past them matches no row; unclamped,
    SQLite raises OverflowError and PostgreSQL an out-of-range error)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, INT64[0]), INT64[1])
    return storable(value)


def with_articles(
    filters: tuple[str, list[Any]], condition: str, params: list[Any]
) -> tuple[str, list[Any]]:
    """Search filters (SQL added to a WHERE over search_index `s`, and its parameters) with a
    condition on the article of each piece (articles `a`, as store/ranges.py writes them)."""
    if condition == "1 = 1":
        return filters
    clause = f" AND EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id AND {condition})"
    return filters[0] + clause, [*filters[1], *params]


def nothing_found(parsed: Query, sort: str, shown: dict[str, str | None]) -> dict[str, Any]:
    """A search's answer before any hit: how the query and the date range were read."""
    return {
        "understood": parsed.shown(),
        "ignored": list(parsed.ignored),
        "match": "all",
        "sort": sort,
        **shown,
        "total": 0,
        "undated_left_out": 0,
        "results": [],
    }


def page(limit: int, offset: int = 0) -> tuple[int, int]:
    """LIMIT and OFFSET that PostgreSQL accepts (it refuses negative ones; SQLite reads a negative
    LIMIT as no limit at all)."""
    return max(0, limit), max(0, offset)


class Store:
    """A corpus of dossiers. Use `open_store(url_or_path)`; close it (or use `with`)."""

    dialect = "base"
    url = ""

    def __init__(self, connection: Any) -> None:
        self.conn = connection
        self.create()

    # --- backend hooks ---------------------------------------------------------------------

    def sql(self, text: str) -> str:
        return text

    def search_clause(self, query: Query) -> tuple[str, str, list[Any]]:
        """(FROM addition, WHERE condition, params) matching a non-empty parsed query."""
        raise NotImplementedError

    def score_order(self) -> str:
        raise NotImplementedError

    def row_key(self) -> str:
        """An expression naming a search_index row for `marks` (or NULL)."""
        return "NULL"

    def marks(self, rows: list[dict[str, Any]], query: Query) -> list[tuple[int, str | None]]:
        """For each row, a piece of its body with the query's matches between MARK_OPEN and
        MARK_CLOSE, and where the piece starts in the body."""
        raise NotImplementedError

    # --- plumbing --------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def run(self, text: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(self.sql(text), tuple(bindable(p) for p in params))

    def all(self, text: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        return list(self.run(text, params).fetchall())

    def one(self, text: str, params: tuple | list = ()) -> dict[str, Any] | None:
        return self.run(text, params).fetchone()

    def scalar(self, text: str, params: tuple | list = ()) -> Any:
        """The first column of the one row a query always returns (a count, an inserted id)."""
        row = self.one(text, params)
        if row is None:
            raise LookupError(f"no row from {text.split()[0]} query")
        return next(iter(row.values()))

    def transaction(self) -> Any:
        """A context that commits on success and rolls back on any exception."""
        raise NotImplementedError

    def create(self) -> None:
        with self.transaction():
            self.before_create()
            for statement in statements(self.dialect):
                self.run(statement)
            added = self.add_columns()
            for statement in ADDED_INDEXES:
                self.run(statement)
            if added & {"actors.key", "quotes.speaker_key"}:
                self.fill_actor_keys()
            if "quotes.within" in added:
                self.fill_withins()
            self.fill_date_keys()
            self.run(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (SCHEMA_VERSION,),
            )

    def add_columns(self) -> set[str]:
        """Add the columns a store of an older version lacks; the ones added ("table.column")."""
        added: set[str] = set()
        for table, column, kind in ADDED_COLUMNS:
            present = {d[0] for d in self.run(f"SELECT * FROM {table} LIMIT 0").description}
            if column not in present:
                # PostgreSQL: another process may add it between the check and here
                guard = "IF NOT EXISTS " if self.dialect == "postgres" else ""
                kind = column_type(kind, self.dialect)
                self.run(f"ALTER TABLE {table} ADD COLUMN {guard}{column} {kind}")
                added.add(f"{table}.{column}")
        return added

    def fill_date_keys(self) -> None:
        """Date keys for the articles stored before they existed (found by the index, so cheap
        when there are none)."""
        for row in self.all(
            "SELECT id, published, ingested_at FROM articles WHERE date_key IS NULL"
        ):
            key = date_key(row["published"], row["ingested_at"])
            self.run("UPDATE articles SET date_key = ? WHERE id = ?", (key or "", row["id"]))

    def fill_actor_keys(self) -> None:
        """Corpus actor keys for the articles stored before keys existed."""
        for row in self.all("SELECT id, dossier FROM articles"):
            derived = records.derived_rows(json.loads(row["dossier"]))
            for actor in derived["actors"]:
                self.run(
                    "UPDATE actors SET key = ? WHERE article_id = ? AND actor_id = ?",
                    (actor[4], row["id"], actor[0]),
                )
            for quote in derived["quotes"]:
                self.run(
                    "UPDATE quotes SET speaker_key = ? WHERE article_id = ? AND quote_id = ?",
                    (quote[8], row["id"], quote[0]),
                )

    def fill_withins(self) -> None:
        """Which quote holds which (`quotes.within`), for the quotes stored before the column
        existed: read from the stored dossiers a page at a time; a dossier made before the
        quotes stage listed reports inside reports has none, and its quotes keep NULL."""
        for row in stored_articles(self):
            for quote in json.loads(row["dossier"]).get("quotes", []):
                within = records.within_id(quote)
                if within is not None:
                    self.run(
                        "UPDATE quotes SET within = ? WHERE article_id = ? AND quote_id = ?",
                        (within, row["id"], quote.get("id")),
                    )

    def before_create(self) -> None:
        """Backend hook run inside the schema transaction."""

    # --- writing ---------------------------------------------------------------------------

    def save(
        self,
        dossier: Dossier | dict[str, Any],
        *,
        sha256: str,
        input_id: str | None = None,
        uri: str | None = None,
    ) -> int:
        """Store one dossier with its derived rows in one transaction; returns the article id.

        Saving content that is already stored returns the existing id and changes nothing, also
        when another process stores the same content at the same moment: the article row is
        inserted with ON CONFLICT DO NOTHING, and the loser of the race reads the winner's id."""
        data = storable(dossier.to_dict() if isinstance(dossier, Dossier) else dossier)
        input_id, uri = storable(input_id), storable(uri)
        existing = self.article_id(sha256)
        if existing is not None:
            return existing
        with self.transaction():
            article_id = self.insert_article(data, sha256, input_id, uri)
            if article_id is None:
                # stored by another writer since the check above: theirs is the same content
                stored = self.article_id(sha256)
                if stored is None:
                    raise LookupError(f"article {sha256} is neither new nor stored")
                return stored
            self.insert_derived(article_id, records.derived_rows(data))
            keys = (sha256, f"input:{input_id}")
            self.run("DELETE FROM errors WHERE key IN (?, ?)", keys)
        return article_id

    def article_id(self, sha256: str) -> int | None:
        row = self.one("SELECT id FROM articles WHERE sha256 = ?", (sha256,))
        return None if row is None else int(row["id"])

    def insert_article(
        self, data: dict[str, Any], sha256: str, input_id: str | None, uri: str | None
    ) -> int | None:
        """The new article's id, or None when an article with this sha256 is already stored."""
        row = records.article_row(data)
        row.update(
            sha256=sha256,
            input_id=input_id,
            uri=uri or data.get("source", {}).get("uri"),
            dossier=json.dumps(data, ensure_ascii=False),
            ingested_at=now(),
        )
        row["date_key"] = date_key(row["published"], row["ingested_at"]) or ""
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        text = (
            f"INSERT INTO articles ({columns}) VALUES ({marks}) "
            "ON CONFLICT (sha256) DO NOTHING RETURNING id"
        )
        inserted = self.one(text, list(row.values()))
        return None if inserted is None else int(inserted["id"])

    def insert_derived(self, article_id: int, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        cursor = self.conn.cursor()
        for table, columns in INSERTS.items():
            if not rows[table]:
                continue
            marks = ", ".join("?" for _ in range(columns.count(",") + 2))
            text = f"INSERT INTO {table} (article_id, {columns}) VALUES ({marks})"
            cursor.executemany(self.sql(text), [(article_id, *row) for row in rows[table]])

    def save_error(
        self, *, key: str, reason: str, input_id: str | None = None, uri: str | None = None
    ) -> None:
        """Record why an input was not stored; one record per key, the latest reason wins."""
        with self.transaction():
            self.run(
                "INSERT INTO errors (key, input_id, uri, reason, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "reason = excluded.reason, created_at = excluded.created_at",
                storable((key, input_id, uri, reason, now())),
            )

    # --- reading ---------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        return self.one("SELECT 1 AS found FROM articles WHERE sha256 = ?", (sha256,)) is not None

    def known_keys(self) -> tuple[set[str], set[str]]:
        """(stored article keys, error keys): what an ingest may skip without analysing."""
        stored = {row["sha256"] for row in self.all("SELECT sha256 FROM articles")}
        failed = {row["key"] for row in self.all("SELECT key FROM errors")}
        return stored, failed

    def counts(self) -> dict[str, int]:
        tables = ("articles", "errors", "actors", "quotes", "figures", "claims", "sources")
        return {t: int(self.scalar(f"SELECT count(*) AS n FROM {t}")) for t in tables}

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.all("SELECT * FROM errors ORDER BY id LIMIT ?", page(limit)[:1])

    def articles(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        sort: str = "date",
    ) -> dict[str, Any]:
        """One page of the article list, newest published first (`sort="oldest"`: oldest),
        undated last, with the total (of the date range `since`..`until` when given, with the
        undated articles it left out: see store/timeline.py)."""
        limit, offset = page(limit, offset)
        return dated_articles(
            self, LIST_COLUMNS, limit=limit, offset=offset, since=since, until=until, sort=sort
        )

    def article(self, article_id: int) -> dict[str, Any] | None:
        """The article's row with its dossier record under `dossier`, or None."""
        row = self.one(
            f"SELECT {LIST_COLUMNS}, sha256, dossier FROM articles WHERE id = ?", (article_id,)
        )
        if row is None:
            return None
        row = dict(row)
        row["dossier"] = json.loads(row["dossier"])
        return row

    def actor(
        self,
        name: str,
        *,
        limit: int = 200,
        since: str | None = None,
        until: str | None = None,
        sort: str = "oldest",
    ) -> dict[str, Any]:
        """Everything by and about an actor across the corpus: the articles whose actor has
        this name's corpus key (store/actor_keys.py) or this very name, any case, their quotes,
        the claims and sources they are in, and the `timeline` of their quotes by date (oldest
        first; `sort="date"`: newest), every list within `since`..`until` (store/actors.py)."""
        return actor_page(self, name, limit=page(limit)[0], since=since, until=until, sort=sort)

    def search(self, query: str = "", **options: Any) -> list[dict[str, Any]]:
        """The hits of `find` alone (same options)."""
        return list(self.find(query, **options)["results"])

    def search_page(
        self, query: str = "", *, page: int = 1, per_page: int = 20, **wanted: Any
    ) -> dict[str, Any]:
        """One page of `find` (pages count from 1; a page past the last has no results but the
        same total), with `page`, `per_page` and `pages`."""
        per_page = min(max(1, per_page), MAX_PER_PAGE)
        page = max(1, page)
        found = self.find(query, limit=per_page, offset=(page - 1) * per_page, **wanted)
        found.update(page=page, per_page=per_page, pages=max(1, -(-found["total"] // per_page)))
        return found

    def find(
        self,
        query: str = "",
        *,
        speaker: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        kind: str | None = None,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        match: str = "auto",
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, Any]:
        """Full-text search over article text, quotes and claims, in the query language of
        store/query.py: the hits from `offset` on, with their total and how the query was read.

        `sort`: "relevance" (best first), "date" (newest first) or "oldest", by the article's
        publication date, undated articles last in both. `match`: "all" (every term), "any"
        (any one word), or "auto": all, and when no piece has them all, any, which the answer
        says by `match` = "any". Filters (speaker, actor, source names anywhere in any case,
        kind, and the publication date range `since`..`until`, store/ranges.py) narrow either.
        Returns {understood, ignored, match, sort, from, to, total, undated_left_out, results};
        each hit (kind, article_id, ref, speaker, title, excerpt, published, date, score,
        snippet, highlights: [start, end] pairs in the snippet) also carries `match`, and
        `within` and `teller` (store/timeline.py `with_tellers`: for a quote that is a report
        inside another's words, the quote holding it and its speaker; else both None).
        DateRangeError for a bound that is no date."""
        parsed = parse(query)
        dates = read_range(since, until)
        sort = sort if sort in SORTS else "relevance"
        found = nothing_found(parsed, sort, dates.shown())
        if not parsed and not (speaker or actor or source):
            return found
        named = self.filters(speaker=speaker, actor=actor, source=source, kind=kind)
        filters = with_articles(named, *dates.condition())
        wider = parsed.any_word()
        tried = wider if match == "any" and wider else parsed
        total = self.count(tried, filters)
        if not total and match == "auto" and wider:
            # No piece has every term: say so, and rank the pieces that have some of the words.
            total = self.count(wider, filters)
            tried = wider if total else parsed
        limit, offset = page(limit, offset)
        rows = self.matching(tried, filters, limit, offset, sort) if total and limit else []
        marked = self.marks(rows, tried) if tried and rows else [(0, None)] * len(rows)
        undated = with_articles(named, f"{PUBLISHED} IS NULL", [])
        found.update(
            match="any" if tried is wider else "all",
            total=total,
            undated_left_out=self.count(tried, undated) if dates else 0,
            results=[self.hit(row, mark) for row, mark in zip(rows, marked, strict=True)],
        )
        for hit in found["results"]:  # also said by each hit, for callers that keep only hits
            hit["match"] = found["match"]
        with_tellers(self, found["results"])  # a report inside another's words says whose
        return found

    def count(self, query: Query, filters: tuple[str, list[Any]]) -> int:
        joins, where, params = self.search_clause(query) if query else ("", "1 = 1", [])
        text = f"SELECT count(*) AS n FROM search_index s{joins} WHERE {where}{filters[0]}"
        return int(self.scalar(text, [*params, *filters[1]]))

    def matching(
        self, query: Query, filters: tuple[str, list[Any]], limit: int, offset: int, sort: str
    ) -> list[dict[str, Any]]:
        joins, where, params = self.search_clause(query) if query else ("", "1 = 1", [])
        score = self.score_expression() if query else "0"
        best = self.score_order() if query else "s.article_id DESC"
        order = best if sort == "relevance" else f"{in_order(sort)}, {best}"
        text = (
            f"SELECT {self.row_key()} AS row_key, s.kind, s.article_id, s.ref, s.speaker, s.body, "
            f"a.title, a.excerpt, a.published, {PUBLISHED} AS date, {score} AS score "
            f"FROM search_index s JOIN articles a ON a.id = s.article_id{joins} "
            f"WHERE {where}{filters[0]} "
            # the rest makes the order total, so that pages never overlap
            f"ORDER BY {order}, s.article_id DESC, s.kind, s.ref LIMIT ? OFFSET ?"
        )
        return self.all(text, [*params, *filters[1], limit, offset])

    def score_expression(self) -> str:
        raise NotImplementedError

    def filters(self, **wanted: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if wanted.get("kind"):
            clauses.append("s.kind = ?")
            params.append(wanted["kind"])
        if speaker := wanted.get("speaker"):
            clause, values = speaker_filter(speaker)
            clauses.append(clause)
            params.extend(values)
        for table in ("actor", "source"):
            if name := wanted.get(table):
                clauses.append(
                    f"EXISTS (SELECT 1 FROM {table}s x WHERE x.article_id = s.article_id "
                    "AND lower(x.name) LIKE ? ESCAPE '\\')"
                )
                params.append(like_pattern(name))
        return "".join(f" AND {c}" for c in clauses), params

    def hit(self, row: dict[str, Any], marked: tuple[int, str | None]) -> dict[str, Any]:
        body = row.pop("body") or ""
        row.pop("row_key", None)
        spans = marked_spans(marked[1], body, marked[0])
        if row["kind"] == "article":  # the title is the first line of the indexed text
            cut = body.find("\n") + 1
            body = body[cut:]
            spans = [(a - cut, b - cut) for a, b in spans if a >= cut]
        row["snippet"], row["highlights"] = snippet(body, spans)
        row["date"] = (row["date"] or "")[:10] or None
        row["article_id"] = int(row["article_id"])
        row["score"] = round(float(row["score"] or 0.0), 4)
        return row

    def export(self, table: str, *, with_dossier: bool = False) -> Iterator[dict[str, Any]]:
        """Rows of one of EXPORT_TABLES (articles, actors, quotes, figures, claims, sources,
        tones), in article order, with typed values: see store/exports.py."""
        return export_rows(self, table, with_dossier=with_dossier)
