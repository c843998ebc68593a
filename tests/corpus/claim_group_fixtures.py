"""Small hand-written stored articles whose claims repeat across outlets, for the claim group
tests (store, CLI, pages), and a store fixture that runs each test on a SQLite file and on
PostgreSQL in a schema of its own."""

from __future__ import annotations

import dataclasses
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import build, fresh_schema, pg_url, schema_of_this_run  # noqa: E402

from presslens.model import Dossier  # noqa: E402
from presslens.store import Store, open_store  # noqa: E402

SCHEMA = f"presslens_claim_groups_{os.getpid()}"

ROSE = "Unemployment rose to 5 percent in March, the Labor Department said on Friday."
ROSE_AGAIN = "The Labor Department said on Friday that unemployment rose to 5 percent in March."
# only the number differs: the sentences alike as can be, the claims two
FOUR = "Unemployment rose to 4 percent in March, the Labor Department said on Friday."
HARBOUR = "The new harbour will cost the city $40 million to build over three years."
BRIDGE = "The old river bridge will close for repairs from the first week of June."
BRIDGE_AGAIN = "From the first week of June the old river bridge will close for repairs."


def claims_article(
    title: str,
    sentences: list[str],
    published: str | None,
    *,
    quoted: dict[str, str] | None = None,  # sentence -> speaker, for claims that are quotes
    sources: dict[str, str] | None = None,  # source name -> kind, cited by every claim
) -> Dossier:
    """A dossier whose every sentence is a claim (highest score first, in text order), with a
    published date; a sentence in `quoted` is also its speaker's indirect quote."""
    names = list(sources or {})
    dossier = build(
        title,
        sentences,
        quotes=[(speaker, piece, "indirect") for piece, speaker in (quoted or {}).items()],
        claims=[(piece, 0.9 - n / 100, names) for n, piece in enumerate(sentences)],
        sources=sources,
        actors={speaker: "PERSON" for speaker in (quoted or {}).values()},
    )
    claims = tuple(
        dataclasses.replace(claim, quote_id=quote_of(dossier, claim.text))
        for claim in dossier.claims
    )
    article = dataclasses.replace(dossier.article, published=published)
    return dataclasses.replace(dossier, article=article, claims=claims)


def quote_of(dossier: Dossier, sentence: str) -> str | None:
    return next((quote.id for quote in dossier.quotes if quote.text == sentence), None)


SAVED = itertools.count()  # a fresh content key for every stored test article


def save_all(store: Store, dossiers: list[Dossier]) -> list[int]:
    """Store each dossier as a new article (a key of its own: `id(d)` may be a freed
    dossier's again); their article ids in order."""
    return [store.save(d, sha256=f"claims-{next(SAVED)}") for d in dossiers]


def newsroom() -> list[Dossier]:
    """Four articles: a jobs claim told by two outlets (the later-stored one published first),
    a third outlet giving other numbers, and one article saying one thing twice."""
    return [
        claims_article("Jobs report", [ROSE, HARBOUR], "2016-04-02"),
        claims_article(
            "Labor figures",
            [ROSE_AGAIN],
            "2016-04-01",
            quoted={ROSE_AGAIN: "Tom Perez"},
        ),
        claims_article("Other figures", [FOUR], "2016-04-03"),
        claims_article("Bridge works", [BRIDGE, BRIDGE_AGAIN], "2016-04-01"),
    ]


@pytest.fixture(scope="session")
def claim_groups_postgres_url() -> Iterator[str]:
    yield from schema_of_this_run(SCHEMA)


@pytest.fixture(params=["sqlite", "postgres"])
def claim_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store, on SQLite and on PostgreSQL, with no groups kept from an earlier test."""
    from presslens.corpus import claimgroups

    if request.param == "sqlite":
        location = str(tmp_path / "claims.db")
    else:
        location = request.getfixturevalue("claim_groups_postgres_url")
        fresh_schema(pg_url(), SCHEMA)
    claimgroups.KEPT.clear()
    with open_store(location) as store:
        yield store
    claimgroups.KEPT.clear()
