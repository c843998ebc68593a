"""PostgreSQL backend (psycopg 3): the same schema and queries, tsvector + GIN for search."""

from __future__ import annotations

import re
from typing import Any

from presslens.errors import PresslensError
from presslens.store.base import Store

PLACEHOLDER = re.compile(r"\?")


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        import psycopg
        from psycopg.rows import dict_row

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

    def search_clause(self, words: list[str], *, every: bool) -> tuple[str, str, list[Any]]:
        # Words are runs of \w only, so joining them with & or | makes a valid tsquery.
        joiner = " & " if every else " | "
        return (
            ", to_tsquery('english', ?) AS query",
            "s.tsv @@ query",
            [joiner.join(words)],
        )

    def score_expression(self) -> str:
        return "ts_rank(s.tsv, query)"

    def score_order(self) -> str:
        return "score DESC, s.article_id"

    def size_bytes(self) -> int:
        return int(self.scalar("SELECT pg_database_size(current_database()) AS n"))


def redact(url: str) -> str:
    """The URL without its password (`user:password@`, `?password=`), for messages and output;
    any other location unchanged."""
    url = re.sub(r"(://[^:/@?#]*):[^/?#]*@", r"\1:***@", url)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", url)
