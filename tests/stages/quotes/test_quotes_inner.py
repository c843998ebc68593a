"""Reports inside reports (issue 16): each token belongs to the outermost quote, whom the reader
has it from, and a report set inside its words with a cue and a speaker of its own is listed
too, its `within` naming the quote that holds it. Invented texts, a headline line first, through
the whole analysis."""

from __future__ import annotations

from presslens import analyse
from tests.stages.quotes.conftest import hear


def inner_of(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(q.text, q.actors, q.within) for q in hear(text) if q.within]


def test_what_voters_said_in_a_poll_is_listed_inside_the_polls_finding() -> None:
    text = (
        "Voters sour on the governor\n\n"
        "A new Acme Research poll found that 60 percent of likely voters said Governor Ann Roe "
        "should resign before the end of the year.\n"
    )
    quotes = hear(text)
    assert [q.actors for q in quotes if q.within is None] == [["Acme Research"]]
    assert inner_of(text) == [
        ("Governor Ann Roe should resign before the end of the year", [], "q1")
    ]


def test_what_a_council_had_said_before_is_its_own_inside_the_statement() -> None:
    text = (
        "Council warns Ruritania\n\n"
        "The Regional Security Council issued a statement on Monday. The statement noted "
        "that the council had previously said it would impose sanctions if Ruritania tested "
        "another missile.\n"
    )
    (inner,) = inner_of(text)
    assert inner[0].startswith("it would impose sanctions")
    assert inner[1] == ["Regional Security Council"]


def test_a_noun_of_the_holders_own_is_the_same_report() -> None:
    text = (
        "Widow defends the senator\n\n"
        "Dorothy Woods said on Monday that she shared her belief that none of it was beyond "
        "the pale.\n"
    )
    assert inner_of(text) == []


def test_the_holder_is_numbered_before_what_it_holds() -> None:
    text = (
        "Senator recalls the vote\n\n"
        "Senator Ann Roe said the bill failed because Senator Tom Ray said it would hurt "
        "farmers.\n"
    )
    quotes = analyse(text).quotes
    assert [(q.id, q.within) for q in quotes] == [("q1", None), ("q2", "q1")]
    assert quotes[1].speaker == "Senator Tom Ray"


def test_a_speech_act_told_as_a_topic_is_no_second_report() -> None:
    text = (
        "Candidate lays out her record\n\n"
        "Ann Roe said on Monday that she had called for criminal justice reform and for more "
        "teachers in every school.\n"
    )
    assert inner_of(text) == []


def test_nothing_inside_a_refusal_is_said() -> None:
    text = (
        "Governor keeps quiet\n\n"
        "Governor Ann Roe declined to confirm that aides had told her the plan would fail.\n"
    )
    assert hear(text) == []


def test_it_and_a_bare_infinitive_are_no_inner_speakers() -> None:
    text = (
        "Governor waits on the video\n\n"
        "Governor Ann Roe said it would be improper for her to speak on whether the video "
        "should be released. Tom Ray pointed to a new poll on Tuesday, saying it shows he "
        "would win the state.\n"
    )
    assert inner_of(text) == []


def test_a_stance_inside_a_quote_leaves_no_gap_in_the_stances_numbers() -> None:
    text = (
        "Senator weighs the bill\n\n"
        "Senator Ann Roe said Tom Ray believes that the vote should wait. Ray declined to "
        "comment.\n"
    )
    dossier = analyse(text)
    assert [s.id for s in dossier.stances] == [f"st{n}" for n in range(1, len(dossier.stances) + 1)]
    assert not any(s.within for s in dossier.stances)
