"""What a capitalised name is by WordNet's catalogue of proper nouns (issue 16, "actors").

The small tagger types many names that are no one's as people or organisations; WordNet knows
them (resources/proper_kinds.txt, each capitalised noun by its most frequent sense):

- a people, a party's or a faith's members, a faith or a doctrine ("Latinos", "Hoosier",
  "Whigs", "Zionism"), or a language ("Ukrainian", whose only noun WordNet knows is the
  language: "Polish, Ukrainian, and Lithuanian Americans") is a group word, whatever the
  tagger typed it;
- a programme, a treaty, a war ("Medicare", "Social Security", "NAFTA") or a holiday ("Cinco de
  Mayo", "Bastille Day") is no actor;
- a region, a former country, a river the GeoNames gazetteer (stages/places.py) lacks, or a
  region written with its kind ("Donetsk Oblast"), is a place: an actor only where it acts, as
  a country is ("Crimea", "Normandy", "the Soviet Union"). A city's name is left to the
  gazetteer's rules: many are also companies' or pollsters' ("Gallup", "Cadillac"); but a
  region of several words the tagger typed a person's or a body's is a place too ("on Capitol
  Hill", also a town of the gazetteer);
- an event ("Watergate", "the World Series") is no actor; a faith whose first sense is its
  believers ("Islam": the Muslim world, then the religion) is a belief;
- a building, a bridge, a monument of several words whose head is a building's noun ("Oval
  Office", "Great Wall"; not "Columbia University") is a place where it does not act;
- a product, a drug, a disease ("Coke", "Zoloft") is no actor where it does not act (a company
  named so acts: "Bayer agreed to buy ...").

Never for a name the article marks as a person's (a title, a sex, a merged full name), a known
first name ("Frank" is also a people), a name in capitals ("ABC", "WASP"), an outlet; nor, as a
people, a programme, a holiday, an event or a thing, for a place the gazetteer knows ("Iowa" is
also a people, "Pa." an element); nor, as a programme, a holiday, an event or a thing, for a
name the tagger calls a place ("Cambridge, Mass." is no rite; a people it calls one is still a
people: "the hard-right Arizonan"); nor, as a people, a singular after "the" ("The New
Yorker"), a county's name ("Arapahoe"), a common noun's plural ("Fox and Friends").
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc

from presslens.nlp.firstnames import known_first_name
from presslens.resources import parse_sections, read_text
from presslens.stages.entities.retype import outlet_named, person_context
from presslens.stages.entities.rolewords import apposed_role
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import (
    ACTS,
    PLACE_LABELS,
    Group,
    actor_type,
    locative,
    mention_tokens,
    organisation_named,
)
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

SECTIONS: tuple[str, ...] = ("people", "belief", "act", "time", "location", "event")
SECTIONS += ("structure", "language", "thing")
GROUP_KINDS = frozenset({"people", "belief", "language"})
PEOPLES_WORDS = frozenset({"people", "language"})  # "Ukrainian" is a language's name and a people's
NO_ACTOR_KINDS = frozenset({"act", "time", "event"})
# the tagger's label standing for each section (`catalogued_relabelled`); other sections: EVENT
SECTION_LABELS = {"location": "LOC", "structure": "FAC", "belief": "NORP", "thing": "PRODUCT"}
# a region written with the kind of division it is: "Donetsk Oblast", "Idlib Governorate"
DIVISIONS = frozenset({"Oblast", "Province", "Governorate", "Prefecture", "Region", "Krai"})


@functools.cache
def catalogue() -> dict[str, str]:
    """Capitalised name -> its section of resources/proper_kinds.txt."""
    found = parse_sections(read_text("proper_kinds.txt"), SECTIONS, "proper kinds")
    return {name: section for section, names in found.items() for name in names}


def catalogued(name: str) -> str | None:
    """The catalogue's section for the name, or for a people's plural ("Latinos", "Whigs");
    the catalogue writes a possessive with a straight apostrophe ("Martha's Vineyard")."""
    name = name.replace("’", "'")
    section = catalogue().get(name)
    if section is None and " " not in name and name.endswith("s"):
        if catalogue().get(name[:-1]) == "people":
            return "people"
    return section


def kind_by_catalogue(group: Group, text: str) -> str | None:
    """'group', 'none' (no actor) or 'place' for a name the catalogue decides, else None;
    a region that acts ("Crimea was annexed") is relabelled a place name and stays an actor."""
    name = group.name
    if group.person or group.titles or group.genders or group.gender or name.isupper():
        return None
    words = name.split()
    if len(words) == 1 and known_first_name(name) or outlet_named(name):
        return None
    places = load_places()
    section = catalogued(name)
    if section is None and len(words) > 1 and words[-1] in DIVISIONS:
        rest = " ".join(words[:-1])  # "Donetsk Oblast": a division of a known place
        section = "location" if places.kind(rest) or catalogued(rest) == "location" else None
    if section is None or places.kind(name) == "city" and not region_named(group, section):
        return None  # a town's name: also a company's, a pollster's ("Gallup")
    if section == "location":
        return place_or_actor(group)
    if section == "structure":
        return "place" if building_named(name) and group.acting < ACTS else None
    if places.kind(name) is not None:
        return None  # "Iowa" is a people too; "Pa." no element
    if actor_type(group) in ("GPE", "LOC") and section not in PEOPLES_WORDS:
        return None  # "Cambridge, Mass." no rite; but "the Ukrainian community" is a people's
    if section == "thing":
        return None if group.acting >= ACTS else "none"
    if section in PEOPLES_WORDS and not a_people(group, text):
        return None
    return "group" if section in GROUP_KINDS else "none"


def building_named(name: str) -> bool:
    """A name whose head is a building's noun ("Office", "Tower", "Bridge"), not a body's
    ("Dartmouth College", "Columbia University", "New York Stock Exchange")."""
    head = name.split()[-1].lower()
    return load_roles().structure(head) and not organisation_named(name)


def region_named(group: Group, section: str) -> bool:
    """A region of several words the tagger typed a person's or a body's ("Capitol Hill"):
    a place, though the gazetteer also has a town of that name."""
    return section == "location" and " " in group.name and actor_type(group) not in PLACE_LABELS


def place_or_actor(group: Group) -> str | None:
    """A place where it does not act; else an actor, typed a place when the tagger said a
    person or an organisation ("annexing Crimea")."""
    if group.acting < ACTS:
        return "place"
    if actor_type(group) not in PLACE_LABELS:
        group.labels = Counter({"GPE": sum(group.labels.values())})
    return None


def a_people(group: Group, text: str) -> bool:
    """Not a name that only looks like a people's: a title ("The New Yorker" magazine), a
    county ("Arapahoe and Jefferson counties"), a common noun's plural ("Fox and Friends")."""
    name = group.name
    if load_places().kind(f"{name} County") == "county":
        return False
    if name not in catalogue():  # a plural: "Latinos"
        singular = name[:-1].lower()
        return load_roles().kind(singular) is None and not load_roles().thing(singular)
    return not any(text[max(0, s.start - 4) : s.start].lower() == "the " for s in group.spans)


