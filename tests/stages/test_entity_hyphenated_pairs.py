"""Names joined by a hyphen that qualify a thing (issue 16, "actors that are not actors"): "the
Obama-Clinton disaster", "the Dodd-Frank rules" name a policy, a law or an era after people,
and no one, even when the article names neither person; a pair before a person's or a body's
noun ("a Hewlett-Packard executive") is a company's name. Invented texts, a headline line
first, through `analyse()`."""

from __future__ import annotations

from tests.stages.test_entity_kinds import lists

TEXT = (
    "Mayor backs the governor\n\n"
    'Mayor Ann Hollis said on Friday she would campaign for the governor. "Together we will '
    'rescue the state from the Varnell-Corrigan disaster," she said. Banks still fight the 2010 '
    "Kessler-Dunmore financial rules. A Marlow-Benton executive declined to comment. Hollis "
    "spoke in Trenton."
)


def test_names_joined_by_a_hyphen_before_a_things_noun_are_no_actor() -> None:
    actors, groups, places = lists(TEXT)
    named = actors + groups + places
    assert "Varnell-Corrigan" not in named and "Kessler-Dunmore" not in named
    assert "Ann Hollis" in actors


def test_names_joined_by_a_hyphen_before_a_persons_noun_stay() -> None:
    actors, _, _ = lists(TEXT)
    assert "Marlow-Benton" in actors
