"""A bare surname two people of an article share, read mention by mention (issue 16;
stages/entities/namesakes.py), on invented texts."""

from __future__ import annotations

import presslens
from presslens.model import Actor


def people(text: str) -> dict[str, list[str]]:
    """Each actor's name -> the surfaces of its mentions."""
    dossier = presslens.analyse(text)
    text = dossier.article.text
    return {actor.name: surfaces(actor, text) for actor in dossier.actors}


def surfaces(actor: Actor, text: str) -> list[str]:
    return [text[m.start : m.end] for m in actor.mentions]


def test_a_bare_surname_goes_to_the_namesake_named_just_before() -> None:
    found = people(
        "Mayor Delphine Marchetti opened the new library on Saturday. Her husband, the retired"
        " judge Rocco Marchetti, cut the ribbon. The library cost the city four million dollars."
        " Delphine Marchetti thanked the donors. Marchetti said the building would stay open late"
        " on weekdays."
    )
    assert "Marchetti" not in found
    assert found["Delphine Marchetti"].count("Marchetti") == 1
    assert "Marchetti" not in found["Rocco Marchetti"]


def test_a_namesake_named_in_full_in_the_sentence_is_not_the_bare_one() -> None:
    found = people(
        "Gwendolyn Ostrander announced her campaign for the council on Monday. Her brother,"
        " Lucius Ostrander, runs a bakery on Main Street. At the launch, Ostrander praised"
        " Gwendolyn Ostrander for her work on the school board."
    )
    assert "Ostrander" not in found
    assert found["Lucius Ostrander"].count("Ostrander") == 1
    assert "Ostrander" not in found["Gwendolyn Ostrander"]


def test_a_family_modifier_and_an_undecided_mention_are_no_one() -> None:
    found = people(
        "Gwendolyn Ostrander announced her campaign for the council on Monday. Her brother,"
        " Lucius Ostrander, runs a bakery on Main Street. The bakery opened in 1998. It sells"
        " bread to four schools. Its ovens were rebuilt last year. The Ostrander bakery employs"
        " twelve people. Ostrander has lived in the town for thirty years."
    )
    assert "Ostrander" not in found  # no actor of its own, which would split them
    assert "Ostrander" not in found["Gwendolyn Ostrander"]
    assert "Ostrander" not in found["Lucius Ostrander"]


def test_a_surname_both_namesakes_were_just_named_with_is_no_ones() -> None:
    found = people(
        "Bill Clinton and Hillary Clinton arrived together. Clinton said the plan was good."
        " The crowd cheered."
    )
    assert "Clinton" not in found  # an actor of its own would split them
    assert found["Bill Clinton"] == ["Bill Clinton"]
    assert found["Hillary Clinton"] == ["Hillary Clinton"]


def test_a_bare_surname_far_from_both_is_not_the_one_only_named_as_a_daughter() -> None:
    found = people(
        "Mayor hides her illness\n\n"
        "Mayor Delphine Marchetti fell ill at a ceremony on Sunday and went to daughter Anna "
        "Marchetti's apartment to rest. Aides said she was fine. The city council met on "
        "Monday. The meeting ran late into the night. Marchetti had told aides that she did "
        "not want a doctor."
    )
    assert found["Delphine Marchetti"].count("Marchetti") == 1
    assert "Marchetti" not in found["Anna Marchetti"]


def test_a_bare_surname_far_from_both_stays_no_ones_when_both_are_named_alone() -> None:
    found = people(
        "Mayor hides her illness\n\n"
        "Mayor Delphine Marchetti fell ill at a ceremony on Sunday. Anna Marchetti, a doctor, "
        "went to see her. Aides said she was fine. The city council met on Monday. The meeting "
        "ran late into the night. Marchetti had told aides that she did not want a doctor."
    )
    assert "Marchetti" not in found["Delphine Marchetti"]
    assert "Marchetti" not in found["Anna Marchetti"]
