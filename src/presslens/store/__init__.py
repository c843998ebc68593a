"""The corpus store: SQLite by default, PostgreSQL by URL, one interface (`Store`).

with open_store("presslens.db") as store:          # or "postgresql://user@host/db"
    store.save(dossier, sha256=key)
    store.search("tariffs", speaker="Smith")
"""

from __future__ import annotations

import os
from pathlib import Path

from presslens.store.base import Store
from presslens.store.postgres import redact

DEFAULT_DB = "presslens.db"

__all__ = ["DEFAULT_DB", "Store", "default_db", "open_store", "redact"]


def default_db() -> str:
    return os.environ.get("PRESSLENS_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None) -> Store:
    """A store for a SQLite path (created when missing) or a postgresql:// URL."""
    target = str(location or default_db())
    if target.startswith(("postgresql://", "postgres://")):
        from presslens.store.postgres import PostgresStore

        return PostgresStore(target)
    from presslens.store.sqlite import SQLiteStore

    return SQLiteStore(target)
