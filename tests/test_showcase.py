"""Acceptance of the foundation on the showcase article (read from ../shared at run time)."""

from __future__ import annotations

import pytest

from presslens.ingest.blocks import duplicate_key

HEADINGS = 10
PEOPLE = ["Trump", "Putin", "Zelensky", "Lavrov", "Dugin", "Starmer", "Aliyev"]
OTHERS = ["Russia", "Ukraine", "United States", "European Union", "NATO", "ISW", "CREA"]


def test_title_caption_and_reading_time(showcase) -> None:
    article = showcase.article
    assert article.title.startswith("Imperialists argue about")
    assert article.title.endswith("rights")
    assert article.caption.startswith("Trump and Putin walk along red carpet")
    assert showcase.reading_time_minutes == 15.24
    assert article.language == "en"


def test_ten_headings_in_order(showcase) -> None:
    headings = [s.heading for s in showcase.article.sections if s.heading]
    assert len(headings) == HEADINGS
    assert headings[0].startswith("Russia’s “advance”")
    assert headings[6:8] == ["Can talks succeed?", "Security guarantees?"]
    assert headings[-1] == "What is the alternative?"


def test_chrome_and_duplicate_are_removed(showcase) -> None:
    removed = [(r.kind, r.text) for r in showcase.article.removed]
    assert ("chrome", "Read in 15.24 minutes") in removed
    assert ("chrome", "Excerpt") in removed
    assert ("chrome", "Contents of article") in removed
    duplicates = [text for kind, text in removed if kind == "duplicate"]
    assert len(duplicates) == 1
    # the repeat differs from the original only in punctuation ("-" for "–"): once in the body
    body = [duplicate_key(p.of(showcase.article.text)) for p in showcase.article.paragraphs]
    assert body.count(duplicate_key(duplicates[0])) == 1
    for chrome in ("Read in 15.24", "Contents of article"):
        assert chrome not in showcase.article.text


def find_actor(dossier, name: str):
    found = [
        a
        for a in dossier.actors
        if a.name == name or name in a.aliases or a.name.split()[-1] == name
    ]
    assert len(found) == 1, (name, [a.name for a in found])
    return found[0]


@pytest.mark.parametrize("name", PEOPLE)
def test_people_are_one_actor_with_all_mentions(showcase, name: str) -> None:
    actor = find_actor(showcase, name)
    assert actor.type == "PERSON" or name in ("Starmer", "Dugin")  # small model: type may slip
    text = showcase.article.text
    surname = name
    expected = sum(
        1
        for i in range(len(text))
        if text.startswith(surname, i)
        and not text[i + len(surname) : i + len(surname) + 1].isalpha()
    )
    assert len(actor.mentions) >= expected, (name, len(actor.mentions), expected)


@pytest.mark.parametrize("name", OTHERS)
def test_places_and_organisations(showcase, name: str) -> None:
    actor = find_actor(showcase, name)
    assert actor.mentions


def test_possessives_count_as_mentions(showcase) -> None:
    trump = find_actor(showcase, "Trump")
    text = showcase.article.text
    possessive = [m for m in trump.mentions if text[m.end : m.end + 2] == "’s"]
    assert len(possessive) >= 5
