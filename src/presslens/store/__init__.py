"""The corpus store: SQLite by default, PostgreSQL by URL, one interface (`Store`).

with open_store("presslens.db") as store:          # or "postgresql://user@host/db"
    store.save(dossier, sha256=key)
    store.search("tariffs", speaker="Smith")

A location (an argument, `--db`, PRESSLENS_DB) is a SQLite file path, a SQLite URL as SQLAlchemy
and most tools write it (`sqlite:///relative/path.db`, `sqlite:////absolute/path.db`), or a
PostgreSQL URL (`postgresql://`, `postgres://`, also `postgresql+psycopg://`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from presslens.errors import PresslensError
from presslens.store.base import Store
from presslens.store.postgres import redact

DEFAULT_DB = "presslens.db"
POSTGRES_SCHEMES = ("postgresql", "postgres")
# A scheme and "://": anything else is a file path (a Windows drive letter has no "//").
URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")

__all__ = ["DEFAULT_DB", "Store", "default_db", "open_store", "redact", "store_location"]


def default_db() -> str:
    return os.environ.get("PRESSLENS_DB") or DEFAULT_DB


def store_location(location: str | Path) -> tuple[str, str]:
    """("sqlite", file path) or ("postgres", URL) for a location; PresslensError for a URL of
    another kind."""
    target = str(location)
    found = URL.match(target)
    if not found:
        return "sqlite", target
    scheme = found.group(1).lower()
    base = scheme.split("+", 1)[0]
    if base in POSTGRES_SCHEMES:
        return "postgres", "postgresql" + target[len(scheme) :]
    if base == "sqlite":
        return "sqlite", sqlite_path(target)
    raise PresslensError(
        f"cannot open {redact(target)}: a store is a SQLite file (a path, or sqlite:///path) "
        "or a postgresql:// URL"
    )


def sqlite_path(url: str) -> str:
    """The file of a sqlite:// URL: three slashes then a relative path, four then an absolute
    one; `sqlite://` alone or `sqlite:///:memory:` is a store in memory."""
    parts = urlsplit(url)
    if parts.netloc:
        raise PresslensError(
            f"cannot open {url}: a SQLite URL names no host (sqlite:///relative/path.db or "
            "sqlite:////absolute/path.db)"
        )
    path = unquote(parts.path)
    return path[1:] if path.startswith("/") and len(path) > 1 else ":memory:"


def open_store(location: str | Path | None = None) -> Store:
    """A store for a SQLite path or URL (the file is created when missing) or a PostgreSQL
    URL; see the module's docstring."""
    kind, target = store_location(location or default_db())
    if kind == "postgres":
        from presslens.store.postgres import PostgresStore

        return PostgresStore(target)
    from presslens.store.sqlite import SQLiteStore

    return SQLiteStore(target)
