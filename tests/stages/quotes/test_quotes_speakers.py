"""Speakers: the speaker phrase cut from the parse, joint speakers and role nouns marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.marks import Quoted
from presslens.stages.quotes.speakers import Speaker, make_speaker
from presslens.stages.quotes.subjects import subject_of
from tests.stages.quotes.conftest import hand_parse

ContextFor = Callable[[str], tuple[Context, list[Quoted]]]
Hear = Callable[[str], list[Any]]  # conftest.hear: quotes with their speakers' actor names


def speaker_of_say(text: str, context_for: ContextFor) -> Speaker:
    """The speaker made from the subject of the sentence's one "say"."""
    ctx, _quoted = context_for(text)
    (say,) = [t for t in ctx.doc if t.lemma_ == "say"]
    subject = subject_of(say)
    assert subject is not None
    speaker = make_speaker(text, subject, ctx.actors)
    assert speaker is not None
    return speaker


@pytest.mark.parametrize(
    ("text", "phrase", "name", "pronoun"),
    [
        # the relative clause is cut from the phrase
        (
            "Maria Lopez, who runs the union, said that wages must rise.",
            "Maria Lopez",
            "Maria Lopez",
            False,
        ),
        # a pronoun head keeps the clause that says who they are
        (
            "Families of those affected by the flood said that wages must rise.",
            "Families of those affected by the flood",
            "Families of those affected by the flood",
            False,
        ),
        # an apposed name names a common-noun phrase
        (
            "The head of the Rail Union, Maria Lopez, said that wages must rise.",
            "The head of the Rail Union, Maria Lopez",
            "Maria Lopez",
            False,
        ),
        # "voters who say ...": the relative pronoun's antecedent speaks
        ("Voters who say the economy is weak are angry.", "Voters", "Voters", False),
        # ... but a predicate noun's relative clause is its subject's: "X is a critic who says"
        (
            "Maria Lopez runs the union and is a stubborn critic of the plan who says it fails.",
            "Maria Lopez",
            "Maria Lopez",
            False,
        ),
        ("It is Maria Lopez who says the plan fails.", "Maria Lopez", "Maria Lopez", False),
        ("Maria Lopez visited the plant. She said that wages must rise.", "She", "She", True),
        # the head's own name beats a party-and-state tag apposed to it
        (
            "Rep. Maria Lopez (D-Calif.) said that wages must rise.",
            "Rep. Maria Lopez (D-Calif.)",  # the bracket closed
            "Maria Lopez",
            False,
        ),
        # a poll or report speaks for the organisation it names as its author
        (
            "A Rail Union Research Office report said that wages must rise.",
            "A Rail Union Research Office report",
            "Rail Union Research Office",
            False,
        ),
        (
            "A study by the Rail Union said that wages must rise.",
            "A study by the Rail Union",
            "Rail Union",
            False,
        ),
        # a phrase that names its members speaks through them
        (
            "Critics of the plan, like Senators Ann Bell and Tom Ray, said that wages must rise.",
            "Critics of the plan, like Senators Ann Bell and Tom Ray",
            "Ann Bell and Tom Ray",
            False,
        ),
        (
            "Supporters, including the Rail Union, said that wages must rise.",
            "Supporters, including the Rail Union",
            "Rail Union",
            False,
        ),
        # a list of names apposed to a plural noun: every one of them
        (
            "Two senators, Ted Kerr and John Kagan, have said that they would split the states.",
            "Two senators, Ted Kerr and John Kagan",
            "Ted Kerr and John Kagan",
            False,
        ),
        (
            "The trailing contenders Ted Kerr and John Kagan have said that they would split "
            "the states.",
            "The trailing contenders Ted Kerr and John Kagan",
            "Ted Kerr and John Kagan",
            False,
        ),
        # the bracket after an abbreviation's stop closes the phrase
        (
            "On Saturday, Sen. Ann Bell (I-Vt.) said that wages must rise.",
            "Sen. Ann Bell (I-Vt.)",
            "Ann Bell",
            False,
        ),
        # members named on what a collective noun is made of
        (
            "A coalition of 40 groups - including the Rail Union and the Farm Bureau - said "
            "that wages must rise.",
            "A coalition of 40 groups - including the Rail Union and the Farm Bureau",
            "Rail Union and Farm Bureau",
            False,
        ),
        # a spokesperson speaks for an organisation, never for a person
        (
            "Officials at the Rail Union said that wages must rise.",
            "Officials at the Rail Union",
            "Rail Union",
            False,
        ),
        (
            "A Rail Union spokeswoman said that wages must rise.",
            "A Rail Union spokeswoman",
            "Rail Union",
            False,
        ),
        (
            "An aide to Maria Lopez said that wages must rise.",
            "An aide to Maria Lopez",
            "An aide to Maria Lopez",
            False,
        ),
        # a participle hung on a clause whose subject is an empty "it" speaks for the subject
        # of the clause just before it
        (
            "It was a potent punch by the two women, as Maria Lopez echoed the criticism, "
            "saying that wages must rise.",
            "Maria Lopez",
            "Maria Lopez",
            False,
        ),
        # a document's author named by a participle: "a complaint filed by ..."
        (
            "A complaint filed by the Rail Union said that wages must rise.",
            "A complaint",  # the participle clause is cut from the phrase, not from its author
            "Rail Union",
            False,
        ),
    ],
)
def test_speaker_of_say(
    text: str, phrase: str, name: str, pronoun: bool, context_for: ContextFor
) -> None:
    speaker = speaker_of_say(text, context_for)
    assert (speaker.span.of(text), speaker.name, speaker.pronoun) == (phrase, name, pronoun)