def peoples_relabelled(groups: dict[tuple[str, str], Group]) -> None:
    """A place's or a chamber's name and a people's or a party's members in the plural, that
    the tagger typed a person's ("Virginia Democrats won a legislative majority", "Senate
    Republicans"), names a group: it is relabelled a group word before people's names are
    merged, so that its words are not read as one person's first name and surname (which took
    in every "Virginia" and "Democrats"). Not for a body the tagger typed one ("Texas Rangers"),
    nor for a body's own name ("the Log Cabin Republicans", an organisation)."""
    places = load_places()
    for (name, gender), group in groups.items():
        words = name.split()
        if gender or group.titles or group.genders or len(words) < 2:
            continue
        if not (words[-1].endswith("s") and catalogued(words[-1]) == "people"):
            continue
        where = " ".join(words[:-1])
        if places.kind(where) is None and where not in rules().standalone:
            continue
        if actor_type(group) == "PERSON":
            group.labels = Counter({"NORP": sum(group.labels.values())})


def catalogued_relabelled(groups: dict[tuple[str, str], Group], doc: Doc) -> None:
    """A name of two words or more that the catalogue knows whole ("Ho Chi Minh City", "Sioux
    Falls", "Jim Crow", "Martin Luther King Day") and that the tagger typed a person's is
    relabelled as its section says before people's names are merged: it is no one's full name
    (the catalogue holds no person's), so its words are not read as a first name and a
    surname, and `kind_by_catalogue` then decides it. Not for a name the article marks as a
    person's (a title, a sex, a person's role word: "Vicente Lopez", a town, is also a man's
    name)."""
    for (name, _), group in groups.items():
        if " " not in name or actor_type(group) != "PERSON":
            continue
        section = catalogued(name)
        if section is None or section in PEOPLES_WORDS or marked_as_person(group, doc):
            continue
        label = SECTION_LABELS.get(section, "EVENT")
        group.labels = Counter({label: sum(group.labels.values())})


def marked_as_person(group: Group, doc: Doc) -> bool:
    """Whether a mention is taken up by "he" or "she", says something ("X said") or has a
    person's role noun before it or in apposition ("farmer Vicente Lopez", "Vicente Lopez, a
    farmer"; not after "in", where the parse hangs the next sentence's subject on a place:
    "At the town hall in Ho Chi Minh City, a young woman asked")."""
    if any(person_context(doc, group, group.name)):
        return True
    roles = load_roles()
    for span in group.spans:
        tokens = mention_tokens(doc, span)
        if tokens is None:
            continue
        apposed = apposed_role(doc, span.start, span.end)
        if roles.kind(apposed) == "PERSON" and not locative(tokens):
            return True
        before = doc[tokens.start - 1] if tokens.start else None
        if before is not None and before.is_lower and roles.kind(before.lemma_) == "PERSON":
            return True
    return False
