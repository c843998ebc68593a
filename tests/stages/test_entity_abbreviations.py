"""One actor per country or organisation (issue 16): a place's compass word cut to its initial
("S. Carolina", stages/entities/abbreviations.py) and a name holding an irregular plural's
possessive ("the National Children's Literacy Fund", mentions.PLURAL_POSSESSIVE, and
abbreviations.plurals_continued where the tagger cut it), a given name spelt with a letter
doubled ("Terrence" / "Terence", variants.doubled_letter), on invented texts."""

from __future__ import annotations

import presslens


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


def test_a_compass_initial_before_a_place_is_the_place() -> None:
    found = actors(
        "Flood defences fail along the coast\n\n"
        "Floods closed roads across S. Carolina on Monday, and the governor asked for help."
        " South Carolina sued the federal agency on Tuesday over the delay. S. Carolina said"
        " the money had been promised in June. The agency said it would review the claim."
    )
    assert found["South Carolina"] == ("GPE", 3)
    assert "S. Carolina" not in found


def test_an_initial_before_a_surname_of_the_article_stays_a_persons() -> None:
    found = actors(
        "Town council backs the new library\n\n"
        "Nora Adams, the council's treasurer, presented the budget on Monday. The library will"
        " open in May, she said. N. Adams told the meeting that the money was already set"
        " aside. Adams later said the vote was close."
    )
    assert "North Adams" not in found
    assert found["Nora Adams"][0] == "PERSON"


def test_a_name_holding_a_plurals_possessive_stays_whole() -> None:
    found = actors(
        "Charities send help to flooded towns\n\n"
        "Officials from the National Children's Literacy Fund visited the shelters on Monday."
        " The National Children's Literacy Fund said it would send books. The NCLF said more"
        " help would come next week."
    )
    assert found["National Children's Literacy Fund"] == ("ORG", 3)
    assert "National Children" not in found


def test_a_name_cut_before_a_plurals_possessive_takes_the_words_after_it() -> None:
    found = actors(
        "Foundation gives to hospital\n\n"
        "The foundation raised money and donated it primarily to St. Agnes Children's Research"
        " Hospital. The foundation said it would give more next year. Officials at St. Agnes"
        " Children's Research Hospital said the gift would pay for a new wing."
    )
    assert found["St. Agnes Children's Research Hospital"] == ("ORG", 2)
    assert "Research Hospital" not in found


def test_a_given_name_with_a_letter_written_twice_is_the_person() -> None:
    found = actors(
        "Vigil held for man killed at traffic stop\n\n"
        "Relatives gathered on Sunday to remember Phillip Halloway, who was shot by an officer"
        " on Friday. Halloway was unarmed, his family said. His sister said the city owed the"
        ' family answers. "Philip was a gentle man," his mother told the crowd. Philip had'
        " planned to start college this fall, she said."
    )
    assert found == {"Phillip Halloway": ("PERSON", 4)}


def test_a_given_name_typed_an_organisations_with_a_letter_written_twice_is_the_person() -> None:
    found = actors(
        "Vigil held for man killed at traffic stop\n\n"
        "Relatives gathered on Sunday to remember Terence Halloway, who was shot by an officer"
        " on Friday. Halloway was unarmed, his family said. His sister said the city owed the"
        ' family answers. Marchers carried signs that read "justice for Terrence" and said they'
        " wanted the officer charged. Terrence loved music, his sister said."
    )
    assert "Terrence" not in found
    assert found["Terence Halloway"][0] == "PERSON"


DOUBLED = [
    ("Terrence", "Terence", True),
    ("Philip", "Phillip", True),
    ("Alan", "Allan", True),
    ("Ana", "Anna", False),  # too short to tell a spelling from another name
    ("John", "Jon", False),  # a letter dropped, not a letter written twice
    ("Terence", "Terence", False),
]


def test_doubled_letter() -> None:
    from presslens.stages.entities.variants import doubled_letter

    for a, b, expected in DOUBLED:
        assert doubled_letter(a, b) is expected, (a, b)