@pytest.mark.parametrize(
    ("text", "role", "gender", "plural"),
    [
        ("The candidate said that wages must rise.", "PERSON", None, False),
        ("The congresswoman said that wages must rise.", "PERSON", "f", False),
        ("The company said that wages must rise.", "ORG", None, False),
        ("The poll said that wages must rise.", "DOCUMENT", None, False),
        # a role from the WordNet catalogue, with the gender it says
        ("The actress said that wages must rise.", "PERSON", "f", False),
        ("The ministry said that wages must rise.", "ORG", None, False),
        # someone else's relational role: marked, to go only to the one named as such
        ("His wife said that wages must rise.", "PERSON", "f", False),
        # not a bare role: someone new, someone else's, or named by someone
        ("A spokesman said that wages must rise.", None, "m", False),
        ("His boss said that wages must rise.", None, None, False),
        ("Officials said that wages must rise.", None, None, True),
    ],
)
def test_role_nouns_are_marked(
    text: str, role: str | None, gender: str | None, plural: bool, context_for: ContextFor
) -> None:
    speaker = speaker_of_say(text, context_for)
    assert (speaker.role, speaker.gender, speaker.plural, speaker.actor_id) == (
        role,
        gender,
        plural,
        None,
    )


def test_a_dateline_is_cut_from_the_speaker(context_for: ContextFor) -> None:
    # the parser makes both WASHINGTON and Wicks subjects of "said"
    text = (
        "WASHINGTON -- President Tom Wicks, at the opening on Saturday, said that the museum "
        "would tell a story."
    )
    speaker = speaker_of_say(text, context_for)
    assert "WASHINGTON" not in speaker.span.of(text)
    assert speaker.name == "Tom Wicks"


@pytest.mark.parametrize(
    ("text", "subject", "speaker"),
    [
        # the parser makes the dateline the subject of "complain": no one speaks
        (
            "PHILADELPHIA, July 29 (UPI) — Fans of the actor have taken to social media to "
            "complain about the film.",
            "PHILADELPHIA",
            None,
        ),
        # the parser makes "York" the subject, the agency and the speaker its appositions
        (
            "New York (AFP) – Vice President Tom Wicks on Monday hit the campaign trail, "
            "accusing his rival of endangering the lives of troops.",
            "York",
            "Tom Wicks",
        ),
    ],
)
def test_a_dateline_made_subject_is_no_speaker_but_its_apposed_name_is(
    text: str, subject: str, speaker: str | None, context_for: ContextFor
) -> None:
    ctx, _quoted = context_for(text)
    (place,) = [t for t in ctx.doc if t.text == subject]
    found = make_speaker(text, place, ctx.actors)
    assert (found.name if found else None) == speaker


def test_a_name_beats_its_apposition_parsed_as_a_second_subject(context_for: ContextFor) -> None:
    # the parser makes "general" a second subject of "said" rather than Ban's apposition
    text = (
        "Ban Ki-moon, the secretary general of the United Nations, said that the policy would "
        "change."
    )
    speaker = speaker_of_say(text, context_for)
    assert speaker.span.of(text) == "Ban Ki-moon"


