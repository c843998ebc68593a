"""SQLite backend: one file, WAL mode (readers never wait for the one writer), FTS5 search."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from presslens.errors import PresslensError
from presslens.store.base import Store


def dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


def fts_query(words: list[str], *, every: bool = True) -> str:
    """Every word as a quoted FTS5 string (all required, or any): user text is never syntax."""
    joiner = " " if every else " OR "
    return joiner.join('"' + word.replace('"', '""') + '"' for word in words)


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

    def search_clause(self, words: list[str], *, every: bool) -> tuple[str, str, list[Any]]:
        return "", "search_index MATCH ?", [fts_query(words, every=every)]

    def score_expression(self) -> str:
        return "-bm25(search_index)"

    def score_order(self) -> str:
        return "bm25(search_index)"

    def size_bytes(self) -> int:
        path = Path(self.url)
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
