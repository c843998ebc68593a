"""The store fixture runs every store test twice: on a SQLite file and on a real PostgreSQL.

PostgreSQL comes from PRESSLENS_TEST_PG_URL, else the URL .ci/services wrote to
/tmp/presslens-test-pg-url, else the default below. When no server answers, the PostgreSQL half
is skipped with the reason, except under CI, where it must run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_articles import pg_url

from presslens.store import Store, open_store

TABLES = "search_index, sources, claims, figures, quotes, actors, errors, articles, meta"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    import psycopg

    url = pg_url()
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        server = url.split("@")[-1]
        reason = f"no PostgreSQL at {server} ({exc.__class__.__name__}): run .ci/services"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


def empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP TABLE IF EXISTS {TABLES} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url = request.getfixturevalue("postgres_url")
    empty_postgres(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
