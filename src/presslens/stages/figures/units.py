"""Unit tables for the figures stage, and matching them around a number.

The tables live in resources/units.json (currencies, percent and points, and the units news
writes most, with our names) and are compiled once into token-sequence lookups; a word or
symbol they do not know is looked up in the unit catalogue (catalogue.py: pint's definitions,
'kHz', 'knots', 'megajoules'). `unit_after(tokens, j)` reads the unit that starts at token j
("per cent", "square metres", "km/h", "°C", glued "48m"), `currency_before(tokens, i)` the
currency symbol or code that ends right before token i ("$", "US$", "EUR", "HK$").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from presslens.resources import read_json
from presslens.stages.figures.catalogue import look_up
from presslens.stages.figures.tokens import Token, tokenize

MAX_FORM_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str  # normalised code: "USD", "percent", "km", "km/h"
    name: str  # English name, singular: "dollar", "percentage", "kilometre"
    kind: str  # money | percent | quantity | duration | temperature | rate


@dataclass(frozen=True, slots=True)
class Match:
    unit: Unit
    first: int  # token range [first, last)
    last: int


@dataclass(frozen=True, slots=True)
class Tables:
    after: dict[tuple[str, ...], Unit]  # lower-cased token texts -> unit
    glued: dict[str, Unit]  # exact text written right after the digits
    before: dict[tuple[str, ...], Unit]  # currency prefixes, exact case
    before_lower: dict[tuple[str, ...], Unit]  # currency prefixes matched without case
    by_code: dict[str, Unit]
    exact: dict[str, Unit]
    millions: dict[str, Unit]  # "musd": a million dollars
    denominators: dict[str, str]
    adverbs: dict[str, str]


def form_key(form: str) -> tuple[str, ...]:
    return tuple(token.lower for token in tokenize(form))


@functools.cache
def tables() -> Tables:
    data = read_json("units.json")
    after: dict[tuple[str, ...], Unit] = {}
    glued: dict[str, Unit] = {}
    before: dict[tuple[str, ...], Unit] = {}
    before_lower: dict[tuple[str, ...], Unit] = {}
    by_code: dict[str, Unit] = {}
    exact: dict[str, Unit] = {}
    millions: dict[str, Unit] = {}
    for entry in data["currencies"]:
        unit = Unit(entry["unit"], entry["name"], "money")
        by_code[unit.unit] = unit
        for form in entry["forms"]:
            after.setdefault(form_key(form), unit)
        for form in entry.get("glued", []):
            glued.setdefault(form, unit)
        for form in entry.get("million", []):
            millions[form] = unit
            before_lower.setdefault((form,), unit)
            after.setdefault((form,), unit)
        for form in entry["prefix"]:
            key = tuple(token.text for token in tokenize(form))
            before.setdefault(key, unit)
            letters = "".join(ch for ch in form if ch.isalpha())
            if len(letters) >= 3 or (len(letters) == 2 and letters != form) or not letters:
                before_lower.setdefault(form_key(form), unit)  # not "a$" (the article a)
    for entry in data["units"]:
        unit = Unit(entry["unit"], entry["name"], entry["kind"])
        by_code[unit.unit] = unit
        for form in entry["forms"]:
            after.setdefault(form_key(form), unit)
        for form in entry.get("glued", []):
            glued.setdefault(form, unit)
        for form in entry.get("exact", []):
            exact.setdefault(form, unit)
    return Tables(
        after,
        glued,
        before,
        before_lower,
        by_code,
        exact,
        millions,
        data["rate_denominators"],
        data["rate_adverbs"],
    )


def unit_after(tokens: list[Token], j: int, *, touching: bool) -> Match | None:
    """The longest unit form starting at token j; `touching` when j is glued to the digits."""
    table = tables()
    if j >= len(tokens):
        return None
    if tokens[j].text in table.exact:
        return Match(table.exact[tokens[j].text], j, j + 1)
    if touching and tokens[j].text in table.glued:
        longer = longest_form(tokens, j, table.after)
        if longer is None or longer.last == j + 1:
            return Match(table.glued[tokens[j].text], j, j + 1)
    return longest_form(tokens, j, table.after) or catalogue_match(tokens, j)


# units met in the catalogue, by code, so that `unit_name` can name them
CATALOGUE_UNITS: dict[str, Unit] = {}


def catalogue_match(tokens: list[Token], j: int) -> Match | None:
    """A unit of the catalogue starting at token j: up to three words one space apart."""
    if tokens[j].kind != "word":
        return None
    words = [tokens[j].text]
    for k in range(j + 1, min(j + 3, len(tokens))):
        if tokens[k].kind != "word" or tokens[k].start - tokens[k - 1].end != 1:
            break
        words.append(tokens[k].text)
    found = look_up(words)
    if found is None:
        return None
    last = j + found.size
    if last < len(tokens) and tokens[last].start == tokens[last - 1].end:
        if tokens[last].kind in ("word", "num"):
            return None  # part of a longer word
    unit = CATALOGUE_UNITS.setdefault(found.code, Unit(found.code, found.name, found.kind))
    return Match(unit, j, last)


def longest_form(tokens: list[Token], j: int, forms: dict[tuple[str, ...], Unit]) -> Match | None:
    best: Match | None = None
    key: tuple[str, ...] = ()
    for k in range(j, min(j + MAX_FORM_TOKENS, len(tokens))):
        if k > j and tokens[k].start - tokens[k - 1].end > 1:
            break
        if k > j and tokens[k].kind == "num" and tokens[k].start != tokens[k - 1].end:
            break  # "m2" is square metres, "12 m 2 dm" is not
        key = key + (tokens[k].lower,)
        unit = forms.get(key)
        if unit is not None:
            best = Match(unit, j, k + 1)
    if best is not None and best.last < len(tokens):
        # "m" or "l" glued to a following word is a different word ("mid", "la")
        nxt = tokens[best.last]
        if nxt.start == tokens[best.last - 1].end and nxt.kind in ("word", "num"):
            return None
    return best


def currency_before(tokens: list[Token], i: int) -> Match | None:
    """A currency symbol or code ending right before token i: '$', 'US$ ', 'EUR ', 'PS'."""
    table = tables()
    for size in (3, 2, 1):
        first = i - size
        if first < 0:
            continue
        span = tokens[first:i]
        if any(span[k].start - span[k - 1].end > 1 for k in range(1, len(span))):
            continue
        if tokens[i].start - span[-1].end > 1:
            continue
        exact = tuple(token.text for token in span)
        unit = table.before.get(exact)
        if unit is not None and exact[-1].isalpha() and len(exact[-1]) < 3:
            if span[-1].end != tokens[i].start:
                unit = None  # "PS2.7m" yes, "PS 2" no: two letters must touch the digits
        if unit is None:
            unit = table.before_lower.get(tuple(token.lower for token in span))
        if unit is not None:
            if first > 0 and tokens[first - 1].end == span[0].start and span[0].kind == "word":
                if tokens[first - 1].kind == "word":
                    continue
            return Match(unit, first, i)
    return None


def rate_after(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """'a day', 'per year', '/h', 'annually', 'a share', 'per square foot' after a unit."""
    table = tables()
    if j >= len(tokens):
        return None
    word = tokens[j].lower
    if word in table.adverbs:
        return table.adverbs[word], j + 1
    if word in ("a", "an", "per", "each", "every", "/") and j + 1 < len(tokens):
        if tokens[j + 1].text == "-" and j + 2 < len(tokens):
            found = rate_after(tokens[: j + 1] + tokens[j + 2 :], j)  # "12-cent-a-share"
            return (found[0], found[1] + 1) if found else None
        for size in (2, 1):
            words = " ".join(t.lower for t in tokens[j + 1 : j + 1 + size])
            if len(tokens) < j + 1 + size:
                continue
            singular = (
                words[:-1] if words.endswith("s") and words[:-1] in table.denominators else words
            )
            if singular in table.denominators:
                if word == "a" and singular in ("unit",):
                    continue
                after = tokens[j + 1 + size].lower if j + 1 + size < len(tokens) else ""
                if after in ("earlier", "ago", "before", "later", "after", "prior", "from"):
                    return None  # "a year earlier" is a period, not a rate
                return table.denominators[singular], j + 1 + size
        if word == "per" and tokens[j + 1].kind == "word" and tokens[j + 1].lower.isalpha():
            return tokens[j + 1].lower.rstrip("s") or tokens[j + 1].lower, j + 2
    return None


def unit_name(code: str) -> str:
    """The English name of a unit code: 'km' -> 'kilometre', 'm/day' -> 'metre per day';
    a counted noun ('child') is its own name."""
    known = tables().by_code.get(code) or CATALOGUE_UNITS.get(code)
    if known is not None:
        return known.name
    if "/" in code and not code.startswith("/"):
        head, _, per = code.partition("/")
        return f"{unit_name(head)} per {unit_name(per)}"
    return code
