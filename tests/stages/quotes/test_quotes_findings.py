"""What a poll, a survey or a study found, set before its findings ("In the latest Acme poll,
Roe led Ray by 5 points"), is an attribution to the document (issue 16, "sources of claims":
a cited report or poll is the asserting party); a statement or a letter has a writer, and a
sentence with its own cue is that cue's. Two speakers set side by side by a word of contrast
("Roe said A, while Ray said B") are two attributions, not one inside the other. "The report"
is the report its authors were named with, however far back. Invented
texts, a headline line first, through `analyse()`."""

from __future__ import annotations

import presslens
from tests.stages.quotes.conftest import hear


def test_a_polls_findings_set_after_it_are_the_polls() -> None:
    text = (
        "Race tightens in the final week\n\n"
        "Ann Roe and Tom Ray met in a debate on Monday. In the previous Acme Research poll, "
        "conducted in early May, Roe led Ray by 5 percentage points among likely voters."
    )
    quotes = [q for q in hear(text) if q.cue == "In"]
    assert [q.text for q in quotes] == ["Roe led Ray by 5 percentage points among likely voters"]
    assert quotes[0].actors == ["Acme Research"]


def test_a_survey_after_an_opening_but_is_read_the_same() -> None:
    text = (
        "Voters split on the plan\n\n"
        "The governor praised the plan on Monday. But in a new Acme Research survey, most "
        "voters in the state are against it."
    )
    assert [q.text for q in hear(text) if (q.cue or "").lower() == "in"] == [
        "most voters in the state are against it"
    ]


def test_a_letter_or_a_date_opening_a_sentence_is_no_finding() -> None:
    text = (
        "Company upbeat on its prospects\n\n"
        "In a letter to its shareholders, the company is upbeat about the coming year. In "
        "August, its lead was 7 points, and in the end the company cut its prices."
    )
    assert [q for q in hear(text) if (q.cue or "").lower() == "in"] == []


def test_a_finding_with_a_cue_of_its_own_is_the_cues() -> None:
    text = (
        "Economists weigh the tariffs\n\n"
        "In a recent study, three economists at Acme University found that the tariffs cost "
        "jobs."
    )
    quotes = hear(text)
    assert [q.cue for q in quotes] == ["found"]


def test_two_speakers_set_side_by_side_by_while_are_two_attributions() -> None:
    text = (
        "Senators split on the bill\n\n"
        "Senator Ann Roe said the bill would fail, while Senator Tom Ray said it would pass "
        "easily."
    )
    quotes = {q.text: q.actors for q in hear(text)}
    assert quotes == {"the bill would fail": ["Ann Roe"], "it would pass easily": ["Tom Ray"]}


def test_a_concession_after_a_comma_sets_another_speaker_aside() -> None:
    text = (
        "Senators split on the bill\n\n"
        "Senator Ann Roe said the bill was dead, although Senator Tom Ray said that it could "
        "still pass."
    )
    quotes = {q.text: q.actors for q in hear(text)}
    assert quotes == {"the bill was dead": ["Ann Roe"], "that it could still pass": ["Tom Ray"]}


def test_a_contrast_with_another_verb_inside_the_content_is_the_holders_point() -> None:
    text = (
        "Lawyer weighs the two cases\n\n"
        "Former prosecutor Ann Roe said that there was no intent in the first case, whereas "
        "Tom Ray acknowledged that he knew the files were secret."
    )
    quotes = hear(text)
    assert [q.actors for q in quotes if q.within is None] == [["Ann Roe"]]
    assert quotes[0].text.endswith("the files were secret")
    # what Ray acknowledged is listed too, as a report inside Roe's
    assert [(q.actors, q.within) for q in quotes if q.within] == [(["Tom Ray"], "q1")]


def test_a_clause_of_cause_with_another_speaker_stays_in_the_content() -> None:
    text = (
        "Senator recalls the vote\n\n"
        "Senator Ann Roe said the bill failed because Senator Tom Ray said it would hurt "
        "farmers."
    )
    quotes = hear(text)
    assert [q.actors for q in quotes if q.within is None] == [["Ann Roe"]]
    assert quotes[0].text.endswith("hurt farmers")
    assert [(q.text, q.within) for q in quotes if q.within] == [("it would hurt farmers", "q1")]


