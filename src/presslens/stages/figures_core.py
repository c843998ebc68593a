"""Figures from text: numbers read with their unit, bound, range, change and kind.

`read_figures(text)` works on a bare string (the evaluation scripts call it on single
sentences) and returns `Draft` records; figures_context adds what needs the sentence around a
figure (counted noun, concept, period, unit carry-over) and figures.py turns drafts into the
model's `Figure`s. Nothing here raises on odd input: a number it cannot read is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.stages.figures_cues import cues
from presslens.stages.figures_numbers import Number, Token, find_numbers, tokenize
from presslens.stages.figures_units import (
    Match,
    Unit,
    currency_before,
    rate_after,
    tables,
    unit_after,
)

AGE_UNITS = {
    "year": "year of age",
    "month": "month of age",
    "week": "week of age",
    "day": "day of age",
}
TIME_SUFFIX = re.compile(r"^(?:a\.?m\.?|p\.?m\.?)$", re.IGNORECASE)
LINK = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
RANGE_JOINERS = {"-", "–", "—", "to", "through", "~", "and"}
SENTENCE_OPENERS = {"in", "the", "on", "at", "since", "by", "from", "for", "of", "after", "before"}
PLURAL_PEOPLE = {"people", "children", "men", "women", "persons", "staff", "police", "cattle"}


@dataclass(slots=True)
class Draft:
    """A figure being built; offsets are into the text given to read_figures."""

    start: int
    end: int
    first: int  # token range of the whole figure
    last: int
    num_first: int  # token range of the number itself
    num_last: int
    value: float | None
    kind: str
    unit: Unit | None = None
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    change: str | None = None
    factor: float | None = None
    counted: str | None = None  # the counted noun, lemmatised ("civilian casualty")
    concept: str | None = None
    period: str | None = None
    unit_inferred: bool = False
    scaled: bool = False
    verbal: bool = False  # a factor written as a verb ("tripled"): no number in the text

    @property
    def unit_code(self) -> str | None:
        return self.unit.unit if self.unit else self.counted

    @property
    def unit_name(self) -> str | None:
        return self.unit.name if self.unit else self.counted


def read_figures(text: str, *, mentions: bool = False) -> tuple[list[Token], list[Draft]]:
    """Tokens of text and every figure in it, in order; with `mentions`, also currency and
    percent words that stand without a number ('the dollar', 'a small percent')."""
    tokens = tokenize(text)
    numbers = find_numbers(text, tokens)
    drafts: list[Draft] = []
    skip_until = -1
    for index, number in enumerate(numbers):
        if number.first < skip_until:
            continue
        draft = read_one(tokens, number, free=max(skip_until, 0))
        if draft is None:
            continue
        nxt = numbers[index + 1] if index + 1 < len(numbers) else None
        ranged = join_range(tokens, draft, nxt) if nxt is not None else None
        if ranged is not None:
            draft = ranged
        elif nxt is not None:
            join_cents(tokens, draft, nxt)
        skip_until = draft.last
        set_bound(tokens, draft)
        set_change(tokens, draft)
        if drafts:
            continue_change(tokens, drafts[-1], draft)
        drafts.append(draft)
    drafts = join_bounds(tokens, drafts)
    drafts = give_back_symbols(tokens, drafts)
    share_suspended_units(tokens, drafts)
    drafts.extend(verbal_factors(tokens, drafts))
    if mentions:
        drafts.extend(unit_mentions(tokens, drafts))
    links = [m.span() for m in LINK.finditer(text)]
    if links:  # numbers and "%" inside web and mail addresses are not figures
        drafts = [d for d in drafts if not any(a <= d.start < b for a, b in links)]
    drafts.sort(key=lambda d: d.start)
    return tokens, drafts


SUSPENDED_JOINERS = {",", "or", "and", "to"}


def share_suspended_units(tokens: list[Token], drafts: list[Draft]) -> None:
    """'7- or 8-inch', 'four-, five- and six-cylinder': a number left hanging on a hyphen takes
    the unit of the hyphenated figure it is coordinated with."""
    for k in range(len(drafts) - 2, -1, -1):
        draft, nxt = drafts[k], drafts[k + 1]
        j = draft.num_last
        if draft.unit is not None or draft.kind != "count" or nxt.unit is None:
            continue
        if draft.last != j or j + 1 >= len(tokens) or tokens[j].text not in "-‐":
            continue
        if tokens[j].start != tokens[j - 1].end:
            continue
        if tokens[j].end == tokens[j + 1].start and tokens[j + 1].text != ",":
            continue  # the hyphen hangs: glued to the number, a space or comma after it
        between = [t.lower for t in tokens[j + 1 : nxt.num_first]]
        if not between or not set(between) <= SUSPENDED_JOINERS:
            continue
        m = nxt.num_last
        if m >= len(tokens) or tokens[m].text not in "-‐" or tokens[m].start != tokens[m - 1].end:
            continue
        draft.unit, draft.kind = nxt.unit, nxt.kind
        draft.last, draft.end = j + 1, tokens[j].end


def give_back_symbols(tokens: list[Token], drafts: list[Draft]) -> list[Draft]:
    """'10 $ 30 $', '10 $ 30 cent': a spaced currency symbol between two numbers, when the
    second is followed by the same symbol or a cent, closes the first ("10 $"); a cent after
    it is the first's fraction (10.30). Not '1 $10 dollars' or '1 $ 10 dollars'."""
    out: list[Draft] = []
    for draft in drafts:
        before = out[-1] if out else None
        symbol = draft.first if draft.first < draft.num_first else -1
        if (
            before is None
            or symbol < 0
            or before.unit is not None
            or before.kind != "count"
            or before.value is None
            or before.last != symbol
            or draft.num_first != symbol + 1
            or tokens[symbol].kind != "sym"
            or tokens[symbol].end == tokens[draft.num_first].start
            or draft.num_last >= draft.last
        ):
            out.append(draft)
            continue
        prefix = currency_before(tokens, draft.num_first)
        suffix = unit_after(tokens, draft.num_last, touching=False)
        cent = suffix is not None and suffix.unit.unit == "USX"
        if prefix is None or not (cent or tokens[draft.num_last].text == tokens[symbol].text):
            out.append(draft)
            continue
        before.unit, before.kind = prefix.unit, "money"
        before.last, before.end = symbol + 1, tokens[symbol].end
        if cent and prefix.unit.unit == "USD" and draft.value is not None:
            if before.value.is_integer() and 0 < draft.value < 100:
                before.value += draft.value / 100
                before.last, before.end = draft.last, draft.end
                continue
        draft.first, draft.start = draft.num_first, tokens[draft.num_first].start
        out.append(draft)
    return out


