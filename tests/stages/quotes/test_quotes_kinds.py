"""Attributions that are not speech go to the stances, with their kind: negated, refused,
hypothetical speech, stances and intents; speech stays among the quotes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from presslens import analyse
from presslens.model import Actor, Article
from presslens.stages.quotes import find_quotes

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]


def kinds(prepare: Prepare, text: str) -> tuple[list[str], list[str]]:
    """The kinds of the quotes and of the stances found in `text`."""
    article, doc, actors = prepare(text)
    found = find_quotes(article, doc, actors)
    return [q.kind for q in found.quotes], [s.kind for s in found.stances]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speech
        ("Maria Lopez said that the plant would close in May.", "indirect"),
        ("Maria Lopez said the plant would not close in May.", "indirect"),
        ("Maria Lopez wants to run again, she said on Monday.", "indirect"),
        ("Maria Lopez would later say that the plant had to close.", "indirect"),
        # negated speech: the negation sits on the cue or the verb it hangs on
        ("Maria Lopez did not say whether the plant would close.", "negated"),
        ("Maria Lopez never said that the plant would close.", "negated"),
        ("Maria Lopez would not say whether the plant would close.", "negated"),
        ("Mr. Roe did not signal that he intended to sell the plant.", "negated"),
        ("Maria Lopez did not respond to a request for comment.", "negated"),
        ("Nobody said that the plant would close.", "negated"),
        ("Not a single official said that the plant would close.", "negated"),
        # refused speech
        ("Maria Lopez declined to comment on the closure.", "refusal"),
        ("Maria Lopez refused to say whether the plant would close.", "refusal"),
        ("Maria Lopez avoided saying whether the plant would close.", "refusal"),
        ("Maria Lopez avoided criticizing the owners of the plant.", "refusal"),
        # hypothetical speech
        ("Maria Lopez could say that the plant will close.", "hypothetical"),
        ("If Maria Lopez says that the plant will close, workers will strike.", "hypothetical"),
        # stances and intents
        ("Maria Lopez opposes the closure of the plant.", "stance"),
        ("Maria Lopez supports the new budget.", "stance"),
        ("Maria Lopez sought to downplay the closure of the plant.", "intent"),
        ("Maria Lopez wants to sell the plant.", "intent"),
        ("Maria Lopez plans to sell the plant next year.", "intent"),
        ("Maria Lopez offered to sell the plant.", "intent"),
        ("Maria Lopez refused to release her tax returns.", "intent"),
        # beliefs and perceptions are held, not said; a document's findings are its report
        ("Maria Lopez believes that the plant will close in May.", "stance"),
        ("Maria Lopez sees the closure as a betrayal of the town.", "stance"),
        ("Maria Lopez fears that the plant will close in May.", "stance"),
        ("Maria Lopez was afraid that the plant would close in May.", "stance"),
        ("Maria Lopez is skeptical of the buyer's promise to keep the plant.", "stance"),
        ("The poll shows that most workers want the plant to stay open.", "indirect"),
        # paying no heed is no words
        ("Maria Lopez ignored the reality that the plant was losing money.", "stance"),
        # publishing something is an act: a stance, not words
        ("Maria Lopez released her tax returns on Monday.", "stance"),
        # what is only a name says whom, not what
        ("Maria Lopez has been a powerful surrogate, attacking Tom Ray.", "stance"),
        ("Maria Lopez praised the Rail Union.", "stance"),
    ],
)
def test_attribution_kind(text: str, expected: str, prepared: Prepare) -> None:
    quotes, stances = kinds(prepared, text)
    assert quotes + stances == [expected]
    speech = expected in ("direct", "indirect", "mixed")
    assert (quotes if speech else stances) == [expected]


def test_stances_are_numbered_apart(prepared: Prepare) -> None:
    text = (
        "Maria Lopez said that the plant would close. She declined to comment on the "
        "buyers. Tom Ray opposes the sale."
    )
    article, doc, actors = prepared(text)
    found = find_quotes(article, doc, actors)
    assert [q.id for q in found.quotes] == ["q1"]
    assert [(s.id, s.kind) for s in found.stances] == [("st1", "refusal"), ("st2", "stance")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document's verb reports when a document finds or shows something ...
        ("The new poll shows a large lead for Maria Lopez.", ["indirect"]),
        # ... not when someone finds or shows a thing
        ("Maria Lopez found ways to cut the budget of the town.", []),
        ("The supporters of Maria Lopez showed signs of greater enthusiasm.", []),
    ],
)
def test_a_document_verb_reports_only_for_a_document(
    text: str, expected: list[str], prepared: Prepare
) -> None:
    quotes, stances = kinds(prepared, text)
    assert quotes + stances == expected


def test_a_not_after_the_cue_does_not_negate_it() -> None:
    """The parser may hang a later phrase's "not" on the cue ("promising to lift rules ―
    probably not what Berg had in mind": the model's parse before horizontal bars were read as
    dashes, written out by hand); a verb's negation comes before it."""
    from presslens import nlp
    from presslens.stages.quotes.kinds import governing, negated
    from tests.stages.quotes.conftest import hand_parse

    doc = hand_parse(
        """
        Reyes 1 nsubj PROPN
        spoke 1 ROOT VERB
        , 1 punct PUNCT
        promising 1 advcl VERB
        to 5 aux PART
        lift 3 xcomp VERB
        rules 5 dobj NOUN
        ― 3 punct PUNCT
        probably 9 advmod ADV
        not 3 neg PART
        . 1 punct PUNCT
        """
    )
    (cue,) = [t for t in doc if t.text == "promising"]
    assert any(c.dep_ == "neg" and c.i > cue.i for c in cue.children)  # the parse at issue
    assert not negated(governing(cue))
    (said,) = [t for t in nlp.parse("Tom Reyes did not say it.") if t.text == "say"]
    assert negated(governing(said))