def test_the_report_named_long_before_is_still_its_authors() -> None:
    filler = " ".join(f"Shop number {n} sold more bread this year." for n in range(1, 15))
    text = (
        "Bakers face a new tax\n\n"
        "The Acme Policy Institute released a report on bread taxes on Monday. "
        f"{filler} The tax is unfair to small shops, the report says."
    )
    quotes = [q for q in hear(text) if q.cue == "says"]
    assert [q.actors for q in quotes] == [["Acme Policy Institute"]]


def test_a_contrast_opening_the_content_is_the_holders_own() -> None:
    text = (
        "Union leader weighs the race\n\n"
        "Union leader Ann Roe said that while members said they liked the senator, most "
        "would still vote for the governor."
    )
    quotes = hear(text)
    assert [q.actors for q in quotes if q.within is None] == [["Ann Roe"]]


def test_a_findings_participial_phrase_is_not_what_it_found() -> None:
    text = (
        "Race tightens in the final week\n\n"
        "In the new Acme Research poll, conducted May 1 to 3, 40 percent of likely voters "
        "back Roe."
    )
    assert [q.text for q in hear(text) if q.cue == "In"] == ["40 percent of likely voters back Roe"]


def test_a_study_whose_authors_are_named_in_the_sentence_is_theirs() -> None:
    text = (
        "Economists weigh trade\n\n"
        "In a recent study, three economists -- Ann Roe at Acme University and Tom Ray at Beta "
        "College -- raised a challenge to the usual view of trade."
    )
    assert [q for q in hear(text) if q.cue == "In"] == []


def test_according_to_before_a_clause_joined_by_but_reports_the_clause_before() -> None:
    text = (
        "Race for delegates\n\n"
        "Entering the final contests in June, Roe leads Ray by 271 pledged delegates according "
        "to a count by the Daily Courier, but the senator has vowed to fight on and win as many "
        "delegates as possible."
    )
    (quote,) = [q for q in hear(text) if q.cue == "according to"]
    assert quote.text.endswith("Roe leads Ray by 271 pledged delegates")
    assert quote.actors == ["Daily Courier"]


def test_the_data_are_those_of_the_body_that_spoke_just_before() -> None:
    text = (
        "Refugee numbers rise\n\n"
        "The Acme Refugee Center said that most refugees are young. According to the data, "
        "children make up half of all arrivals."
    )
    (quote,) = [q for q in hear(text) if q.cue == "According to"]
    assert quote.actors == ["Acme Refugee Center"]


def test_the_data_are_not_those_of_a_person_who_spoke_just_before() -> None:
    text = (
        "Refugee numbers rise\n\n"
        "Senator Ann Roe said that most refugees are young. According to the data, children "
        "make up half of all arrivals."
    )
    (quote,) = [q for q in hear(text) if q.cue == "According to"]
    assert quote.actors == []


def test_a_content_cut_before_another_speaker_loses_its_relative_word() -> None:
    text = (
        "Court rules on voter rolls\n\n"
        "Critics cite the 2000 election in Florida, when the state wrongly said that 12,000 "
        "voters were felons."
    )
    assert "the 2000 election in Florida" in [q.text for q in hear(text)]


def test_a_months_poll_is_no_ones_words() -> None:
    text = (
        "Race tightens\n\n"
        "In May's Acme Research poll, Roe led Ray on a range of questions, including who would "
        "handle the economy best."
    )
    (quote,) = [q for q in hear(text) if q.cue == "In"]
    assert quote.actors == ["Acme Research"]


def test_a_statement_after_another_body_spoke_is_not_that_bodys() -> None:
    text = (
        "Minister used a private email\n\n"
        "The Daily Courier reported on Monday that the minister used a private email account. "
        "The statement said the minister regrets it."
    )
    (quote,) = [q for q in hear(text) if q.cue == "said"]
    assert quote.actors == []


def test_an_analysis_of_data_is_what_speaks_though_the_parse_hangs_the_verb_on_the_data() -> None:
    text = (
        "Spending spree\n\n"
        "The campaigns spent heavily on ads. But a Daily Courier analysis of other data "
        "identified at least $130 million in spending on things other than television ads."
    )
    (quote,) = [q for q in presslens.analyse(text).quotes if q.cue == "identified"]
    assert quote.speaker == "But a Daily Courier analysis of other data"
