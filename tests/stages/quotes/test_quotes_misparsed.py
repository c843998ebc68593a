"""Speakers the parse hides: a cue left with no subject by a misread apposition or "whose"
clause, a quotation a sentence leads into with a colon, and the sentence after a quotation
that is not its attribution."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from presslens.model import Actor, Article, Quote
from presslens.stages.quotes import find_quotes
from tests.stages.quotes.conftest import hand_parse

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]


def speakers(prepare: Prepare, text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker's actor name, quoted text) for each quote."""
    article, doc, actors = prepare(text)
    quotes: tuple[Quote, ...] = find_quotes(article, doc, actors)[0]
    names = {a.id: a.name for a in actors}
    return [(q.kind, names.get(q.speaker_actor_id or ""), q.text) for q in quotes]


def test_a_name_before_whose_speaks_not_the_name_in_what_was_said(prepared: Prepare) -> None:
    text = (
        "Investors in the valley have mostly stayed quiet about the race. Ms. Ortega, whose "
        "newest company, Fieldwise, sells seed to growers across the state, said Mr. Lund was a "
        "candidate in the spirit of farming: ''He is a builder at heart. He drops plans that "
        "fail and starts again.'' Others were less sure."
    )
    found = speakers(prepared, text)
    assert len(found) == 1
    kind, speaker, quoted = found[0]
    assert (kind, speaker) == ("mixed", "Ms. Ortega")
    assert quoted.startswith("Mr. Lund was a candidate") and "starts again" in quoted


def test_a_colon_lead_in_speaks_as_its_subject_not_the_nearest_name(prepared: Prepare) -> None:
    text = (
        "The mayor has told his allies to push back on critics of the plan. One early "
        "supporter, council member Ana Reyes, Democrat of the east side, gave the approach a "
        "try in an interview with NBC on Tuesday: ''You can easily argue that the critics have "
        "never read the plan at all.'' The debate went on for weeks."
    )
    found = [f for f in speakers(prepared, text) if f[0] == "direct"]
    assert [speaker for _kind, speaker, _quoted in found] == ["Ana Reyes"]


def test_a_name_apposed_after_a_quotation_speaks_it_and_what_follows(prepared: Prepare) -> None:
    text = (
        "The two rivals worked side by side for years in the state house. "
        '"They were professionals, but also competitors," Mark Ellison, Governor Hale\'s '
        'former chief of staff, said of their time in the capital. "They would do the dance. '
        'There was respect there, but Dan saw himself as the expert." Neither man would comment.'
    )
    found = speakers(prepared, text)
    assert len(found) == 1
    _kind, speaker, quoted = found[0]
    assert speaker == "Mark Ellison"
    assert quoted.endswith('saw himself as the expert."')


def test_the_sentence_after_a_whole_quotation_is_not_its_cue(prepared: Prepare) -> None:
    text = (
        "The two rivals worked side by side for years in the state house. "
        '"They would do the dance. There was respect there." Neither man would comment. '
        '"We always knew where we stood." Mark Ellison said. The race went on.'
    )
    found = speakers(prepared, text)
    assert [(speaker, quoted) for _kind, speaker, quoted in found] == [
        (None, '"They would do the dance. There was respect there."'),
        ("Mark Ellison", '"We always knew where we stood."'),
    ]


def test_a_name_set_off_before_the_cue_names_its_subject(prepared: Prepare) -> None:
    text = (
        "The newsroom was busy on Tuesday as the paper prepared its election edition. Dan "
        "Morrow, the publisher, walked through the room. The editor I was talking to, Tim "
        "Grady, said the front page was finished. Morrow left early."
    )
    assert speakers(prepared, text) == [("indirect", "Tim Grady", "the front page was finished")]


def test_when_is_not_part_of_the_speaker(prepared: Prepare) -> None:
    text = (
        "Polls in the state have moved little since spring. The Hale campaign on Monday said "
        "the new poll was wrong. Its rivals did not answer."
    )
    article, doc, actors = prepared(text)
    (quote,) = find_quotes(article, doc, actors)[0]
    assert quote.speaker == "The Hale campaign"