def test_which_after_a_name_is_that_name_whatever_the_parse() -> None:
    """The parser sometimes hangs "which reported ..." on the main verb as an adverbial
    clause; the relative pronoun still stands for the name just before it."""
    doc = hand_parse(
        """
        They 1 nsubj PRON
        turned 1 ROOT VERB
        to 1 prep ADP
        the 4 det DET
        Department 2 pobj PROPN
        which 6 nsubj PRON
        reported 1 advcl VERB
        thefts 6 dobj NOUN
        . 1 punct PUNCT
        """
    )
    subject = subject_of(doc[6])
    assert subject is not None and subject.text == "Department"


def test_a_name_ending_the_quotation_is_not_its_speaker(context_for: ContextFor) -> None:
    # the parser gives "said" two subjects: McCain, inside the quotation, and Trump
    text = (
        "“And while I’m here, I hold in the highest regard Sen. John McCain,” Trump said, "
        "“and I back his campaign.”"
    )
    speaker = speaker_of_say(text, context_for)
    assert speaker.name == "Trump"


def test_a_misparsed_clause_before_the_speaker_is_no_part_of_its_phrase(prepared) -> None:
    from presslens.stages.quotes import find_quotes

    article, doc, actors = prepared(
        "On Wednesday, Trump dismissed critics who called the election-night remarks sexist. "
        "The Trump-backed candidate said the plan was good."
    )
    quotes = find_quotes(article, doc, actors).quotes
    assert [q.speaker for q in quotes] == ["critics", "The Trump-backed candidate"]


def test_a_source_credit_in_brackets_speaks_without_its_marks() -> None:
    from presslens import analyse
    from presslens.settings import Settings

    text = (
        "Morning email\n\nSTOCKS FALL AGAIN “Markets across Asia slid for a third day as traders "
        "weighed the risk of a long slump in factory output and trade.” [WaPo.]\n\nRAIN DUE "
        "“Forecasters expect two inches of rain over the weekend, with floods likely in the low "
        "valleys near the coast.” [NYT.]\n"
    )
    dossier = analyse(text, settings=Settings(models="fast"))
    assert [q.speaker for q in dossier.quotes] == ["WaPo", "NYT"]


def test_words_are_not_given_to_the_one_they_are_aimed_at() -> None:
    from presslens import analyse
    from presslens.settings import Settings

    text = (
        "Rally\n\nIt was not just the cries of “Traitor!” (for Ann Bell) or “The whole council "
        "had it coming to them” (for the council members) that rattled the writer Tom Roe, who "
        "teaches at a college nearby.\n"
    )
    (quote,) = analyse(text, settings=Settings(models="fast")).quotes
    assert quote.speaker != "Ann Bell"


def test_a_rank_the_parse_ends_a_sentence_at_names_the_person_after_it() -> None:
    from presslens import analyse
    from presslens.settings import Settings

    text = (
        'Pentagon view\n\n"I do not see how this would change our plans. We are already at war '
        'with the group," said Navy Capt. Jeff Ortiz, a Pentagon spokesman. The plans went '
        "ahead as they had been drawn up, and the first ships left the port on Friday.\n"
    )
    dossier = analyse(text, settings=Settings(models="fast"))
    (quote,) = dossier.quotes
    names = {a.id: a.name for a in dossier.actors}
    assert names[quote.speaker_actor_id or ""] == "Jeff Ortiz"
    assert not [name for name in names.values() if "Capt" in name]


def test_one_of_a_group_set_off_by_a_name_is_that_name() -> None:
    from presslens import analyse

    text = (
        "Paul Brenner ran the academy for six years. The academy promised teachers picked by "
        "the founder himself. One of the academy's top managers, Nora Quist, later testified "
        "that none of the teachers at the seminars were picked by him. The case is still open."
    )
    quotes = [q for q in analyse(text).quotes if q.cue == "testified"]
    assert [q.speaker for q in quotes] == ["Nora Quist"]


