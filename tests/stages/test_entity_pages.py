"""Actors read off news pages of every kind, not only politics (issue 16): datelines in title
case, units and terms in capitals, events, venues with their address, people the tagger typed
a body. Invented texts, a headline line first, through `analyse()`."""

from __future__ import annotations

import presslens


def lists(text: str) -> tuple[list[str], list[str], list[str]]:
    dossier = presslens.analyse(text)
    return (
        [a.name for a in dossier.actors],
        [g.name for g in dossier.groups],
        [p.name for p in dossier.places],
    )


def types(text: str) -> dict[str, str]:
    return {a.name: a.type for a in presslens.analyse(text).actors}


def test_a_dateline_in_title_case_with_its_state_names_no_actor() -> None:
    text = (
        "Quillfeather leads Marlow State to a late win\n\n"
        "Dekalb, Ill. — Tobias Quillfeather threw for three touchdowns on Tuesday night. "
        "Quillfeather said the team had practised the last play all week. "
        "His coach, Ilsa Marrowby, said the win kept their season alive."
    )
    actors, _, _ = lists(text)
    assert not any("Dekalb" in name for name in actors)
    assert "Tobias Quillfeather" in actors


def test_a_dateline_with_a_state_code_names_no_actor() -> None:
    text = (
        "Marrowby Labs finds readers prefer short videos\n\n"
        "New York, NY – Short videos now draw more readers than long ones, a study found. "
        "The study was written by Ilsa Marrowby, who runs Marrowby Labs. "
        "Marrowby said publishers would change their pages within a year."
    )
    actors, _, _ = lists(text)
    assert "New York" not in actors
    assert "Ilsa Marrowby" in actors
