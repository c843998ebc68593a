"""The word lists of the figures stage, loaded once from resources/figure_words.txt."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from presslens.resources import parse_sections, read_text

SETS = (
    "change_skips",
    "length_words",
    "many_words",
    "pronoun_one",
    "after_pronoun_one",
    "ambiguous_currency_words",
    "cents_followers",
    "plural_people",
    "sentence_openers",
    "ambiguous_months",
    "date_prepositions",
    "time_rates",
    "of_references",
    "magnitude_words",
    "selection_heads",
    "age_adverbs",
    "age_verbs",
    "decade_owners",
    "decade_parts",
)
TABLES = ("age_units",)  # sections of `word value` lines


@dataclass(frozen=True, slots=True)
class Words:
    """One field per section of figure_words.txt; the file documents what each is for."""

    change_skips: frozenset[str]
    length_words: frozenset[str]
    many_words: frozenset[str]
    pronoun_one: frozenset[str]
    after_pronoun_one: frozenset[str]
    ambiguous_currency_words: frozenset[str]
    cents_followers: frozenset[str]
    plural_people: frozenset[str]
    sentence_openers: frozenset[str]
    ambiguous_months: frozenset[str]
    date_prepositions: frozenset[str]
    time_rates: frozenset[str]
    of_references: frozenset[str]
    magnitude_words: frozenset[str]
    selection_heads: frozenset[str]
    age_adverbs: frozenset[str]
    age_verbs: frozenset[str]
    decade_owners: frozenset[str]
    decade_parts: frozenset[str]
    age_units: Mapping[str, str]  # a table: `word value` lines


def parse_words(raw: str) -> Words:
    """`[section]` headers, one entry a line (`word value` in a table section), kept exactly as
    written; blank lines and # comments ignored."""
    found = parse_sections(raw, (*SETS, *TABLES), "figure words")
    sets = {name: frozenset(found[name]) for name in SETS}
    age_units = MappingProxyType(dict(map(table_entry, found["age_units"])))
    return Words(**sets, age_units=age_units)


def table_entry(line: str) -> tuple[str, str]:
    word, _, value = line.partition(" ")
    if not value.strip():
        raise ValueError(f"figure words: {line!r} has no value")
    return word, value.strip()


@functools.cache
def figure_words() -> Words:
    return parse_words(read_text("figure_words.txt"))