AMBIGUOUS_CURRENCY_WORDS = {
    "won",
    "rand",
    "real",
    "mark",
    "marks",
    "kip",
    "sen",
    "lira",
    "try",
    "rub",
    "nis",
    "lari",
    "pound",
    "pounds",
}


def unit_mentions(tokens: list[Token], drafts: list[Draft]) -> list[Draft]:
    """Currency and percent words with no number: a figure with no value."""
    taken = {i for d in drafts for i in range(d.first, d.last)}
    found = []
    i = 0
    while i < len(tokens):
        match = unit_after(tokens, i, touching=False) if i not in taken else None
        if match is None or match.unit.kind not in ("money", "percent") or tokens[i].kind == "num":
            i += 1
            continue
        short = len(tokens[i].text) < 3 and tokens[i].text != "%"
        if short or tokens[i].lower in AMBIGUOUS_CURRENCY_WORDS:
            i += 1
            continue
        if any(k in taken for k in range(match.first, match.last)):
            i += 1
            continue
        draft = Draft(
            tokens[i].start,
            tokens[match.last - 1].end,
            i,
            match.last,
            i,
            match.last,
            None,
            kind_of(match.unit),
            unit=match.unit,
        )
        found.append(draft)
        i = match.last
    return found


def read_one(tokens: list[Token], number: Number, free: int = 0) -> Draft | None:
    """One number with its unit and kind; None for numbers that are not figures at all.
    Tokens before `free` belong to an earlier figure and cannot be this one's currency."""
    if number.ordinal:
        return plain_draft(tokens, number, "ordinal")
    kind = date_kind(tokens, number)
    if kind is not None:
        return plain_draft(tokens, number, kind)
    if number.value is not None and glued_label(tokens, number):
        return plain_draft(tokens, number, "label")
    prefix = currency_before(tokens, number.first) if number.value is not None else None
    if prefix is not None and prefix.first < free:
        prefix = None  # "10 rmb 20 usd": rmb is the unit of 10
    if prefix is None and number.value is not None:
        prefix = percent_before(tokens, number)
        if prefix is not None and prefix.first < free:
            prefix = None
    draft = plain_draft(tokens, number, "count")
    draft.scaled = number.scaled
    last = number.last
    if prefix is not None:
        draft.unit, draft.kind, draft.first = prefix.unit, kind_of(prefix.unit), prefix.first
        scale_by_code(tokens, draft, prefix)
    match = unit_match(tokens, number)
    if match is not None and match.unit.unit in ("in", "ft") and tokens[match.first].kind == "sym":
        if number.value is None or number.value >= 1000 or number.first == 0:
            match = None  # '...031424"' closes a quotation, it is not inches
        elif tokens[number.first - 1].text in '"“/=':
            match = None
    if match is not None and match.unit.unit == "lb" and number.scaled:
        match = Match(tables().by_code["GBP"], match.first, match.last)  # "361 million pounds"
    if match is not None and (prefix is None or match.unit.kind == "money"):
        if prefix is None or match.unit.unit == prefix.unit.unit or prefix.unit.unit == "USD":
            draft.unit, draft.kind = match.unit, kind_of(match.unit)
            scale_by_code(tokens, draft, match)
            last = scale_after_code(tokens, draft, match.last)
    elif times_after(tokens, number.last) and prefix is None:
        draft.kind, draft.change, draft.factor = "factor", "factor", number.value
        draft.unit = Unit("times", "times", "factor")
        last = number.last + (2 if tokens[number.last].text in "-‐" else 1)
    elif prefix is None and number.value is not None and is_label(tokens, number):
        return plain_draft(tokens, number, "label")
    elif prefix is None and hyphen_compound(tokens, number):
        return None  # "a four-cylinder", "six-speed": part of a word, not a figure
    if number.ratio or (number.words and number.value is not None and 0 < number.value < 1):
        if draft.unit is None:
            draft.kind = "ratio"
    last = read_rate_and_age(tokens, draft, last)
    draft.last = last
    draft.start, draft.end = tokens[draft.first].start, tokens[last - 1].end
    return draft


