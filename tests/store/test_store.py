"""The store interface, the same tests on SQLite and PostgreSQL (see conftest.py)."""

from __future__ import annotations

import pytest
from corpus_articles import budget, corpus, empty_stages, ferry, hostile

from presslens.model import dossier_from_dict
from presslens.store import Store, open_store


def fill(store: Store) -> dict[str, int]:
    """Save the hand-written corpus; title -> article id."""
    ids = {}
    for number, dossier in enumerate(corpus()):
        ids[dossier.article.title] = store.save(
            dossier, sha256=f"key{number}", input_id=f"in{number}"
        )
    return ids


def test_save_is_stored_once_and_reads_back(store: Store) -> None:
    dossier = budget()
    first = store.save(dossier, sha256="k1", input_id="a.txt", uri="a.txt")
    again = store.save(dossier, sha256="k1", input_id="a-copy.txt")
    assert first == again
    assert store.has("k1") and not store.has("k2")
    row = store.article(first)
    assert row["dossier"] == dossier.to_dict()
    assert row["title"] == "Council approves the harbour budget"
    assert (row["n_quotes"], row["n_figures"], row["n_claims"], row["n_actors"]) == (2, 2, 2, 3)
    assert store.article(first + 1000) is None


def test_derived_tables_follow_the_dossier(store: Store) -> None:
    fill(store)
    assert store.counts() == {
        "articles": 4,
        "errors": 0,
        "actors": 5,
        "quotes": 4,
        "figures": 4,
        "claims": 3,
        "sources": 2,
    }


def test_stored_record_rebuilds_the_dossier(store: Store) -> None:
    ids = fill(store)
    for dossier in corpus():
        data = store.article(ids[dossier.article.title])["dossier"]
        assert dossier_from_dict(data) == dossier


def titles(hits: list[dict]) -> set[tuple[str, str]]:
    return {(hit["kind"], hit["title"]) for hit in hits}


BUDGET = "Council approves the harbour budget"
FERRY = "Ferry strike ends after talks"

SEARCHES = [
    # (query, filters, expected (kind, title) pairs, all of them and nothing else)
    ("taxes", {}, {("article", BUDGET), ("quote", BUDGET)}),
    ("TAXES rise", {"kind": "quote"}, {("quote", BUDGET)}),
    ("harbour", {"kind": "claim"}, {("claim", BUDGET)}),
    ("", {"speaker": "smith"}, {("quote", BUDGET)}),
    ("rushed", {"speaker": "doe"}, {("quote", BUDGET)}),
    ("crew", {"actor": "o'brien"}, {("article", FERRY), ("quote", FERRY)}),
    ("", {"source": "statistics office", "kind": "claim"}, {("claim", BUDGET)}),
    ("ferry", {"actor": "jane smith"}, set()),
    ("nonexistentword", {}, set()),
]


@pytest.mark.parametrize(("query", "filters", "expected"), SEARCHES)
def test_search(store: Store, query: str, filters: dict, expected: set) -> None:
    fill(store)
    assert titles(store.search(query, **filters)) == expected


SQL_METACHARACTERS = [
    "taxes' OR '1'='1",
    "taxes'; DROP TABLE articles; --",
    'taxes" OR ""="',
    "taxes) UNION SELECT dossier FROM articles --",
    "taxes%",
    "taxes_",
    "taxes\\",
    "taxes*",
    "NEAR(taxes rise)",
    "body:taxes",
    "-taxes",
    "taxes AND NOT rise",
    "taxes & rise | ! ( :*",
    "O'Brien",
]


@pytest.mark.parametrize("query", SQL_METACHARACTERS)
def test_search_metacharacters_find_words_and_change_nothing(store: Store, query: str) -> None:
    fill(store)
    before = store.counts()
    hits = store.search(query)
    expected = FERRY if "Brien" in query else BUDGET
    assert expected in {hit["title"] for hit in hits}, query
    assert store.search("", speaker=query) == [] or query == "O'Brien"
    assert store.search("", actor=query, source=query) == [] or query == "O'Brien"
    assert store.counts() == before


@pytest.mark.parametrize("query", ["", "   ", "'", '"', ";", "--", "%", "()"])
def test_search_without_words_finds_nothing_quietly(store: Store, query: str) -> None:
    fill(store)
    assert store.search(query) == []


def test_search_snippet_shows_the_words(store: Store) -> None:
    fill(store)
    [hit] = store.search("harbour cost", kind="claim")
    assert "harbour will cost" in hit["snippet"]
    assert hit["article_id"] > 0 and isinstance(hit["score"], float)


def test_errors_are_recorded_once_and_cleared_by_success(store: Store) -> None:
    store.save_error(key="input:a.txt", reason="first try failed", input_id="a.txt")
    store.save_error(key="input:a.txt", reason="second try failed", input_id="a.txt")
    [error] = store.errors()
    assert error["reason"] == "second try failed"
    store.save(ferry(), sha256="k", input_id="a.txt")
    assert store.errors() == []
    assert store.known_keys() == ({"k"}, set())


def test_article_list_pages(store: Store) -> None:
    ids = fill(store)
    first = store.articles(limit=3)
    assert first["total"] == 4 and len(first["items"]) == 3
    second = store.articles(limit=3, offset=3)
    listed = [item["id"] for item in first["items"] + second["items"]]
    assert sorted(listed) == sorted(ids.values())


def test_actor_across_the_corpus(store: Store) -> None:
    ids = fill(store)
    actor = store.actor("jane smith")
    assert actor["types"] == ["PERSON"]
    assert [a["id"] for a in actor["articles"]] == [ids[BUDGET]]
    assert [q["text"] for q in actor["quotes"]] == ['"taxes will rise by 5 percent next year"']
    office = store.actor("Statistics Office")
    assert len(office["claims"]) == 1 and len(office["as_source"]) == 1
    assert store.actor("nobody at all")["articles"] == []


def test_export_rows(store: Store) -> None:
    fill(store)
    articles = list(store.export("articles"))
    assert len(articles) == 4 and "dossier" not in articles[0]
    assert "dossier" in next(store.export("articles", with_dossier=True))
    assert {q["speaker"] for q in store.export("quotes")} >= {"Jane Smith", "O'Brien"}
    assert len(list(store.export("figures"))) == 4
    assert len(list(store.export("claims"))) == 3
    with pytest.raises(ValueError):
        list(store.export("errors; DROP TABLE articles"))


def test_reopening_keeps_the_corpus(store_url: str) -> None:
    with open_store(store_url) as first:
        first.save(empty_stages(), sha256="k")
    with open_store(store_url) as second:
        assert second.has("k") and second.counts()["articles"] == 1


def test_hostile_text_is_stored_verbatim(store: Store) -> None:
    dossier = hostile()
    article_id = store.save(dossier, sha256="h")
    assert store.article(article_id)["dossier"]["article"]["text"] == dossier.article.text
    assert store.search("drop table")[0]["article_id"] == article_id
