"""The entities stage's word lists, loaded once: resources/actors.json (titles, aliases, roles,
countries) and resources/credit_lines.txt (credit-line patterns)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from presslens.resources import parse_sections, read_json, read_text

CREDIT_SECTIONS = ("anywhere", "closing", "byline")


@dataclass(frozen=True, slots=True)
class Rules:
    titles: tuple[str, ...]  # longest first, lower-cased
    title_start: re.Pattern[str]  # a title opening a lower-cased name, longest first
    canonical: dict[str, str]
    types: dict[str, str]
    drop: frozenset[str]
    person_roles: frozenset[str]
    place_roles: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    name_suffixes: frozenset[str]
    acting_deps: frozenset[str]
    acting_prepositions: frozenset[str]
    standalone: frozenset[str]  # institutions one word names: "House" is not the "White House"
    event_heads: frozenset[str] = frozenset()  # "Convention", "Prize", "Act": no actor's head
    place_verbs: frozenset[str] = frozenset()  # "enter", "visit": their object is a place
    institutions: frozenset[str] = frozenset()  # "police", "government": a place's body
    offices: frozenset[str] = frozenset()  # "secretary": "secretary of State" is an office
    platforms: frozenset[str] = frozenset()  # "Twitter": where words appear
    person_bodies: dict[str, str] = field(default_factory=dict)  # "camp" -> "campaign"
    outlet_heads: frozenset[str] = frozenset()  # "Weekly": "Palo Alto Weekly" is an outlet
    body_heads: frozenset[str] = frozenset()  # "College": "Emerson College" is no person
    people_nouns: frozenset[str] = frozenset()  # "parent": 'LGBT parents' names no body
    airing: frozenset[str] = frozenset()  # "appear": 'appeared on CNN' names where words air
    memberships: frozenset[str] = frozenset()  # "teach": 'teaches at X' names X's member
    occasions: frozenset[str] = frozenset()  # "debate": 'a debate at X' names where it is held


@functools.cache
def rules() -> Rules:
    data = read_json("actors.json")
    canonical = {
        alias.casefold(): name for name, aliases in data["canonical"].items() for alias in aliases
    }
    titles = tuple(sorted((t.casefold() for t in data["titles"]), key=len, reverse=True))
    types = {country: "GPE" for country in data["countries"]} | data["types"]
    return Rules(
        titles=titles,
        title_start=re.compile("|".join(re.escape(t) + " " for t in titles)),
        canonical=canonical,
        types=types,
        drop=frozenset(d.casefold() for d in data["drop"]),
        person_roles=frozenset(data["person_roles"]),
        place_roles=frozenset(data["place_roles"]),
        male_titles=frozenset(data["male_titles"]),
        female_titles=frozenset(data["female_titles"]),
        name_suffixes=frozenset(data["name_suffixes"]),
        acting_deps=frozenset(data["acting_deps"]),
        acting_prepositions=frozenset(data["acting_prepositions"]),
        standalone=frozenset(data["standalone"]),
        event_heads=frozenset(data.get("event_heads", ())),
        place_verbs=frozenset(data.get("place_verbs", ())),
        person_bodies=dict(data.get("person_bodies", {})),
        institutions=frozenset(data.get("institutions", ())),
        offices=frozenset(data.get("offices", ())),
        platforms=frozenset(data.get("platforms", ())),
        outlet_heads=frozenset(data.get("outlet_heads", ())),
        body_heads=frozenset(data.get("body_heads", ())),
        people_nouns=frozenset(data.get("people_nouns", ())),
        airing=frozenset(data.get("airing", ())),
        memberships=frozenset(data.get("memberships", ())),
        occasions=frozenset(data.get("occasions", ())),
    )


@functools.cache
def credit_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    return parse_patterns(read_text("credit_lines.txt"))


def parse_patterns(raw: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """`[section]` headers, one regular expression a line; blank lines and # lines ignored."""
    found = parse_sections(raw, CREDIT_SECTIONS, "credit lines", inline_comments=False)
    return {name: tuple(re.compile(line) for line in lines) for name, lines in found.items()}


def name_key(text: str) -> str:
    """The name an actor is shown and merged under: 'the U.S.' -> 'United States'."""
    return rules().canonical.get(text.casefold(), text)


def name_head(name: str) -> str:
    """The head word of a name, lower-cased: its last word before any lower-case word
    ("Erikson Prize for Excellence" -> "prize", "Republican National Convention" ->
    "convention")."""
    words = name.split()
    for n, word in enumerate(words[1:], start=1):
        if word[:1].islower():
            return words[n - 1].casefold()
    return words[-1].casefold() if words else ""


def title_gender(title: str) -> str:
    """'male', 'female' or '' for a lower-cased title ('mrs.' -> 'female')."""
    rule = rules()
    last = title.split()[-1] if title else ""
    if title in rule.female_titles or last in rule.female_titles:
        return "female"
    if title in rule.male_titles or last in rule.male_titles:
        return "male"
    return ""