INCH_WORDS = {"in", "in.", "inch", "inches", '"', "″"}


def join_inches(tokens: list[Token], draft: Draft, nxt: Number) -> None:
    """'5 feet 2 inches', '5 ft 2 in', '6 ft and 1 inch' -> feet with a fraction."""
    gap = [t.lower for t in tokens[draft.last : nxt.first]]
    if gap not in ([], ["and"]) or nxt.value is None or not 0 <= nxt.value < 12:
        return
    k = nxt.last
    if k >= len(tokens) or tokens[k].lower not in INCH_WORDS:
        return
    draft.value = (draft.value or 0.0) + nxt.value / 12
    draft.last = k + 1
    draft.end = tokens[k].end


def join_cents(tokens: list[Token], draft: Draft, nxt: Number) -> None:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five', '17 USD 25' -> 3.5, 13.45, 17.25."""
    if draft.unit is not None and draft.unit.unit == "ft" and draft.value is not None:
        join_inches(tokens, draft, nxt)
        return
    if draft.kind != "money" or draft.value is None or draft.scaled or nxt.value is None:
        return
    if draft.last >= len(tokens):
        return
    gap = [t.lower for t in tokens[draft.last : nxt.first]]
    if gap not in ([], ["and"]) or not draft.value.is_integer() or not 0 < nxt.value < 100:
        return
    unit_after_number = (
        tokens[draft.num_last].kind == "word"
        and tokens[draft.num_last].start != tokens[draft.num_last - 1].end
    )
    if not unit_after_number and not (gap == ["and"] and nxt.words):
        return  # "15 dollars 50", "$100 and fifty", but not "$15 20" (two prices)
    if currency_before(tokens, nxt.first) is not None and (gap or draft.first < draft.num_first):
        return  # "rmb 10 usd 20": the second has a currency of its own
    cents = unit_after(tokens, nxt.last, touching=False)
    if cents is not None and cents.unit.unit == "USX":
        end = cents.last
    elif cents is None and cents_end(tokens, nxt.last):
        end = nxt.last
    else:
        return
    draft.value += nxt.value / 100
    draft.last = end
    draft.end = tokens[end - 1].end


# Words that may follow the cents of "15 USD 50 more", "one dollar and one and ...": they end
# the amount, where a noun ("15 dollars 50 cows") would make 50 a figure of its own.
CENTS_FOLLOWERS = {"and", "or", "but", "more", "less", "extra", "each", "only", "then", "too"}


def cents_end(tokens: list[Token], j: int) -> bool:
    return j >= len(tokens) or tokens[j].kind == "sym" or tokens[j].lower in CENTS_FOLLOWERS


def hyphen_compound(tokens: list[Token], number: Number) -> bool:
    j = number.last
    if j + 1 >= len(tokens) or tokens[j].text not in "-‐" or tokens[j].start != number.end:
        return False
    after = tokens[j + 1]
    return after.kind == "word" and after.start == tokens[j].end and after.lower != "old"


def scale_by_code(tokens: list[Token], draft: Draft, match: Match) -> None:
    """'30 MUSD', 'MAUD 60': a currency code that means millions."""
    code = "".join(t.lower for t in tokens[match.first : match.last])
    if code in tables().millions and draft.value is not None:
        draft.value *= 1_000_000
        draft.scaled = True


def scale_after_code(tokens: list[Token], draft: Draft, last: int) -> int:
    """'75 USD million': a scale word after the currency."""
    from presslens.stages.figures_numbers import scales

    if last < len(tokens) and draft.value is not None and draft.kind == "money":
        word = tokens[last].lower
        factor = scales().multipliers.get(word)
        if factor and factor >= 1000 and word not in scales().vague:
            draft.value *= factor
            draft.scaled = True
            return last + 1
    return last


def glued_label(tokens: list[Token], number: Number) -> bool:
    """'scp-173', 'WW1', '24703L202', '1 )': numbers glued into codes or list markers."""
    i, j = number.first, number.last
    if i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].end == tokens[i].start:
        return currency_before(tokens, i) is None
    if i > 1 and tokens[i - 1].text in "-‐" and tokens[i - 1].end == tokens[i].start:
        before = tokens[i - 2]
        if i > 2 and tokens[i - 3].kind == "num" and tokens[i - 3].end == before.start:
            return False  # "5k-20k": a range of scaled numbers
        if before.kind == "word" and before.end == tokens[i - 1].start:
            if (before.lower,) in cues().bounds:
                return False  # "sub-300"
            if currency_before(tokens, i) is None and before.lower not in cues().up:
                return (
                    before.text[0].isupper()
                    or before.lower in cues().labels
                    or before.text.islower()
                )
    if j + 1 < len(tokens) and tokens[j].kind == "word" and tokens[j].start == tokens[j - 1].end:
        if tokens[j + 1].kind == "num" and tokens[j + 1].start == tokens[j].end:
            return True
    if j < len(tokens) and tokens[j].text == ")" and not number.words:
        return not any(t.text == "(" for t in tokens[max(0, i - 4) : i])
    return False


