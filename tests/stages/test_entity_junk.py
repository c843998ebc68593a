"""Names that are not actors (stages/entities/works.py): events, a prize's tail, plural titles,
and a nickname before a person's given name."""

from __future__ import annotations

import presslens
from presslens import nlp
from presslens.model import Article, Span
from presslens.stages.entities import find_entities


def actor_names(text: str) -> list[str]:
    return [actor.name for actor in presslens.analyse(text).actors]


def test_an_address_is_no_actor() -> None:
    names = actor_names(
        "Senator Dana Whitcombe criticised the budget on Monday. She said the State of the "
        "Union Address had ignored farmers in her state. Whitcombe plans to hold hearings "
        "next month."
    )
    assert "Dana Whitcombe" in names
    assert not any("Address" in name for name in names)


def test_the_tail_of_a_prize_name_is_no_actor() -> None:
    names = actor_names(
        "The reporter Lena Marsh joined the paper in 2010. Marsh won the Holloway Prize for "
        "Excellence in Local Coverage by the Media last spring. She said the award surprised "
        "her colleagues."
    )
    assert "Lena Marsh" in names
    assert "Media" not in names


def test_a_plural_title_is_no_actor() -> None:
    names = actor_names(
        "The debate drew a crowd in Reno. Former senator Alan Brisk and Govs. Maria Tovar "
        "and Paul Dench took the stage. Brisk said the race was far from over."
    )
    assert "Govs" not in names


def test_a_nickname_before_a_given_name_joins_the_person() -> None:
    names = actor_names(
        'Candidate Harold Venn attacked his rival Margaret Quill on Tuesday. "Sleepy Margaret '
        'will never fix this city," Venn said at a rally. Quill said she would not answer '
        "insults."
    )
    assert "Margaret Quill" in names
    assert "Sleepy Margaret" not in names


def test_a_name_written_with_two_spaces_does_not_break_the_actors() -> None:
    text = (
        "The ad will air in Iowa next week. Billionaire  Donald Venn paid for it himself. The "
        "spot attacks the governor."
    )
    article = Article(text=text, paragraphs=(Span(0, len(text)),), language="en")
    names = [actor.name for actor in find_entities(article, nlp.parse(text)).actors]
    assert any(name.endswith("Donald Venn") for name in names)


def test_a_time_zone_after_a_clock_time_is_no_actor() -> None:
    names = actor_names(
        "The radio show returns next week. It airs weekdays from 6:00 a.m. to 9:00 a.m. "
        "Eastern. Its host, Tom Baxter, said the station had renewed it for a year."
    )
    assert "Tom Baxter" in names
    assert "Eastern" not in names


def test_an_un_hyphened_adjective_is_no_actor() -> None:
    names = actor_names(
        'Amy Lind lost her husband in the attack. "All we ask is a day in court. Denying us '
        'justice is un-American." Lind accused the government of stalling. She said the '
        "families would keep pressing."
    )
    assert "Amy Lind" in names
    assert not any("American" in name for name in names)


def test_a_chamber_named_only_in_a_leaders_title_is_no_actor() -> None:
    names = actor_names(
        "Senate Majority Leader Mitch McConnell said the veto would be overridden. House "
        'Speaker Paul Ryan agreed. "The votes are there," Ryan said. The Senate voted on '
        "Wednesday."
    )
    assert {"Mitch McConnell", "Paul Ryan", "Senate"} <= set(names)
    assert "House" not in names


def test_cities_a_county_is_said_to_include_are_places_not_actors() -> None:
    names = actor_names(
        "A survey found that in the state's three largest counties, which include Cleveland, "
        "Cincinnati and Columbus, voters were removed at twice the rate. Jon Husted, the "
        "secretary of state, said the ruling was wrong."
    )
    assert "Jon Husted" in names
    assert not {"Cleveland", "Cincinnati", "Columbus"} & set(names)


def test_a_works_title_before_its_author_or_after_a_comma_is_no_actor() -> None:
    names = actor_names(
        "The film features activists like Angela Davis and The Open Cage author Michelle "
        "Alvarez. Davis said the film was vital. The Quill Players, which premiered her play, "
        "Kindness, Holiness, and Folly: A User's Guide, at the Dock Street theater, said it "
        "had sold out."
    )
    assert {"Angela Davis", "Michelle Alvarez"} <= set(names)
    assert not any(word in name for name in names for word in ("Cage", "Kindness"))


def test_states_won_or_carried_are_places_not_actors() -> None:
    dossier = presslens.analyse(
        "The senator had a strong night on Tuesday. Dana Roe won Vermont and Oklahoma, and "
        "her rival Tom Baxter carried Virginia and Georgia. Roe said the race was far from "
        "over. Baxter said he would campaign in Ohio next week."
    )
    names = [actor.name for actor in dossier.actors]
    assert {"Dana Roe", "Tom Baxter"} <= set(names)
    assert not {"Vermont", "Oklahoma", "Virginia", "Georgia"} & set(names)
    assert {"Vermont", "Virginia"} <= {place.name for place in dossier.places}


def test_a_pronoun_read_into_a_persons_name_makes_no_person() -> None:
    text = (
        "Mayor Rosa Lind spoke to the press on Friday.\n\n"
        '"If you are referring to the strains in the council that suggest that somehow I’m '
        "different, I’m Muslim, I’m disloyal to the town, etc. — which is pretty far out there "
        '— what I’d say is that it is personal," Lind said.\n'
    )
    assert actor_names(text) == ["Rosa Lind"]


def test_ag_before_a_surname_is_the_attorney_general_s_title() -> None:
    text = (
        "Vance faces calls\n\n"
        "Rita Doss called for the removal of Attorney General Nora Vance on Friday. Instead of "
        "complying, Gov. Tom Pike filed a complaint against the department, AG Vance, and "
        "Deputy Assistant AG Lena Ortiz. Vance announced a lawsuit the same day.\n"
    )
    names = actor_names(text)
    assert "Nora Vance" in names
    assert not any(name.startswith("AG") for name in names)


def test_a_wire_storys_follow_us_line_names_no_actor() -> None:
    text = (
        "Senator wins the primary\n\n"
        "Senator Ann Roe won the primary on Tuesday, and her rival Tom Ray conceded.\n\n__.\n\n"
        "Pike reported from Boston. Associated Press writer Joan Kim contributed from Albany."
        "\n\n__.\n\n"
        "On Twitter follow Mark Bell https://twitter.com/MBellDC and Jane Pike "
        "https://twitter.com/jpike.\n"
    )
    assert actor_names(text) == ["Ann Roe", "Tom Ray"]
