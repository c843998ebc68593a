"""Names made of English words that no one is called (issue 16, "actors"): the tagger types
"Desert Storm" or "Magic Box" a person, but a person's name has a given name or someone's
surname, and these words are only WordNet's lower-case nouns. Invented texts, a headline line
first, through `analyse()`."""

from __future__ import annotations

from tests.stages.test_entity_kinds import lists


def test_operations_named_by_common_nouns_are_no_actors() -> None:
    text = (
        "Veterans return to the desert forty years on\n\n"
        "Ilsa Marrowby served with an engineering unit during operations Sand Lantern and "
        "Iron Kettle in the desert. She now teaches history at a college in Ohio. "
        "Marrowby said the trip back had been harder than she expected."
    )
    actors, _, _ = lists(text)
    assert "Sand Lantern" not in actors and "Iron Kettle" not in actors
    assert "Ilsa Marrowby" in actors


def test_a_person_introduced_by_a_role_keeps_a_name_of_common_nouns() -> None:
    text = (
        "Comedy night raises money for the harbour\n\n"
        "The evening opened with the singer Tobias Quillfeather and comedian Silver Kettle, "
        "who joked about the rain. More than 300 people came to the town hall. "
        "Quillfeather said the money would repair the old pier."
    )
    actors, _, _ = lists(text)
    assert "Silver Kettle" in actors and "Tobias Quillfeather" in actors