def test_a_passive_subject_speaks_through_its_conjoined_verb(prepared: Prepare) -> None:
    text = (
        "The rally ran late into the night. As the crowd began to chant, Sara Lind was joined "
        'on stage again by Senator Tom Ekberg and joked, "Stay home if you must, you are being '
        'silly," drawing loud jeers. Ekberg laughed.'
    )
    assert [speaker for _kind, speaker, _quoted in speakers(prepared, text)] == ["Sara Lind"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a document put out by someone speaks for them through a participle...
        (
            "The debate over the virus bill went on for weeks. Shortly after the call ended, "
            'the Rubin campaign sent out a press release saying Morales owes "Florida an '
            'explanation for voting against the funding." Morales did not respond.',
            "Rubin campaign",
        ),
        # ... and when taken up again
        (
            "Senator Ann Rubin ran a new ad on Tuesday. The ad says that her rival voted "
            "against the funding twice. Her rival did not respond.",
            "Ann Rubin",
        ),
    ],
)
def test_a_document_speaks_for_whoever_put_it_out(
    text: str, speaker: str, prepared: Prepare
) -> None:
    assert [name for _kind, name, _quoted in speakers(prepared, text)] == [speaker]


def test_an_adverbial_clause_before_the_cue_is_not_what_was_said(prepared: Prepare) -> None:
    text = (
        "The senator left the race on Tuesday night. In a statement released shortly after the "
        "Ohio senator suspended his campaign, Lund said he's certain Moss will continue to "
        "fight for the party. Moss thanked him."
    )
    assert [quoted for _kind, _speaker, quoted in speakers(prepared, text)] == [
        "he's certain Moss will continue to fight for the party"
    ]


def test_a_name_holding_the_closing_mark_before_the_cue_speaks() -> None:
    """'"It is bad," Gale, a farmer, said': the parse may hang the closing mark on the name
    it sets as an apposition inside the quotation; the name still speaks."""
    from presslens.stages.quotes.misparsed import name_after_quotation

    doc = hand_parse(
        """
        " 2 punct PUNCT
        It 2 nsubj PRON
        is 11 ccomp AUX
        bad 2 acomp ADJ
        , 3 punct PUNCT
        " 6 punct PUNCT
        Gale 3 appos PROPN
        , 6 punct PUNCT
        a 9 det DET
        farmer 6 appos NOUN
        , 11 punct PUNCT
        said 11 ROOT VERB
        . 11 punct PUNCT
        """
    )
    name = name_after_quotation(doc[11])
    assert name is not None and name.text == "Gale"


def test_a_name_phrase_read_as_a_verb_before_the_cue_speaks(heard: Callable) -> None:
    """'"A," Tulsa police Chief Chuck Jordan said': the parse reads "Tulsa" as a verb and
    gives "said" the quoted clause's subject; the name before the cue speaks, and the next
    quotation of the paragraph goes on with his words."""
    text = (
        "Police Promise Justice\n\nPolice in Tulsa released a video on Monday.\n\n“I will just "
        "make this promise to you: We will achieve justice in this case,” Tulsa police Chief "
        "Chuck Jordan said Monday. “I want to assure our community and people across the "
        "nation: We will achieve justice.”\n\nThe officer was put on leave.\n"
    )
    found = [(q.cue, q.actors, q.text[-20:]) for q in heard(text)]
    assert found == [("said", ["Chuck Jordan"], "ll achieve justice.”")]


def test_a_that_clause_hung_on_an_asides_noun_is_what_was_said(heard: Callable) -> None:
    """'said on Friday during a news conference that he may wait': the parse takes the "that"
    clause for a relative clause of "conference"; its "that" only marks it."""
    text = (
        "Donor Waits\n\nSheldon Adelson spoke in Macau this week. Courted by most of the "
        "Republican candidates and widely expected to be the party’s top donor in the "
        "November 2016 presidential election, Adelson said earlier on Friday during a news "
        "conference that he may wait until February’s primaries to decide who to back. He "
        "left the hall soon after.\n"
    )
    found = [(q.cue, q.actors, q.text) for q in heard(text) if q.cue == "said"]
    assert found == [
        (
            "said",
            ["Sheldon Adelson"],
            "that he may wait until February’s primaries to decide who to back",
        )
    ]


def test_a_name_after_an_opening_phrase_hung_elsewhere_speaks() -> None:
    """'..., former president Tom Ray said his wife ...': after a long opening phrase the parse
    hangs the name on the wife's as an apposition and leaves the cue with no subject (as
    spaCy's small model parses the sentence with "Bill Clinton" for "Tom Ray")."""
    from spacy.tokens import Span as DocSpan

    from presslens.stages.quotes.subjects import subject_of

    doc = hand_parse(
        """
        For 10 prep ADP
        his 2 poss PRON
        wife 0 pobj NOUN
        Ann 4 compound PROPN
        Ray 2 appos PROPN
        , 4 punct PUNCT
        former 7 amod ADJ
        president 9 compound NOUN
        Tom 9 compound PROPN
        Ray 4 appos PROPN
        said 10 ROOT VERB
        his 12 poss PRON
        wife 13 nsubj NOUN
        won 10 ccomp VERB
        . 10 punct PUNCT
        """
    )
    doc.ents = [DocSpan(doc, 3, 5, label="PERSON"), DocSpan(doc, 8, 10, label="PERSON")]
    subject = subject_of(doc[10])
    assert subject is not None and subject.i == 9


