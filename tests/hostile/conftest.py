"""Store fixtures for the hostile suite: each store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from PRESSLENS_TEST_PG_URL or the URL .ci/services wrote to
/tmp/presslens-test-pg-url, in a schema of this run's own (by search_path), so that these tests
never drop the tables of tests/store or of another run beside them. With no server the
PostgreSQL half is skipped, except under CI, where it must run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import fresh_schema, pg_url, schema_of_this_run  # noqa: E402

from presslens.store import Store, open_store  # noqa: E402

SCHEMA = f"presslens_hostile_{os.getpid()}"


@pytest.fixture(scope="session")
def hostile_pg_url() -> Iterator[str]:
    yield from schema_of_this_run(SCHEMA)


@pytest.fixture(params=["sqlite", "postgres"])
def hostile_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url: str = request.getfixturevalue("hostile_pg_url")
    fresh_schema(pg_url(), SCHEMA)
    return url


@pytest.fixture
def hostile_store(hostile_store_url: str) -> Iterator[Store]:
    with open_store(hostile_store_url) as opened:
        yield opened