def times_after(tokens: list[Token], j: int) -> bool:
    """'four times', '10-fold', '3x'."""
    if j >= len(tokens):
        return False
    word = tokens[j].lower
    if word == "times" or (word == "x" and tokens[j].start == tokens[j - 1].end):
        return True
    return word in "-‐" and j + 1 < len(tokens) and tokens[j + 1].lower == "fold"


def plain_draft(tokens: list[Token], number: Number, kind: str) -> Draft:
    return Draft(
        number.start,
        number.end,
        number.first,
        number.last,
        number.first,
        number.last,
        number.value,
        kind,
        low=number.low,
        high=number.high,
        bound="range" if number.low is not None else "exact",
        scaled=number.scaled,
    )


def kind_of(unit: Unit) -> str:
    return "quantity" if unit.kind == "temperature" else unit.kind


def unit_match(tokens: list[Token], number: Number) -> Match | None:
    """The unit right after a number, through an adjectival hyphen ('3-inch', '12-cent')."""
    j = number.last
    if j >= len(tokens):
        return None
    touching = tokens[j].start == number.end
    if tokens[j].text in "-‐" and touching and j + 1 < len(tokens):
        if tokens[j + 1].start == tokens[j].end:
            return unit_after(tokens, j + 1, touching=True)
    if tokens[j].text in "-‐" and not touching and j + 1 < len(tokens):
        if tokens[j + 1].start > tokens[j].end and tokens[j + 1].kind == "word":
            return unit_after(tokens, j + 1, touching=False)  # "30 - year bonds" (spaced text)
    if tokens[j].text in "([{<" and j + 2 < len(tokens) and tokens[j + 2].text in ")]}>":
        inner = unit_after(tokens, j + 1, touching=False)
        if inner is not None and inner.last == j + 2:
            return Match(inner.unit, j, j + 3)  # "20 (kg)"
    if number.low is not None and tokens[j].lower == "of":
        return unit_after(tokens, j + 1, touching=False)  # "tens of millions of dollars"
    symbol = tables().glued.get(tokens[j].text)
    if symbol is not None and symbol.kind == "money" and tokens[j].kind == "sym":
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if after is None or after.kind != "num":
            return Match(symbol, j, j + 1)  # "10 €", "5 $ is not much"
    return unit_after(tokens, j, touching=touching)


def percent_before(tokens: list[Token], number: Number) -> Match | None:
    """'percent of 10', 'per cent of twenty-two' at the start of a phrase."""
    i = number.first
    if i < 2 or tokens[i - 1].lower != "of":
        return None
    for size in (2, 1):
        first = i - 1 - size
        if first < 0:
            continue
        match = unit_after(tokens, first, touching=False)
        if match is not None and match.last == i - 1 and match.unit.unit == "percent":
            if first == 0 or tokens[first - 1].kind not in ("num",):
                if first == 0 or tokens[first - 1].lower not in ("the", "a", "of"):
                    return match
    return None


def read_rate_and_age(tokens: list[Token], draft: Draft, last: int) -> int:
    """'50 meters a day' -> m/day; '29 years old', '50-year-old' -> year of age."""
    unit = draft.unit
    if unit is not None and unit.kind == "duration" and unit.unit in AGE_UNITS:
        k = last + 1 if last < len(tokens) and tokens[last].text in "-‐" else last
        if k < len(tokens) and tokens[k].lower == "old":
            draft.unit = Unit(unit.unit + " of age", AGE_UNITS[unit.unit], "duration")
            return k + 1
        if k + 1 < len(tokens) and tokens[k].lower == "of" and tokens[k + 1].lower == "age":
            draft.unit = Unit(unit.unit + " of age", AGE_UNITS[unit.unit], "duration")
            return k + 2
        return last
    age_abbreviation = age_after(tokens, last) if unit is None else None
    if age_abbreviation is not None:
        draft.unit = Unit("year of age", "year of age", "duration")
        draft.kind = "duration"
        return age_abbreviation
    if draft.first > 0 and tokens[draft.first - 1].lower in ("aged", "age") and unit is None:
        draft.unit = Unit("year of age", "year of age", "duration")
        draft.kind = "duration"
        return last
    if unit is None or unit.kind not in ("money", "percent", "quantity", "temperature", "duration"):
        return last
    k = last + 1 if last < len(tokens) and tokens[last].text in "-‐" else last
    rate = rate_after(tokens, k)
    if rate is None and k < len(tokens) and tokens[k].lower == "of":
        rate = rate_after_of(tokens, k)  # "2.4 billion gallons of jet fuel a year"
        if rate is not None:
            return apply_rate(draft, unit, rate[0], last)
    if rate is None:
        return last
    denominator, end = rate
    if end < len(tokens) and tokens[end - 1].text in "-‐":
        return last
    known = tables().by_code.get(denominator)
    name = known.name if known else denominator
    draft.unit = Unit(f"{unit.unit}/{denominator}", f"{unit.name} per {name}", "rate")
    draft.kind = "rate"
    return end


AGE_ABBREVIATIONS = ("yo", "y.o.", "y/o", "yrs old", "yr old")


