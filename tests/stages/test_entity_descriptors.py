"""Words around a name that describe someone rather than name an actor (issue 16, "actors"):
a language's name used for a people, a party's name before a candidate's role, a writer's
note with an aside before "is", a role noun that is also a given name, a newspaper's name
the tagger ran into the surname of the person speaking, and names made of plural common
nouns. Invented texts, a headline line first, through `analyse()`."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan

import presslens
from presslens.nlp.parser import get_model
from presslens.stages.entities.bylines import author_note
from presslens.stages.entities.labels import subject_end
from presslens.stages.entities.mentions import strip_name
from presslens.stages.entities.wording import english_plurals
from tests.stages.quotes.conftest import actor_of_quote, hand_parse
from tests.stages.test_entity_kinds import lists


def test_a_language_named_for_a_people_is_a_group_word() -> None:
    text = (
        "Ethnic voters could decide the race in the Rust Belt\n\n"
        "In Pennsylvania the sizeable Ukrainian and Slovak communities have voted together "
        "for years. Tagalog, Ukrainian, and Slovak Americans make up a tenth of some suburbs. "
        "Mara Quillfeather, who runs a voter drive there, said turnout would be high."
    )
    actors, groups, _ = lists(text)
    assert "Ukrainian" not in actors and "Tagalog" not in actors
    assert "Mara Quillfeather" in actors


def test_a_party_before_a_candidates_role_describes_the_candidate() -> None:
    text = (
        "Running mate backs nominee on police\n\n"
        "Republican vice-presidential nominee Tom Quillfeather echoed remarks by GOP "
        "presidential nominee Ada Marrowby last week that critics demean the police. "
        "Democratic Party nominee Ben Okafor disagreed with both of them on Sunday."
    )
    actors, _, _ = lists(text)
    assert "Republican Party" not in actors and "Democratic Party" not in actors
    assert {"Tom Quillfeather", "Ada Marrowby", "Ben Okafor"} <= set(actors)


def test_a_party_that_acts_stays_an_actor() -> None:
    text = (
        "Party answers its nominee\n\n"
        "GOP presidential nominee Ada Marrowby spoke in Ohio on Monday about trade. "
        "The GOP released a statement on Tuesday that backed her plan. "
        "Marrowby said the party was united."
    )
    actors, _, _ = lists(text)
    assert "Republican Party" in actors


def test_a_writers_note_with_an_aside_names_no_actor() -> None:
    body = "\n\n".join(
        f"The harbour board met {day} to discuss the dredging of the old channel, and "
        "fishermen told the board the silt had closed two berths."
        for day in ("on Monday", "again on Tuesday", "a third time on Friday")
    )
    text = (
        "The harbour cannot wait another winter\n\n"
        f"{body}\n\n"
        "Mayor Ilsa Brandt said the town would pay its share.\n\n"
        "Tobias Quillfeather, a former adviser to Governor Ilsa Brandt, is a senior fellow at "
        "the Westmere Institute for Coastal Policy at Marrow University."
    )
    actors, _, _ = lists(text)
    assert "Tobias Quillfeather" not in actors
    assert "Westmere Institute for Coastal Policy" not in actors
    assert "Ilsa Brandt" in actors


def test_a_role_noun_that_is_a_given_name_stays_in_the_name() -> None:
    text = (
        "Crowds gather for the museum's opening\n\n"
        "The president opened the museum on Saturday before a large crowd. Donna Sampson "
        "Rawlings, 59, of Ashton, who watched the ceremony on a screen, said it was moving. "
        "Billionaire Carl Ashdown said he had given the first gift."
    )
    actors, _, _ = lists(text)
    assert "Donna Sampson Rawlings" in actors
    assert "Carl Ashdown" in actors  # "Billionaire" is no given name: still cut


def test_a_surname_run_into_a_newspapers_name_is_the_speaker() -> None:
    text = (
        "Candidate doubts the alliance\n\n"
        "Ada Marrowby has spoken often about the alliance. In a March meeting with the "
        "editorial board of the Westmere Daily News Marrowby said that American involvement in "
        "the alliance may need to be diminished. Her aides did not comment."
    )
    actors, _, _ = lists(text)
    assert "Westmere Daily News" in actors and "Westmere Daily News Marrowby" not in actors
    assert actor_of_quote(text, "that American involvement") == "Ada Marrowby"


def test_a_name_of_plural_common_nouns_is_no_person() -> None:
    text = (
        "Polls tighten before the first debate\n\n"
        "The Westmere Herald's Swing Counties average shows Ada Marrowby ahead by three "
        "points. Ben Okafor leads among older voters. Marrowby said the polls would move."
    )
    actors, _, _ = lists(text)
    assert "Swing Counties" not in actors
    assert "Ada Marrowby" in actors
    doc = get_model()("Players like Tiger Woods reigned, and the Swing Counties average rose.")
    assert english_plurals(doc[8:10]) and not english_plurals(doc[2:4])


def test_a_writers_note_the_parse_splits_at_the_aside_is_still_a_note() -> None:
    """The parse made the writer's name a sentence of its own and hung "is" on the aside's
    last name ("Michael X, former adviser to Vice President (then-Senator) Y, is ...")."""
    doc = hand_parse(
        """
        Jane 1 compound PROPN
        Roe 1 ROOT PROPN
        , 1 punct PUNCT
        former 4 amod ADJ
        adviser 1 appos NOUN
        to 4 prep ADP
        Governor 7 compound PROPN
        Lee 5 pobj PROPN
        Tom 9 compound PROPN
        Ray 11 nsubj PROPN
        , 9 punct PUNCT
        is 11 ROOT AUX
        senior 13 amod ADJ
        fellow 11 attr NOUN
        at 13 prep ADP
        Westmere 16 compound PROPN
        Institute 14 pobj PROPN
        . 11 punct PUNCT
        """
    )
    doc[11].tag_, doc[11].lemma_, doc[13].lemma_ = "VBZ", "be", "fellow"
    doc.ents = [DocSpan(doc, 0, 2, "PERSON"), DocSpan(doc, 8, 10, "PERSON")]
    first = next(iter(doc.sents))
    assert first.end == 8  # the misparse: two sentences
    assert author_note(first, doc.text)
    doc[11].tag_ = "VBD"  # "was": a story's past, no note
    assert not author_note(first, doc.text)


def test_a_person_tagged_with_a_role_before_a_verb_is_not_cut() -> None:
    """Only an outlet's or a body's name gives up the surname after it."""
    doc = get_model()("Actress Kiera Stenwood was also honored as she took home an award.")
    ent = next(ent for ent in doc.ents if "Stenwood" in ent.text)
    assert ent.label_ == "ORG" and ent.text == "Actress Kiera Stenwood"
    assert subject_end(ent, {"Stenwood", "Kiera Stenwood"}) is None
    doc = get_model()("He met the editorial board of the Harbour Gazette Marrowby said so.")
    ent = next(ent for ent in doc.ents if "Marrowby" in ent.text)
    assert subject_end(ent, {"Marrowby"}) == (ent.end - 1, ent.end - 1)


def test_a_name_ends_at_a_quotation_mark_it_does_not_close() -> None:
    assert strip_name("Christie “New Jersey", 0, "PERSON", set())[0] == "Christie"
    assert strip_name('Ray "Westmere', 0, "PERSON", set())[0] == "Ray"
    assert strip_name('George "Jay" Ashdown', 0, "PERSON", set())[0] == 'George "Jay" Ashdown'


def test_a_country_acted_on_once_is_a_place_unless_its_government_acts() -> None:
    acted_on = (
        "Families may sue over the attacks\n\n"
        "Congress passed a bill on Friday that allows families of the victims to sue Saudi "
        "Arabia. Senator Tom Ray said the bill was long overdue."
    )
    actors, _, places = lists(acted_on)
    assert "Saudi Arabia" in places and "Saudi Arabia" not in actors
    for acting in (
        "The Saudi government has denied any involvement in the attacks.",
        "Aides met members of the Saudi government, which has denied any involvement.",
    ):
        actors, _, _ = lists(acted_on + " " + acting)
        assert "Saudi Arabia" in actors
        dossier = presslens.analyse(acted_on + " " + acting)
        names = {a.id: a.name for a in dossier.actors}
        denied = next(q for q in dossier.quotes if q.cue and "denied" in q.cue)
        assert names.get(denied.speaker_actor_id or "") == "Saudi Arabia"


def test_a_party_word_used_as_a_description_is_a_group_word() -> None:
    text = (
        "Mayor looks at a run\n\n"
        "Initially a Democrat, Tom Ray ran in 2001 for mayor as a Republican and declared "
        "himself an independent in 2007. A poll put him behind Ann Bell as the Republican "
        "nominee. Mark Green said Ray would lose. Green is a former public advocate."
    )
    actors, groups, _ = lists(text)
    assert "Republican" in groups and "Republican" not in actors
    assert "Mark Green" in actors
