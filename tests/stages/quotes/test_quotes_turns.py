"""Transcript turns: a paragraph opening with its speaker's name in capitals and a colon is
that speaker's words."""

from __future__ import annotations

from collections.abc import Callable

from tests.stages.quotes.conftest import Heard

Hear = Callable[[str], list[Heard]]

TRANSCRIPT = """Governor Nora Quist spoke about the flooding on a Sunday news show.

Partial transcript as follows:

DAVID MARLOWE: The river rose six feet overnight. Are the levees holding?

QUIST: Most of them are holding, and the crews worked through the night.

We will know more by Tuesday, when the water starts to fall.

(END VIDEO CLIP.)

MARLOWE: Will you ask for federal help?

QUIST: We already have, and I expect an answer this week.

Follow Ben Ortiz on Twitter.
"""


def test_each_turn_is_its_speakers_words(heard: Hear) -> None:
    turns = [(q.text, q.actors) for q in heard(TRANSCRIPT) if q.cue is None]
    assert turns == [
        ("The river rose six feet overnight. Are the levees holding?", []),
        (
            "Most of them are holding, and the crews worked through the night.\n\n"
            "We will know more by Tuesday, when the water starts to fall.",
            ["Nora Quist"],
        ),
        ("Will you ask for federal help?", []),
        ("We already have, and I expect an answer this week.", ["Nora Quist"]),
    ]


def test_a_turn_keeps_a_name_no_actor_bears(heard: Hear) -> None:
    from presslens import analyse

    quotes = analyse(TRANSCRIPT).quotes
    assert [q.speaker_name for q in quotes if q.cue is None][::2] == ["David Marlowe"] * 2


def test_quoted_turns_are_one_quote_each(heard: Hear) -> None:
    text = (
        "Senator Ada Pike faced hard questions at the town hall on Monday.\n\n"
        '"VOGEL: Senator Pike, did you know about the contract?\n\n'
        '"PIKE: I learned about it from the newspapers, like everyone else.\n\n'
        '"VOGEL: And when did you read it?"\n\n'
        "The town hall ended an hour later."
    )
    turns = [(q.text, q.actors) for q in heard(text)]
    assert turns == [
        ("Senator Pike, did you know about the contract?", []),
        ("I learned about it from the newspapers, like everyone else.", ["Ada Pike"]),
        ("And when did you read it?", []),
    ]


def test_labels_that_name_no_speaker_are_no_turns(heard: Hear) -> None:
    text = (
        "UPDATE: The council met again on Friday and approved the budget.\n\n"
        "The mayor, Tom Reyes, signed it the same evening. Reyes said the vote was fair.\n\n"
        "EXCLUSIVE: The budget adds two new parks."
    )
    assert [q.cue for q in heard(text)] == ["said"]
