"""A store fixture for the fact-check tests: each test runs on a SQLite file and on PostgreSQL
(the pattern of tests/store/conftest.py, in a schema of its own), and small hand-written
collections of verified claims in each format a user may bring."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import fresh_schema, pg_url, schema_of_this_run  # noqa: E402

from presslens.store import Store, open_store  # noqa: E402

SCHEMA = f"presslens_factchecks_{os.getpid()}"

# (claim, verdict, url, date, publisher): invented fact-checks, one topic each
CHECKS = [
    (
        "The new footbridge over the Wen cost twice its original budget.",
        "Mostly true",
        "https://checks.example/footbridge-budget",
        "2025-02-03",
        "Harbour Facts",
    ),
    (
        "Millbrook's library will close on Sundays from next spring.",
        "False",
        "https://checks.example/library-sundays",
        "2025-03-10",
        "Harbour Facts",
    ),
    (
        "Tram fares in Eastport rose by 40 percent last year.",
        "Misleading",
        "https://verify.example/tram-fares",
        "2024-11-20",
        "Verify Desk",
    ),
]


def jsonl_text() -> str:
    names = ("claim", "verdict", "url", "date", "publisher")
    return "".join(json.dumps(dict(zip(names, row, strict=True))) + "\n" for row in CHECKS)


def claim_review(row: tuple[str, str, str, str, str]) -> dict:
    claim, verdict, url, date, publisher = row
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "alternateName": verdict},
        "url": url,
        "datePublished": date,
        "author": {"@type": "Organization", "name": publisher},
    }


# Fixtures are named apart from their functions, so that a test module imports the functions
# and asks for the fixtures by name without shadowing what it imported.
@pytest.fixture(scope="session", name="factcheck_postgres_url")
def postgres_url_fixture() -> Iterator[str]:
    yield from schema_of_this_run(SCHEMA)


@pytest.fixture(params=["sqlite", "postgres"], name="factcheck_location")
def location_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's location, a SQLite file or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "factchecks.db")
    url: str = request.getfixturevalue("factcheck_postgres_url")
    fresh_schema(pg_url(), SCHEMA)
    return url


@pytest.fixture(name="factcheck_store")
def store_fixture(factcheck_location: str) -> Iterator[Store]:
    with open_store(factcheck_location) as store:
        yield store
