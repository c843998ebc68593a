"""Actors' types the small tagger gets wrong, set right from the name and the article (issue 16,
"actors"): people typed ORG, towns typed PERSON, outlets typed PERSON or GPE, a surname typed
GPE beside its person's full name. Invented texts; these need the spaCy model."""

from __future__ import annotations

import pytest

from presslens import analyse


def types_of(text: str) -> dict[str, tuple[str, int]]:
    return {a.name: (a.type, len(a.mentions)) for a in analyse(text).actors}


def test_names_opening_with_a_known_first_name_are_people() -> None:
    """'Alton Redding' and 'Marcus Hale' (tagged ORG) open with first names the catalogues know
    and end with no organisation's word."""
    found = types_of(
        "Protest over a shop closure\n\nThe deaths of Alton Redding in Georgia and Marcus Hale in"
        " Ohio drew crowds on Sunday. Organisers read their names aloud at the vigil. The city"
        " council met later that evening and promised a review.\n"
    )
    assert found["Alton Redding"][0] == "PERSON"
    assert found["Marcus Hale"][0] == "PERSON"


def test_a_surname_that_is_also_a_word_for_a_person_does_not_stop_it() -> None:
    """'Baker' is a noun for a person, as surnames often are: 'Eli Baker' (tagged ORG) is a
    person ("Grant Park", a place's noun last, would not be)."""
    found = types_of(
        "Donors and schools\n\nThe plan drew money from Eli Baker and the city's teachers."
        " Critics said the donors had too much say. The board will meet again in March.\n"
    )
    assert found["Eli Baker"][0] == "PERSON"


def test_a_town_written_with_its_state_is_a_place() -> None:
    """'Ferguson, Missouri', then 'Ferguson had 115 violent crimes': the town, not a person."""
    found = types_of(
        "Crime figures questioned\n\nThe candidate claimed that Ferguson, Missouri, is more"
        " dangerous than a war zone. Ferguson had 115 violent crimes last year, the police said."
        " Ferguson is a community of 21,000 people. Critics said Ferguson was unfairly singled"
        " out.\n"
    )
    assert found["Ferguson"] == ("GPE", 4)


def test_a_city_with_a_saints_name_is_no_person() -> None:
    found = types_of(
        "Safest and deadliest cities\n\nCities on the list include San Pedro Sula, Honduras,"
        " and Caracas, Venezuela. San Pedro Sula, which has 800,000 people, had more than a"
        " thousand killings. Experts said the figures were reliable.\n"
    )
    assert found["San Pedro Sula"][0] == "GPE"


def test_a_person_named_like_a_town_stays_a_person() -> None:
    """'Ferguson said' and 'he' taking it up: a person, though the gazetteer knows the town."""
    found = types_of(
        "A coach speaks\n\nAlex Ferguson, the former manager, spoke in Ferguson, Missouri, on"
        " Monday. Ferguson said he had never been so moved. He thanked the crowd.\n"
    )
    assert found["Alex Ferguson"][0] == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A tense interview\n\nAs one former employee told Palo Alto Weekly, the chief"
            " executive wanted everyone to fear her. The company declined to comment. Its shares"
            " fell sharply that week.\n",
            "Palo Alto Weekly",
        ),
        (
            "Poll shows a tie\n\nThe county has picked the winner in every election since 1956,"
            " according to a new article in Politico. Politico reveals a few relevant facts about"
            " its voters. As Politico reported, the race is close.\n",
            "Politico",
        ),
    ],
)
def test_an_outlet_is_an_organisation(text: str, name: str) -> None:
    assert types_of(text)[name][0] == "ORG"


def test_a_surname_the_tagger_calls_a_place_joins_its_person() -> None:
    """'to Kasich' read as a location and tagged GPE: no town of the gazetteer, so it is John
    Kasich's surname."""
    found = types_of(
        "Delegates at stake\n\nThe establishment tries to steer the nomination to Kasich, or"
        " anyone other than the two leaders, compared to Ohio Governor John Kasich's 145"
        " delegates. The more moderate Kasich has argued that his ratings are better. His aides"
        " agree.\n"
    )
    assert found["John Kasich"] == ("PERSON", 3)
    assert "Kasich" not in found


def test_a_school_or_a_team_opening_with_a_first_name_is_no_person() -> None:
    found = types_of(
        "Polls and games\n\nTwo pollsters, Emerson College and Opinion Savvy, showed a close"
        " race. The Dallas Cowboys lost on Sunday, and Edison Research said turnout was low."
        " Voters were unmoved.\n"
    )
    assert all(kind != "PERSON" for kind, _ in found.values())


def test_a_source_after_according_to_acts_though_a_town_bears_its_name() -> None:
    dossier = analyse(
        "The mayor spoke on Tuesday. Approval of the mayor fell to 40 percent in May, according "
        "to Gallup. His aides dismissed the poll as an outlier."
    )
    names = {actor.id: actor.name for actor in dossier.actors}
    assert [names[i] for q in dossier.quotes for i in q.speaker_actor_ids] == ["Gallup"]
    assert "Gallup" not in [place.name for place in dossier.places]


def test_a_name_taken_up_as_they_past_a_persons_name_is_an_organisation() -> None:
    text = (
        "Factwise: Roe is right about jobs\n\nFollowing the debate Factwise did a check on "
        'Governor Tom Roe\'s claim that there were "thousands of jobs" lost this year. On Monday '
        "they published the results of their check.\n\nFactwise seized on Roe's claim about "
        "the plant. They checked the county's records and found 3,210 jobs lost."
    )
    types = {actor.name: actor.type for actor in analyse(text).actors}
    assert types == {"Factwise": "ORG", "Tom Roe": "PERSON"}
