"""Speakers resolved to actors: pronouns by gender, number and salience, role nouns, joint
speakers; a speaker nothing agrees with keeps its words and gets no actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

from presslens.model import Actor, Article
from presslens.stages.quotes import find_quotes
from presslens.stages.quotes.parties import actor_parties
from presslens.stages.quotes.resolve import PERSON, THING_TYPES, Need, fits
from tests.stages.quotes.conftest import actor_speaking

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]
Hear = Callable[[str], list[Any]]  # conftest.hear: quotes with their speakers' actor names


def speaker_of(prepare: Prepare, text: str, cue: str) -> tuple[str | None, list[str]]:
    """Surface and actor names of the speaker of the last quote or stance whose cue is `cue`."""
    article, doc, actors = prepare(text)
    found = find_quotes(article, doc, actors)
    names = {a.id: a.name for a in actors}
    quote = [q for q in found.quotes + found.stances if q.cue == cue][-1]
    ids = quote.speaker_actor_ids or ((quote.speaker_actor_id,) if quote.speaker_actor_id else ())
    return quote.speaker, [names[i] for i in ids]


@pytest.mark.parametrize(
    ("need", "kind", "gender", "plural", "expected"),
    [
        (Need(PERSON, "f"), "PERSON", "f", False, True),
        (Need(PERSON, "f"), "PERSON", "m", False, False),  # a "she" never goes to a man
        (Need(PERSON, "f"), "PERSON", None, False, True),  # no gender known: no test
        (Need(PERSON, "m"), "ORG", None, False, False),
        (Need(PERSON, "m"), "PERSON", None, True, False),  # "he" is not "Smith and Jones"
        (Need(THING_TYPES), "ORG", None, False, True),
        (Need(THING_TYPES), "PERSON", None, False, False),
        (Need(frozenset({"ORG", "GPE", "NORP"}), plural=True), "PERSON", None, True, True),
        (Need(frozenset({"ORG", "GPE", "NORP"}), plural=True), "PERSON", "m", False, False),
        (Need(frozenset({"ORG", "GPE", "NORP"}), plural=True), "ORG", None, False, True),
    ],
)
def test_fits(need: Need, kind: str, gender: str | None, plural: bool, expected: bool) -> None:
    assert fits(need, kind, gender, plural) is expected


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # gender from an honorific: "she" skips the nearer man
        (
            "Mrs. Anna Berg met Tom Ray in Oslo. Mr. Ray spoke first.\n\n"
            "She said that the talks went well.",
            "said",
            ("She", ["Anna Berg"]),
        ),
        # gender from "he" bound to the name elsewhere in the article
        (
            "Anna Berg said she was tired. Later Anna Berg said she would rest. Tom Ray said "
            "he was ready. Anna Berg thanked Tom Ray.\n\nHe said that the talks went well.",
            "said",
            ("He", ["Tom Ray"]),
        ),
        # the subject of the sentence before is more salient than a name in a phrase
        (
            "Tom Ray spoke with reporters about Sam Hill on Monday.\n\n"
            "He said that the talks went well.",
            "said",
            ("He", ["Tom Ray"]),
        ),
        # the one asked answers, not the one who asked
        (
            "Mr. Tom Ray asked Mr. Sam Hill whether the plant would close.\n\n"
            "He said that it would stay open.",
            "said",
            ("He", ["Sam Hill"]),
        ),
        # the possessor of the main subject before an object
        (
            "Tom Ray's campaign attacked Sam Hill on Monday.\n\nHe said that the talks went well.",
            "said",
            ("He", ["Tom Ray"]),
        ),
        # "it" and "they" go to an organisation, not to a person
        (
            "Tom Ray criticised the Rail Union on Monday.\n\nIt said that wages must rise.",
            "said",
            ("It", ["Rail Union"]),
        ),
        (
            "Tom Ray criticised the Rail Union on Monday.\n\nThey said that wages must rise.",
            "said",
            ("They", ["Rail Union"]),
        ),
        # joint speakers: both actors
        (
            "Anna Berg and Tom Ray said that the talks went well.",
            "said",
            ("Anna Berg and Tom Ray", ["Anna Berg", "Tom Ray"]),
        ),
        # a role noun goes to the actor the article gives that role
        (
            "Sen. Anna Berg met Tom Ray in Oslo.\n\nThe senator said that the talks went well.",
            "said",
            ("The senator", ["Anna Berg"]),
        ),
        # a noun of a person's make is a person's role ("scientist", "historian"), and so are
        # "the man" and "the woman"
        (
            "Anna Berg held up a sign in Oslo.\n\nThe 57-year-old scientist says that the talks "
            "went well.",
            "says",
            ("The 57-year-old scientist", ["Anna Berg"]),
        ),
        (
            "Anna Berg held up a sign in Oslo.\n\nThe woman says that the talks went well.",
            "says",
            ("The woman", ["Anna Berg"]),
        ),
        # a sentence whose subject is the same pronoun keeps the referent near: Ray is two
        # sentences back, behind a possessive, but "He has ..." carries him on
        (
            "It was under Mr. Tom Ray's watch that the Rail Union grew. He has championed "
            "higher wages. Last week he said that the talks went well.",
            "said",
            ("he", ["Tom Ray"]),
        ),
        # a document goes to the author named with it later, and a report is the study
        (
            "A new study shows that wages fell last year. The authors of the report, which "
            "include the Rail Union, counted every job.",
            "shows",
            ("A new study", ["Rail Union"]),
        ),
        # a role no actor holds goes to a near actor that clearly leads the others: an earlier
        # speaker before a name met in passing
        (
            "Anna Berg said that she mourned the death of Tom Ray.\n\nThe former senator said "
            "that the talks went well.",
            "said",
            ("The former senator", ["Anna Berg"]),
        ),
        # a word before another name is not that name's role: "lady" is not held by the U.S.
        (
            "Anna Berg said that she mourned the death of Tom Ray.\n\nThe former first lady "
            "and U.S. senator said that the talks went well.",
            "said",
            ("The former first lady and U.S. senator", ["Anna Berg"]),
        ),
        # a relational role goes to the one the article names as such, not to its owner
        (
            "Tom Ray arrived in Oslo, and Ray met reporters. His lawyer, Sam Hill, was with "
            "him.\n\nRay's lawyer said that the talks went well.",
            "said",
            ("Ray's lawyer", ["Sam Hill"]),
        ),
        # the owner of a speech noun speaks, and a chain of "his" and "he" keeps him near
        (
            "Tom Ray met the press in Oslo on Monday.\n\nHis views on the plant have been "
            "firm for years. Those views are well known. He spoke for an hour.\n\nWhen asked "
            "about jobs, his answer was to say that the plant would stay open.",
            "say",
            ("his", ["Tom Ray"]),
        ),
        # an earlier speaker that is only a quantifier ("several") is no one to refer to
        (
            "Mr. Tom Ray met the workers at the gate. Several said that the plant would "
            "close.\n\nHe said that the talks went well.",
            "said",
            ("He", ["Tom Ray"]),
        ),
        # a party before the role does not name someone else: the candidate is still a role
        (
            "Candidate Tom Ray met Anna Berg in Oslo.\n\nThe GOP candidate said that the talks "
            "went well.",
            "said",
            ("The GOP candidate", ["Tom Ray"]),
        ),
        # a role of the same sense ("attorney", "lawyer") held by one actor alone, however far
        (
            "Tom Ray hired Ms. Ann Bell, his attorney, in May. The plant closed in June. The "
            "town was quiet all summer. Workers left for the coast. The mayor spoke twice.\n\n"
            "Ray's lawyer said that the talks went well.",
            "said",
            ("Ray's lawyer", ["Ann Bell"]),
        ),
        # a role from the WordNet catalogue resolves like one kept by hand
        (
            "Anna Berg arrived in Oslo, and Berg met reporters.\n\nThe economist said that "
            "the talks went well.",
            "said",
            ("The economist", ["Anna Berg"]),
        ),
        # "each" after a joint subject is both of them
        (
            "Tom Ray and Ann Bell met voters on Monday, each saying that the plant must stay.",
            "saying",
            ("Tom Ray and Ann Bell", ["Tom Ray", "Ann Bell"]),
        ),
        # an infinitive's doer is the object of the verb it complements
        (
            "The leak prompted Ann Bell to announce her resignation on Sunday.",
            "announce",
            ("Ann Bell", ["Ann Bell"]),
        ),
        # an organisation noun goes to the organisation
        (
            "The Rail Union met Tom Ray in Oslo.\n\nThe union said that wages must rise.",
            "said",
            ("The union", ["Rail Union"]),
        ),
        # a role the speaker's own words give someone else is not theirs
        (
            "Voters\n\nIt was Tom Ray who drew the crowds. On a Sunday show, the Labour "
            "front-runner said Green front-runner Anna Berg had misled voters.",
            "said",
            ("the Labour front-runner", ["Tom Ray"]),
        ),
        # a list's names share the role set before its first
        (
            "Debate\n\nReporters followed the candidates Ann Berg and Tom Ray all week. When "
            "the moderator pointed out that Ray had not answered, the candidate said the rules "
            "were unfair.",
            "said",
            ("the candidate", ["Tom Ray"]),
        ),
        # a role brought in as a newcomer ("A lawmaker ...") is the one named after it
        (
            'A lawmaker in Lisbon wants Tom Ray banned from the country.\n\n"Nothing '
            'justifies his words," Rui Mota said on Monday.\n\nThe lawmaker, who represents '
            "a port town, said the remarks had hurt many families.",
            "said",
            ("The lawmaker", ["Rui Mota"]),
        ),
    ],
)
def test_speaker_resolved(
    text: str, cue: str, speaker: tuple[str, list[str]], prepared_named: Prepare
) -> None:
    assert speaker_of(prepared_named, text, cue) == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # only men named, and they are known to be men: "she" stays unresolved
        (
            "Mr. Tom Ray met Mr. Sam Hill in Oslo.\n\nShe said that the talks went well.",
            "said",
            "She",
        ),
        # a party word describing a person is not the party, and no role to resolve
        (
            "Tom Ray met Sam Hill.\n\nThe Kentucky Republican said that the talks went well.",
            "said",
            "The Kentucky Republican",
        ),
        # a role whose own clause names its holder is someone else ("who once backed Cruz")
        (
            "Sen. Tom Ray won the vote in Oslo on Tuesday.\n\nThe senator, who once backed "
            "Ray, said that the rules were unfair.",
            "said",
            "The senator",
        ),
        # one who speaks for another is not the one spoken for, unless named as such
        (
            "Tom Ray arrived in Oslo, and Ray met reporters.\n\nThe spokesman said that the "
            "talks went well.",
            "said",
            "The spokesman",
        ),
        (
            "Tom Ray arrived in Oslo, and Ray met reporters.\n\nRay's lawyer said that the "
            "talks went well.",
            "said",
            "Ray's lawyer",
        ),
        # a poll named by a name that is no actor has its own maker: no other poll's
        (
            "A Fox News poll found that Tom Ray led by four points.\n\nThe Monmouth poll "
            "suggests that Anna Berg leads.",
            "suggests",
            "The Monmouth poll",
        ),
        # a role brought in unnamed ("a local witness") is not anyone named before it
        (
            "Barack Obama condemned the attack in a statement on Friday. A radio station "
            "quoted a local witness as saying he saw one man in the truck.\n\nThe witness "
            "said the driver accelerated as he drove.",
            "said",
            "The witness",
        ),
        # two people could hold the role: no guess
        (
            "Tom Ray met Sam Hill in Oslo.\n\nThe candidate said that the talks went well.",
            "said",
            "The candidate",
        ),
        # a body named by its noun is only one named so, never the last body named
        (
            "Congress passed the spending bill on Friday after a long night.\n\nThe "
            "administration said that the president would veto it.",
            "said",
            "The administration",
        ),
    ],
)
def test_unresolvable_speaker_gets_no_actor(
    text: str, cue: str, speaker: str, prepared_named: Prepare
) -> None:
    assert speaker_of(prepared_named, text, cue) == (speaker, [])


def test_a_role_set_relative_to_a_person_is_not_the_last_one_named(prepared: Prepare) -> None:
    # "the Bellamy supporter" is someone of Bellamy's, not the woman quoted just before; with
    # the entities stage's own actors, Bellamy is a person (Gov. Chris Bellamy)
    text = (
        "A woman at a rally for Gov. Chris Bellamy gave a sharp answer to the debate over how "
        "women vote.\n\nFormer Secretary of State Anna Berg urged women to back Sue Lee, "
        "saying, “Women must help each other in every race.”\n\nAt the rally in Hudson on "
        "Monday, the Bellamy supporter retorted: “Women should not vote for women just because "
        "they are women.”"
    )
    assert speaker_of(prepared, text, "retorted") == ("the Bellamy supporter", [])


def test_a_role_held_for_someone_goes_to_the_name_apposed_across_it(prepared: Prepare) -> None:
    # the parse hangs "Mark Bellamy" on "Tom Ray", not on "attorney"
    text = (
        "The panel voted on Monday.\n\nAn attorney for Tom Ray, Mark Bellamy, stressed that "
        "his client was ready to appear behind closed doors.\n\nThe chairman insisted he has "
        "other questions for Ray. However, Ray's lawyer has said he will refuse to answer any "
        "questions from the panel."
    )
    assert speaker_of(prepared, text, "said") == ("Ray's lawyer", ["Mark Bellamy"])


def test_a_body_named_by_its_noun_is_the_one_named_so(prepared: Prepare) -> None:
    text = (
        "The Obama administration sent its plan to Congress on Tuesday, a month late. The "
        "administration said it would close the prison by the end of the year."
    )
    assert speaker_of(prepared, text, "said") == ("The administration", ["Obama administration"])


def test_his_campaign_is_the_one_named_for_him_not_the_last_one_named(prepared: Prepare) -> None:
    text = (
        "Tom Rowley admitted that it would be hard to win. The Bell campaign said he should "
        "quit, and the Rowley campaign disagreed. His campaign argued that it could still win."
    )
    assert speaker_of(prepared, text, "argued") == ("His campaign", ["Rowley campaign"])


def test_the_agency_whose_officials_spoke_is_the_agency_even_if_another_is_so_called_later(
    prepared: Prepare,
) -> None:
    text = (
        "Officials at the Border Fraud Unit, a division of the Port Authority, said they were "
        "worried about forged papers. In a 2013 memo, the agency suggested that the scheme end "
        'because "nothing can be done."\n'
        "The Visa Review Board, the agency that runs the scheme, did not reply."
    )
    assert speaker_of(prepared, text, "suggested") == ("the agency", ["Border Fraud Unit"])


def test_two_role_nouns_in_one_sentence_are_two_people(prepared: Prepare) -> None:
    text = (
        "Sen. Tom Rowley has been critical of Dan Mercer since the primary. Rowley said the race "
        "was unfair. In June, the senator urged voters to drop Mercer after the billionaire "
        "mogul claimed that a judge in his case was unfit to serve."
    )
    assert speaker_of(prepared, text, "claimed") == ("the billionaire mogul", ["Dan Mercer"])


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "A woman who has accused the mayor of fraud says she was threatened.\nAnn Rowe, 63, "
            "said she had kept the letters for years.",
            ["Ann Rowe"],
        ),
        (
            "The lifelong Republican says he will not vote for the nominee.\nTom Rowley, a "
            "former staffer, wrote that he penned the speech.",
            ["Tom Rowley"],
        ),
        # the sex does not agree
        (
            "A woman who has accused the mayor of fraud says she was threatened.\nTom Rowley, "
            "a former staffer, wrote that he saw the letters.",
            [],
        ),
        # the one named next holds another role: someone else
        (
            "In a video found by reporters, a veteran diplomat says the minister put speed over "
            "security.\nJeff Mercer, communications director for a pressure group, said the "
            "video showed what voters feared.",
            [],
        ),
    ],
)
def test_a_lede_describes_the_person_the_next_paragraph_names(
    text: str, actors: list[str], prepared: Prepare
) -> None:
    assert speaker_of(prepared, text, "says")[1] == actors


def test_a_document_on_someones_website_is_theirs(prepared: Prepare) -> None:
    text = (
        "Tom Rowley spoke in Ohio on Monday. A statement on Rowley's Facebook page said the "
        "plan was weak."
    )
    assert speaker_of(prepared, text, "said") == (
        "A statement on Rowley's Facebook page",
        ["Tom Rowley"],
    )


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the senator met in passing is tied to another state: not the Ohio senator
        (
            "Ada Quill, who leads in some polls, spoke about taxes during a visit with Sen. Jo "
            "Pike, R-Iowa. The Ohio senator told reporters she feels good about her chances. "
            "The visit ended early.",
            ["Ada Quill"],
        ),
        # the state written short is still the same state
        (
            "Ada Quill met Sen. Jo Pike, R-Fla., on Monday in a crowded hall. The Florida "
            "senator told reporters she feels good about the bill. The meeting ended early.",
            ["Jo Pike"],
        ),
        # a role set beside the name gives the place too
        (
            "Ada Quill, who leads in some polls, spoke about schools with Tom Pike, the senator "
            "from Vermont. The Ohio senator told reporters she feels good about her chances. "
            "The visit ended early.",
            ["Ada Quill"],
        ),
        # nor one given the role far back
        (
            "Tom Pike, the senator from Vermont, said taxes were too high. He spoke for an hour. "
            "The crowd was large. Voters cheered him. Ada Quill, who leads in some polls, spoke "
            "about schools. The Ohio senator told reporters she feels good about her chances.",
            ["Ada Quill"],
        ),
    ],
)
def test_a_role_tied_to_a_place_is_no_one_the_article_ties_to_another(
    text: str, actors: list[str], prepared: Prepare
) -> None:
    assert speaker_of(prepared, text, "told")[1] == actors


def test_a_name_opening_the_sentence_before_a_role_is_the_speaker(prepared: Prepare) -> None:
    text = (
        "Voters met Ada Quill and Tom Pike at the fair. Pike, the senator from Vermont, said "
        "taxes were too high. Quill spoke about schools."
    )
    assert speaker_of(prepared, text, "said")[1] == ["Tom Pike"]


def test_they_after_people_named_by_no_actor_in_its_sentence_is_none_of_the_actors(
    prepared: Prepare,
) -> None:
    # "they" are his fellow Republicans (a group, no actor), not the Iron Guild a sentence back
    text = (
        "The Iron Guild endorsed Governor Paul Brenner last week. Brenner refused to condemn "
        "the Iron Guild on Monday. At the debate, Brenner was unhappy with how he was treated "
        "by his fellow Republicans, though at the end they swore that they would back him."
    )
    assert speaker_of(prepared, text, "swore") == ("they", [])


@pytest.mark.parametrize(
    ("text", "cue", "actors"),
    [
        # the only candidate the article names is a Libertarian: "the GOP nominee" is not him
        (
            "Libertarian presidential candidate Gary Roe said his doctor found him fit. The "
            "debate commission says there was a problem with the sound. The GOP nominee "
            "complained that his microphone had been sabotaged.",
            "complained",
            [],
        ),
        # the Republican nominee named first is not "the Democratic presidential nominee"
        (
            "GOP presidential nominee Donald Tramp held a rally in Ohio on Friday. Hillary Kline "
            "spoke in Toledo later. Kline says the singer is a dedicated advocate for children. "
            "The Democratic presidential nominee says they both share the belief that every "
            "child matters.",
            "says",
            ["Hillary Kline"],
        ),
        # a party in a congressional tag counts too
        (
            "Sen. Tom Pike (R-Ohio) spoke first about the budget. The hearing ran late. The "
            "Democratic senator said the budget was too small.",
            "said",
            [],
        ),
    ],
)
def test_a_role_bearing_a_party_is_no_one_the_article_ties_to_another(
    text: str, cue: str, actors: list[str], prepared: Prepare
) -> None:
    assert speaker_of(prepared, text, cue)[1] == actors


@pytest.mark.parametrize(
    ("text", "name", "parties"),
    [
        (
            "Republican Tom Pike said taxes were too high. Pike spoke for an hour.",
            "Tom Pike",
            {"republican"},
        ),
        (
            "Ada Quill, a California Democrat, spoke first. Quill was brief.",
            "Ada Quill",
            {"democratic"},
        ),
        ("Sen. Tom Pike (R-Ohio) spoke first. Pike was brief.", "Tom Pike", {"republican"}),
        # the party of "GOP nominee Roe" is Roe's, not his rival's
        ("GOP nominee Ned Roe's rival Ada Quill spoke first. Quill was brief.", "Ada Quill", set()),
    ],
)
def test_the_parties_an_article_sets_beside_a_name(
    text: str, name: str, parties: set[str], context_for: Callable
) -> None:
    ctx, _quoted = context_for(text)
    actor = next(a for a in ctx.actors if a.name == name)
    assert actor_parties(ctx, actor) == parties


def test_a_role_is_never_the_one_its_own_verb_takes_as_object(prepared: Prepare) -> None:
    text = (
        "Senator Tom Pike spoke first at the hearing. The chairman attacked Pike repeatedly "
        "for his votes on the budget."
    )
    assert speaker_of(prepared, text, "attacked") == ("The chairman", [])


def test_a_thing_that_spoke_is_no_one_she_stands_for(prepared: Prepare) -> None:
    text = (
        "Ada Quill met the auditors on Monday. The state's recent email dump revealed that "
        "the budget was wrong. She replied that the dump was unfair."
    )
    assert speaker_of(prepared, text, "replied")[1] == ["Ada Quill"]


def test_they_after_a_body_and_then_unnamed_people_is_none_of_the_actors(
    prepared: Prepare,
) -> None:
    # "they" are the crew members the agency interviewed, not the agency
    text = (
        "The Harbour Press Agency interviewed more than 20 former crew members and editors. "
        "They described crass behavior by the captain behind the scenes of the show."
    )
    assert speaker_of(prepared, text, "described") == ("They", [])


def test_people_in_a_bodys_own_phrase_are_the_body(prepared: Prepare) -> None:
    text = (
        "The Iron Guild, a group of farmers, met in Dayton on Monday. They said the price of "
        "grain was too low."
    )
    assert speaker_of(prepared, text, "said")[1] == ["Iron Guild"]


def test_a_government_of_one_nation_is_never_another_nations_body() -> None:
    from presslens import analyse

    dossier = analyse(
        "The White House has said it believes the bill could lead to retaliation by other "
        'countries. "Our companies are at risk," White House Press Secretary Josh Earnest '
        "said. The effort to stop the bill has also included members of the Saudi government, "
        "which has strongly denied any role in the attacks. Families of the victims want "
        "their day in court."
    )
    denial = next(q for q in dossier.quotes if q.cue and "denied" in q.cue)
    assert denial.speaker == "the Saudi government"
    assert (
        denial.speaker_actor_id is None
    )  # the article names no Saudi actor: none, not a wrong one


def test_his_lawyer_is_not_the_lawyer_the_article_gave_a_woman() -> None:
    from presslens import analyse

    dossier = analyse(
        "Hillary Clinton's lawyer Cheryl Mills was granted immunity in the inquiry. Bryan "
        "Pagliano, who set up the server, was held in contempt on Thursday for refusing to "
        "appear. His lawyer said he would not answer questions. Mills said she had cooperated "
        "fully."
    )
    names = {actor.id: actor.name for actor in dossier.actors}
    said = {q.speaker: names.get(q.speaker_actor_id or "") for q in dossier.quotes}
    assert said == {"His lawyer": None, "Mills": "Cheryl Mills"}


def test_a_nations_government_is_its_country_when_the_article_names_it() -> None:
    text = (
        "Saudi Arabia has lobbied against the bill for months. The White House has said it "
        "believes the bill could lead to retaliation by other countries. The effort to stop "
        "the bill has also included members of the Saudi government, which has strongly "
        "denied any role in the attacks. Families of the victims want their day in court."
    )
    assert actor_speaking(text, "cue:denied") == "Saudi Arabia"


def test_the_study_is_the_survey_before_it_not_a_new_study_after_it() -> None:
    text = (
        "The policy appears to be helping Republicans in the state's largest cities, "
        "according to a recent Reuters survey of voter lists. The study found that voters "
        "have been taken off the rolls at twice the rate in Democratic areas. A 2014 study by "
        "law professor Justin Levitt found 31 incidents of voter impersonation."
    )
    assert actor_speaking(text, "The study") == "Reuters"


def test_the_ruling_speaks_for_the_court_that_ruled() -> None:
    text = (
        "The Board of Election Appeals ruled on Friday that the county's purge of voters was "
        'illegal. "A county cannot remove voters for failing to vote," the ruling said. The '
        "county clerk, Jon Husted, said he would appeal."
    )
    assert actor_speaking(text, "the ruling") == "Board of Election Appeals"


def test_they_after_two_names_joined_by_and_is_the_two(heard: Hear) -> None:
    text = (
        "The Harbor Party lost the city vote in May, and its leaders blamed the weather. "
        "Mara Quill and Tobias Fenn were never allies, but today they argue that the council "
        "failed the voters. Quill now teaches law in Dayton."
    )
    [quote] = [q for q in heard(text) if q.text.startswith("that the council")]
    assert quote.actors == ["Mara Quill", "Tobias Fenn"]


def test_a_pronoun_never_stands_for_the_person_its_quotation_names(heard: Hear) -> None:
    text = (
        "Marsh looks ahead\n\n"
        "His campaign manager, Jeff Lowe, said Marsh believes those efforts will pay off in "
        "coming weeks. He should also get a boost from the win Tuesday, Marsh said.\n\n"
        "\"For many voters, there was a question about whether Senator Marsh's message could "
        'go toe to toe with the Reed machine, and I think in Iowa he proved that we could," he '
        "said.\n"
    )
    [quote] = [q for q in heard(text) if "toe to toe" in q.text]
    assert quote.actors == ["Jeff Lowe"]


def test_a_role_far_back_goes_to_the_one_actor_that_spoke_last(heard: Hear) -> None:
    text = (
        "Cole on the floods\n\n"
        "The council met on Monday. Mayor Dana Cole, a Republican, has blamed the state for "
        'the floods. "We asked for help," Cole said. "Nobody came."\n\n'
        "The city has been hit three times this year. The Republican mayor appeared to defend "
        'her record by saying, "I am trying to save homes and prevent the next flood."\n'
    )
    [quote] = [q for q in heard(text) if "save homes" in q.text]
    assert (quote.cue, quote.actors) == ("saying", ["Dana Cole"])


def test_a_role_of_something_new_is_no_one_named_before(heard: Hear) -> None:
    text = (
        "Marches planned\n\n"
        "Tom Reyes, a leader of the Coalition to Stop Roe, said the city's plan was meant to "
        "frustrate people. Mr. Reyes said he would ignore the official route.\n\n"
        "Even the organizer of a pro-Roe rally said the city's rules increased the chance of "
        "violence.\n"
    )
    [quote] = [q for q in heard(text) if "increased the chance" in q.text]
    assert quote.actors == []


def test_a_role_noun_is_no_actor_holding_another_office(heard: Callable) -> None:
    text = (
        "Budget fight in the capital\n\nSenator Jane Roe voted against the budget after arguing "
        "that it cost too much. The mayor said on Monday that the city would cut nothing. The "
        "senator said she would vote against it again."
    )
    found = [(q.cue, q.actors) for q in heard(text)]
    assert found == [("arguing", ["Jane Roe"]), ("said", []), ("said", ["Jane Roe"])]


def test_a_clause_after_despite_is_said_by_the_subject_it_hangs_on(heard: Callable) -> None:
    text = (
        "Speaker backs the bill\n\nHouse Speaker Paul Ryan, R-Wis., despite admitting that he "
        "did have his concerns about the bill, said he would vote for it. The vote is on Friday."
    )
    found = [(q.cue, q.actors) for q in heard(text)]
    assert found == [("admitting", ["Paul Ryan"]), ("said", ["Paul Ryan"])]


def test_the_police_is_only_a_police_body(heard: Callable) -> None:
    text = (
        "Shooting in Tulsa\n\nThe Tulsa Police Department released a video on Monday. "
        "Factcheck.org later checked the mayor's account. The police said the officer was on "
        "leave."
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["said"] == ["Tulsa Police Department"]


def test_the_police_is_no_other_body(heard: Callable) -> None:
    text = (
        "Crime falls\n\nFactcheck.org checked the mayor's account on Monday. According to the "
        "police, the number of burglaries fell last year. The mayor spoke in the evening."
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["According to"] == []


def test_a_ruling_is_the_court_named_by_its_noun(heard: Callable) -> None:
    text = (
        "Court rules against purge\n\nA panel of the U.S. Court of Appeals for the Sixth "
        "Circuit overruled a judge's decision on Friday, which the Supreme Court may review. "
        "The appeals court ruled that the "
        "state's practices could remove eligible voters. \"A state cannot avoid the conclusion "
        'that its process removes voters," said the ruling.'
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    court = ["U.S. Court of Appeals for the Sixth Circuit"]
    assert speakers["ruled"] == court  # "the appeals court" is not the Supreme Court
    assert speakers["said"] == court


def test_the_one_there_is_brings_in_is_as_salient_as_a_subject() -> None:
    from presslens import nlp
    from presslens.stages.quotes.resolve import salience

    doc = nlp.parse("Then there's David Axelrod. Obama met Axelrod.")
    brought_in, object_ = doc[4], doc[8]
    assert (brought_in.text, object_.text) == ("Axelrod", "Axelrod")
    assert salience(brought_in) == 0
    assert salience(object_) == 2


def test_it_before_an_adjective_is_no_speaker(heard: Callable) -> None:
    text = (
        "Film on Obama\n\nDinesh D'Souza released a film in 2012. The documentarian sets out "
        "what he sees as the president's core beliefs, which he posits make it fairly easy to "
        "predict Obama's future actions."
    )
    assert [q.cue for q in heard(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Republican leaders in the House and Senate made it a goal. But they disagree.", True),
        ("The Senate made it a goal. But they disagree.", False),
    ],
)
def test_a_body_inside_peoples_phrase_is_not_their_they(text: str, expected: bool) -> None:
    from types import SimpleNamespace

    from presslens import nlp
    from presslens.model import Span
    from presslens.stages.quotes.groups import body_in_a_group
    from presslens.stages.quotes.speakers import Speaker

    doc = nlp.parse(text)
    body = next(t.i for t in doc if t.text == "Senate")
    they = next(t for t in doc if t.lower_ == "they")
    ctx = SimpleNamespace(doc=doc, actor_of_token={}, quote_of_token={})
    speaker = Speaker(Span(they.idx, they.idx + 4), they.i, "they", None, True, plural=True)
    assert body_in_a_group(ctx, speaker, body) is expected  # type: ignore[arg-type]


def test_the_woman_is_not_the_nearest_named_woman(heard: Callable) -> None:
    text = (
        "A Profile of a Voter\n\nThe Daily Ledger ran a long profile of a female Trump "
        "supporter on Saturday. The piece used one of the woman’s quotes as its headline. The "
        "paper sent its reporter Jane Roe to watch the convention with the woman and her "
        "boyfriend. Roe reports that the couple watched every speech."
        "\n\nThe woman disputes the idea that she needed help. The woman’s enthusiasm for "
        "Trump is recorded in detail:\n\n“Here he comes,” she said, clapping.\n"
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["reports"] == ["Jane Roe"]
    assert speakers["disputes"] == []  # the voter, whom the article does not name
    assert speakers["said"] == []


def test_the_woman_is_the_one_the_article_calls_a_woman(heard: Callable) -> None:
    text = (
        "A Woman Arrested\n\nPolice arrested Jane Roe, a 34-year-old woman from Dayton, on "
        "Friday. The woman told officers that she had done nothing wrong. Her lawyer spoke "
        "to reporters later."
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["told"] == ["Jane Roe"]


def test_a_person_named_by_a_first_name_alone_has_its_sex(heard: Callable) -> None:
    text = (
        "Voters Watch the Speech\n\nMelanie watched the convention at home with Kevin. Donald "
        "Trump spoke for an hour, and Melanie said yes, over and over again, until Trump "
        "reached the end of his speech.\n\n“I love you,” he said.\n\n“He really does love "
        "us,” Melanie said, switching off the television.\n"
    )
    speakers = [(q.text, q.actors) for q in heard(text)]
    assert ("“I love you,”", ["Donald Trump"]) in speakers


def test_my_father_is_the_parent_of_his_sex(heard: Callable) -> None:
    text = (
        "My Father Would Have Loved Trump\n\nLest anyone assume that my parents, James and "
        "Olive Meehan, were uneducated folk, I should say that my father studied at MIT. My "
        "father once told me that the world was run by Satan. My mother agreed with him.\n"
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["told"] == ["James Meehan"]  # the couple shares the surname


def test_the_chairman_of_a_party_is_no_member_of_another(heard: Callable) -> None:
    text = (
        "Tories Defend Video\n\nKeir Starmer, the Labour leader, spoke in Leeds on Monday. The "
        "chairman of the Conservative Party described the doctored video as lighthearted "
        "satire. Starmer rejected that view.\n"
    )
    speakers = {q.cue: q.actors for q in heard(text)}
    assert speakers["described"] == []
    assert speakers["rejected"] == ["Keir Starmer"]


def test_a_stances_holder_is_no_earlier_speaker(heard: Callable) -> None:
    """'Mr. Dunne was blunt in Dayton, a city where Governor Pratt wants to take in refugees.
    "..." he said': Pratt's want is a stance, not speech, so "he" is the main subject."""
    text = (
        "Candidates Sharpen Their Tone\n\nMr. Hale spoke in Iowa on Sunday.\n\nThe day before, "
        "Mr. Dunne was just as blunt in Dayton, a city where Governor Pratt wants to take in "
        "2,000 refugees. ''You'd have to be insane,'' he said. And Ann Bell called for a ban.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [
        ("said", ["Mr. Dunne"]),
        ("called", ["Ann Bell"]),
    ]


def test_a_stances_holder_as_main_subject_still_leads_for_a_role(heard: Callable) -> None:
    """'Ann Bell regrets her insults of Tom Ray. The appeals court judge ... said': the one who
    holds the stance as the sentence's main subject is still the one the role names."""
    text = (
        "Bell Apologizes for Remarks\n\nAnn Bell regrets her insults of Tom Ray.\n\nThe appeals "
        "court judge -- who has been involved in a scuffle with the nominee over the past few "
        "days -- said she regretted her remarks and promised to stay out of it in the future.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [("said", ["Ann Bell"])]


def test_a_question_set_as_a_clause_is_put_to_the_sentences_subject(heard: Callable) -> None:
    """'Ray tried to draw a distinction ..., when a reporter asked if ... "..." he said': the
    one asked answers, and a question naming no one asked is put to the main subject."""
    text = (
        "Governor Draws a Line\n\nSome candidates say they oppose sending troops abroad.\n\n"
        "Governor Tom Ray himself tried to draw a distinction during an interview this month, "
        "when a reporter asked if recent deployments meant that he was reversing his pledge."
        "\n\n''You know, when I said no troops, I think people understood what I meant,'' he "
        "said.\n"
    )
    assert [q.actors for q in heard(text) if q.cue == "said"] == [["Tom Ray"]]


def test_a_main_subject_holding_a_stance_ranks_as_a_speaker_for_a_role_not_a_pronoun() -> None:
    """'Pastor Brant plans to recruit volunteers.': Brant holds a stance as the main subject;
    a later "the pastor" may still be his (as a speaker's), a later "he" is not pulled to him
    over the sentence's own people."""
    from presslens.stages.quotes.resolve import earlier_speaker
    from tests.stages.quotes.conftest import hand_parse

    doc = hand_parse(
        """
        Brant 1 nsubj PROPN
        plans 1 ROOT VERB
        to 3 aux PART
        recruit 1 xcomp VERB
        volunteers 3 dobj NOUN
        . 1 punct PUNCT
        """
    )
    assert earlier_speaker(doc[0], holder=False, pronoun=True)
    assert earlier_speaker(doc[0], holder=True, pronoun=False)
    assert not earlier_speaker(doc[0], holder=True, pronoun=True)


def test_someone_a_newcomer_speaks_of_is_not_the_newcomer(heard: Callable) -> None:
    """'A witness ... said the head of technology, Ross Pitt, instructed employees ... The
    witness said ...': Pitt is whom the witness told of, not the witness."""
    text = (
        "Agency Accused of Hiding a Breach\n\nA congressional report released on Tuesday faults "
        "the agency's handling of a computer breach.\n\nA witness interviewed by congressional "
        "staff said the agency's current head of technology, Ross Pitt, instructed employees "
        "not to disclose information about the breach, the report said.\n\nThe witness said "
        'the order was meant to avoid "effecting the outcome" of the chairman\'s confirmation.\n'
    )
    assert [q.actors for q in heard(text) if q.text.startswith("the order")] == [[]]


def test_the_one_who_asked_is_never_the_one_asked(heard: Callable) -> None:
    """'After host Tom Gale asked the author ..., Ross Pike replied, "..." "...," he added': the
    asker is not put to himself as the one asked."""
    text = (
        "Author Makes a Prediction\n\nThe author made his prediction on Friday.\n\nAfter radio "
        "host Tom Gale asked the author who he thought would win the race, Ross Pike replied, "
        '"If I had to bet now, I would bet on the governor."\n\n"We should never confuse who we '
        'want to win with who is going to win," he added.\n'
    )
    assert [q.actors for q in heard(text) if q.cue == "added"] == [["Ross Pike"]]


def test_the_country_is_a_state_not_the_nearest_organisation() -> None:
    """'the country said': a state (GPE), never the fund named before it."""
    text = (
        "Fund warns on budgets\n\n"
        "The International Monetary Fund warned on Tuesday that budgets were too loose. "
        "Portugal rejected the warning at the meeting. Later the country said it would cut "
        "spending next year.\n"
    )
    assert actor_speaking(text, "the country") == "Portugal"


def test_a_statement_that_reads_is_its_authors() -> None:
    """'"...," the statement read': the words of the statement, so of its author."""
    text = (
        "Factory to close\n\n"
        'Acme Steel issued a statement on Friday. "The plant will close in June and every '
        'worker will be paid until then," the statement read.\n'
    )
    assert actor_speaking(text, "the statement") == "Acme Steel"


def test_a_mother_of_three_is_a_description_not_someones_mother() -> None:
    """'the 44-year-old mother of three said': the person the article has been quoting, not
    only an actor the article calls someone's mother."""
    text = (
        "Mayor defends the leave plan\n\n"
        "Mayor Ann Roe spoke about the city leave plan on Monday. She said fathers would not be "
        "eligible. Pressed on why, the 44-year-old mother of three said the plan was meant to "
        "help mothers recover.\n"
    )
    assert actor_speaking(text, "the 44-year-old mother of three") == "Ann Roe"


def test_his_ex_wife_is_the_wife_named_before(heard: Callable) -> None:
    text = (
        "Judge Keeps Divorce File Sealed\n\nA judge has rejected a request to open the file on "
        "Tom Hale's divorce from wife Ivana. Hale said the file should stay closed.\n\nHis "
        "ex-wife agreed, but also contended that she should not have to give up her privacy.\n"
    )
    assert ("contended", ["Ivana"]) in [(q.cue, q.actors) for q in heard(text)]


def test_the_bureau_is_the_fbi_the_article_names_by_its_initials(heard: Callable) -> None:
    text = (
        "Agency Reviews the Emails\n\nThe FBI reopened its inquiry into the emails on Friday. "
        "Critics said the move was late. The bureau said it had found new messages.\n"
    )
    assert ("said", ["FBI"]) in [(q.cue, q.actors) for q in heard(text)]


def test_an_initialism_is_read_without_its_dots() -> None:
    from presslens.stages.initialisms import full_name, parse_initialisms

    assert parse_initialisms("# a note\nEPA\tEnvironmental Protection Agency\n") == {
        "EPA": "Environmental Protection Agency"
    }
    assert full_name("F.B.I.") == "Federal Bureau of Investigation"
    assert full_name("Mr. Hale") is None
