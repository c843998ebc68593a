"""A post spoken to is no name (issue 16, "actors that are not actors"): "I think, Mr. Ranking
Member, that ..." addresses the holder of a post; the tagger's "Ranking" (PERSON, under "Mr.")
is no one. Not a name under an honorific ("Thank you, Mr. John Baker,": a given name first;
"Mr. Osei Whitlock,": no role noun last). Invented texts, a headline line first, through
`analyse()`."""

from __future__ import annotations

from tests.stages.test_entity_kinds import lists


def test_a_post_spoken_to_is_no_actor() -> None:
    text = (
        "Lawmakers press the agency on the timeline for its new rocket\n\n"
        "The hearing on Tuesday turned tense when Representative Dana Kowalczyk pressed the "
        "agency's chief, Martin Oyelaran, on the schedule.\n\n"
        '"What is the backup plan if the contractor is late?" Kowalczyk asked.\n\n'
        '"I think, Mr. Ranking Member, that would put us in a difficult position," Oyelaran '
        "said."
    )
    actors, _, _ = lists(text)
    assert not any("Ranking" in name for name in actors)
    assert "Martin Oyelaran" in actors


def test_a_person_spoken_to_stays_an_actor() -> None:
    text = (
        "Hearing turns to the rocket's delays\n\n"
        '"Thank you, Mr. John Baker," said Representative Dana Kowalczyk. Baker had testified '
        'for an hour. "I disagree, Mr. Osei Whitlock," she said later, and Whitlock smiled.'
    )
    actors, _, _ = lists(text)
    assert "John Baker" in actors and "Osei Whitlock" in actors
