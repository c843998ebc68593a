"""Date ranges and date orders for the lists made across articles (store/across.py), on SQLite
and PostgreSQL: claim groups, a claim page and pairs of figures, as their JSON forms give them,
over stored articles with publication dates, an undated one and one dated in the future."""

from __future__ import annotations

from typing import Any

import pytest
from corpus_articles import build, dated

from presslens.store import Store
from presslens.store.across import dated_claim_page, dated_groups, dated_pairs
from presslens.store.ranges import DateRange, left_out, read_range

DATES = {
    "march": "2017-03-03T12:00:00Z",
    "may": "May 5, 2017",
    "july": "2017-07-04",
    "undated": None,
    "future": "2999-01-01",  # kept as text, never a key: undated
}


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    found = {}
    for name, published in DATES.items():
        dossier = dated(build(f"{name} story", [f"The {name} story is told."]), published)
        found[name] = store.save(dossier, sha256=f"dated-{name}")
    return found


def claim(article_id: int, text: str = "Jobs rose.") -> dict[str, Any]:
    return {"article_id": article_id, "claim_id": "c1", "text": text, "date": None}


def group(name: str, *article_ids: int) -> dict[str, Any]:
    claims = [claim(article_id) for article_id in article_ids]
    return {"id": name, "text": name, "n_articles": len(claims), "claims": claims}


def groups(ids: dict[str, int]) -> list[dict[str, Any]]:
    """As corpus/claimgroups.py lists them: the most articles first."""
    return [
        group("spring and summer", ids["march"], ids["may"], ids["july"]),
        group("summer and nowhere", ids["july"], ids["undated"]),
        group("nowhere", ids["undated"], ids["future"]),
        group("spring", ids["march"], ids["may"]),
    ]


def listed(answer: dict[str, Any]) -> list[str]:
    return [item["id"] for item in answer["groups"]]


def test_groups_without_a_range_keep_every_group(store: Store, ids: dict[str, int]) -> None:
    answer = dated_groups(store, groups(ids), DateRange())
    assert listed(answer) == ["spring and summer", "summer and nowhere", "nowhere", "spring"]
    assert (answer["total"], answer["undated_left_out"]) == (4, 0)
    first = answer["groups"][0]
    assert (first["dated"], first["last"], first["n_in_range"]) == ("2017-03-03", "2017-07-04", 3)
    assert answer["groups"][2]["dated"] is None  # no article of it is dated


def test_groups_within_a_range(store: Store, ids: dict[str, int]) -> None:
    answer = dated_groups(store, groups(ids), read_range("2017-05", "2017-12"))
    # in the range when any article is; "nowhere" is left out for want of a date
    assert listed(answer) == ["spring and summer", "summer and nowhere", "spring"]
    assert [item["n_in_range"] for item in answer["groups"]] == [2, 1, 1]
    assert (answer["from"], answer["to"], answer["undated_left_out"]) == (
        "2017-05-01",
        "2017-12-31",
        1,
    )
    summer = dated_groups(store, groups(ids), read_range("2017-07", None))
    assert listed(summer) == ["spring and summer", "summer and nowhere"]
    assert summer["undated_left_out"] == 1  # "spring" is out by its dates, not for want of one


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["summer and nowhere", "spring and summer", "spring", "nowhere"]),
        ("oldest", ["spring and summer", "spring", "summer and nowhere", "nowhere"]),
    ],
)
def test_groups_by_first_appearance(
    store: Store, ids: dict[str, int], sort: str, expected: list[str]
) -> None:
    assert listed(dated_groups(store, groups(ids), DateRange(), sort)) == expected


def test_a_claim_page_within_a_range_and_newest_first(store: Store, ids: dict[str, int]) -> None:
    page = {**group("g", ids["march"], ids["undated"], ids["july"]), "factchecks": []}
    whole = dated_claim_page(store, dict(page), DateRange(), "date")
    assert [c["date"] for c in whole["claims"]] == ["2017-07-04", "2017-03-03", None]
    assert [c["first_appearance"] for c in whole["claims"]] == [False, True, False]
    assert (whole["n_shown"], whole["undated_left_out"]) == (3, 0)
    narrowed = dated_claim_page(store, dict(page), read_range("2017-06", None))
    assert [c["article_id"] for c in narrowed["claims"]] == [ids["july"]]
    assert (narrowed["n_shown"], narrowed["undated_left_out"]) == (1, 1)


def pair(left: int, right: int, score: float) -> dict[str, Any]:
    side = {"text": "151,000", "published": None}
    return {
        "score": score,
        "left": {**side, "article_id": left},
        "right": {**side, "article_id": right},
    }


def test_pairs_within_a_range_and_by_date(store: Store, ids: dict[str, int]) -> None:
    pairs = [
        pair(ids["march"], ids["may"], 0.9),
        pair(ids["undated"], ids["future"], 0.8),
        pair(ids["may"], ids["july"], 0.7),
        pair(ids["july"], ids["undated"], 0.6),
    ]
    scores = dated_pairs(store, [dict(p) for p in pairs], DateRange())
    assert [p["score"] for p in scores["conflicts"]] == [0.9, 0.8, 0.7, 0.6]
    assert scores["conflicts"][0]["left"]["date"] == "2017-03-03"
    assert scores["conflicts"][1]["right"]["date"] is None  # a future date is no date
    newest = dated_pairs(store, [dict(p) for p in pairs], DateRange(), "date")
    assert [p["score"] for p in newest["conflicts"]] == [0.7, 0.6, 0.9, 0.8]
    oldest = dated_pairs(store, [dict(p) for p in pairs], DateRange(), "oldest")
    assert [p["score"] for p in oldest["conflicts"]] == [0.9, 0.7, 0.6, 0.8]
    spring = dated_pairs(store, [dict(p) for p in pairs], read_range("2017-03", "2017-05"))
    assert [p["score"] for p in spring["conflicts"]] == [0.9, 0.7]
    assert (spring["total"], spring["undated_left_out"]) == (2, 2)


@pytest.mark.parametrize(
    ("count", "what", "said"),
    [
        (1, "undated articles", "1 undated article"),
        (3, "undated articles", "3 undated articles"),
        (1, "pairs of undated articles", "1 pair of undated articles"),
        (1, "appearances in undated articles", "1 appearance in undated articles"),
    ],
)
def test_what_a_range_left_out_in_words(count: int, what: str, said: str) -> None:
    assert left_out(count, what) == said
