"""One actor per person (issue 16): a person's surname before "family" names the family, not
the person ("the Ricketts family will donate", families.families_named), on invented texts."""

from __future__ import annotations

import presslens


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


def test_a_surname_before_family_is_the_family_not_the_person() -> None:
    found = actors(
        "Donors pour money into a new fund\n\n"
        "Sheldon Roe, the casino owner, is joining forces with the banker Jane Ricketts to fund"
        " a new super PAC. Roe has committed $5 million, and the Ricketts family will donate $1"
        " million. Ricketts said the fund would start its ads this week. A spokesman for the"
        " Ricketts family said more money would follow."
    )
    assert found["Jane Ricketts"] == ("PERSON", 2)
    assert found["Ricketts family"] == ("ORG", 2)


def test_a_place_before_family_names_no_family() -> None:
    found = actors(
        "City settles a lawsuit\n\n"
        "A Detroit family sued the city on Monday over a flooded basement. Detroit officials"
        " said they would pay for the repairs. Jane Roe, a lawyer for the family, said the deal"
        " was fair."
    )
    assert "Detroit family" not in found
