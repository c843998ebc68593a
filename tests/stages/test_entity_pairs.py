"""One actor per organisation (issue 16): two names the tagger read as one across "and"
("Cornell and Technion") or a joint poll's hyphen ("Washington Post-ABC News"), cut in two
(stages/entities/coordinated.py), on invented texts, and the guards on parses built by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import presslens
from presslens.model import Span
from presslens.stages.entities.coordinated import halves_of, sponsors_of
from presslens.stages.entities.mentions import Mention


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


def test_two_names_joined_by_and_are_two_actors() -> None:
    found = actors(
        "Two universities open a campus together\n\n"
        "The new campus in Haifa is a joint work of Cornell and Technion. Technion said on"
        " Monday that the first students would arrive in September. Jane Roe, a spokeswoman"
        " for Cornell University, said the two schools had worked on the plan for three years."
    )
    assert "Cornell and Technion" not in found
    assert found["Technion"] == ("ORG", 2)
    assert found["Cornell University"] == ("ORG", 2)


def test_a_pair_whose_second_name_acts_alone_is_cut() -> None:
    found = actors(
        "Search giant and social network sign a deal\n\n"
        "The deal was signed by Alphabet and Facebook last week. Facebook said on Monday that"
        " the two companies would share data centres. Alphabet declined to comment. Jane Roe,"
        " an analyst, said the deal would save both money."
    )
    assert found["Alphabet"] == ("ORG", 2)
    assert found["Facebook"] == ("ORG", 2)


def test_a_name_with_and_whose_halves_are_never_named_alone_stays_whole() -> None:
    found = actors(
        "Soap maker cuts jobs\n\n"
        "Shares of Procter and Gamble fell on Monday after the company said it would cut 500"
        " jobs. Procter and Gamble said the cuts would save money. Jane Roe, an analyst, said"
        " the news was expected."
    )
    assert "Procter" not in found
    assert "Gamble" not in found


def hand_parse(
    words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None
) -> Doc:
    pos = pos or ["CCONJ" if word == "and" else "PROPN" for word in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def mention_of(doc: Doc) -> Mention:
    return Mention(span=Span(0, len(doc.text)), name=doc.text, label="ORG")


def test_a_couples_foundation_is_not_cut() -> None:
    doc = hand_parse(
        ["Bill", "and", "Melinda", "Gates", "Foundation"],
        [0, 0, 4, 4, 0],
        ["ROOT", "cc", "compound", "compound", "conj"],
    )
    assert halves_of(mention_of(doc), doc, doc.text) is None


def test_words_coordinated_inside_a_name_do_not_cut_it() -> None:
    doc = hand_parse(
        ["Immigration", "and", "Customs", "Enforcement"],
        [3, 0, 0, 3],
        ["compound", "cc", "conj", "ROOT"],
    )
    assert halves_of(mention_of(doc), doc, doc.text) is None


def test_a_pair_of_names_is_cut_on_a_hand_parse() -> None:
    doc = hand_parse(["Hulu", "and", "Zeta"], [0, 0, 0], ["ROOT", "cc", "conj"])
    halves = halves_of(mention_of(doc), doc, doc.text)
    assert halves is not None
    assert [half.name for half in halves] == ["Hulu", "Zeta"]


def test_a_verb_after_and_is_no_second_name() -> None:
    # "Priorities USA Action and Correct the Record": the tagger's name ends in the verb
    doc = hand_parse(
        ["Priorities", "USA", "Action", "and", "Correct"],
        [2, 2, 2, 2, 2],
        ["compound", "compound", "ROOT", "cc", "conj"],
        ["PROPN", "PROPN", "PROPN", "CCONJ", "VERB"],
    )
    assert halves_of(mention_of(doc), doc, doc.text) is None


def test_a_joint_polls_sponsors_are_two_actors() -> None:
    found = actors(
        "Race tightens in new poll\n\n"
        "The race has tightened, according to a new Daily Ledger-Channel Nine News poll released"
        " on Sunday. The Daily Ledger said the survey of 900 voters was taken last week. Jane"
        " Roe, a pollster, said the margin was within the error."
    )
    assert found["Daily Ledger"] == ("ORG", 2)
    assert found["Channel Nine News"] == ("ORG", 1)
    assert "Daily Ledger-Channel Nine News" not in found


def test_a_campus_after_a_hyphen_stays_in_the_name() -> None:
    found = actors(
        "Students rally for the candidate\n\n"
        "Students at the University of Idaho-Coeur d'Alene rallied on Monday. The University of"
        " Idaho said the rally was peaceful. Jane Roe, a professor, said the students had"
        " organised it themselves."
    )
    assert "Coeur d'Alene" not in found


@pytest.mark.parametrize("text", ["AFL-CIO", "Agence France-Presse", "Dodd-Frank"])
def test_a_hyphenated_name_of_one_body_is_not_cut(text: str) -> None:
    assert sponsors_of(Mention(span=Span(0, len(text)), name=text, label="ORG"), text) is None
