"""Names made of other people's surnames (stages/entities/demonyms.py)."""

from __future__ import annotations

import presslens


def speakers_and_groups(text: str) -> tuple[list[list[str]], list[str]]:
    dossier = presslens.analyse(text)
    names = {actor.id: actor.name for actor in dossier.actors}
    speakers = [[names[i] for i in quote.speaker_actor_ids] for quote in dossier.quotes]
    return speakers, [group.name for group in dossier.groups]


def test_a_surname_read_as_a_nationality_is_the_person() -> None:
    speakers, groups = speakers_and_groups(
        "Lara Cuban, who runs a shipping firm, met the mayor on Monday. Cuban said the port "
        "needed new cranes. Cuban also said she would fund a study. The mayor did not reply."
    )
    assert speakers == [["Lara Cuban"], ["Lara Cuban"]]
    assert "Cuban" not in groups


def test_the_nationality_used_as_an_adjective_stays_a_group_word() -> None:
    _speakers, groups = speakers_and_groups(
        "Lara Cuban met Cuban exiles in Miami on Monday. The Cuban community gave her a warm "
        "welcome. Cuban officials in Havana did not comment. She said she would return."
    )
    assert "Cuban" in groups


def test_two_peoples_surnames_joined_name_no_one() -> None:
    text = (
        "Paul Harris and Ann Walker led the state for eight years. Voters still judge the "
        "{pair} foreign policy harshly. Harris said the record was strong. Walker agreed."
    )
    joined = [actor.name for actor in presslens.analyse(text.format(pair="Harris-Walker")).actors]
    assert joined == ["Paul Harris", "Ann Walker"]
    # a part that is no one's surname here: the pair still only qualifies a thing ("foreign
    # policy"), so it names no one either (demonyms.joined_names_describing)
    other = [actor.name for actor in presslens.analyse(text.format(pair="Venn-Walker")).actors]
    assert other == ["Paul Harris", "Ann Walker"]
