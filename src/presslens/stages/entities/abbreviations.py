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

And a name cut before its possessive ("Martha" of "vacationing in Martha's Vineyard", "Valentine"
of "on Valentine's Day") takes the capitalised words after it when WordNet's catalogue of proper
nouns (resources/proper_kinds.txt) knows the longer name: that name is a place, a holiday, a
thing, and proper_kinds types it so, not the person or body whose name opens it
(`catalogued_possessives`). An owner's possessive ("Obama's Clean Power Plan") is no such name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from presslens.model import Span
from presslens.stages.entities.mentions import IRREGULAR_PLURALS, Mention
from presslens.stages.entities.proper_kinds import catalogued
from presslens.stages.entities.types import acting, locative, mention_tokens
from presslens.stages.places import load_places

COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}
PLACE_KINDS_ALWAYS = ("country", "region")  # a city's name may be a person's initial + surname
PLURAL_END = re.compile(rf"\b(?=[A-Z])(?:{IRREGULAR_PLURALS})$")  # a name's word
# "'s Research Hospital", "'s Republic of Korea": capitalised words, small words between them
# the tagger's label for a name of the proper-noun catalogue's place and building sections
CATALOGUE_LABELS = {"location": "LOC", "structure": "FAC"}
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


def catalogued_possessives(mentions: Sequence[Mention], doc: Doc) -> list[Mention]:
    """`mentions` with each name cut before a possessive carried on over it and the
    capitalised words after it, as far as the longest name the proper-noun catalogue knows
    ("Martha's Vineyard"), and read again as that name: typed a place or a building if the
    catalogue says so (else a body's, never a person's: "Martha" is no first name there). A
    mention those words held is dropped."""
    text = doc.text
    taken: list[Span] = []
    for mention in mentions:
        found = POSSESSIVE_RUN.match(text, mention.span.end)
        if found is None:
            continue
        surface = mention.span.of(text)
        whole = longest_catalogued(text[mention.span.start : found.end()], surface)
        if whole is None:
            continue
        mention.span = Span(mention.span.start, mention.span.start + len(whole))
        words = mention_tokens(doc, mention.span)
        mention.name = whole
        mention.label = CATALOGUE_LABELS.get(catalogued(whole) or "", "ORG")
        mention.person_role = False
        if words is not None:  # the name's part in its sentence: the whole name's
            mention.acting, mention.locative = acting(words), locative(words)
        taken.append(mention.span)
    return [m for m in mentions if not any(inside(m.span, t) and m.span != t for t in taken)]


def longest_catalogued(run: str, surface: str) -> str | None:
    """The longest start of `run` ("Name's Word Word ...") that takes at least one word after
    the possessive of the name written `surface` and that the proper-noun catalogue knows,
    whichever apostrophe the text uses."""
    words = run.split(" ")
    for size in range(len(words), len(surface.split(" ")), -1):
        whole = " ".join(words[:size])
        if catalogued(whole) is not None:
            return whole
    return None


def inside(span: Span, other: Span) -> bool:
    return other.start <= span.start and span.end <= other.end