def test_a_nouns_own_that_clause_is_not_the_cues(heard: Callable) -> None:
    """'called for a ban because of concerns that ...': the clause is the concerns', not what
    was called for."""
    text = (
        "Ban Proposed\n\nJane Roe toured Dayton. Roe has called for a temporary ban on "
        "admitting refugees to the state because of concerns that criminals might slip into the "
        "country. Her rivals objected.\n"
    )
    said = [q.text for q in heard(text) if q.cue == "called"]
    assert not any(words.startswith("that criminals") for words in said)


def test_the_object_of_despite_before_a_gerund_says_it(heard: Callable) -> None:
    """'despite a few early supporters ..., such as Bob Corker, now saying ...': the parse
    hangs "saying" on the main verb, whose subject did not say it."""
    text = (
        "Veto Fight\n\nThe Senate will vote on Friday.\n\nMcConnell and Ryan remain confident "
        "despite a few early supporters of the bill, such as senator Bob Corker, R-Tenn., and "
        "Lindsey Graham, R-S.C., now saying they think it should be changed to make it more "
        "difficult for families to sue.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [
        ("saying", ["Bob Corker", "Lindsey Graham"])
    ]


def test_the_object_of_a_verbs_own_with_does_not_say_the_gerund() -> None:
    text = (
        "Court Rules\n\nDemocrats sued Ohio over its voting law. In May, a federal judge sided "
        "with the Democrats, saying the law violated the Constitution. The state appealed.\n"
    )
    from presslens import analyse

    assert [q.speaker for q in analyse(text).quotes if q.cue == "saying"] == ["a federal judge"]


def test_the_object_of_with_right_before_a_gerund_says_it(heard: Callable) -> None:
    text = (
        "Clinton Interview\n\nClinton spoke about health care for an hour. The conversation "
        "ended with Maddow asking Clinton whether she would consider a woman as a running "
        "mate. Clinton smiled.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text) if q.cue == "asking"] == [("asking", ["Maddow"])]


def test_a_name_with_an_apposition_after_an_opening_phrase_speaks(heard: Callable) -> None:
    """'Alarmed by the unrest in Nevada, Senator Harold Nash, the minority leader, said that
    ...': the parse hangs the name on "Nevada" and leaves the cue with no subject."""
    text = (
        "Senator Presses Rival\n\nSupporters of the rival disrupted a party meeting last "
        "weekend.\n\nAlarmed by the unrest in Nevada, Senator Harold Nash, the minority leader, "
        "said that he spoke with the rival on Tuesday and that the senator faced a test of "
        "leadership.\n\nNash said more talks were planned.\n"
    )
    (said,) = [q for q in heard(text) if "spoke" in q.text]
    assert said.actors == ["Harold Nash"] and said.text.endswith("a test of leadership")


def test_a_name_in_an_aside_after_a_quotation_speaks() -> None:
    """'"A," Mr. Harlan, now 64 and retired in Dayton, Ohio, said': the parse reads "retired"
    as a verb with the name for its subject, and hangs the cue on the quoted verb."""
    from presslens import analyse

    text = (
        "Freed Reporter Recalls the Swap\n\nThe city freed a reporter in 1990 in exchange for a "
        "spy.\n\n''If the mayor had listened to Gale, I would have been sitting in a cell for a "
        "long time,'' Mr. Harlan, now 64 and retired in Dayton, Ohio, said by telephone this "
        "week. ''Every minute there is like a day.''\n"
    )
    (quote,) = analyse(text).quotes
    assert (quote.cue, quote.speaker) == ("said", "Mr. Harlan, now 64")


def test_claiming_without_evidence_that_reports_the_clause(heard: Callable) -> None:
    """'claiming without any evidence that Governor Pratt wanted ...': the parse hangs the
    clause on "evidence"; it is what was claimed, and the claimant is the "he" who speaks next
    (not Pratt, the clause's subject)."""
    text = (
        "Candidates Sharpen Their Tone\n\nMr. Hale spoke in Iowa on Sunday.\n\nThe day before, "
        "at a rally in Dayton, Mr. Dunne was just as blunt, claiming without any evidence that "
        "Governor Pratt wanted to take in 250,000 refugees. ''You'd have to be insane,'' he "
        "said. And Ann Bell called for a ban.\n"
    )
    assert [(q.cue, q.actors) for q in heard(text)] == [
        ("claiming", ["Mr. Dunne"]),
        ("said", ["Mr. Dunne"]),
        ("called", ["Ann Bell"]),
    ]
