"""Reported speech from the parse: each kind of cue, with its speaker and content."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens import analyse
from presslens.stages.quotes.context import Context
from presslens.stages.quotes.marks import Quoted
from presslens.stages.quotes.reported import reported_speech

ContextFor = Callable[[str], tuple[Context, list[Quoted]]]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        # a reporting verb the tagger took for a plural noun: the parse still shows a verb
        ("But Trump claims that he is under audit.", "claims", "Trump", "that he is under audit"),
        # a reporting verb with its clause
        (
            "The minister Anna Berg said that the budget would be cut next year.",
            "said",
            "The minister Anna Berg",
            "that the budget would be cut next year",
        ),
        # the cue after the clause it interrupts
        (
            "The budget will be cut, the minister said.",
            "said",
            "the minister",
            "The budget will be cut",
        ),
        # an intention
        (
            "The union wants to raise wages for every nurse.",
            "wants",
            "The union",
            "to raise wages for every nurse",
        ),
        # a verb with its preposition
        (
            "The rail union called for a strike in the spring.",
            "called",
            "The rail union",
            "a strike in the spring",
        ),
        # "call on" someone to do something: whom, and what they are called to do
        (
            "Graham called on Congress to pass the bill.",
            "called",
            "Graham",
            "Congress to pass the bill",
        ),
        (
            "According to the ministry, exports fell sharply last year.",
            "According to",
            "the ministry",
            "exports fell sharply last year",
        ),
        # a reporting noun with its by-agent
        (
            "The claim by Lavrov that the talks had failed was denied.",
            "claim",
            "Lavrov",
            "that the talks had failed",
        ),
        # the parser hangs the clause on the means of speaking: the verb's subject speaks
        (
            "Anna Berg told reporters in a statement that the budget would be cut.",
            "statement",
            "Anna Berg",
            "that the budget would be cut",
        ),
        # the parser hangs the clause on the cue as an adverbial: a subject and no "if" or
        # "when" before its verb make it what was said
        (
            "Anna Berg said after the meeting she would not sign the treaty if it were offered.",
            "said",
            "Anna Berg",
            "after the meeting she would not sign the treaty if it were offered",
        ),
        # a ruling, a discovery and an echo report what was said or found
        (
            "The fact-checking site ruled that the claim was true.",
            "ruled",
            "The fact-checking site",
            "that the claim was true",
        ),
        (
            "Federal investigators discovered that the money had been moved abroad.",
            "discovered",
            "Federal investigators",
            "that the money had been moved abroad",
        ),
        ("Several senators echo her concerns.", "echo", "Several senators", "her concerns"),
        # a cue set off by commas inside the clause it reports
        (
            "The real issue, the minister said then, was that the budget had been cut.",
            "said",
            "the minister",
            "The real issue, the minister said then, was that the budget had been cut",
        ),
        # "made it clear": the clause after the adjective is what was said
        (
            "Anna Berg made it clear she had doubts about the treaty.",
            "made it clear",
            "Anna Berg",
            "she had doubts about the treaty",
        ),
        # a passive reporting verb with its "by" agent reports its subject
        (
            "A different account of the vote was told by the Millbrook Herald.",
            "told",
            "the Millbrook Herald",
            "A different account of the vote",
        ),
        # a state of mind
        (
            "Senator Jones is confident that the bill will pass.",
            "confident",
            "Senator Jones",
            "that the bill will pass",
        ),
    ],
)
def test_reported_speech(
    text: str, cue: str, speaker: str, content: str, context_for: ContextFor
) -> None:
    ctx, _quoted = context_for(text)
    (found,) = reported_speech(ctx)
    assert found.kind == "indirect"
    assert found.cue is not None and found.cue.of(text) == cue
    assert found.speaker is not None and found.speaker.span.of(text) == speaker
    assert found.span.of(text) == content


def test_no_speaker_no_reported_speech(context_for: ContextFor) -> None:
    ctx, _quoted = context_for("It is said that the budget would be cut next year.")
    assert reported_speech(ctx) == []


def test_a_verb_tagged_as_a_plural_noun_still_cues() -> None:
    from presslens import nlp
    from presslens.stages.quotes.context import acts_as_verb

    doc = nlp.parse("But Trump claims that he is under audit.")
    (claims,) = [t for t in doc if t.text == "claims"]
    assert claims.tag_ == "NNS"  # the small model's reading of this sentence
    assert acts_as_verb(claims)
    assert not acts_as_verb(doc[0])  # "But"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        # an accusation in the passive: the whole clause, made by no one named
        (
            "Mr. Roe was accused of taking $5 million from the fund.",
            "accused",
            None,
            "Mr. Roe was accused of taking $5 million from the fund",
        ),
        # ... or by its "by" agent
        (
            "The mayor was criticized by the rail union for closing the depot.",
            "criticized",
            "the rail union",
            "The mayor was criticized by the rail union for closing the depot",
        ),
        # an accusation in the active: whom, and of what
        (
            "Ms. Lee accused Mr. Roe of lying to the council.",
            "accused",
            "Ms. Lee",
            "Mr. Roe of lying to the council",
        ),
    ],
)
def test_accusations(
    text: str, cue: str, speaker: str | None, content: str, context_for: ContextFor
) -> None:
    ctx, _quoted = context_for(text)
    (found,) = reported_speech(ctx)
    assert found.cue is not None and found.cue.of(text) == cue
    assert (found.speaker.span.of(text) if found.speaker else None) == speaker
    assert found.span.of(text) == content


def test_a_pronoun_alone_reports_nothing(context_for: ContextFor) -> None:
    ctx, _quoted = context_for("Ms. Lee saw him at the rally, and Mr. Roe praised himself.")
    assert reported_speech(ctx) == []


def test_a_passive_question_is_no_ones_words(context_for: ContextFor) -> None:
    # "ask about" reports speech in the active; in the passive it says nothing was said
    ctx, _quoted = context_for("Ms. Lee was asked about the case during an interview.")
    assert reported_speech(ctx) == []


def test_a_name_after_to_is_the_one_addressed(context_for: ContextFor) -> None:
    text = "Ms. Lee played a video of his remarks to the Daily News."
    ctx, _quoted = context_for(text)
    assert [a.span.of(text) for a in reported_speech(ctx)] == []


def test_a_date_after_a_reporting_noun_says_when_not_what(context_for: ContextFor) -> None:
    text = "Both women framed their remarks on Monday by portraying Mr. Roe as a titan."
    ctx, _quoted = context_for(text)
    assert "Monday" not in [a.span.of(text) for a in reported_speech(ctx)]


def test_a_content_never_holds_its_own_speaker(context_for: ContextFor) -> None:
    """'the fifth week that the Ipsos poll has shown Trump in the lead': the clause around the
    cue is not what the poll reported (only a cue set off by commas interrupts its content)."""
    text = (
        "The survey marks the fifth week in a row that the Ipsos poll has shown Trump in the lead."
    )
    ctx, _quoted = context_for(text)
    for found in reported_speech(ctx):
        assert found.speaker is None or not found.span.contains(found.speaker.span)


def test_finding_oneself_in_a_state_is_not_a_finding() -> None:
    text = (
        "The race tightened in March. Governor Ada Quill, much like her rival Tom Pike, found "
        "herself playing defense on trade despite years of work on it. Quill found that voters "
        "cared more about prices."
    )
    assert [(q.cue, q.text) for q in analyse(text).quotes] == [
        ("found", "that voters cared more about prices")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a participle naming its noun
        "The ads began on Monday. A newly formed super PAC called Future 45 ran its first round "
        "of ads in Iowa. The spots cost little.",
        "The primary is in March. An anti-Trump super PAC called Our Principles is ramping up "
        "its operations. The spots cost little.",
        # a quoted name after a naming participle
        'Her team writes online every day. A blog called the "Feed," anchored by five '
        "full-time writers, posts news on the race. It began in May.",
        # responding to someone says nothing yet
        "The primary is close. Clinton's campaign has responded to Sanders more aggressively in "
        "recent weeks. The polls have not moved.",
        # whom a caller asked, not what
        "The show airs on Fridays. A caller asked Herman Cain, the pizza maven who hosts the "
        "show, about the refugees. The segment ran long.",
        # whom a candidate runs against
        "The race is close. Russ Feingold is challenging Sen. Ron Johnson in Wisconsin. Polls "
        "favour Feingold.",
        # a particle that makes it no saying
        "The deal is dead. Several Mexican businesses have called off projects with him "
        "because of his comments. The projects were small.",
    ],
)
def test_whom_or_what_is_named_is_not_what_was_said(text: str) -> None:
    assert analyse(text).quotes == ()


def test_a_saying_reported_according_to_someone_is_the_sayers(context_for: ContextFor) -> None:
    """The one who said it speaks, before or after "according to": the one the writer has it
    from is where it was read (PolNeAR nests the two; a quote has one speaker)."""
    text = "Dana Pike wrote a book. According to the book, Pike insisted that the lady go home."
    ctx, _quoted = context_for(text)
    found = reported_speech(ctx)
    assert [r.speaker.span.of(text) if r.speaker else None for r in found] == ["Pike"]
    assert [r.span.of(text) for r in found] == ["that the lady go home"]


def test_an_intent_reported_according_to_someone_is_their_account() -> None:
    text = (
        "The slate won in Casper. In the end, 12 members of the slate prevailed, and the "
        "remaining two delegates separately pledged to support the senator, according to Ed "
        "Bowman. The count ended late."
    )
    assert [q.speaker for q in analyse(text).quotes] == ["Ed Bowman"]


@pytest.mark.parametrize(
    "opening",
    [
        "An Israeli official, speaking on the condition of anonymity to discuss the schedule,",
        "A palace official, who requested anonymity to discuss a private conversation,",
        "An aide, who was not authorized to discuss the talks publicly,",
    ],
)
def test_the_topic_a_source_may_not_speak_on_is_not_what_was_said(opening: str) -> None:
    text = f"The talks resume Monday. {opening} said the deal was close. No date is set."
    assert [q.text for q in analyse(text).quotes] == ["the deal was close"]


def test_a_number_alone_is_no_speaker() -> None:
    text = (
        "The primary is next month. Clinton holds a 10-point lead in California, where 475 "
        "pledged delegates will be at stake. Two of the senators said they would back her."
    )
    assert [q.speaker for q in analyse(text).quotes] == ["Two of the senators"]


def test_a_relative_clause_with_its_own_subject_still_calls() -> None:
    text = (
        "Perhaps it is a twist of irony, but given the European Union's efforts to collect -- "
        "which Acme's chief executive, Tim Rook, called ''total political nonsense'' -- one "
        "question that has emerged is whether companies will bring money home. The firm will "
        "appeal. Nobody else spoke."
    )
    dossier = analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    quotes = [(q.text, [names[i] for i in q.speaker_actor_ids]) for q in dossier.quotes]
    assert quotes == [("''total political nonsense''", ["Tim Rook"])]


def test_of_two_clauses_the_parse_hangs_on_a_cue_the_that_clause_is_what_was_said() -> None:
    from presslens import analyse

    text = (
        "Governor Paul Brenner spoke at the debate on Monday. Throughout the debate, Brenner "
        "was unhappy with the way he was treated by his rivals, though, at the end, they swore "
        "that they would support him if he wins. The next debate is in May."
    )
    (quote,) = [q for q in analyse(text).quotes if q.cue == "swore"]
    assert quote.text == "that they would support him if he wins"


def test_a_clause_subject_the_parse_took_for_the_cues_object_is_part_of_what_was_said() -> None:
    from presslens import analyse
    from presslens.settings import Settings

    text = (
        "The Iron Guild has called for attacks, according to the Harbor Group, which monitors "
        "extremist statements. It said supporters of the radical organization, also known as "
        'ISIS or ISIL, were sharing the news of the attack and "celebrating the massacre." '
        "Police urged calm."
    )
    dossier = analyse(text, settings=Settings(models="fast"))
    (quote,) = [q for q in dossier.quotes if q.cue == "said"]
    assert quote.text.startswith("supporters of the radical organization")


def test_the_people_asked_are_not_what_was_asked() -> None:
    from presslens import analyse

    text = (
        "Governor Paul Brenner met the press on Monday. He asked reporters rhetorically during "
        "a news conference late last month. Nobody answered."
    )
    assert [q.text for q in analyse(text).quotes] == []


def test_the_question_put_to_people_is_what_was_asked() -> None:
    from presslens import analyse

    text = (
        "Robert Quist taught at the college for years. Mr. Quist once asked the students if "
        "they were always so serious. They laughed."
    )
    (quote,) = [q for q in analyse(text).quotes if q.cue == "asked"]
    assert quote.text == "if they were always so serious"


def test_an_object_before_a_clause_without_tense_is_not_its_subject() -> None:
    from presslens import analyse
    from presslens.settings import Settings

    text = (
        "Senator Dana Whitlock wrote to the other candidates on Friday. She asked them "
        "“prayerfully consider” the future of their campaigns. None has replied."
    )
    quotes = [q for q in analyse(text, settings=Settings(models="fast")).quotes]
    assert [q.text for q in quotes] == ["“prayerfully consider” the future of their campaigns"]


def test_what_people_were_challenged_to_do_is_what_was_said() -> None:
    from presslens import analyse

    text = (
        "Bishop Paul Brenner leads the diocese. He has challenged his own priests to be humbler "
        "and to get out onto the streets. Many agreed."
    )
    quotes = [q for q in analyse(text).quotes if q.cue == "challenged"]
    assert [q.text for q in quotes] == ["to be humbler and to get out onto the streets"]


def test_a_participle_describing_its_noun_reports_nothing() -> None:
    from presslens import analyse

    text = (
        "The court has one empty seat. Three names prominently mentioned as potential nominees "
        "are Jane Dorr, a judge on the Court of Appeals in Iowa, and two judges in Ohio. The "
        "senators will meet in May."
    )
    assert [q.cue for q in analyse(text).quotes] == []


def test_quick_reports_words_only_through_a_reporting_verb() -> None:
    from presslens import analyse

    text = (
        "Senator Dana Whitlock won the primary on Tuesday. Party leaders were quick to embrace "
        "her after the count. Her advisers were quick to point out that she had won every "
        "county."
    )
    dossier = analyse(text)
    assert [q.text for q in dossier.quotes if q.cue == "quick"] == [
        "to point out that she had won every county"
    ]
    assert [s.text for s in dossier.stances if s.cue == "quick"] == [
        "to embrace her after the count"
    ]


def test_a_noun_of_speech_from_a_role_names_its_speaker(heard: Callable) -> None:
    text = (
        "Contempt vote goes ahead\n\nThe panel voted on Thursday to hold the former aide in "
        "contempt. The vote took place despite repeated warnings from his attorney that the "
        "showdown was fruitless. Members left soon after."
    )
    (quote,) = heard(text)
    assert (quote.text, quote.cue) == ("that the showdown was fruitless", "warnings")


def test_a_cue_set_off_inside_a_sentence_keeps_its_own_subject(heard: Callable) -> None:
    text = (
        "Unions and the race\n\nVoters in Ohio will choose in November. The source of the "
        "attraction to Mr. Trump, union members and leaders say, is manifold: his populist "
        "message and his attacks on trade deals. Mr. Trump spoke in Toledo on Monday."
    )
    (quote,) = heard(text)
    assert quote.cue == "say"
    assert quote.actors == []
    assert quote.text.startswith("The source of the attraction to Mr. Trump")


def test_according_to_in_brackets_sources_only_the_bracketed_words(heard: Callable) -> None:
    text = (
        "Claims and counts\n\nThe senator repeated his claim about the crime figures on "
        "Tuesday. The city recorded 500 killings last year (the actual number is closer to 450, "
        "according to Factcheck.org), and few cases went to trial."
    )
    (quote,) = [q for q in heard(text) if q.cue == "according to"]
    assert quote.text == "the actual number is closer to 450"
    assert quote.actors == ["Factcheck.org"]


def test_according_to_keeps_a_percent_sign_ending_its_words(heard: Callable) -> None:
    text = (
        "Sea wall approved\n\nThe council met on Tuesday. According to the engineers' report, "
        "the new wall should cut the risk of a breach by roughly 60%. Work starts in March."
    )
    (quote,) = [q for q in heard(text) if q.cue == "According to"]
    assert quote.text.endswith("roughly 60%")


def test_according_to_under_a_cue_of_its_own_leaves_the_speaker(heard: Callable) -> None:
    text = (
        "Trump Talks Wall\n\nDonald Trump met donors in Ohio on Monday. Trump told the donors "
        "that the wall would be built by 2018, according to a transcript released by the "
        "campaign. The donors cheered.\n"
    )
    found = [(q.cue, q.actors, q.text) for q in heard(text)]
    assert found == [("told", ["Donald Trump"], "that the wall would be built by 2018")]


def test_when_asked_the_one_asked_is_not_the_asker(heard: Callable) -> None:
    text = (
        "Lopez Stays\n\nMaria Lopez spoke on Monday. “No,” said Lopez when asked if she would "
        "leave the town. The plant closed in May.\n"
    )
    found = [(q.cue, q.actors) for q in heard(text)]
    assert ("said", ["Maria Lopez"]) in found
    assert all(actors == [] for cue, actors in found if "asked" in (cue or ""))


def test_two_reports_set_side_by_side_are_each_their_own(heard: Callable) -> None:
    text = (
        "Pride Parades\n\nIn Seattle, marchers honored the Orlando victims with white roses "
        "held aloft, KING-TV reported, while in Chicago the parade began with a moment of "
        "silence, the Chicago Sun-Times reported.\n"
    )
    found = [(q.actors, q.text) for q in heard(text)]
    assert found == [
        (
            ["KING-TV"],
            "In Seattle, marchers honored the Orlando victims with white roses held aloft",
        ),
        (["Chicago Sun-Times"], "in Chicago the parade began with a moment of silence"),
    ]


def test_a_late_by_after_the_grounds_is_the_accusations_agent(heard: Callable) -> None:
    """'was criticized for trading ..., even by allies like Councilman Peter Gale': the parse
    hangs the "by" on "trading"; it is who criticized, not part of what for."""
    text = (
        "Swap Recalled\n\nThe city freed a reporter in 1990 in exchange for a spy. The mayor was "
        "criticized for trading a guilty man for an innocent one, even by allies like "
        "Councilman Peter Gale. Gale later changed his mind.\n"
    )
    (quote,) = [q for q in heard(text) if q.cue == "criticized"]
    assert quote.actors == ["Peter Gale"] and not quote.text.endswith("Gale")


def test_according_to_after_a_bare_report_of_a_quotation_adds_nothing(heard: Callable) -> None:
    """'"...?" Hale asked, according to a transcript of the interview.': the phrase says where
    the writer read the quotation; "Hale asked" is no one's words."""
    text = (
        "Governor Questions Rival's Plan\n\nGovernor Ann Hale spoke to a cable show on Thursday."
        "\n\n\"It's really a very general debate when it comes to the senator. Well, what does "
        'that mean?" Hale asked, according to a transcript of the interview.\n'
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [("asked", ["Ann Hale"])]


LI_WEN = (
    "Ministry Rejects the Report\n\nSpeaking in Beijing, foreign ministry spokesman Li Wen "
    "repeated that the country opposed hacking and acted against it.\n\nPeople should show "
    'evidence for their claims and not throw around vague words like "maybe" and "perhaps", he '
    'told reporters. "This is deeply irresponsible."\n'
)


def test_a_cue_closing_the_sentence_after_a_comma_reports_all_before_it(heard: Callable) -> None:
    """'People should show evidence ... "perhaps", he told reporters.': the parse joins "told"
    to the sentence as a conjunct; what was said is everything before the comma, not the last
    quoted word."""
    told = [q.text for q in heard(LI_WEN) if q.cue == "told"]
    assert told == [
        "People should show evidence for their claims and not throw around vague words like "
        '"maybe" and "perhaps"'
    ]


def test_a_family_name_written_first_says_no_sex(heard: Callable) -> None:
    """'spokesman Li Wen ... he told reporters': "Li" is a rare given name the Census gives to
    women but a common surname; written first it says nothing against "he"."""
    assert all(q.actors == ["Li Wen"] for q in heard(LI_WEN))


def test_a_conjunct_with_its_own_that_is_no_closing_cue() -> None:
    """'He said the network had tweeted ... and that Tapp, Bash and Blitt had mentioned it': a
    "that" clause of its own, though a comma stands before its subject (as spaCy's small model
    parses one such sentence)."""
    from presslens.stages.quotes.interrupted import closing_cue
    from tests.stages.quotes.conftest import hand_parse

    doc = hand_parse(
        """
        He 1 nsubj PRON
        said 1 ROOT VERB
        that 6 mark SCONJ
        Tapp 6 advmod PROPN
        , 6 punct PUNCT
        Bash 6 nsubj PROPN
        mentioned 1 conj VERB
        it 6 dobj PRON
        . 1 punct PUNCT
        """
    )
    assert closing_cue(doc[6]) is None


def test_a_conjunct_cue_with_an_object_of_its_own_is_no_closing_cue() -> None:
    """'..., Trump continued his attacks': a cue with its own object reports that, not the
    sentence before the comma (as spaCy's small model parses one such sentence)."""
    from presslens.stages.quotes.interrupted import closing_cue
    from tests.stages.quotes.conftest import hand_parse

    doc = hand_parse(
        """
        He 1 nsubj PRON
        ignored 1 ROOT VERB
        the 3 det DET
        facts 1 dobj NOUN
        , 1 punct PUNCT
        Roe 6 nsubj PROPN
        continued 1 conj VERB
        his 8 poss PRON
        attacks 6 dobj NOUN
        . 1 punct PUNCT
        """
    )
    assert closing_cue(doc[6]) is None


def test_a_case_made_is_the_makers_words() -> None:
    text = (
        "Bank Chief Faces Senators\n\nAnn Roe made the case that the bank had failed its clients.\n"
    )
    quotes = analyse(text).quotes
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Ann Roe", "made the case", "that the bank had failed its clients")
    ]
