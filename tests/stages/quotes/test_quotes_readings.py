"""Speakers and speech read off unseen PolNeAR texts (issue 16, "speakers resolved"): a
party's word standing for one person ("the Arizona Republican said") is a person the article
ties to that party; a crowd's chant is the crowd's words, also after an aside set off by
dashes; a cue the parse reads as a participle after a quotation has its speaker; an outlet's
name run into a host's is cut; speech someone only hopes for is no quote. Invented texts, a
headline line first, through `analyse()`."""

from __future__ import annotations

import presslens
from presslens.nlp.parser import get_model
from presslens.stages.quotes.clauses import run_into
from presslens.stages.quotes.kinds import hypothetical, wished
from presslens.stages.quotes.subjects import aside_closed_before, subject_of
from presslens.stages.reporting import load_lexicon
from tests.stages.quotes.conftest import actor_of_quote, actor_speaking, hand_parse


def test_a_party_member_is_never_one_the_article_ties_to_another_party() -> None:
    text = (
        "Senators clash on interrogation\n\n"
        "Republican Sen. Tom Ray met Democratic Rep. Ann Bell on Monday to talk about the "
        "bill. The New York Democrat said the methods do not work."
    )
    assert actor_speaking(text, "The New York Democrat") == "Ann Bell"


def test_a_party_member_goes_to_the_one_just_named_though_another_is_tied_to_it() -> None:
    text = (
        "Speaker worries about allies\n\n"
        "Speaker Tom Ray says the whole world is watching and that allies would be rattled by "
        "Republican Ann Bell's comments. In an interview on Thursday, the Wisconsin "
        "Republican criticized the president's foreign policy."
    )
    assert actor_speaking(text, "the Wisconsin Republican") == "Tom Ray"


def test_a_crowds_chant_is_the_crowds_words() -> None:
    text = (
        "Governor heckled outside a coffee shop\n\n"
        "Governor Tom Ray got a heated reception outside a coffee shop, where some of his "
        "critics waited in the snow. Holding signs calling Ray “Westmere’s Biggest Loser,” "
        "the protesters chanted “Tom Ray: bad for Westmere, bad for you.” Ray slipped in a "
        "back door to avoid them."
    )
    dossier = presslens.analyse(text)
    chant = next(q for q in dossier.quotes if "bad for you" in q.text)
    assert chant.speaker == "the protesters" and chant.speaker_actor_id is None
    assert "Tom Ray" in [a.name for a in dossier.actors]
    assert not any("“" in a.name for a in dossier.actors)  # no "Ray “Westmere"


def test_a_cue_read_as_a_participle_after_a_quotation_has_its_speaker() -> None:
    text = (
        "Mayor rips rhetoric over the port\n\n"
        'Mayor Ann Bell spoke on Tuesday about the port. "Is Mayor Bell going to finally '
        "mention the words port closure? If she doesn't she should immediately resign in "
        'disgrace!" the presumptive GOP mayoral nominee, Tom Ray, tweeted Sunday after a storm '
        "hit the harbor. Bell did not answer him."
    )
    assert actor_speaking(text, "cue:tweeted") == "Tom Ray"


def test_an_outlets_name_run_into_a_hosts_name_is_cut() -> None:
    text = (
        "Governor lays out his path\n\n"
        "Ohio Gov. Tom Ray received an enthusiastic reception on Friday at the convention. At "
        "the convention, Fox News Sean Hannity asked Ray to lay out his path to the "
        "nomination. Ray said it would be difficult. Hannity then asked if the governor "
        "believed that was his only path."
    )
    assert actor_speaking(text, "Hannity") == "Sean Hannity"


def test_a_chant_after_an_aside_set_off_by_dashes_is_the_marchers() -> None:
    text = (
        "Harbor town struggles to return to normal\n\n"
        "Small groups of protesters continued to call for more information about the "
        "shooting of Tom Ray, looping the streets around Harbor Stadium - where the city's "
        "Westmere Gulls played the Eastport Herons - while chanting, \"Hands up, don't "
        'shoot." But there were signs that the city was ready to return to normal.'
    )
    dossier = presslens.analyse(text)
    chant = next(q for q in dossier.quotes if q.cue == "chanting")
    assert chant.speaker == "Small groups of protesters"


def test_speech_someone_only_hopes_for_is_no_quote() -> None:
    text = (
        "Letters: the inquiries must end\n\n"
        "Will the inquiries into the mayor's emails ever stop? Her career has been "
        'investigated to no avail. I hope in 2027 the town says, "Mayor Bell, thank you for a '
        'lifetime of service." The council said the inquiries would end soon.'
    )
    dossier = presslens.analyse(text)
    assert not any("thank you" in q.text for q in dossier.quotes)
    assert any(q.text == "the inquiries would end soon" for q in dossier.quotes)


