"""SQLite backend: one file, WAL mode (readers never wait for the one writer), FTS5 search."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from presslens.errors import PresslensError
from presslens.store.base import Store
from presslens.store.query import Query, fts5
from presslens.store.snippets import MARK_CLOSE, MARK_OPEN


def dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.url = str(path)
        try:
            connection = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        except sqlite3.Error as exc:
            raise PresslensError(f"cannot open database {path}: {exc}") from exc
        connection.row_factory = dict_row
        # WAL: a reader (the web pages) never blocks the ingest; NORMAL sync is still safe when
        # the process is killed, since a commit is in the WAL file before it returns.
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        super().__init__(connection)

    def transaction(self) -> Any:
        # sqlite3's connection as a context: commit on success, roll back on an exception.
        # Reads outside it open no transaction, so readers never hold the WAL back.
        return self.conn

    def search_clause(self, query: Query) -> tuple[str, str, list[Any]]:
        return "", "search_index MATCH ?", [fts5(query)]

    def row_key(self) -> str:
        return "s.rowid"

    def marks(self, rows: list[dict[str, Any]], query: Query) -> list[tuple[int, str | None]]:
        # FTS5's highlight() marks what its own tokenizer and stemmer matched; it runs on the
        # page's rows only (in the search query it would run on every match before the LIMIT).
        keys = [row["row_key"] for row in rows]
        places = ", ".join("?" for _ in keys)
        found = self.all(
            "SELECT rowid AS row_key, highlight(search_index, 4, ?, ?) AS marked "
            f"FROM search_index WHERE search_index MATCH ? AND rowid IN ({places})",
            [MARK_OPEN, MARK_CLOSE, fts5(query), *keys],
        )
        marked = {row["row_key"]: row["marked"] for row in found}
        return [(0, marked.get(key)) for key in keys]

    def score_expression(self) -> str:
        return "-bm25(search_index)"

    def score_order(self) -> str:
        return "bm25(search_index)"

    def size_bytes(self) -> int:
        path = Path(self.url)
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
