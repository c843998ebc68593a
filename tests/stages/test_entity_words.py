"""Names that no one is called (issue 16, "actors"). The tagger types "Desert Storm" or "Magic
Box" a person, but a person's name has a given name or someone's surname, and these words are
only WordNet's lower-case nouns; a name written only inside a quoted run of capitalised words
is a title's or a slogan's; "a program called X" names a thing. Invented texts, a headline
line first, through `analyse()`."""

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


def test_a_name_written_only_inside_a_quoted_slogan_is_no_actor() -> None:
    text = (
        "Harbour mayor joins the protest at the pier\n\n"
        'Mayor Ilsa Quillfeather marched with the "Marrow or Bust" crowd on Saturday, waving '
        'a flag from the old pier. The marchers sang "Rolling Down to Westmere" as they passed '
        "the ferry office. Quillfeather said the town would not give up its harbour."
    )
    actors, _, _ = lists(text)
    assert "Bust" not in actors
    assert "Ilsa Quillfeather" in actors


def test_a_quoted_full_name_of_a_person_stays_an_actor() -> None:
    text = (
        "Why I voted for a woman who was not on the ballot\n\n"
        'In 1996 I wrote in "Helen Okafor" on my first ballot, and I would do it again. The '
        "town council never listened to her, but the fishermen did. Nobody else in Millbrook "
        "thought she could win."
    )
    actors, _, _ = lists(text)
    assert "Helen Okafor" in actors


def test_a_name_the_article_gives_to_a_thing_is_no_actor() -> None:
    text = (
        "Harbour council deleted its flood emails, auditor finds\n\n"
        "The Millbrook harbour council erased two years of flood emails using a program "
        "called ScrubDeck, the town auditor said on Monday. Auditor Helen Okafor said the "
        "council had broken no law. She said a group called Friends of the Pier had asked "
        "for the emails in March."
    )
    actors, _, _ = lists(text)
    assert "ScrubDeck" not in actors
    assert "Friends of the Pier" in actors and "Helen Okafor" in actors