def test_a_wish_the_parse_hangs_over_the_cue_makes_it_hypothetical() -> None:
    """'I hope in 2017 America says, "..."': parsed with "says" hung on "hope"."""
    wish = hand_parse(
        """
        I 1 nsubj PRON
        hope 1 ROOT VERB
        in 1 prep ADP
        2027 2 pobj NUM
        Westmere 5 nsubj PROPN
        says 1 parataxis VERB
        , 5 punct PUNCT
        thanks 5 ccomp NOUN
        . 1 punct PUNCT
        """
    )
    wish[1].lemma_, wish[5].lemma_ = "hope", "say"
    assert wished(wish[5]) and hypothetical([wish[5]], load_lexicon())
    said = hand_parse(
        """
        He 1 nsubj PRON
        hopes 1 ROOT VERB
        to 3 aux PART
        win 1 xcomp VERB
        , 1 punct PUNCT
        he 6 nsubj PRON
        said 1 parataxis VERB
        . 1 punct PUNCT
        """
    )
    said[1].lemma_, said[6].lemma_ = "hope", "say"
    assert not wished(said[6])


def test_a_quotation_led_in_by_a_colon_is_not_the_last_speakers() -> None:
    text = (
        "Republicans worry about their nominee\n\n"
        "Wisconsin Gov. Tom Ray, one of the candidates beaten by Trump in the race, had "
        "pledged to back the nominee, but sounded equivocal this week. \"It's just sad in "
        'America that we have such poor choices right now," he told WKOW-TV of Madison.\n\n'
        "Senate Majority Leader Ann Bell, R-Ky., delivered a blunt message to Trump: \"It's "
        'time to quit attacking various people that you competed with and get on message."\n\n'
        "Trump will try to do that."
    )
    assert actor_of_quote(text, "quit attacking") == "Ann Bell"
    joined = [q for q in presslens.analyse(text).quotes if "quit attacking" in q.text]
    assert len(joined) == 1 and "sad in America" not in joined[0].text


def test_a_hyphen_inside_a_word_closes_no_aside() -> None:
    doc = get_model()(
        "His advice earned him the attention of the council, where he appeared at a hearing "
        "for his role in promoting weight-loss aids and for saying that coffee was a cure."
    )
    appeared = next(t for t in doc if t.text == "appeared")
    saying = next(t for t in doc if t.text == "saying")
    assert not aside_closed_before(appeared, saying)
    assert subject_of(saying) is not None and subject_of(saying).lower_ == "he"


def test_a_clause_run_into_the_cue_without_a_mark_is_not_reported() -> None:
    """'The contest jumped ... after a group unearthed columns Bradley wrote': parsed with
    "wrote" as the reporting verb of the clause before it."""
    glued = hand_parse(
        """
        The 1 det DET
        contest 2 nsubj NOUN
        jumped 9 ccomp VERB
        after 6 mark SCONJ
        a 5 det DET
        group 6 nsubj NOUN
        unearthed 9 advcl VERB
        columns 6 dobj NOUN
        Bradley 9 nsubj PROPN
        wrote 9 ROOT VERB
        . 9 punct PUNCT
        """
    )
    assert run_into(glued[9], glued[2])
    said = get_model()("The plan is dead, Bradley said.")
    verb = next(t for t in said if t.text == "said")
    clause = next(t for t in said if t.text == "is")
    assert clause.head == verb and not run_into(verb, clause)
    inverted = hand_parse(
        """
        Sanders 2 nsubj PROPN
        will 2 aux AUX
        back 5 ccomp VERB
        Clinton 2 dobj PROPN
        , 2 punct PUNCT
        predicted 5 ROOT VERB
        Kunin 5 nsubj PROPN
        . 5 punct PUNCT
        """
    )
    assert not run_into(inverted[5], inverted[2])  # the comma hangs on the clause


def test_a_clause_before_an_inverted_cue_and_its_comma_is_reported() -> None:
    text = open_text(
        "Actor backs the former secretary",
        "Actor Tom Ray admits his choice for president is not the most handsome man in the "
        "field. Democratic candidate Ann Bell also lacks in the looks department, said Ray, but "
        "her politics do not. Jo Marsh will throw her support behind Bell before the "
        "convention, predicted Kay Lund, the former governor.",
    )
    texts = {q.cue: q.text for q in presslens.analyse(text).quotes}
    assert texts.get("said") == "Democratic candidate Ann Bell also lacks in the looks department"
    assert texts.get("predicted", "").startswith("Jo Marsh will throw her support")


