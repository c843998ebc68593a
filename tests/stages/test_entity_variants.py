"""One person written two ways, two names written as one, and names that are no actor's
(stages/entities/variants.py, offices.py, wording.py), on invented texts."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import presslens
from presslens.stages.entities.variants import group_word_opens, joined_parts, one_slip


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


def test_a_given_name_misspelt_once_is_the_same_person() -> None:
    found = actors(
        "Teodora Vaskin, the mayor of the port city, opened the new bridge on Monday. Critics"
        " said the bridge cost too much. Toedora Vaskin said the city needed it. Vaskin added"
        " that the work would end in May."
    )
    assert found["Teodora Vaskin"] == ("PERSON", 3)
    assert "Toedora Vaskin" not in found


def test_a_bare_surname_misspelt_joins_its_person() -> None:
    found = actors(
        "Mirela Kostanek, a senator from the north, spoke to reporters on Tuesday. She said the"
        " budget was too small. Kostaneck later said she would vote against the plan. Her aides"
        " did not comment."
    )
    assert found == {"Mirela Kostanek": ("PERSON", 2)}


def test_two_names_across_a_spaced_dash_are_two_people() -> None:
    found = actors(
        "Two candidates are running for the seat. Olaf Halvorsen is a teacher and Greta Quist"
        " is a nurse. In the race between them, the Halvorsen - Quist debate drew a big crowd."
        " Halvorsen said he was pleased."
    )
    assert found == {"Olaf Halvorsen": ("PERSON", 3), "Greta Quist": ("PERSON", 2)}


def test_a_short_form_the_article_writes_in_full_joins_the_person() -> None:
    found = actors(
        "Peter Galloway, a farmer from the valley, sued the county last year. Friends call him"
        ' Pete Galloway. "Pete has always fought for the farms," said his neighbour, Anna'
        " Reyes. Galloway said the case would go on."
    )
    assert found["Peter Galloway"] == ("PERSON", 4)
    assert "Pete" not in found


def test_the_office_sought_is_no_actor() -> None:
    dossier = presslens.analyse(
        "Senator Ruth Palomar announced her bid for the White House on Friday. She told"
        " supporters in Ohio that the campaign would be long. Palomar said she had raised money"
        " across the state. Her rival did not respond."
    )
    assert [a.name for a in dossier.actors] == ["Ruth Palomar"]
    assert "White House" in [p.name for p in dossier.places]


def test_a_networks_programme_is_no_actor() -> None:
    found = actors(
        "Governor Amos Treadle spoke on NBC's Morning Ledger on Sunday. He said the state would"
        " cut taxes. Treadle also said the budget was balanced. The show's host did not press"
        " him."
    )
    assert "Morning Ledger" not in found
    assert found["Amos Treadle"] == ("PERSON", 2)


def test_a_name_that_only_describes_things_is_a_group_word() -> None:
    dossier = presslens.analyse(
        "The Kazakh economy grew last year, and Kazakh exports rose. Kazakh currency fell in the"
        " spring. The minister, Petra Kolb, said the numbers were good. Kolb spoke in the"
        " capital on Friday."
    )
    assert [a.name for a in dossier.actors] == ["Petra Kolb"]
    assert "Kazakh" in [g.name for g in dossier.groups]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Crane, Kibbe", (["Crane", "Kibbe"], "PERSON")),
        ("World Trade Center, Santilli", (["World Trade Center", "Santilli"], "ORG")),
        ("Christie at", (["Christie"], "ORG")),
        ("Kingson - Deacon", (["Kingson", "Deacon"], "PERSON")),
        ("Robert F. Kennedy, Jr.", None),  # a generation
        ("Burns, Ore.", None),  # a town and its state
        ("Apple, Inc.", None),  # a legal form
        ("Coalition to Stop Gun Violence", None),  # "to" between no people's names
        ("Roe campaign", None),  # a body, not a tail
    ],
)
def test_joined_parts(name: str, expected: tuple[list[str], str] | None) -> None:
    surnames = {"Crane", "Kibbe", "Santilli", "Kingson", "Deacon", "Kennedy", "Christie"}
    assert joined_parts(name, "ORG", surnames) == expected


@pytest.mark.parametrize(
    ("a", "b", "changes_length", "expected"),
    [
        ("Abdulhadi", "Adbulhadi", False, True),  # two letters swapped
        ("Zelensky", "Zelenskiy", True, True),  # one letter added
        ("Clinton", "Clintons", True, False),  # a family, not a slip
        ("Ivana", "Ivanka", False, False),  # another length, and not asked for
        ("Kostanek", "Bostanek", True, False),  # the first letter
    ],
)
def test_one_slip(a: str, b: str, changes_length: bool, expected: bool) -> None:
    assert one_slip(a, b, changes_length=changes_length) is expected


def test_a_party_word_before_an_organisation_opens_its_name() -> None:
    words = ["Republican", "National", "Committee", "spokesman", "Ann", "Poe", "said"]
    vocab = spacy.blank("en").vocab  # with English's lexical attributes (is_title)
    doc = Doc(vocab, words=words, spaces=[True] * 6 + [False])
    party, body = doc.char_span(0, 10, label="NORP"), doc.char_span(11, 29, label="ORG")
    assert party is not None and body is not None
    assert group_word_opens(party, body)
    short = Doc(vocab, words=["Republican", "Senate", "voted"])
    party, body = short.char_span(0, 10, label="NORP"), short.char_span(11, 17, label="ORG")
    assert party is not None and body is not None
    assert not group_word_opens(party, body)  # "a Republican Senate": one word, no name
