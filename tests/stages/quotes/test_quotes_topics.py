"""What a cue reports when its words are not what was said: a topic ("discussed the files"), a
meeting called ("called the hearing"), speech someone was pushed to give ("daring him to
say"), the writer's lead-in before a colon, a clause of the writer's joined by "and", and the
article's own correction notice."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from presslens.model import Actor, Article
from presslens.stages.quotes import find_quotes

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]

OPENING = "The committee met on Tuesday. Its chairman, Tom Baxter, was angry. "


def quotes_and_stances(prepare: Prepare, text: str) -> tuple[list[tuple], list[tuple]]:
    article, doc, actors = prepare(OPENING + text)
    found = find_quotes(article, doc, actors)
    quotes = [(q.speaker, q.cue, q.text) for q in found.quotes]
    stances = [(s.speaker, s.cue, s.text) for s in found.stances]
    return quotes, stances


def test_a_topic_verbs_plain_object_is_not_what_was_said(prepared: Prepare) -> None:
    text = "Republicans discussed the files. Baxter highlighted the delays at the agency."
    quotes, stances = quotes_and_stances(prepared, text)
    assert quotes == []
    assert ("Republicans", "discussed", "the files") in stances
    assert ("Baxter", "highlighted", "the delays at the agency") in stances


def test_a_topic_verb_with_a_clause_or_a_noun_of_speech_reports_it(prepared: Prepare) -> None:
    text = (
        "Amy Lind mentioned that the budget had been cut twice. "
        "Baxter highlighted his message that the agency had failed the town."
    )
    quotes, _ = quotes_and_stances(prepared, text)
    assert ("Amy Lind", "mentioned", "that the budget had been cut twice") in quotes
    assert ("Baxter", "highlighted", "his message that the agency had failed the town") in quotes


def test_calling_a_hearing_says_nothing_but_calling_a_plan_odd_does(prepared: Prepare) -> None:
    text = (
        "Republicans had called the hearing because the agency was slow. "
        'Baxter called the plan "odd" on Wednesday.'
    )
    quotes, _ = quotes_and_stances(prepared, text)
    assert [q[0] for q in quotes] == ["Baxter"]
    assert quotes[0][2].startswith("the plan")


def test_speech_someone_is_pushed_to_give_is_not_given(prepared: Prepare) -> None:
    text = (
        "Baxter wrote to the director, in effect daring her to say that the files were lost. "
        "Amy Lind told reporters that the files were safe."
    )
    quotes, stances = quotes_and_stances(prepared, text)
    assert [q[0] for q in quotes] == ["Amy Lind"]
    assert any(s[1] == "say" and "files were lost" in s[2] for s in stances)


def test_a_lead_in_before_a_colon_is_the_writers(prepared: Prepare) -> None:
    text = (
        "The news that two aides had received immunity set off another round of fighting on "
        "Friday: Republicans said they are convinced the department mishandled the case and "
        "Democrats accused the GOP of stoking the issue."
    )
    quotes, _ = quotes_and_stances(prepared, text)
    assert quotes == [
        ("Republicans", "said", "they are convinced the department mishandled the case"),
        ("Democrats", "accused", "the GOP of stoking the issue"),
    ]


def test_the_articles_own_correction_notice_is_no_quote(prepared: Prepare) -> None:
    text = (
        "An earlier version of this story incorrectly stated that the program began in 2003. "
        "Baxter said that the program had begun in 2001."
    )
    quotes, _ = quotes_and_stances(prepared, text)
    assert quotes == [("Baxter", "said", "that the program had begun in 2001")]


def test_questioning_some_of_a_group_of_people_says_nothing(prepared: Prepare) -> None:
    text = (
        "Republicans have been trying to question several of those protected witnesses. "
        "Baxter questioned whether the deals were legal."
    )
    quotes, _ = quotes_and_stances(prepared, text)
    assert quotes == [("Baxter", "questioned", "whether the deals were legal")]


def test_who_after_a_name_and_its_apposed_role_is_the_named_person() -> None:
    from tests.stages.quotes.conftest import actor_speaking

    text = (
        "Investigators want to hear from three people. One is John Bentel, a tech staffer at "
        "the State Department who told his subordinates never to speak of the server. Another "
        "is Ann Roe, who set it up."
    )
    assert actor_speaking(text, "cue:told") == "John Bentel"


def test_making_the_case_that_is_speech() -> None:
    from presslens import analyse

    dossier = analyse(OPENING + "Baxter made the case that the bill was a bad idea.")
    said = [(q.speaker, q.cue, q.text) for q in dossier.quotes]
    assert said == [("Baxter", "made the case", "that the bill was a bad idea")]


def test_a_short_title_in_quotation_marks_does_not_make_a_topic_a_quote(
    prepared: Prepare,
) -> None:
    text = (
        "Amy Lind talks about the issue of prison labour in \u201cLocked.\u201d "
        "Baxter highlights the deaths of two inmates to help give context to the film. "
        "Lind referred to the prison as \u201cThe Pit.\u201d"
    )
    quotes, stances = quotes_and_stances(prepared, text)
    assert [q[1] for q in quotes] == ["referred"]
    assert {s[1] for s in stances} >= {"talks", "highlights"}


def test_a_clause_telling_when_is_not_what_was_said() -> None:
    from presslens import nlp
    from presslens.stages.quotes.stage import adverbial_of

    doc = nlp.parse("But when Congress cut funding two years later, Mexico said enough.")
    said = next(t for t in doc if t.lower_ == "said")
    assert adverbial_of([t for t in doc if t.i < said.i - 1], said)
    doc = nlp.parse("Lawmakers have not said when they would vote on the bill.")
    said = next(t for t in doc if t.lower_ == "said")
    assert not adverbial_of([t for t in doc if t.i > said.i], said)


def test_lamenting_ones_luck_is_no_quote_but_lamenting_that_is(prepared: Prepare) -> None:
    text = "Farmers often lament their luck. Baxter lamented that the rain had come too late."
    quotes, stances = quotes_and_stances(prepared, text)
    assert quotes == [("Baxter", "lamented", "that the rain had come too late")]
    assert ("Farmers", "lament", "their luck") in stances


def test_what_was_asked_for_warned_of_or_pointed_to_is_what_was_said(prepared: Prepare) -> None:
    text = (
        "Amy Lind called for the repeal of the water tax. Baxter warned of a long drought. "
        "Lind pointed to a report by the state auditor. Baxter likened the tax to theft. "
        "Lind spoke of the legacy of the strike."
    )
    quotes, stances = quotes_and_stances(prepared, text)
    assert [q[1] for q in quotes] == ["called", "warned", "pointed", "likened"]
    assert ("Lind", "spoke", "the legacy of the strike") in stances


def test_a_thing_pointing_somewhere_says_nothing(prepared: Prepare) -> None:
    text = "The old roads pointed to the heart of the valley."
    quotes, stances = quotes_and_stances(prepared, text)
    assert not any(q[1] == "pointed" for q in quotes)


def test_a_verb_of_praise_or_blame_reports_what_it_judged(prepared: Prepare) -> None:
    text = "Amy Lind castigated the budget. Baxter lauded the mayor's response to the flood."
    quotes, _ = quotes_and_stances(prepared, text)
    assert [(q[1], q[2]) for q in quotes] == [
        ("castigated", "the budget"),
        ("lauded", "the mayor's response to the flood"),
    ]