@pytest.mark.parametrize(
    "text",
    [
        "The debate promised to be a crucial moment for the mayor.",
        "The row threatens to become a crisis for the council.",
        "Rising rents threaten to push teachers out of the city.",  # no one's words
    ],
)
def test_what_is_likely_is_no_speech(text: str, prepared: Callable) -> None:
    article, doc, actors = prepared(text)
    assert find_quotes(article, doc, actors).quotes == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The company promised to cut prices.", "promised"),
        ("Officials threatened to close the bridge.", "threatened"),
    ],
)
def test_a_body_or_a_person_promising_is_speech(text: str, cue: str, prepared: Callable) -> None:
    article, doc, actors = prepared(text)
    assert [q.cue for q in find_quotes(article, doc, actors).quotes] == [cue]


@pytest.mark.parametrize(
    "text",
    [
        "Two aides spoke on condition of anonymity because they were not cleared to talk.",
        "The engineer asked not to be named.",
        "Both officials requested anonymity.",
    ],
)
def test_how_a_source_stays_unnamed_is_no_quote(text: str, prepared: Callable) -> None:
    article, doc, actors = prepared(text)
    found = find_quotes(article, doc, actors)
    assert found.quotes == () and found.stances == ()


def test_anonymous_people_in_what_was_said_are_still_said(prepared: Callable) -> None:
    text = "The charity said anonymous donors gave most of the money."
    article, doc, actors = prepared(text)
    (quote,) = find_quotes(article, doc, actors).quotes
    assert quote.text == "anonymous donors gave most of the money"


def test_agreeing_with_a_pronoun_reports_nothing_said(prepared: Callable) -> None:
    text = "Two engineers agreed with him, and the plans went ahead as they had been drawn up."
    article, doc, actors = prepared(text)
    assert find_quotes(article, doc, actors).quotes == ()


def test_saying_nothing_is_no_quote() -> None:
    dossier = analyse(
        "The campaign site went up on Monday. The health page does not mention the repeal "
        "effort, just as a page on climate says nothing about blocking attempts to roll back "
        "the new rules. Aides said the site would grow."
    )
    assert [q.text for q in dossier.quotes] == ["the site would grow"]
    assert "negated" in {s.kind for s in dossier.stances}


def test_the_one_asked_is_not_the_speaker() -> None:
    from tests.stages.quotes.conftest import hear

    text = (
        "Ronald Rigg was a popular governor for two terms. Rigg was once asked how the strike "
        "would end. He responded that the workers would win."
    )
    speakers = {q.cue: q.actors for q in hear(text)}
    assert speakers["was once asked"] == []
    assert speakers["responded"] == ["Ronald Rigg"]


def test_making_no_mention_is_negated_speech() -> None:
    text = (
        "Tom Pike announced the trade deal on Friday in the Oval Office. But he made no mention "
        "of rolling back any levies. He said the talks would go on."
    )
    dossier = analyse(text)
    assert [q.cue for q in dossier.quotes] == ["announced", "said"]
    assert [(s.kind, s.cue) for s in dossier.stances] == [("negated", "made no mention of")]


