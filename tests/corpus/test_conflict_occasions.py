"""Numbers that disagree, the evidence beyond words: a named day both reports name ("Election
Day") is one occasion, as a named month is one period; and a count is about the noun it counts,
so two wordings of what the counted things do ("contests", "elections") do not set two counts
apart, while names ("Democrats", "Republicans") still do. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conflicts_fixtures import Fig, article, conflict_store, conflicts_postgres_url, save_all

from presslens.corpus.conflicts import find_conflicts

__all__ = ["conflict_store", "conflicts_postgres_url"]  # fixtures used by name

TURNOUT = (
    "On {day}, turnout in the county reached {value}, officials said.",
    "Lines stretched around the block and {value} of registered voters cast a ballot, the"
    " most in two decades, by the close of {day}.",
)


def turnout(template: str, value: int, day: str, **extra: object) -> object:
    text = f"{value} percent"
    fig = Fig(text, "percent", value, "percent", concept="turnout")
    return article(template.format(day=day, value=text), [fig], **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (("Election Day", "Election Day"), 1),  # one named day: one occasion
        (("Election Day", "Primary Day"), 0),  # two named days
        (("Tuesday", "Tuesday"), 0),  # a weekday alone is any week's
    ],
)
def test_a_named_day_is_one_occasion(conflict_store, days: tuple[str, str], expected: int) -> None:
    dossiers = [
        turnout(template, value, day)
        for template, value, day in zip(TURNOUT, (61, 52), days, strict=True)
    ]
    save_all(conflict_store, dossiers)
    found = find_conflicts(conflict_store, min_score=0.0)
    assert len(found) == expected
    if found:
        assert {found[0].left.value, found[0].right.value} == {61.0, 52.0}


def test_a_place_before_a_weekday_is_no_occasion(conflict_store) -> None:
    """ "in Ohio Tuesday": Ohio is a place, not the name of the day."""
    dossiers = [
        turnout(template, value, "Ohio Tuesday", actors={"Ohio": "GPE"})
        for template, value in zip(TURNOUT, (61, 52), strict=True)
    ]
    save_all(conflict_store, dossiers)
    assert find_conflicts(conflict_store, min_score=0.0) == []


STATES = (
    "The Associated Press tally shows {concept} in {text} next week.",
    "There are {concept} in {text} as the race moves south, the Associated Press counts.",
)


def states(template: str, text: str, value: int, concept: str) -> object:
    fig = Fig(text, "count", value, "state", concept=concept)
    sentence = template.format(text=text, concept=concept)
    return article(sentence, [fig], sources={"Associated Press": "media"})


@pytest.mark.parametrize(
    ("concepts", "expected"),
    [
        (("contests", "elections"), 1),  # what the states do, worded two ways
        (("Democrats", "Republicans"), 0),  # whose count it is: two counts
    ],
)
def test_a_count_is_about_the_noun_it_counts(
    conflict_store, concepts: tuple[str, str], expected: int
) -> None:
    dossiers = [
        states(template, text, value, concept)
        for template, text, value, concept in zip(
            STATES, ("11 states", "15 states"), (11, 15), concepts, strict=True
        )
    ]
    save_all(conflict_store, dossiers)
    assert len(find_conflicts(conflict_store, min_score=0.0)) == expected
