"""Works' titles in quotation marks: no one's words and no actors (the quotes and entities
stages on small hand-written articles; these need the spaCy model)."""

from __future__ import annotations

import pytest

from presslens import analyse, nlp
from presslens.settings import Settings
from presslens.stages.quotes.marks import find_quoted
from presslens.stages.titles import title_like, work_title

FAST = Settings(models="fast")


def titles_in(text: str) -> list[str]:
    doc = nlp.parse(text)
    quoted = find_quoted(text)[0]
    return [q.span.of(text) for q in quoted if work_title(doc, text, q.span, q.inner)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Ms. Vance wrote in her 2019 book, "Rivers of Salt," that the mill closed.', "Rivers"),
        ('Mr. Okafor said on the podcast "Long Road Home" that he would run.', "Long Road"),
        ('Mr. Okafor spoke on KXRT\'s "Morning Desk" about the budget.', "Morning Desk"),
        ('Mr. Okafor spoke on the "Morning Desk" program about the budget.', "Morning Desk"),
        ('Mr. Okafor said on "The Late Show With Dana Ruiz" that he would run.', "Late Show"),
        ('"We will win," Mr. Okafor told "Fox and Neighbors" on Monday.', "Fox and Neighbors"),
    ],
)
def test_a_capitalised_quotation_beside_a_work_is_a_title(text: str, title: str) -> None:
    (found,) = titles_in(text)
    assert title in found


@pytest.mark.parametrize(
    "text",
    [
        'Mr. Okafor said the plan was "Dead On Arrival" and left.',  # his words, set as a title
        'Mr. Okafor said on the podcast that "we will win this seat next year."',  # a sentence
        'The book said "the mill will close" before the vote.',  # not capitalised
        'Mr. Okafor named "Bill Maher" as his guilty pleasure.',  # a first name, not a bill
    ],
)
def test_speech_is_no_title(text: str) -> None:
    assert titles_in(text) == []


def test_title_like_keeps_its_meaning() -> None:
    assert title_like("Make America Great Again")
    assert not title_like("In Fisher, the court")
    assert not title_like("Dead")


def test_a_books_title_is_no_quote_and_the_clause_is() -> None:
    dossier = analyse(
        "Vance memoir\n\nMarta Vance said in her 2019 book, ''Rivers of Salt,'' that the mill "
        "closed because the owners moved south. She said she was sorry to see it go.\n",
        settings=FAST,
    )
    texts = [q.text for q in dossier.quotes]
    assert not [t for t in texts if "Rivers" in t]
    assert [t for t in texts if t.startswith("that the mill closed")]


def test_a_shows_title_joins_no_quote_and_names_no_actor() -> None:
    dossier = analyse(
        'Okafor on the radio\n\n"We will win this seat," Sam Okafor said on Tuesday on the '
        'podcast "Long Road Home." Later he appeared on KXRT\'s "Morning Desk with Lena '
        'Brandt." Okafor said the race was close.\n',
        settings=FAST,
    )
    (first, *_rest) = dossier.quotes
    assert first.text == '"We will win this seat,"'
    assert not [q for q in dossier.quotes if "Morning Desk" in q.text or "Long Road" in q.text]
    assert "Lena Brandt" not in [a.name for a in dossier.actors]
    assert "Sam Okafor" in [a.name for a in dossier.actors]


def test_a_title_after_a_quotes_cue_is_not_joined_to_it() -> None:
    dossier = analyse(
        "Okafor on television\n\n''Jobs, jobs, jobs,'' Sam Okafor said on ''The Late Show "
        "With Dana Ruiz'' on Tuesday, when he was asked what his first act in office would be "
        "and how he would pay for the plans he has made for the state.\n",
        settings=FAST,
    )
    assert [q.text for q in dossier.quotes] == ["''Jobs, jobs, jobs,''"]