def test_as_someone_puts_it_gives_the_words_to_them(heard: Hear) -> None:
    text = (
        "Governor Paul Brenner met the city council on Monday. The council wants more money "
        "for its schools. As the Herald's Nora Quist puts it, Brenner is trying to hand the "
        "council “a deal it cannot turn down.” The council meets again next week."
    )
    (quote,) = [q for q in heard(text) if "deal" in q.text]
    assert quote.actors == ["Nora Quist"]
    assert quote.text.startswith("Brenner is trying")


def test_a_speaker_after_the_quotation_parsed_as_its_object_still_speaks(heard: Hear) -> None:
    text = (
        "Governor Paul Brenner spoke in Dayton last week. He promised better roads. Then came "
        "the boldest promise of all: “It is time we had a teacher running this state,” "
        "exhorted Brenner's introducer, actress Nora Quist. The crowd cheered."
    )
    (quote,) = [q for q in heard(text) if "teacher" in q.text]
    assert quote.actors == ["Nora Quist"]
    assert quote.text.startswith("“It is time")  # not the writer's words before the colon


def test_as_someone_put_it_inside_a_relative_clause_is_theirs_not_the_names() -> None:
    from presslens import analyse

    text = (
        "Governor Paul Brenner left office in March. Brenner, who owed his election to, as a "
        "rival senator put it, a ''total makeover'' that his aides ran, left the state. He now "
        "lives abroad."
    )
    (quote,) = [q for q in analyse(text).quotes if "makeover" in q.text]
    assert quote.speaker == "a rival senator"
    assert quote.speaker_actor_ids == ()


def test_a_surname_the_parse_read_as_a_modal_verb_speaks(heard: Hear) -> None:
    text = (
        "Columnist Harold Will renewed his feud with the mayor this week. Citing the flood, "
        "Will urged voters to abandon the mayor. “The storm is a reminder that leadership "
        "matters,” Will wrote."
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers.get("wrote") == ["Harold Will"]
    assert speakers.get("urged") == ["Harold Will"]


def test_a_name_the_parse_joined_to_the_noun_before_and_is_the_next_verbs_subject(
    heard: Hear,
) -> None:
    text = (
        "Mayor Tom Reyes faced protests for weeks. Over the past two weeks, prosecutors "
        "charged the officer with murder and Reyes fired his police chief, Garry Hall, "
        "acknowledging that much of the city has lost trust in the force. The protests continue."
    )
    (quote,) = [q for q in heard(text) if q.cue == "acknowledging"]
    assert quote.actors == ["Tom Reyes"]


def test_a_relative_who_the_parse_hung_on_an_auxiliary_is_the_name_before_it() -> None:
    """ "the editor, who is now saying he will go": the parse hangs "who" on "is", not on
    "saying"; the speaker is still the editor."""
    doc = hand_parse(
        """
        They 1 nsubj PRON
        asked 1 ROOT VERB
        the 3 det DET
        editor 1 dobj NOUN
        , 3 punct PUNCT
        who 6 nsubj PRON
        is 8 aux AUX
        now 8 advmod ADV
        saying 3 relcl VERB
        he 11 nsubj PRON
        will 11 aux AUX
        go 8 ccomp VERB
        . 1 punct PUNCT
        """
    )
    subject = subject_of(doc[8])
    assert subject is not None and subject.text == "editor"


def test_words_given_are_the_givers(heard: Callable) -> None:
    text = (
        "Crime bill row\n\nJane Roe made a comment on Friday that described the bill as a "
        "disaster. The crime bill prompted Tom Poe to make a controversial comment that "
        "described young men as a threat. Mr. Poe gave a speech that blamed the governor for "
        "the deficit."
    )
    found = [(q.cue, q.actors) for q in heard(text)]
    assert found == [
        ("described", ["Jane Roe"]),
        ("described", ["Tom Poe"]),
        ("blamed", ["Tom Poe"]),
    ]


def test_a_whose_clause_after_the_name_describes_the_speaker() -> None:
    """ "Ann Roe, the director and whose also featured in the film, told ...": a "whose" the
    parse hangs after the name (a slip for "who's") describes the speaker; it does not make
    the phrase a relative clause."""
    doc = hand_parse(
        """
        Ann 1 compound PROPN
        Roe 9 nsubj PROPN
        , 1 punct PUNCT
        the 4 det DET
        director 1 appos NOUN
        and 1 cc CCONJ
        whose 7 nsubj DET
        featured 1 conj VERB
        , 1 punct PUNCT
        told 9 ROOT VERB
        reporters 9 dobj NOUN
        . 9 punct PUNCT
        """
    )
    speaker = make_speaker(doc.text, doc[1], ())
    assert speaker is not None and speaker.name.startswith("Ann Roe , the director")


def test_a_places_police_speak_for_the_place(heard: Callable) -> None:
    text = (
        "Shooting in Tulsa\n\nTulsa police released a video of the shooting on Monday. Tulsa "
        "police said the officer had been placed on leave. The mayor of Tulsa asked for calm.\n"
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["said"] == ["Tulsa"]


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "Memo Shows Plan\n\nThe Acme Corporation is in trouble. A memo that Acme sent to its "
            "investors in May says the company lost money for a year. The company did not "
            "comment.\n",
            ["Acme Corporation"],
        ),
        (
            "Mexico Makes Its Case\n\nMexico has a plan for the talks. A slide from a "
            "presentation that Mr. Ildefonso Guajardo and his aides carry with them shows what a "
            "car made in Mexico would cost under a tariff. The minister spoke on Monday.\n",
            ["Ildefonso Guajardo"],
        ),
        (
            "Poll Shows Race Tight\n\nThe race is close in Ohio. A poll that shows the race tied "
            "was published on Monday. The poll says voters are split.\n",
            [],
        ),
        (
            "Roe Wins Big\n\nJane Roe toured the state on Monday. Exit polls from the Ohio "
            "primary, which Roe won easily, showed that most voters backed a ban. Her rivals "
            "conceded.\n",
            [],
        ),
    ],
)
def test_a_document_is_by_the_subject_of_its_relative_clause(
    text: str, author: list[str], heard: Hear
) -> None:
    speakers = [q.actors for q in heard(text) if q.cue in ("says", "shows", "showed")]
    assert speakers[0] == author


