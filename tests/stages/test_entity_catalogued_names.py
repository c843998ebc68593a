"""Names WordNet's catalogue of proper nouns knows whole that the tagger types a person's
(issue 16, "actors that are not actors"): "Ho Chi Minh City" is a place, "Jim Crow" no one;
they are relabelled before people's names are merged (proper_kinds.catalogued_relabelled),
unless the article marks the name as a person's; on invented texts."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import presslens
from presslens.model import Span
from presslens.stages.entities.proper_kinds import marked_as_person
from presslens.stages.entities.types import Group


def lists(text: str) -> tuple[dict[str, str], list[str], list[str]]:
    dossier = presslens.analyse(text)
    actors = {actor.name: actor.type for actor in dossier.actors}
    return actors, [g.name for g in dossier.groups], [p.name for p in dossier.places]


def test_a_city_the_catalogue_knows_is_a_place() -> None:
    actors, _, places = lists(
        "Leaders meet in Vietnam\n\n"
        "Ann Roe met young leaders at a town hall in Ho Chi Minh City on Tuesday. At the town"
        " hall in Ho Chi Minh City, a young woman asked Roe about trade. Crowds lined the"
        " streets as her car passed. Roe said the visit was a success.\n"
    )
    assert "Ho Chi Minh City" not in actors
    assert "Ho Chi Minh City" in places


def test_an_era_the_catalogue_knows_is_no_actor() -> None:
    actors, _, _ = lists(
        "Judge blocks the state law\n\n"
        "A federal judge blocked the law on Friday. Tom Hale, a lawyer for the couples, said it"
        " recalled the era of Jim Crow. The state said it would appeal.\n"
    )
    assert "Jim Crow" not in actors
    assert actors["Tom Hale"] == "PERSON"


def test_a_speaker_named_like_a_town_stays_a_person() -> None:
    actors, _, places = lists(
        "Farmers protest new tax\n\n"
        "Vicente Lopez said the tax would ruin the family farm. The farmers would march on"
        " Monday, Vicente Lopez added.\n"
    )
    assert actors["Vicente Lopez"] == "PERSON"


@pytest.mark.parametrize(
    "sentence",
    [
        "Vicente Lopez, a farmer, drove a tractor into the square.",
        "The protest was led by farmer Vicente Lopez, who drove a tractor into the square.",
        "Mr. Vicente Lopez drove a tractor into the square.",
    ],
)
def test_a_person_given_a_role_named_like_a_town_stays_a_person(sentence: str) -> None:
    actors, _, _ = lists(
        "Farmers protest new tax\n\n"
        f"Farmers gathered in the square on Monday. {sentence} The march ended at noon.\n"
    )
    assert actors["Vicente Lopez"] == "PERSON"


def test_a_place_after_in_is_not_a_person_for_the_next_subject_hung_on_it() -> None:
    """The parse of a real article hung "a young woman" (the next clause's subject) on "in Ho
    Chi Minh City" as an apposition; given by hand, as invented texts parse it right."""
    words = "At the hall in Ho Chi Minh City , a woman asked Roe .".split()
    heads = [11, 2, 0, 2, 7, 7, 7, 3, 7, 10, 7, 11, 11, 11]
    deps = ["prep", "det", "pobj", "prep", "compound", "compound", "compound", "pobj"]
    deps += ["punct", "det", "appos", "ROOT", "dobj", "punct"]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"] + ["O"] * 6
    lemmas = [w.lower() for w in words]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, ents=ents, lemmas=lemmas)
    city = doc.ents[0]
    group = Group(name=city.text, spans=[Span(city.start_char, city.end_char)])
    assert not marked_as_person(group, doc)
