"""Store fixtures for the hostile suite: each store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from PRESSLENS_TEST_PG_URL or the URL .ci/services wrote to
/tmp/presslens-test-pg-url, in a schema of its own (`presslens_hostile`, by search_path), so
that these tests never drop the tables of tests/store running beside them. With no server the
PostgreSQL half is skipped, except under CI, where it must run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import pg_url  # noqa: E402

from presslens.store import Store, open_store  # noqa: E402

SCHEMA = "presslens_hostile"


@pytest.fixture(scope="session")
def hostile_pg_url() -> Iterator[str]:
    import psycopg

    url = pg_url()
    try:
        with psycopg.connect(url, connect_timeout=5, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    except psycopg.Error as exc:
        reason = f"no PostgreSQL at {url.split('@')[-1]} ({exc.__class__.__name__})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    joiner = "&" if "?" in url else "?"
    yield f"{url}{joiner}options=-csearch_path%3D{SCHEMA}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")


def empty_schema(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        connection.execute(f"CREATE SCHEMA {SCHEMA}")


@pytest.fixture(params=["sqlite", "postgres"])
def hostile_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url: str = request.getfixturevalue("hostile_pg_url")
    empty_schema(url)
    return url


@pytest.fixture
def hostile_store(hostile_store_url: str) -> Iterator[Store]:
    with open_store(hostile_store_url) as opened:
        yield opened