def test_a_statement_saying_is_its_issuers() -> None:
    from presslens import analyse

    text = (
        "Group Quits Parade\n\nThe added security brought controversy, prompting the Acme "
        "Coalition to withdraw from the event. The Acme Coalition issued a statement saying it "
        "took the action because of the police.\n"
    )
    quotes = analyse(text).quotes
    assert [(q.cue, q.speaker) for q in quotes] == [("saying", "The Acme Coalition")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tax Havens\n\nA study by the Acme Institute found that most large companies keep "
            "profits offshore. Lawmakers were surprised. The researchers reported that one "
            "company holds $20 billion abroad.\n",
            ["Acme Institute"],
        ),
        (
            "Tax Havens\n\nSenator Jane Roe spoke in Dayton on Monday. The researchers reported "
            "that one company holds $20 billion abroad.\n",
            [],
        ),
    ],
)
def test_the_researchers_are_the_studys_authors(
    text: str, expected: list[str], heard: Hear
) -> None:
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["reported"] == expected


def test_a_name_hung_on_the_next_as_a_modifier_speaks_too() -> None:
    """'including Donald J. Trump and Senators Ted Cruz and Marco Rubio': the parse hangs
    "Trump", with its "and", on "Cruz" as a modifier (as spaCy's small model parses it)."""
    from spacy.tokens import Span as DocSpan

    from presslens.model import Actor
    from presslens.model import Span as TextSpan
    from presslens.stages.quotes.speakers import joint_actors

    doc = hand_parse(
        """
        Ann 1 compound PROPN
        Bell 5 nmod PROPN
        and 1 cc CCONJ
        Senators 1 conj PROPN
        Tom 5 compound PROPN
        Ray 5 ROOT PROPN
        and 5 cc CCONJ
        Eve 8 compound PROPN
        Cole 5 conj PROPN
        """
    )
    doc.ents = [
        DocSpan(doc, 0, 2, "PERSON"),
        DocSpan(doc, 4, 6, "PERSON"),
        DocSpan(doc, 7, 9, "PERSON"),
    ]
    actors = tuple(
        Actor(f"a{n}", ent.text, "PERSON", (), (TextSpan(ent.start_char, ent.end_char),))
        for n, ent in enumerate(doc.ents, start=1)
    )
    assert [a.name for a in joint_actors(actors, doc[5])] == ["Ann Bell", "Tom Ray", "Eve Cole"]


