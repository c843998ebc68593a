"""Corpus actor keys: one actor page and one speaker filter per person across articles, when an
article names the person in full; a surname alone never merges two people."""

from __future__ import annotations

import dataclasses

import pytest
from corpus_articles import build

from presslens.model import Dossier
from presslens.store import Store
from presslens.store.actor_keys import actor_key, query_keys


@pytest.mark.parametrize(
    ("name", "aliases", "kind", "key"),
    [
        ("Donald Trump", ("Trump", "Trump's", "Mr. Trump"), "PERSON", "donald trump"),
        ("Trump", (), "PERSON", "trump"),
        ("Sen. Timothy J. Sloan Jr.", ("Sloan",), "PERSON", "timothy sloan"),
        ("Hillary Clinton", ("Mrs. Clinton", "Clinton"), "PERSON", "hillary clinton"),
        ("the Justice Department", ("Justice Department",), "ORG", "justice department"),
        ("Federal Bureau of Investigation", ("FBI",), "ORG", "federal bureau of investigation"),
    ],
)
def test_actor_key(name: str, aliases: tuple[str, ...], kind: str, key: str) -> None:
    assert actor_key(name, aliases, kind) == key


def test_query_keys_cover_people_and_organisations() -> None:
    assert query_keys("Donald J. Trump") == ["donald trump", "donald j. trump"]
    assert query_keys("Trump") == ["trump"]


def person_article(title: str, sentence: str, name: str, aliases: tuple[str, ...]) -> Dossier:
    dossier = build(
        title, [sentence], actors={name: "PERSON"}, quotes=[(name, sentence[-30:], "direct")]
    )
    actor = dataclasses.replace(dossier.actors[0], aliases=aliases)
    return dataclasses.replace(dossier, actors=(actor,))


def three_articles(store: Store) -> dict[str, int]:
    articles = {
        "full": person_article(
            "Rally",
            'Donald Trump spoke; Trump said "we will win the state again".',
            "Donald Trump",
            ("Trump",),
        ),
        "surname": person_article(
            "Debate", 'Trump told the crowd "the polls are wrong this year".', "Trump", ()
        ),
        "daughter": person_article(
            "Visit", 'Ivanka Trump said "the factory will reopen in May".', "Ivanka Trump", ()
        ),
    }
    return {name: store.save(d, sha256=name) for name, d in articles.items()}


def test_full_name_page_gathers_the_articles_that_name_the_person_in_full(store: Store) -> None:
    ids = three_articles(store)
    page = store.actor("Donald Trump")
    assert [a["id"] for a in page["articles"]] == [ids["full"]]
    assert [q["article_id"] for q in page["quotes"]] == [ids["full"]]
    assert store.actor("Mr. Donald J. Trump")["articles"] == page["articles"]


def test_a_surname_never_merges_two_people(store: Store) -> None:
    ids = three_articles(store)
    page = store.actor("Trump")
    assert [a["id"] for a in page["articles"]] == [ids["surname"]]
    assert {row["key"] for row in page["full_names"]} == {"donald trump", "ivanka trump"}
    assert [a["id"] for a in store.actor("Ivanka Trump")["articles"]] == [ids["daughter"]]


def test_speaker_filter_by_corpus_key(store: Store) -> None:
    ids = three_articles(store)
    by_full = store.search("", speaker="Donald Trump")
    assert {hit["article_id"] for hit in by_full} == {ids["full"]}
    by_surname = store.search("", speaker="Trump")
    assert {hit["article_id"] for hit in by_surname} == set(ids.values())


def test_an_old_store_gets_keys_when_opened(store_url: str) -> None:
    from presslens.store import open_store

    if not store_url.endswith(".db"):
        pytest.skip("the upgrade path is the same SQL; SQLite shows it")
    import sqlite3

    with open_store(store_url) as store:
        three_articles(store)
    with sqlite3.connect(store_url) as raw:  # a version-1 store: no key columns
        raw.execute("UPDATE actors SET key = NULL")
        raw.execute("DROP INDEX actors_key")
        raw.execute("ALTER TABLE actors DROP COLUMN key")
    with open_store(store_url) as store:
        assert len(store.actor("Donald Trump")["articles"]) == 1