def age_after(tokens: list[Token], j: int) -> int | None:
    """'87 yo', '40 y.o.', '6 y/o': where a written-short age ends, or None."""
    text = ""
    for k in range(j, min(j + 4, len(tokens))):
        if k > j and tokens[k].start - tokens[k - 1].end > 1:
            break
        text += (" " if k > j and tokens[k].start > tokens[k - 1].end else "") + tokens[k].lower
        if text in AGE_ABBREVIATIONS:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or after.start > tokens[k].end or after.kind != "word":
                return k + 1
    return None


def rate_after_of(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """A rate after a short 'of' phrase: 'of copper cathode a year'."""
    for m in range(k + 2, min(k + 5, len(tokens))):
        if tokens[m - 1].kind != "word":
            return None
        if tokens[m].lower in ("a", "per", "an") or tokens[m].lower in tables().adverbs:
            found = rate_after(tokens, m)
            return found if found is not None and found[0] in TIME_RATES else None
    return None


TIME_RATES = {"s", "ms", "min", "h", "day", "week", "month", "year", "quarter", "decade"}


def apply_rate(draft: Draft, unit: Unit, denominator: str, last: int) -> int:
    """Make the figure a rate but keep its span on the number and unit."""
    known = tables().by_code.get(denominator)
    name = known.name if known else denominator
    draft.unit = Unit(f"{unit.unit}/{denominator}", f"{unit.name} per {name}", "rate")
    draft.kind = "rate"
    return last


def date_kind(tokens: list[Token], number: Number) -> str | None:
    """'date' for years and days of months, 'time' for clock times; None otherwise."""
    if number.value is None or number.words or number.scaled:
        return None
    i, j = number.first, number.last
    text = number.plain
    nxt = tokens[j] if j < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if nxt is not None and nxt.kind == "word" and is_clock_suffix(tokens, j):
        return "time"
    if text.startswith("0") and len(text) == 4 and text.isdigit():
        return "time"  # "0401 GMT"
    if (
        nxt is not None
        and nxt.text in (":",)
        and j + 1 < len(tokens)
        and tokens[j + 1].kind == "num"
    ):
        if nxt.end == tokens[j + 1].start and len(tokens[j + 1].text) == 2:
            return "time"
    if prev is not None and prev.text == ":" and i >= 2 and tokens[i - 2].kind == "num":
        if prev.start == tokens[i - 2].end:
            return "time"
    if text and "/" in (prev.text if prev else "", nxt.text if nxt else ""):
        if is_slash_date(tokens, i):
            return "date"
    months = cues().months
    month_before = i - 1
    if prev is not None and prev.text == "." and i >= 2 and tokens[i - 2].lower in months:
        month_before = i - 2  # "Sept. 30"
    if text.isdigit() and 1 <= number.value <= 31:
        if month_before >= 0 and month_at(tokens, month_before):
            return "date"
        if nxt is not None and month_at(tokens, j):
            return "date"
    if text.isdigit() and len(text) <= 4 and era_year(tokens, i, j):
        return "date"
    if text.isdigit() and len(text) == 4 and 1800 <= number.value <= 2100:
        return "date" if year_like(tokens, number) else None
    if text.isdigit() and len(text) == 4 and nxt is not None and nxt.text == "s":
        return "date"  # "1990s"
    return None


def is_clock_suffix(tokens: list[Token], j: int) -> bool:
    """'5am', '10.45pm', '11 a.m.', '6 p.m.'."""
    word = tokens[j].lower
    if word in ("am", "pm"):
        return True
    return (
        word in ("a.", "p.", "a", "p")
        and j + 1 < len(tokens)
        and tokens[j + 1].lower in ("m", "m.")
    )


AMBIGUOUS_MONTHS = ("may", "march", "mar", "jan", "dec", "sat", "sun", "aug")
DATE_PREPOSITIONS = {"on", "since", "until", "till", "from", "by", "before", "after", "of", "to"}


def month_at(tokens: list[Token], k: int) -> bool:
    """Token k names a month. 'May' and 'March' are months capitalised; in lower case only
    after a date preposition ('on may 19', 'on 1 may') or abbreviated with a period ('dec.')."""
    token = tokens[k]
    word = token.lower.rstrip(".")
    if word not in cues().months:
        return False
    if word not in AMBIGUOUS_MONTHS or token.text[0].isupper():
        return True
    if word != "may" and k + 1 < len(tokens) and tokens[k + 1].text == ".":
        return tokens[k + 1].start == token.end  # "jan. 1", "dec. 12, 1994"
    before = tokens[k - 1].lower if k > 0 else ""
    if before in DATE_PREPOSITIONS:
        return True
    if k >= 2 and tokens[k - 1].kind == "num" and tokens[k - 2].lower in DATE_PREPOSITIONS:
        return True  # "on 1 may"
    return False


ERA_AFTER = (("AD",), ("BC",), ("BCE",), ("CE",), ("A", ".", "D", "."), ("B", ".", "C", "."))


def era_year(tokens: list[Token], i: int, j: int) -> bool:
    """'A.D. 1000', '50 BC', 'between A.D. 1000 and 1260': a year with an era, any size."""

    def words(start: int, end: int) -> tuple[str, ...]:
        # Only a few tokens around the number are read (this runs for every number).
        return tuple(token.text for token in tokens[start:end])

    if i >= 1 and tokens[i - 1].text == "AD" or i >= 4 and words(i - 4, i) == ERA_AFTER[4]:
        return True
    if any(words(j, j + len(era)) == era for era in ERA_AFTER):
        return True
    if i >= 2 and tokens[i - 1].text in ("and", "to", "-", "–") and tokens[i - 2].kind == "num":
        first = i - 2
        return first >= 1 and (
            tokens[first - 1].text == "AD" or first >= 4 and words(first - 4, first) == ERA_AFTER[4]
        )
    return False


def is_slash_date(tokens: list[Token], i: int) -> bool:
    """'5/17/2018' and '17/05/18': three numbers joined by slashes."""
    k = i
    while k >= 2 and tokens[k - 1].text == "/" and tokens[k - 2].kind == "num":
        k -= 2
    parts = 1
    m = k
    while m + 2 < len(tokens) and tokens[m + 1].text == "/" and tokens[m + 2].kind == "num":
        m += 2
        parts += 1
    return parts == 3


def year_like(tokens: list[Token], number: Number) -> bool:
    """A 4-digit number is a year unless it counts something ('2000 people')."""
    i, j = number.first, number.last
    prev = tokens[i - 1].lower if i > 0 else ""
    nxt = tokens[j] if j < len(tokens) else None
    if prev in cues().year_preps or prev.rstrip(".") in cues().months:
        return True
    if nxt is not None and nxt.text in ("AD", "BC", "CE", "BCE"):
        return True
    if prev in (".", "ad", "bc") and i >= 2 and tokens[i - 2].lower in ("d", "a.", "ad", "bc", "c"):
        return True  # "A.D. 1000"
    if nxt is None:
        return True
    if nxt.kind == "word" and nxt.text.islower():
        word = nxt.lower
        if word in PLURAL_PEOPLE or (word.endswith("s") and not word.endswith("ss")):
            return unit_after(tokens, j, touching=False) is None and word not in ("was", "is")
    return True


def is_label(tokens: list[Token], number: Number) -> bool:
    """'Section 427', 'Model 3', 'F-35', 'COVID-19', 'S&P 500': a number that names a thing."""
    i = number.first
    if number.words or number.scaled or number.value is None:
        return False
    if house_number(tokens, number):
        return True
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.kind == "word" and prev.end == tokens[i].start:
        return True  # "WW1", "G7", "S23"
    if (
        prev.text in "-‐"
        and i >= 2
        and tokens[i - 2].kind == "word"
        and tokens[i - 2].end == prev.start
    ):
        return tokens[i - 2].text[0].isupper() or tokens[i - 2].lower in cues().labels
    word = prev.lower
    if word in cues().labels and prev.text[0].isupper():
        return True
    if word in cues().labels_any_case or (
        word == "." and i >= 2 and tokens[i - 2].lower in ("no", "nos")
    ):
        return True
    if prev.kind == "word" and prev.text[0].islower() and any(c.isupper() for c in prev.text):
        return True  # "iPhone 12"
    if prev.kind == "word" and prev.text[0].isupper() and not is_sentence_start(tokens, i - 1):
        return capitalised_name(tokens, i - 1)
    if prev.text == "&" or (prev.text == "#" and prev.end == tokens[i].start):
        return True
    return False


ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def house_number(tokens: list[Token], number: Number) -> bool:
    """'49 Zorro Ranch Road', '9 E 71st St', '22 Ave Foch': a number before a street name."""
    if not number.plain.isdigit():
        return False  # house numbers are plain digits: "49", not "4.5" or "1e999"
    streets = cues().streets
    for k in range(number.last, min(number.last + 5, len(tokens))):
        token = tokens[k]
        if token.kind == "word" and token.text[0].isupper():
            if token.lower in streets and not saint(tokens, k):
                return True
            continue
        glued = token.start == tokens[k - 1].end
        if token.kind == "num" or (token.lower in ORDINAL_SUFFIXES and glued):
            continue
        return False
    return False


def saint(tokens: list[Token], k: int) -> bool:
    """'St. Louis', 'St Paul': Saint before a name, not Street."""
    if tokens[k].lower != "st":
        return False
    m = k + 2 if k + 1 < len(tokens) and tokens[k + 1].text == "." else k + 1
    return m < len(tokens) and tokens[m].kind == "word" and tokens[m].text[0].isupper()


def capitalised_name(tokens: list[Token], k: int) -> bool:
    """A capitalised word before a number that is a name, not a cue ('Sakhalin 1')."""
    word = tokens[k].lower
    all_cues = cues()
    if (word,) in all_cues.bounds or word in all_cues.up or word in all_cues.down:
        return False
    if word.rstrip(".") in all_cues.months or word in all_cues.year_preps:
        return False
    if (word,) in tables().before_lower or (tokens[k].text,) in tables().before:
        return False
    return word not in SENTENCE_OPENERS and word not in ("about", "around", "nearly", "some")


def is_sentence_start(tokens: list[Token], k: int) -> bool:
    return k == 0 or tokens[k - 1].text in (".", "!", "?", "\n", ":", "“", '"', "(")


DASHES = (["-"], ["–"], ["—"], ["~"])


def join_range(tokens: list[Token], draft: Draft, nxt: Number) -> Draft | None:
    """'between 10 and 20', 'from $5 to $10 million', '10-20%', '252 to 287 miles'."""
    if draft.kind in ("ordinal", "label", "time") or draft.value is None or nxt.value is None:
        return None
    prefix = currency_before(tokens, nxt.first)
    gap_end = prefix.first if prefix is not None else nxt.first
    words = [t.lower for t in tokens[draft.last : gap_end]]
    prev = tokens[draft.first - 1].lower if draft.first > 0 else ""
    prev2 = tokens[draft.first - 2].lower if draft.first > 1 else ""
    between = "between" in (prev, prev2)
    from_to = "from" in (prev, prev2)
    if draft.kind == "date" and words not in (["-"], ["–"], ["to"], ["and"]):
        return None
    if draft.kind == "date" and iso_date(tokens, draft, nxt):
        end = nxt.last + 2
        return Draft(
            draft.start,
            tokens[end - 1].end,
            draft.first,
            end,
            draft.num_first,
            end,
            draft.value,
            "date",
        )  # "2016-07-23"
    if words not in (*DASHES, ["to"], ["through"], ["and"], ["or"]):
        return None
    if words == ["or"] and (draft.unit is not None or draft.value >= nxt.value):
        return None  # only "three or four years"
    if words == ["and"] and not between:
        return None
    if words == ["to"] and not (from_to or between) and after_change_cue(tokens, draft):
        return None  # "fell 7% to $2.3 billion": a change and a level, not a range
    other = read_one(tokens, nxt)
    if other is None or other.kind in ("ordinal", "label", "time") or other.value is None:
        return None
    if draft.kind == "date" or other.kind == "date":
        if not (draft.kind == "date" and other.kind in ("date", "count")):
            return None
        other.kind = "date"
        if other.value is not None and other.value < 100 and draft.value >= 1000:
            other.value += draft.value - draft.value % 100  # "2014-15"
            if other.value < draft.value:
                return None
    if draft.unit and other.unit and not other.unit.unit.startswith(draft.unit.unit):
        return None
    if draft.unit and other.unit is None and words == ["to"] and not (from_to or between):
        if draft.unit.name != "year of age":
            return None  # "7% to 13176", but "aged 18 to 34"
    if words == ["or"] and other.unit is None:
        return None
    low, high = draft.value, other.value
    if other.scaled and not draft.scaled and low < high / 1000:
        if low * scale_of(tokens, nxt) < high:
            low *= scale_of(tokens, nxt)  # "$5 to $10 million", "four to five thousand"
    if words == ["to"] and not (from_to or between) and low >= high:
        return None  # "5 to 3" is a change, not a range
    span = (draft.start, other.end, draft.first, other.last, draft.num_first, other.num_last)
    if low == high:
        return Draft(*span, low, "label")  # "tied at 89-89": a score, not a figure
    merged = Draft(
        *span,
        None,
        other.kind if draft.unit is None else draft.kind,
        unit=other.unit or draft.unit,
        low=min(low, high),
        high=max(low, high),
        bound="range",
        scaled=other.scaled or draft.scaled,
    )
    if (between or from_to) and draft.first > 0:
        merged.first = draft.first - (1 if prev in ("between", "from") else 2)
    merged.start = tokens[merged.first].start
    return merged


def iso_date(tokens: list[Token], draft: Draft, nxt: Number) -> bool:
    """'2016-07-23': year, month and day joined by hyphens."""
    k = nxt.last
    if k + 1 >= len(tokens) or tokens[k].text != "-" or tokens[k + 1].kind != "num":
        return False
    glued_all = tokens[draft.last].start == tokens[draft.last - 1].end == tokens[k].start - 2
    return len(tokens[nxt.first].text) == 2 and len(tokens[k + 1].text) == 2 or glued_all


def after_change_cue(tokens: list[Token], draft: Draft) -> bool:
    """The figure follows 'by' or a change verb ('increased by $43.6 billion to ...')."""
    all_cues = cues()
    for k in range(draft.first - 1, max(draft.first - 4, -1), -1):
        word = tokens[k].lower
        if word == "to":
            return False  # "grew to 252 to 287 miles": a level
        if word == "by" or (word in all_cues.up or word in all_cues.down) and word.isalpha():
            return True
    return False


def scale_of(tokens: list[Token], number: Number) -> float:
    for token in tokens[number.first : number.last]:
        for table in ("multipliers", "abbreviations"):
            from presslens.stages.figures_numbers import scales

            values = getattr(scales(), table)
            if token.lower in values and values[token.lower] >= 1000:
                return values[token.lower]
    return 1.0


def set_bound(tokens: list[Token], draft: Draft) -> None:
    """'nearly 50,000', 'over 400,000', 'up to 700', '500 or more', 'sub-300 sq m'.

    A bound written after the number wins over one before it: 'about 500 or more' is over."""
    if draft.kind in ("ordinal", "label", "time"):
        return
    table = cues().bounds
    for size in range(6, 0, -1):
        first = draft.first - size
        if first < 0:
            continue
        key = tuple(t.lower for t in tokens[first : draft.first])
        bound = table.get(key)
        if bound is None and key[-1] == "-" and size > 1:
            bound = table.get(key[:-1]) if key[:-1] == ("sub",) else None
        if bound is not None:
            if draft.bound != "range":
                draft.bound = bound
            draft.first = first
            draft.start = tokens[first].start
            break
    after = cues().bounds_after
    for size in (2, 1):
        key = tuple(t.lower for t in tokens[draft.last : draft.last + size])
        nxt = tokens[draft.last + size] if draft.last + size < len(tokens) else None
        if nxt is not None and (nxt.kind == "num" or nxt.lower in ("than", "to")):
            continue  # "1000 and below 1500", "200 or greater than 190": a bound of the next
        if len(key) == size and key in after and draft.bound != "range":
            draft.bound = after[key]
            draft.last += size
            draft.end = tokens[draft.last - 1].end
            return


def join_bounds(tokens: list[Token], drafts: list[Draft]) -> list[Draft]:
    """'more than 10 and less than 20', 'at most 100 and at least 20': one range."""
    joined: list[Draft] = []
    for draft in drafts:
        before = joined[-1] if joined else None
        if before is not None and {before.bound, draft.bound} == {"over", "under"}:
            gap = [t.lower for t in tokens[before.last : draft.first]]
            same_unit = (before.unit and before.unit.unit) == (draft.unit and draft.unit.unit)
            low, high = (before, draft) if before.bound == "over" else (draft, before)
            if gap in (["and"], ["but"], [","], [",", "and"]) and same_unit:
                if low.value is not None and high.value is not None and low.value < high.value:
                    before.low, before.high, before.value = low.value, high.value, None
                    before.bound, before.last, before.end = "range", draft.last, draft.end
                    before.unit = before.unit or draft.unit
                    continue
        joined.append(draft)
    return joined


CHANGE_SKIPS = {
    "by",
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "roughly",
    "an",
    "a",
    "another",
    "just",
    "only",
    "more",
    "less",
    "than",
    "over",
    "under",
    "sharply",
    "slightly",
    "further",
    "as",
    "much",
    "been",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "will",
    "would",
    "also",
    "of",
    "estimated",
    "additional",
}


def set_change(tokens: list[Token], draft: Draft) -> None:
    """'fell by 28%' -> down, 'rose 3 points' -> up, '+0.8%' -> up."""
    if draft.kind in ("ordinal", "label", "time", "date") or draft.change == "factor":
        return
    all_cues = cues()
    first = draft.first
    if (
        first > 0
        and tokens[first - 1].text in ("+",)
        and tokens[first - 1].end == tokens[first].start
    ):
        draft.change = "up"
        return
    for size in (2, 1):
        key = tuple(t.lower for t in tokens[draft.last : draft.last + size])
        if len(key) == size and key in all_cues.change_after:
            draft.change = all_cues.change_after[key]
            return
    k = first - 1
    skipped = 0
    while k >= 0 and skipped <= 3:
        word = tokens[k].lower
        noun_use = k + 1 < len(tokens) and tokens[k + 1].lower == "of"  # "a gain of 2%"
        if word in all_cues.up and word not in ("+", "-", "−") and not noun_use:
            if word == "up" and k + 1 < len(tokens) and tokens[k + 1].lower == "to":
                return
            draft.change = "up"
            return
        if word in all_cues.down and word not in ("+", "-", "−") and not noun_use:
            draft.change = "down"
            return
        if word in CHANGE_SKIPS or word.endswith("ly"):
            k -= 1
            skipped += 1
            continue
        return


def continue_change(tokens: list[Token], before: Draft, draft: Draft) -> None:
    """'lost 190 points, or 0.6%' and 'were down 2.3%, Burlington by 2.6%': the change goes on."""
    if draft.change or before.change not in ("up", "down") or draft.kind in ("date", "time"):
        return
    gap = [t.lower for t in tokens[before.last : draft.first]]
    if gap in (["or"], [",", "or"], ["and"]) or (
        gap[-1:] == ["by"] and "," in gap and len(gap) <= 4
    ):
        draft.change = before.change


FOLD = re.compile(r"^(\w+)-?fold$", re.IGNORECASE)


def verbal_factors(tokens: list[Token], drafts: list[Draft]) -> list[Draft]:
    """'tripled' -> factor 3, 'halved' -> factor 0.5, 'tenfold' / '3-fold' -> factor."""
    found: list[Draft] = []
    factors = cues().factors
    taken = {i for d in drafts for i in range(d.first, d.last)}
    for i, token in enumerate(tokens):
        word = token.lower
        value: float | None = factors.get(word)
        last = i + 1
        if value is None and word.endswith("fold"):
            value = fold_value(tokens, i)
            if value is None:
                continue
        if value is None or i in taken:
            continue
        start = i
        if word == "fold" and i >= 2 and tokens[i - 1].text == "-":
            start = i - 2
        draft = Draft(
            tokens[start].start,
            tokens[last - 1].end,
            start,
            last,
            start,
            last,
            value,
            "factor",
            change="factor",
            factor=value,
            verbal=word in factors,
        )
        found.append(draft)
    return found


def fold_value(tokens: list[Token], i: int) -> float | None:
    """'tenfold', 'three-fold', '10-fold'."""
    from presslens.stages.figures_numbers import scales

    word = tokens[i].lower
    table = scales()
    stem = word[: -len("fold")]
    if stem in table.small or stem in table.tens:
        return table.small.get(stem) or table.tens.get(stem)
    if stem == "" and i >= 2 and tokens[i - 1].text == "-":
        before = tokens[i - 2]
        if before.kind == "num":
            return float(before.text.replace(",", ""))
        return table.small.get(before.lower) or table.tens.get(before.lower)
    return None