def test_speech_held_back_under_a_negation_was_given() -> None:
    text = (
        "Fare rise approved\n\nThe transit board approved the fare rise on Tuesday. Its "
        "critics could not resist pointing out that the buses still ran late. The chair did not "
        "hesitate to say that the rise was overdue. Her deputy failed to mention that the budget "
        "had been cut twice."
    )
    dossier = analyse(text)
    assert [q.cue for q in dossier.quotes] == ["pointing out", "say"]
    assert [(s.kind, s.cue) for s in dossier.stances] == [("negated", "mention")]


def test_speech_someone_is_asked_or_poised_to_give_is_not_yet_given() -> None:
    text = (
        "Budget row\n\nBernie Sanders won the primary on Tuesday. Now he's poised to argue he's "
        "in the race for the long haul. Mayor Tom Reyes was forced to admit that the budget was "
        "short. Jane Roe is reported to have called the plan a disaster."
    )
    dossier = analyse(text)
    quotes = [q.cue or "" for q in dossier.quotes]
    assert not [cue for cue in quotes if "argue" in cue]
    assert [(s.kind, s.cue) for s in dossier.stances if "argue" in (s.cue or "")] == [
        ("hypothetical", "'s poised to argue")
    ]
    assert "was forced to admit" in quotes
    assert [cue for cue in quotes if "called" in cue] == ["is reported to have called"]


def test_a_refusal_verb_read_as_a_noun_still_refuses() -> None:
    """'Trump avoids condemning ...': the tagger reads "avoids" as a plural noun."""
    from presslens import analyse

    text = (
        "Trump and Russia\n\nDonald Trump has praised Vladimir Putin. Trump avoids condemning "
        "Russia’s invasion of Ukraine. His aides met on Monday."
    )
    dossier = analyse(text)
    assert not any("invasion" in q.text for q in dossier.quotes)
    assert [s.kind for s in dossier.stances if "invasion" in s.text] == ["refusal"]


def unsaid(prepare: Prepare, text: str, cue: str) -> tuple[list[str], list[str]]:
    """The kinds of the quotes and of the stances whose cue holds `cue`, in a story whose
    headline comes first."""
    article, doc, actors = prepare("Plant closure\n" + text)
    found = find_quotes(article, doc, actors)
    return (
        [q.kind for q in found.quotes if cue in (q.cue or "")],
        [s.kind for s in found.stances if cue in (s.cue or "")],
    )


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # "yet to": not said so far
        ("Maria Lopez has yet to explain why the plant would close.", "explain", "negated"),
        ("Maria Lopez is yet to say whether the plant will close.", "say", "negated"),
        # "nor" and "neither" deny the verb they come before, or the one "nor" joins
        ("Nor did Maria Lopez say when the plant would close.", "say", "negated"),
        (
            "Maria Lopez neither confirmed nor denied that the plant would close.",
            "denied",
            "negated",
        ),
        ("Neither Maria Lopez nor Tom Ray said whether the plant would close.", "said", "negated"),
        (
            "Tom Ray nor other officials identified the owners of the plant.",
            "identified",
            "negated",
        ),
        # a verb joined by "or" shares the negation of the verb before it
        ("Maria Lopez would not confirm or deny that the plant would close.", "deny", "negated"),
        ("Maria Lopez did not say or suggest that the plant would close.", "suggest", "negated"),
        # a negative phrase put first, the auxiliary before the subject
        ("Not once did Tom Ray mention that the plant would close.", "mention", "negated"),
        ("At no point did Maria Lopez say that the plant would close.", "say", "negated"),
        ("Nowhere does the report say that the plant would close.", "say", "negated"),
        # a subject under "neither"
        (
            "Both men spoke, but neither man has spoken out about the plant.",
            "spoken out",
            "negated",
        ),
        # a relative pronoun standing for nothing
        ("There is really nothing that suggests the plant will close.", "suggests", "negated"),
    ],
)
def test_speech_not_given_is_no_quote(
    text: str, cue: str, expected: str, prepared: Prepare
) -> None:
    quotes, stances = unsaid(prepared, text, cue)
    assert quotes == []
    assert stances == [expected]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # "and" does not carry the negation over to a verb of its own
        ("Tom Ray did not deny the report and said the plant would close in May.", "said"),
        # "nor" after the verb belongs to what was said, "yet" without "have" is no negation
        ("Maria Lopez said neither the union nor the owners would sell the plant.", "said"),
        ("Maria Lopez has yet again said that the plant would close.", "said"),
        ("Maria Lopez is yet another mayor to say that the plant would close.", "say"),
        ("There is a memo that suggests the plant will close.", "suggests"),
        # a negative phrase first but no auxiliary turned, or "not only"
        ("With no evidence, Tom Ray said that the plant would close.", "said"),
        ("Not only did Maria Lopez say that the plant would close, she wrote it.", "say"),
        # a verb with a subject of its own does not share the negation before "or"
        ("Either Tom Ray did not read the report or he said that the plant would close.", "said"),
    ],
)
def test_speech_given_stays_a_quote(text: str, cue: str, prepared: Prepare) -> None:
    quotes, stances = unsaid(prepared, text, cue)
    assert quotes == ["indirect"]
    assert stances == []


