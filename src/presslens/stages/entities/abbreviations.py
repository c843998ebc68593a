"""A place's compass word cut to its initial (issue 16, "one actor per ... country").

Headlines and tight copy write "N. Korea", "S. Carolina", "W. Virginia": the small tagger reads
the "N." as a person's initial and types the name a person's, kept apart from "North Korea".
A name opening with one capital of the compass ("N.", "S.", "E.", "W."; not "No.", which is a
number) is the place its spelt-out form names ("North Korea", "Northern Ireland") when the
gazetteer knows that place or the article names it in full; it is merged with that form and
typed as it is. A city's name ("North Adams") is not taken when its last words are the surname
of a person of the article ("Nora Adams ... N. Adams"): there the initial is the person's.

Likewise a name the tagger cut before an irregular plural's possessive ("St. Jude Children" of
"St. Jude Children's Research Hospital") takes the capitalised words after the possessive: the
"'s" of "Children's", "People's", "Women's", "Men's" is inside a name, not an owner's
(`plurals_continued`; mentions.PLURAL_POSSESSIVE keeps such a name whole where the tagger did).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presslens.model import Span
from presslens.stages.entities.mentions import IRREGULAR_PLURALS, Mention
from presslens.stages.places import load_places

COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}
PLACE_KINDS_ALWAYS = ("country", "region")  # a city's name may be a person's initial + surname
PLURAL_END = re.compile(rf"\b(?=[A-Z])(?:{IRREGULAR_PLURALS})$")  # a name's word
# "'s Research Hospital", "'s Republic of Korea": capitalised words, small words between them
POSSESSIVE_RUN = re.compile(r"['’]s(?: [A-Z][\w&-]*| (?:of|for|and|on)(?= [A-Z]))+")


def places_spelt_out(mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` with each compass-abbreviated place named and typed as its full form."""
    labels = {m.name: m.label for m in mentions}
    surnames = {
        m.name.split()[-1]
        for m in mentions
        if m.label == "PERSON" and " " in m.name and m.name.split()[0] not in COMPASS
    }
    for mention in mentions:
        initial, _, rest = mention.name.partition(" ")
        if initial not in COMPASS or not rest[:1].isupper():
            continue
        found = spelt_out(COMPASS[initial], rest, labels)
        if found is None:
            continue
        full, kind = found
        if kind not in PLACE_KINDS_ALWAYS and rest.split()[-1] in surnames:
            continue  # "N. Adams" beside Nora Adams: her initial, not North Adams
        mention.name = full
        mention.label = labels.get(full, "GPE") if kind is None else "GPE"
        mention.person_role = mention.person_role and kind is None
    return list(mentions)


def spelt_out(word: str, rest: str, labels: dict[str, str]) -> tuple[str, str | None] | None:
    """(the full name, its gazetteer kind or None) for a compass word and the rest of a name:
    "North Korea" or "Northern Ireland", whichever the gazetteer knows or the article names."""
    places = load_places()
    for full in (f"{word} {rest}", f"{word}ern {rest}"):
        kind = places.kind(full)
        if kind is not None:
            return full, kind
    for full in (f"{word} {rest}", f"{word}ern {rest}"):
        if full in labels:
            return full, None
    return None


def plurals_continued(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """`mentions` with each name cut before a plural's possessive carried on over it and the
    capitalised words after it; a mention those words held is dropped."""
    taken: list[Span] = []
    for mention in mentions:
        if not PLURAL_END.search(mention.name):
            continue
        end = mention.span.start + len(mention.name)
        found = POSSESSIVE_RUN.match(text, end)
        if found is None or "\n" in found.group():
            continue
        mention.span = Span(mention.span.start, found.end())
        mention.name = text[mention.span.start : found.end()]
        taken.append(mention.span)
    return [m for m in mentions if not any(inside(m.span, t) and m.span != t for t in taken)]


def inside(span: Span, other: Span) -> bool:
    return other.start <= span.start and span.end <= other.end