def open_text(headline: str, body: str) -> str:
    return f"{headline}\n\n{body}"


def test_a_role_named_in_the_next_sentence_is_that_actor() -> None:
    text = open_text(
        "Journalism school defends its reporting",
        "The dean of the Westmere Graduate School of Journalism is disputing accusations that "
        "two articles were misleading. In his response, Tom Ray, the dean of the journalism "
        "school, said that he had examined the allegations. Ray wrote that the reporting was "
        "sound.",
    )
    assert actor_speaking(text, "The dean of the Westmere Graduate School of Journalism") == (
        "Tom Ray"
    )


def test_a_role_two_actors_get_in_the_next_sentence_stays_unresolved() -> None:
    text = open_text(
        "Two schools answer their critics",
        "The dean of the journalism school is disputing accusations that two articles were "
        "misleading. Tom Ray, the dean of the journalism school, and Ann Bell, the dean of the "
        "law school, spoke on Monday. Ray wrote that the reporting was sound.",
    )
    assert actor_speaking(text, "The dean of the journalism school") is None


def test_ones_lawyer_named_in_the_very_next_sentence_is_that_lawyer() -> None:
    text = (
        "Panel votes against aide\n\n"
        "The House panel voted to hold Tom Ray in contempt. His attorney said the hearing was "
        "pointless. An attorney for Ray, Mark Bellamy, stressed that his client was ready to "
        "appear in private."
    )
    assert actor_speaking(text, "His attorney") == "Mark Bellamy"


def test_ones_lawyer_is_no_one_when_the_next_sentence_names_two() -> None:
    text = (
        "Panel votes against aide\n\n"
        "The House panel voted to hold Tom Ray in contempt. His attorney said the hearing was "
        "pointless. Attorneys for Ray, Mark Bellamy and Joan Pike, stressed that their client "
        "was ready to appear in private."
    )
    assert actor_speaking(text, "His attorney") is None


def test_a_name_the_parse_hung_on_an_opening_phrase_speaks_for_a_later_verb() -> None:
    text = (
        "Voters rail against taxes\n\n"
        "At a June campaign event in Dayton, Ohio, 62-year-old Ann Roe also railed against "
        "taxes, and explained how much it upset her to pay them."
    )
    assert actor_speaking(text, "cue:explained") == "Ann Roe"


def test_a_body_noun_far_back_is_the_one_body_that_spoke_last() -> None:
    text = (
        "NASA pushes its rocket\n\n"
        "NASA announced a new milestone for its rocket on Monday. The rocket has faced delays "
        "and cost overruns for years. Still, the agency maintained that the rocket will be "
        "essential for flights to the Moon."
    )
    assert actor_speaking(text, "the agency") == "NASA"


def test_a_body_noun_far_back_is_no_one_when_another_such_body_is_in_reach() -> None:
    text = (
        "NASA pushes its rocket\n\n"
        "NASA announced a new milestone for its rocket on Monday. The European agency has faced "
        "delays and cost overruns for years. Still, the agency maintained that the rocket will "
        "be essential for flights to the Moon."
    )
    assert actor_speaking(text, "the agency") is None


def test_a_role_far_back_is_the_one_actor_that_spoke_last() -> None:
    text = (
        "Trump hits back\n\n"
        'Donald Trump said on Monday, "We will win this state easily." The crowd cheered '
        "loudly for a long time. Later the Republican candidate appeared to assert that the "
        "polls were wrong."
    )
    assert actor_speaking(text, "the Republican candidate") == "Donald Trump"


def test_a_pronoun_and_a_name_joined_to_it_are_both_speakers() -> None:
    text = (
        "NASA pushes its rocket\n\n"
        "NASA administrator Jim Bridenstine said the work was going well, and he and Ken "
        "Bowersox listed several other rockets."
    )
    dossier = presslens.analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    (quote,) = [q for q in dossier.quotes if q.cue == "listed"]
    assert [names[i] for i in quote.speaker_actor_ids] == ["Jim Bridenstine", "Ken Bowersox"]


def test_a_noun_saying_what_kind_of_body_a_name_is_is_that_body() -> None:
    text = (
        "China watches the race\n\n"
        "The Daily Courier is a state newspaper. But as the nationalist Daily Courier tabloid "
        "noted on Thursday, the candidate has fans in China. As the paper noted, it is "
        "surprising."
    )
    assert actor_speaking(text, "the nationalist Daily Courier tabloid") == "Daily Courier"
    assert actor_speaking(text, "the paper") == "Daily Courier"


