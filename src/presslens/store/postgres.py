"""PostgreSQL backend (psycopg 3): the same schema and queries, tsvector + GIN for search."""

from __future__ import annotations

import re
from typing import Any

from presslens.errors import MissingExtraError, PresslensError
from presslens.store.base import Store
from presslens.store.query import Query, tsquery
from presslens.store.snippets import MARK_CLOSE, MARK_OPEN, SNIPPET_CHARS, likely_stretch

PLACEHOLDER = re.compile(r"\?")
# The whole text, marked: the snippet is cut from it afterwards, as on SQLite.
HEADLINE = f"HighlightAll=true, StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}"


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # the driver is the optional postgres extra
            raise MissingExtraError("a postgresql:// store", "postgres") from exc

        self.url = url
        try:
            # Autocommit: a read never leaves a transaction open; writes use transaction().
            connection = psycopg.connect(
                url, row_factory=dict_row, connect_timeout=10, autocommit=True
            )
        except psycopg.Error as exc:
            raise PresslensError(f"cannot connect to {redact(url)}: {exc}".strip()) from exc
        super().__init__(connection)

    def sql(self, text: str) -> str:
        # Queries are written with ?; none of them holds a literal ? or %.
        return PLACEHOLDER.sub("%s", text)

    def transaction(self) -> Any:
        return self.conn.transaction()

    def before_create(self) -> None:
        # Two processes creating the schema at once would race on CREATE ... IF NOT EXISTS.
        self.run("SELECT pg_advisory_xact_lock(7205)")

    def search_clause(self, query: Query) -> tuple[str, str, list[Any]]:
        expression, params = tsquery(query)
        return f", (SELECT {expression} AS query) AS q", "s.tsv @@ q.query", params

    def marks(self, rows: list[dict[str, Any]], query: Query) -> list[tuple[int, str | None]]:
        # ts_headline marks what the english configuration matched, but parses all the text it
        # is given (~2 ms for an article): it gets the stretch a snippet will come from.
        expression, params = tsquery(query)
        stretches = [self.stretch(row, query) for row in rows]
        found = self.all(
            "SELECT b.n, ts_headline('english', b.body, q.query, ?) AS marked "
            "FROM unnest(?::text[]) WITH ORDINALITY AS b(body, n), "
            f"(SELECT {expression} AS query) AS q ORDER BY b.n",
            [HEADLINE, [text for _, text in stretches], *params],
        )
        return [(start, row["marked"]) for (start, _), row in zip(stretches, found, strict=True)]

    @staticmethod
    def stretch(row: dict[str, Any], query: Query) -> tuple[int, str]:
        body = row["body"] or ""
        begin = body.find("\n") + 1 if row["kind"] == "article" else 0  # past the title
        start, end = likely_stretch(body, query.words(), begin, 3 * SNIPPET_CHARS)
        return start, body[start:end]

    def score_expression(self) -> str:
        return "ts_rank(s.tsv, q.query)"

    def score_order(self) -> str:
        return "score DESC, s.article_id"

    def size_bytes(self) -> int:
        return int(self.scalar("SELECT pg_database_size(current_database()) AS n"))


def redact(url: str) -> str:
    """The URL without its password (`user:password@`, `?password=`), for messages and output;
    any other location unchanged."""
    url = re.sub(r"(://[^:/@?#]*):[^/?#]*@", r"\1:***@", url)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", url)
