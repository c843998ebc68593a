"""One actor per organisation (issue 16): an acronym written with two letters swapped
("MNSBC" beside "MSNBC", forms.join_transposed) and a department's acronym that spells its
field alone ("VA", "HUD", organisations.spells), on invented texts."""

from __future__ import annotations

import pytest

import presslens
from presslens.stages.entities.forms import swapped


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


def test_an_acronym_with_two_letters_swapped_is_the_acronym() -> None:
    found = actors(
        "Anchors weigh in before the debate\n\n"
        "According to CNBC, the candidates have much to prove tonight. The network listed three"
        " tasks for each of them. CBNC suggested that the governor should speak first and keep"
        " his answers short. Jane Roe, the moderator, said the rules were fixed."
    )
    assert found["CNBC"] == ("ORG", 2)
    assert "CBNC" not in found


def test_three_letter_acronyms_with_letters_swapped_are_two_bodies() -> None:
    found = actors(
        "Scientists and spies share a stage\n\n"
        "The NSA asked the panel on Monday for advice on encryption. The NAS said its members"
        " would study the question. Jane Roe, who chairs the panel, said the NSA had been"
        " helpful and the NAS would report in May."
    )
    assert found["NSA"] == ("ORG", 2)
    assert found["NAS"] == ("ORG", 2)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("MSNBC", "MNSBC", True),
        ("MSNBC", "MSNBC", False),
        ("MSNBC", "MSNCB", True),
        ("MSNBC", "SMNCB", False),  # two swaps
        ("NATO", "NAOT", True),
        ("NATO", "NATOS", False),
    ],
)
def test_swapped(a: str, b: str, expected: bool) -> None:
    assert swapped(a, b) is expected


def test_a_departments_acronym_may_spell_its_field_alone() -> None:
    found = actors(
        "Housing grants delayed again\n\n"
        "The Department of Housing and Urban Development said on Monday that the grants would"
        " be paid in March. Mayors had asked HUD for the money in June. HUD officials said the"
        " delay was caused by a new rule. Jane Roe, a mayor, said the towns could not wait."
    )
    assert found["Department of Housing and Urban Development"] == ("ORG", 3)
    assert "HUD" not in found
