"""The same claim across the corpus (corpus/claimgroups.py): stored hand-written articles whose
claims repeat, on SQLite and PostgreSQL; the rules (numbers that differ, one article alone,
first appearance, no chaining) and `presslens claims`."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest
from claim_group_fixtures import (
    FOUR,
    ROSE,
    ROSE_AGAIN,
    claim_groups_postgres_url,
    claim_store,
    claims_article,
    newsroom,
    save_all,
)
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus import claimgroups
from presslens.corpus.claimgroups import (
    Features,
    average_link,
    encode_claims,
    find_group,
    find_groups,
    numbers,
    numbers_differ,
)
from presslens.nlp import encoder
from presslens.store import Store

__all__ = ["claim_groups_postgres_url", "claim_store"]  # fixtures used by name

needs_encoder = pytest.mark.skipif(not encoder.available(), reason="the encoder cannot run here")


@needs_encoder
def test_one_claim_told_by_two_outlets_is_one_group(claim_store: Store) -> None:
    jobs, labor, other, bridge = save_all(claim_store, newsroom())
    (group,) = find_groups(claim_store)
    assert [(c.article_id, c.text) for c in group.claims] == [(labor, ROSE_AGAIN), (jobs, ROSE)]
    assert group.id == f"{labor}-c1"  # the first appearance's claim: published a day earlier
    assert group.first.date == "2016-04-01" and group.first.speaker == "Tom Perez"
    assert group.n_articles == 2 and group.cohesion > claimgroups.SAME_CLAIM
    shown = group.to_dict()
    assert shown["first"] == "2016-04-01" and shown["n_claims"] == 2
    assert {other, bridge}.isdisjoint(c.article_id for c in group.claims)


@needs_encoder
def test_numbers_that_differ_keep_alike_sentences_apart(claim_store: Store) -> None:
    save_all(claim_store, newsroom())
    find_groups(claim_store)
    kept = claimgroups.KEPT[claim_store.url]
    texts = [claim.text for claim in kept.claims]
    features = Features.build(texts, kept.vectors)
    rose, four = texts.index(ROSE), texts.index(FOUR)
    # as sentences they pass as one claim; only the numbers tell them apart
    assert features.scores([rose], [four])[0, 0] >= claimgroups.SAME_CLAIM
    assert features.apart([rose], [four])[0, 0]
    assert all(FOUR not in (c.text for c in g.claims) for g in find_groups(claim_store))


@needs_encoder
def test_grouping_again_adds_nothing_twice(claim_store: Store) -> None:
    save_all(claim_store, newsroom())
    first = [group.to_dict() for group in find_groups(claim_store)]
    encoded = claim_store.scalar("SELECT count(*) AS n FROM claims WHERE vector IS NOT NULL")
    assert encoded == claim_store.counts()["claims"] == 6
    assert encode_claims(claim_store) == 0
    claimgroups.KEPT.clear()  # as a new process would
    assert [group.to_dict() for group in find_groups(claim_store)] == first
    assert claim_store.scalar("SELECT count(*) AS n FROM claims") == 6


@needs_encoder
def test_a_new_article_joins_and_ties_go_to_the_lower_id(claim_store: Store) -> None:
    jobs, labor = save_all(claim_store, newsroom()[:2])
    assert find_groups(claim_store)[0].id == f"{labor}-c1"
    (same_day,) = save_all(claim_store, [claims_article("Wire copy", [ROSE], "2016-04-01")])
    (group,) = find_groups(claim_store)  # the kept groups are stale: found again
    assert [c.article_id for c in group.claims] == [labor, same_day, jobs]
    assert group.id == f"{labor}-c1"
    assert find_group(claim_store, group.id) == group
    assert find_group(claim_store, "999-c1") is None


def test_without_the_encoder_grouping_is_by_words_and_says_so(
    claim_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoder, "available", lambda: False)
    save_all(claim_store, newsroom())
    with pytest.warns(RuntimeWarning, match="shared words only"):
        groups = find_groups(claim_store)
    assert [len(group.claims) for group in groups] == [2]
    assert claim_store.scalar("SELECT count(*) AS n FROM claims WHERE vector IS NOT NULL") == 0


def test_one_article_saying_a_thing_twice_is_no_group(claim_store: Store) -> None:
    twice = claims_article("Twice", [ROSE, ROSE_AGAIN], "2016-04-01")
    save_all(claim_store, [twice, claims_article("Elsewhere", [FOUR], "2016-04-01")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the lexical fallback, if it is one
        assert find_groups(claim_store) == []


NUMBERS = [
    # (left, right, differ)
    ("rose to 5 percent", "fell to 4 percent", True),
    ("5% in March 2016", "5 percent", False),  # one side's extra detail
    ("in 2015", "in 2016", True),
    ("$3.5 million", "3,500,000 dollars", False),
    ("40 cars in 2016", "40 cars", False),
    ("no number", "12 people", False),
    ("seven in 10 voters backed him", "six in 10 voters backed him", True),  # numbers in words
    ("he won three states", "he won two states", True),
    ("one of the states", "the 2 states", False),  # "one of" names no number
    ("2,093 shootings in 2016", "2,093 shootings", False),  # a grouped count is not a year
]


@pytest.mark.parametrize(("left", "right", "differ"), NUMBERS)
def test_numbers_differ(left: str, right: str, differ: bool) -> None:
    assert numbers_differ(numbers(left), numbers(right)) is differ
    assert bool(Features.build([left, right], None).apart([0], [1])[0, 0]) is differ


def test_average_link_does_not_chain() -> None:
    """A is like B and B like C, A nothing like C: one pair, not a chain of three (single link
    would give one group of three)."""
    texts = ["alpha bravo charlie delta", "echo foxtrot golf hotel", "india juliet kilo lima"]
    features = Features.build(texts, None)  # no word in common: the score is the cosine part
    same = claimgroups.SAME_CLAIM
    ab, bc = np.arccos(same + 0.1), np.arccos(same + 0.05)  # angles between neighbours
    angles = [0.0, ab, ab + bc]
    vectors = np.array([[np.cos(x), np.sin(x)] for x in angles], dtype=np.float32)
    features.vectors = vectors / np.sqrt(claimgroups.ENCODER_WEIGHT)  # scores: the cosines
    scores = features.scores([0, 1, 2], [0, 1, 2])
    assert scores[0, 1] >= same and scores[1, 2] >= same and scores[0, 2] < same
    assert [members for members, _ in average_link(features, [0, 1, 2])] == [[0, 1]]


def test_claims_of_few_words_are_never_compared() -> None:
    features = Features.build(["Trump said.", "Trump said."], None)
    assert features.scores([0], [1])[0, 0] == 0


# --- the command -------------------------------------------------------------------------


@pytest.fixture
def stored_db(tmp_path: Path) -> str:
    from presslens.store import open_store

    location = str(tmp_path / "claims.db")
    with open_store(location) as store:
        save_all(store, newsroom())
    claimgroups.KEPT.clear()
    return location


@needs_encoder
def test_command_lists_groups_and_shows_one(stored_db: str) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["claims", "--db", stored_db, "--json"])
    assert listed.exit_code == 0, listed.output
    document = json.loads(listed.stdout)
    assert document["total"] == 1
    group_id = document["groups"][0]["id"]
    shown = runner.invoke(app, ["claims", group_id, "--db", stored_db])
    assert shown.exit_code == 0, shown.output
    assert ROSE in shown.stdout and ROSE_AGAIN in shown.stdout and "Tom Perez" in shown.stdout
    text = runner.invoke(app, ["claims", "--db", stored_db])
    assert group_id in text.stdout and "2 articles" in text.stdout


@pytest.mark.parametrize("wanted", ["999-c1", "not an id"])
def test_command_refuses_an_unknown_group_in_one_line(stored_db: str, wanted: str) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "presslens.cli", "claims", wanted, "--db", stored_db],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if "warning" not in line.lower()]
    assert len(lines) == 1 and lines[0].startswith("presslens: error:"), result.stderr
    assert "Traceback" not in result.stderr
