"""People and organisations the entities stage missed or merged (issue 16): a host's full name
beside a vocative first name, a partner the tagger left out of "James and Olive Meehan", a
body named by its head noun alone. Invented texts, a headline line first, through
`analyse()`."""

from __future__ import annotations

import presslens


def actors_of(text: str) -> dict[str, tuple[str, list[str]]]:
    """Each actor's name -> its type and aliases."""
    return {a.name: (a.type, list(a.aliases)) for a in presslens.analyse(text).actors}


def test_a_host_addressed_by_his_first_name_stays_a_person() -> None:
    text = (
        "Pollster Says Clinton Is In Trouble\n\n"
        "Former pollster Douglas Whitcombe was a guest on Fox News Channel’s Hannity. "
        "Whitcombe told host Sean Hannity a loss is “increasingly likely.”\n\n"
        "“She’s behind in a number of polls, don’t you think, Sean, that the party will say "
        "‘Why do we need this?’” Whitcombe said."
    )
    actors = actors_of(text)
    assert actors["Sean Hannity"][0] == "PERSON"
