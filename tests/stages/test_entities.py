from __future__ import annotations

import pytest

from presslens import analyse

TEXT = """Leaders meet in Geneva

President Donald Trump met Chancellor Olaf Scholz in Geneva on Monday. Trump's aides said the
talks went well, and Mr Scholz agreed. The Institute for the Study of War (ISW) said the US and the
United States Congress should act. ISW added that Russia's army was tired. America, the ISW said,
must decide. Scholz left for Berlin.
"""


@pytest.fixture(scope="module")
def actors():
    return {a.name: a for a in analyse(TEXT).actors}


def test_person_with_surname_and_possessive_is_one_actor(actors) -> None:
    trump = actors["Donald Trump"]
    assert trump.type == "PERSON"
    assert "Trump" in trump.aliases
    assert len(trump.mentions) == 2
    assert "Trump" not in actors


def test_titles_are_stripped(actors) -> None:
    scholz = actors["Olaf Scholz"]
    assert len(scholz.mentions) == 3
    assert not any(name.startswith(("President", "Chancellor", "Mr")) for name in actors)


def test_acronym_joins_its_full_name(actors) -> None:
    isw = actors["Institute for the Study of War"]
    assert "ISW" in isw.aliases
    assert len(isw.mentions) == 4


def test_country_aliases_merge(actors) -> None:
    us = actors["United States"]
    assert {"US", "America"} <= set(us.aliases)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the small model tags Kherson and Kramatorsk PERSON here; the list's noun says places
        (
            "Moscow wants major cities such as Kherson, Zaporizhzhia, Kramatorsk handed over.",
            {"Kherson": "GPE", "Zaporizhzhia": "GPE", "Kramatorsk": "GPE"},
        ),
        ("The city of Kherson was shelled again.", {"Kherson": "GPE"}),
        ("Leaders such as Macron and Scholz met.", {"Macron": "PERSON", "Scholz": "PERSON"}),
        # "of" after a person's role names what they lead, not another person
        ("The president of France, Emmanuel Macron, spoke.", {"France": "GPE"}),
        ("The leader of Hamas spoke on Monday.", {"Hamas": "ORG"}),
        # a role noun before a name that modifies another name is that other name's role
        (
            "Republican candidate Texas Senator Ted Cruz argued that Texas needs ethanol.",
            {"Texas": "GPE", "Ted Cruz": "PERSON"},
        ),
        # a country is a place even where the tagger reads the possessive and title as ORG
        (
            "Azerbaijan’s President Aliyev threatened to send weapons.",
            {"Azerbaijan": "GPE", "Aliyev": "PERSON"},
        ),
    ],
)
def test_the_noun_introducing_a_list_of_names_gives_their_type(
    text: str, expected: dict[str, str]
) -> None:
    types = {a.name: a.type for a in analyse(text).actors}
    assert {name: types.get(name) for name in expected} == expected