def test_a_verb_the_parse_apposed_to_the_speaker_is_not_the_phrase() -> None:
    """'Ann Roe, the activist, endorsed Hale's approach Saturday, saying ...': the parse reads
    the sentence as a noun phrase, the verb's object apposed to the name (as spaCy's small
    model parses one such sentence)."""
    doc = hand_parse(
        """
        Ann 1 compound PROPN
        Roe 1 ROOT PROPN
        , 1 punct PUNCT
        the 4 det DET
        activist 1 appos NOUN
        , 1 punct PUNCT
        endorsed 9 amod VERB
        Hale 9 poss PROPN
        's 7 case PART
        approach 1 appos NOUN
        Saturday 1 appos PROPN
        , 1 punct PUNCT
        saying 1 acl VERB
        she 14 nsubj PRON
        won 12 ccomp VERB
        . 1 punct PUNCT
        """
    )
    doc[6].tag_ = "VBD"
    speaker = make_speaker(doc.text, doc[1], ())
    assert speaker is not None and speaker.span.of(doc.text) == "Ann Roe , the activist"


def test_a_name_hung_across_the_verb_is_not_the_subjects_apposition() -> None:
    """'The lawyers pointed to two hopefuls, Sen. Ann Bell ...': the parse hangs the name on
    "lawyers" as an apposition across the verb (as spaCy's small model parses one such
    sentence); the lawyers are not Bell."""
    from presslens.stages.quotes.speakers import name_head

    doc = hand_parse(
        """
        The 1 det DET
        lawyers 2 nsubj NOUN
        pointed 2 ROOT VERB
        to 2 prep ADP
        two 5 nummod NUM
        hopefuls 3 pobj NOUN
        , 2 punct PUNCT
        Sen. 9 compound PROPN
        Ann 9 compound PROPN
        Bell 1 appos PROPN
        . 2 punct PUNCT
        """
    )
    assert name_head(doc[1]).text == "lawyers"


def test_a_participle_after_there_is_talk_about_someone_is_theirs(heard: Hear) -> None:
    """'There is a lot of chatter about Ortiz, who is ..., saying "A" and "B."': the clause's
    subject is an empty "there"; the person whose phrase ends at the comma speaks."""
    text = (
        "Labor Chief Draws a Crowd\n\nThe union met in a hotel ballroom on Friday.\n\nThere is "
        "a lot of chatter about Ortiz, who is the most animated on stage this morning, saying "
        '"Zip codes should not decide your future" and "Hard work deserves respect." The crowd '
        "cheered.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [("saying", ["Ortiz"])]


def test_a_thing_a_predicate_names_is_not_who_the_relative_clause_is_about() -> None:
    """'The main barrier has been older voters, who overwhelmingly rejected ...': the voters
    rejected him, not the barrier."""
    from presslens import analyse

    text = (
        "Senator Courts Young Voters\n\nThe senator was on the airwaves before his rival was."
        "\n\nThe main barrier has been older voters, who overwhelmingly rejected the senator "
        "and handed his rival a lead.\n"
    )
    speakers = [q.speaker for q in analyse(text).quotes] + [
        s.speaker for s in analyse(text).stances
    ]
    assert "The main barrier" not in speakers and "older voters" in speakers


def test_the_person_before_the_comma_is_the_phrases_head_not_a_name_in_it() -> None:
    """'It was no accident — Ann Bell, a spokeswoman for Tom Ray, told ...': the parse leaves
    "told" no subject; the person whose phrase ends at the comma is Bell, not Ray (as spaCy's
    small model parses one such sentence)."""
    from spacy.tokens import Span as DocSpan

    from presslens.stages.quotes.subjects import person_before_comma

    doc = hand_parse(
        """
        It 1 nsubj PRON
        was 1 ROOT AUX
        no 3 det DET
        accident 1 attr NOUN
        - 3 punct PUNCT
        Ann 6 compound PROPN
        Bell 3 appos PROPN
        , 6 punct PUNCT
        a 9 det DET
        spokeswoman 6 appos NOUN
        for 9 prep ADP
        Tom 12 compound PROPN
        Ray 10 pobj PROPN
        , 6 punct PUNCT
        told 1 conj VERB
        reporters 14 dobj NOUN
        . 1 punct PUNCT
        """
    )
    doc.ents = [DocSpan(doc, 5, 7, "PERSON"), DocSpan(doc, 11, 13, "PERSON")]
    found = person_before_comma(doc[14])
    assert found is not None and found.text == "Bell"
