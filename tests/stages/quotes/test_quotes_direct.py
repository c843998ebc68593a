"""Direct quotes: the cue and speaker found for a quoted span, or none for a scare quote."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.direct import attribute_quoted, nearest_name
from presslens.stages.quotes.marks import Quoted

ContextFor = Callable[[str], tuple[Context, list[Quoted]]]
Hear = Callable[[str], list[Any]]  # conftest.hear: quotes with their speakers' actor names


@pytest.mark.parametrize(
    ("text", "kind", "content", "cue", "speaker"),
    [
        # the cue verb the quotation hangs on
        ("“We will win,” Maria Lopez said.", "direct", "“We will win,”", "said", "Maria Lopez"),
        # a lead-in ending in a colon, a paragraph before
        (
            "Maria Lopez spoke to the workers.\n\nShe continued:\n\n“We will keep every job here.”",
            "direct",
            "“We will keep every job here.”",
            "continued",
            "She",
        ),
        # a fragment set in the writer's words after its cue
        (
            "The critic called the plan “a gift to the rich”.",
            "mixed",
            "the plan “a gift to the rich”",
            "called",
            "The critic",
        ),
        # a short fragment tied to its speaker by "in X's words"
        (
            "In the words of Maria Lopez, the plan is “a gift to the rich”.",
            "direct",
            "“a gift to the rich”",
            "words",
            "Maria Lopez",
        ),
    ],
)
def test_attribute_quoted(
    text: str, kind: str, content: str, cue: str, speaker: str, context_for: ContextFor
) -> None:
    ctx, (quoted,) = context_for(text)
    found = attribute_quoted(ctx, quoted)
    assert found is not None
    assert (found.kind, found.span.of(text)) == (kind, content)
    assert found.cue is not None and found.cue.of(text) == cue
    assert found.speaker is not None and found.speaker.span.of(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace plan” failed.",  # a scare quote: no cue
        "“We will keep every job here and build more.” The crowd cheered.",  # no speech cue
    ],
)
def test_no_cue_no_attribution(text: str, context_for: ContextFor) -> None:
    ctx, (quoted,) = context_for(text)
    assert attribute_quoted(ctx, quoted) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the one doing the thanking, not the one thanked
        (
            "Kerry Moore, star of the show, thanked Obama for “taking these steps to make us "
            "all safer at home.”",
            "Kerry Moore",
        ),
        # pieces of one quotation the parse hangs on two words of the clause
        (
            "Dana Whitlock lost the primary on Tuesday to Paul Brenner. Whitlock credited "
            "Brenner's victory to “a closed primary, something I never liked, where "
            "independents cannot vote.” She will run again.",
            "Dana Whitlock",
        ),
        # past a subject inside the clause to the one who makes the point
        (
            "Sebastian Gorka spoke on Monday. Gorka also made the point that Clinton's "
            "philosophy would make her “completely a third Obama term in every way that "
            "counts.”",
            "Sebastian Gorka",
        ),
    ],
)
def test_a_cueless_quotation_is_whoever_its_clause_is_about(
    text: str, speaker: str, context_for: ContextFor
) -> None:
    ctx, quoted = context_for(text)
    found = nearest_name(ctx, quoted[-1])
    assert found is not None
    assert found.name == speaker


def test_a_cueless_quotation_never_goes_to_an_article(context_for: ContextFor) -> None:
    # a link roundup's headline and outlet: "The" of the outlet's name is the nearest token
    text = (
        '"The museum will close at the end of the year for repairs that could take months," '
        "by The Daily Courier."
    )
    ctx, quoted = context_for(text)
    found = nearest_name(ctx, quoted[0])
    assert found is not None
    assert (found.span.of(text), found.name) == ("The Daily Courier", "Daily Courier")


def test_a_quoted_title_inside_the_speakers_phrase_is_not_what_they_said(heard: Hear) -> None:
    text = (
        "Actress Nora Quist revealed that her husband had taken her name. After the news "
        "spread, the “Harbor” star posted a long message on her page about why no one should "
        "be surprised: “Men, you will not vanish by taking your partner’s surname,” she wrote. "
        "Fans cheered."
    )
    found = heard(text)
    assert not [q for q in found if q.text == "“Harbor”"]
    assert [q.actors for q in found if q.text.startswith("“Men")] == [["Nora Quist"]]


def test_a_quotation_after_a_paraphrase_is_the_paraphrased_speakers() -> None:
    from tests.stages.quotes.conftest import hear

    text = (
        "Tom Pike urged the council to act on Monday. The council may be reluctant to act "
        'while the mayor negotiates with the union, Pike said. "The other factor the council '
        'may be considering is the election next spring. I do not think that should stop them."'
    )
    quoted = [q for q in hear(text) if q.text.startswith('"The other factor')]
    assert [q.actors for q in quoted] == [["Tom Pike"]]


def test_a_quotation_after_a_survey_finding_is_no_ones() -> None:
    from tests.stages.quotes.conftest import hear

    text = (
        "Voters in the valley are uneasy about the new mine. A survey conducted by the "
        "analyst Elena Varga found that most residents fear the mine will poison the river. "
        '"In ten years we will all drink bottled water and our children will leave the valley."'
    )
    quoted = [q for q in hear(text) if q.text.startswith('"In ten years')]
    assert [q.actors for q in quoted] == [[]]


def test_a_long_speakers_phrase_after_an_exclamation_still_attributes_it() -> None:
    from tests.stages.quotes.conftest import hear

    text = (
        "The rally ended late on Friday. "
        '"This is a big year for all of us here in the valley!" Pike\'s niece, state Del. Ann '
        "Price, shouted to the crowd. The band played on."
    )
    assert [(q.cue, q.actors) for q in hear(text)] == [("shouted", ["Ann Price"])]


def test_a_short_utterance_with_its_cue_right_after_is_speech(heard: Callable) -> None:
    text = (
        "Voters Watch\n\nMelanie watched the speech at home with Kevin. The article closes "
        "with a clear hint about the woman.\n\n“You winning?” she said, but Kevin was "
        "drifting off again.\n"
    )
    assert [(q.text, q.actors) for q in heard(text)] == [("“You winning?”", ["Melanie"])]


def test_a_term_in_scare_quotes_before_a_cue_is_no_utterance(heard: Callable) -> None:
    text = (
        "Blame Game\n\nMaria Lopez spoke on Monday about the plant. She blamed the “elites,” "
        "she said, for its closure.\n"
    )
    assert all(q.text != "“elites,”" for q in heard(text))


def test_a_quote_paragraph_after_a_paraphrase_ending_its_paragraph_is_its(heard: Callable) -> None:
    text = (
        "Pollster Sees Trouble\n\nFormer pollster Tom Ray spoke on Fox News on Monday.\n\nRay "
        "elaborated in an editorial piece for The Wall Street Journal that superdelegates "
        "currently pledged to Clinton may reconsider.\n\n“A loss in California would show the "
        "senator’s weakness as "
        "a candidate in the general election, and delegates would question their support.”\n\n"
        "The senator’s campaign did not respond.\n"
    )
    found = [(q.cue, q.actors) for q in heard(text)]
    assert found[:2] == [("elaborated", ["Tom Ray"]), (None, ["Tom Ray"])]


def test_a_quote_paragraph_after_a_poll_finding_is_no_ones(heard: Callable) -> None:
    text = (
        "Voters Split\n\nA poll by Acme Research found that most voters in the state want a new "
        "governor.\n\n“In 2030, we will all drive electric cars, and the roads of the state will "
        "be quiet again.”\n\nThe governor did not comment.\n"
    )
    found = [(q.cue, q.actors) for q in heard(text)]
    assert found[0] == ("found", ["Acme Research"])
    assert all(actors == [] for cue, actors in found[1:])  # a respondent's, not the pollster's


def test_a_quote_paragraph_with_a_speaker_of_its_own_is_not_the_paraphrases(
    heard: Callable,
) -> None:
    text = (
        "Trump on Fox\n\nIn an interview with Sean Hannity on Monday night, Trump responded to "
        "a report that he told the board in a meeting that he may not build the wall.\n\n“The "
        "New York Times is claiming today that they had a conversation with you in January,” "
        "Hannity started.\n\n“We had a board meeting, it was off the record,” Trump said.\n"
    )
    found = [(q.text[:12], q.actors) for q in heard(text) if q.text.startswith("“")]
    assert found[0] == ("“The New Yor", ["Sean Hannity"])


def test_a_quote_paragraph_named_right_after_is_not_the_paraphrases(heard: Callable) -> None:
    text = (
        "Anchor Speaks Out\n\nTrump threw the Mexican-American reporter Jorge Ramos out of a "
        "news conference.\n\n“Go back to Univision,” Trump barked.\n\nThe fracas erupted just "
        "two months after the real estate tycoon entered the race with harsh words about "
        "Mexican immigrants, calling them rapists and vowing to make Mexico pay for a wall.\n\n"
        "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, "
        "told AFP in an interview in Miami.\n"
    )
    found = [q.actors for q in heard(text) if q.text.startswith("“We were")]
    assert found == [["Jorge Ramos"]]


def test_a_quote_paragraph_whose_writer_follows_is_not_the_critics(heard: Callable) -> None:
    text = (
        "Star Tweet Draws Fire\n\nTrump tweeted an image on Saturday.\n\nCritics said the image "
        "featuring the star shape harked back to centuries-old anti-Semitic stereotypes, such as "
        "the belief that Jews are greedy.\n\n\"Just saw #DonaldTrump's Star of David tweet. I'm "
        'impressed by his ability to find a way to insult literally every kind of human being," '
        "screenwriter Cole Haddon wrote on Twitter.\n"
    )
    found = [q.actors for q in heard(text) if q.text.startswith('"Just saw')]
    assert found == [["Cole Haddon"]]


@pytest.mark.parametrize("verb", ["exclaimed", "opined", "barked"])
def test_verbs_of_exclaiming_report_a_quote(verb: str, heard: Callable) -> None:
    text = (
        f"Council Meets\n\nThe council met on Monday in Dayton. “We will not close the library,” "
        f"Jane Roe {verb}. The vote was unanimous.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [(verb, ["Jane Roe"])]


def test_a_short_utterance_with_a_speakers_phrase_before_its_cue_is_speech() -> None:
    """'“It’s unanimous,” councilmember Dana Pruitt said of ...': two words set off by a comma,
    then the speaker's whole phrase and the cue (the parse hangs the quotation on the phrase)."""
    from presslens import analyse

    text = (
        "Council Backs Ending the Contracts\n\nCity officials are not sure how to end the "
        "deals.\n\n“It’s unanimous,” councilmember Dana Pruitt said of the council’s support for "
        "ending the contracts. The problem is finding a legal basis.\n"
    )
    assert [(q.text, q.speaker) for q in analyse(text).quotes] == [
        ("“It’s unanimous,”", "councilmember Dana Pruitt")
    ]


def test_a_question_before_a_sentence_telling_whom_is_that_speakers() -> None:
    """'“... what can we do to help?’” Renteria told reporters during a call.': the segmenter
    ends the sentence at the question; the next one names its speaker and only whom she told."""
    from presslens import analyse

    text = (
        "Mayor Praises the Response\n\nThe mayor met staff from the campaign last week. She "
        "has experience in the state, having served as chief of staff to Sen. Ann Rowe (D- "
        "Mich.).\n\n“Her response has been, ‘What can we do to help?’” Renteria told reporters "
        "during Tuesday’s call.\n\nThe governor did not comment.\n"
    )
    assert [(q.cue, q.speaker) for q in analyse(text).quotes] == [("told", "Renteria")]
