"""A party's name only ever set before a noun it qualifies ("the GOP nominee argued", "GOP
primary debates") is a group word, as "Republican" is there (stage.party_describing); a party
whose officials speak acts through them; on invented texts."""

from __future__ import annotations

import presslens


def lists(text: str) -> tuple[set[str], set[str]]:
    dossier = presslens.analyse(text)
    return {a.name for a in dossier.actors}, {g.name for g in dossier.groups}


def test_a_party_qualifying_a_nominee_is_a_group_word() -> None:
    actors, groups = lists(
        "Candidates spar over taxes\n\n"
        "The GOP nominee argued on Monday that taxes were too high. Ann Roe, who studies the"
        " GOP primary debates, said the claim was old.\n"
    )
    assert "Republican Party" not in actors
    assert "Republican Party" in groups


def test_a_party_whose_officials_speak_stays_an_actor() -> None:
    actors, _ = lists(
        "Candidates spar over taxes\n\n"
        "Tom Hale said on Monday that GOP officials had tried to protect the nominee. The"
        " nominee denied it.\n"
    )
    assert "Republican Party" in actors
