"""Venues placed in a town (issue 16, "actors that are not actors"). A body named once, after
"at" and set in a town or a state ("at Westfield Academy in Queens", "at Trump Place in New
York"), is where something happens, not an actor; unless the word "at" hangs on says someone
holds a post there ("a historian at X in Y", "the trustees at X in Y"): that is an employer.
Invented texts, a headline line first, through `analyse()`."""

from __future__ import annotations

from tests.stages.test_entity_kinds import lists

TEXT = (
    "Parents rally for their schools\n\n"
    "Mara Quist loves the public school her son attends. Students at Westfield Academy 112 in "
    "Queens can join a choir and a chess club. Speaking to students at Corvell University in "
    "Trenton on Friday, Senator Ann Hollis said the state would pay for new labs. Hollis said "
    "the money was there. Tom Reed, a historian at Lindell College in Albany, disagreed. Jan "
    "Ko, a member of the board of trustees at the Marrow Policy Forum in Boston, agreed."
)


def test_a_school_placed_in_a_town_is_where_students_are() -> None:
    actors, _, places = lists(TEXT)
    assert "Westfield Academy" not in actors and "Corvell University" not in actors
    assert "Corvell University" in places


def test_a_school_is_placed_when_the_town_hangs_on_the_people_there() -> None:
    text = (
        "Parents rally for their schools\n\n"
        "Her son likes to paint, and students at Harrow Middle School 112 in Newark, New York, "
        "can join a choir and a chess club. Dana Kell said the school was full."
    )
    actors, _, places = lists(text)
    assert not any(name.startswith("Harrow Middle School") for name in actors)
    assert "Dana Kell" in actors


def test_an_employer_placed_in_a_town_stays_an_actor() -> None:
    actors, _, _ = lists(TEXT)
    assert "Lindell College" in actors and "Marrow Policy Forum" in actors


def test_a_building_placed_in_a_city_is_a_place() -> None:
    text = (
        "Developer accused of spending investors' money\n\n"
        "Federal regulators said on Monday that Arlo Quent used $5 million of investors' money "
        "on a luxury condominium at Marlow Place in New York. Quent denied the charge through "
        "his lawyer."
    )
    actors, _, places = lists(text)
    assert "Marlow Place" not in actors and "Marlow Place" in places
    assert "Arlo Quent" in actors


def test_a_body_a_debate_or_a_speech_is_given_at_is_a_venue() -> None:
    # WordNet's first senses make neither a debate nor a speech an occasion (actors.json
    # "occasions"); the parse hangs "at" on the noun
    text = (
        "Two rivals meet again\n\n"
        "Senator Mara Quillfeather was booed on Friday during a speech at the Hollin Policy "
        "Forum. During a debate at Corvell University in 1998, Tobias Wrenfield said the farms "
        "would fail. Quillfeather said on Monday that she would talk about farms."
    )
    actors, _, places = lists(text)
    assert "Corvell University" not in actors and "Corvell University" in places
    assert "Hollin Policy Forum" not in actors
    assert {"Mara Quillfeather", "Tobias Wrenfield"} <= set(actors)
