"""The store fixture runs every store test twice: on a SQLite file and on a real PostgreSQL.

PostgreSQL comes from PRESSLENS_TEST_PG_URL, else the URL .ci/services wrote to
/tmp/presslens-test-pg-url, else the default below, in a schema of this test run's own (by
search_path), emptied before each test. When no server answers, the PostgreSQL half is skipped
with the reason, except under CI, where it must run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_articles import fresh_schema, pg_url, schema_of_this_run

from presslens.store import Store, open_store

SCHEMA = f"presslens_store_{os.getpid()}"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    yield from schema_of_this_run(SCHEMA)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url: str = request.getfixturevalue("postgres_url")
    fresh_schema(pg_url(), SCHEMA)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