def test_what_a_body_made_speaks_for_it_but_its_reporter_is_someone_else() -> None:
    text = (
        "China watches the race\n\n"
        "The Daily Courier covered the race. A Daily Courier video said the race was close. A "
        "Daily Courier reporter said the crowd was small."
    )
    assert actor_speaking(text, "A Daily Courier video") == "Daily Courier"
    assert actor_speaking(text, "A Daily Courier reporter") is None


def test_who_after_a_place_in_a_phrase_of_people_is_the_people() -> None:
    text = (
        "Senator's attacks echoed\n\n"
        "Senator Ann Roe's attacks were echoed by her campaign and Democrats across the "
        "country, who highlighted comments Tom Ray made in 2006."
    )
    dossier = presslens.analyse(text)
    (quote,) = [q for q in dossier.quotes if q.cue == "highlighted"]
    assert quote.speaker == "her campaign and Democrats across the country"


def test_who_after_a_person_in_a_phrase_is_that_person() -> None:
    text = (
        "Senator's attacks echoed\n\n"
        "The plan was praised by a close friend of Ann Roe, who said it would help farmers."
    )
    dossier = presslens.analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    (quote,) = [q for q in dossier.quotes if q.cue == "said"]
    assert names.get(quote.speaker_actor_id or "") == "Ann Roe"


def test_an_age_standing_for_a_person_is_a_person_role() -> None:
    text = (
        "Delegate cheers the nominee\n\n"
        "Ann Roe, a delegate from Ohio, cheered from the floor. "
        "“He will win this state,” said the 46-year-old."
    )
    dossier = presslens.analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    (quote,) = [q for q in dossier.quotes if q.cue == "said"]
    assert quote.speaker == "the 46-year-old"
    assert names.get(quote.speaker_actor_id or "") == "Ann Roe"


def test_a_pronoun_in_a_clause_before_the_main_one_is_the_name_right_after() -> None:
    text = (
        "Governor mocked over claim\n\n"
        "Senator Tom Roe spoke first on Monday. After he claimed that the vote was rigged, "
        "Governor Jim Poe was widely mocked."
    )
    assert actor_speaking(text, "cue:claimed") == "Jim Poe"


def test_a_pronoun_before_a_name_of_the_other_sex_is_not_that_name() -> None:
    text = (
        "Governor mocked over claim\n\n"
        "Senator Tom Roe spoke first on Monday. After she claimed that the vote was rigged, "
        "Governor Jim Poe was widely mocked."
    )
    assert actor_speaking(text, "cue:claimed") != "Jim Poe"


def test_a_site_named_as_the_reporter_is_no_he() -> None:
    text = (
        "Pastor attacks the scouts\n\n"
        "Pastor Kevin Swanson spoke on his radio show on Monday. He slammed the Girl Scouts for "
        "their camps, Right Wing Watch first reported. He then implied that the leaders should "
        "resign."
    )
    assert actor_speaking(text, "cue:implied") == "Kevin Swanson"


def test_a_person_the_tagger_missed_stays_a_she() -> None:
    text = (
        "Pastor attacks the scouts\n\n"
        "Pastor Kevin Swanson spoke on his radio show on Monday. He slammed the Girl Scouts for "
        "their camps, Hope Hicks first reported. She then said that the leaders should resign."
    )
    (quote,) = [q for q in presslens.analyse(text).quotes if q.cue == "said"]
    assert quote.speaker_name == "Hope Hicks"


def test_an_unnamed_source_in_a_party_is_not_the_party() -> None:
    text = (
        "Hearing turns partisan\n\n"
        "The Republican Party called the hearing. The meeting went badly, said one GOP source "
        "in the room."
    )
    assert actor_speaking(text, "one GOP source in the room") is None


def test_ones_brief_or_motion_speaks_for_its_owner() -> None:
    text = (
        "Files stay sealed\n\n"
        "Ann Roe filed papers on Monday. Her brief said the files should stay sealed. Tom "
        "Ray's motion argued that the public has a right to know."
    )
    assert actor_speaking(text, "cue:said") == "Ann Roe"
    assert actor_speaking(text, "cue:argued") == "Tom Ray"


def test_the_judge_is_the_one_titled_justice() -> None:
    text = (
        "Judge keeps files sealed\n\n"
        "Supreme Court Justice Ann Roe rejected the request on Thursday. Lawyers for both "
        "sides had filed papers. The paper filed by Tom Ray asked for the files. His lawyer "
        "called the ruling unfair. The judge said that there was no reason to open the files."
    )
    assert actor_speaking(text, "The judge") == "Ann Roe"