def test_nor_after_a_verb_denies_only_the_next_one() -> None:
    """'Lopez said it, admitted it, nor did the owners deny it' (a parse of the model's
    kind): "nor" hangs on "said" but denies only "deny", not the verbs before it."""
    from presslens.stages.quotes.kinds import governing, negated
    from tests.stages.quotes.conftest import hand_parse

    doc = hand_parse(
        """
        Lopez 1 nsubj PROPN
        said 1 ROOT VERB
        it 1 dobj PRON
        , 1 punct PUNCT
        admitted 1 conj VERB
        it 4 dobj PRON
        , 1 punct PUNCT
        nor 1 cc CCONJ
        did 10 aux AUX
        owners 10 nsubj NOUN
        deny 1 conj VERB
        it 10 dobj PRON
        . 1 punct PUNCT
        """
    )
    said, admitted, deny = doc[1], doc[4], doc[10]
    assert not negated(governing(said))
    assert not negated(governing(admitted))
    assert negated(governing(deny))


def test_speech_a_noun_of_refusal_governs_was_not_given() -> None:
    """'Spain's refusal to acknowledge ...', 'Ray's failure to condemn ...': the infinitive
    of a noun of refusing or failing was not said."""
    text = (
        "Border row\n\nSince the shooting, deep division exists between the two towns as a "
        "result of Spain’s refusal to acknowledge fully the killings committed. Tensions grew "
        "as a result of Tom Ray’s failure to condemn openly the attacks committed."
    )
    dossier = analyse(text)
    assert dossier.quotes == ()
    assert [(s.kind, s.cue) for s in dossier.stances] == [
        ("refusal", "acknowledge"),
        ("negated", "condemn"),
    ]


def test_a_noun_of_speech_under_no_denies_the_speech() -> None:
    text = (
        "Campaign news\n\nThe retired surgeon has provided no details about how he planned "
        "to reboot his campaign."
    )
    dossier = analyse(text)
    assert dossier.quotes == ()
    assert [(s.kind, s.cue) for s in dossier.stances] == [
        ("negated", "has provided no details about")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“Tom Ray never closed a plant. Nor did Maria Lopez,” Ann Lee wrote.",
        "“Tom Ray would never have closed the plant. Nor would Maria Lopez,” Ann Lee wrote.",
    ],
)
def test_a_negation_or_modal_inside_the_quotation_is_the_speakers(
    text: str, prepared: Prepare
) -> None:
    """The parse hangs the quotation's "Nor" and "would" on "wrote": they are the writer's."""
    quotes, stances = unsaid(prepared, text, "wrote")
    assert (quotes, stances) == (["direct"], [])


def test_a_gerund_after_from_or_of_goes_up_to_a_refusal_or_stopping_short() -> None:
    """'refrained from saying', 'fell short of saying': not said; "apart from saying", "did not
    benefit from saying" and "never tired of saying" are said."""
    text = (
        "Plant closure\n\nMaria Lopez refrained from saying whether the plant would close. "
        "Tom Ray fell short of saying that the plant would close. Ann Lee did not comment, "
        "apart from saying that the plant would close. Tom Ray did not benefit from saying "
        "that the plant would close. Ann Roe never tired of saying that the plant would close. "
        "Ann Roe avoided blame by saying that the plant would close."
    )
    dossier = analyse(text)
    assert [q.cue for q in dossier.quotes] == [
        "apart from saying",
        "did not benefit from saying",
        "never tired of saying",
        "saying",
    ]
    assert [(s.kind, s.cue) for s in dossier.stances] == [
        ("refusal", "refrained from saying"),
        ("negated", "fell short of saying"),
    ]
