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

AGE_UNITS = {"year": "year of age", "month": "month of age", "week": "week of age", "day": "day of age"}
TIME_SUFFIX = re.compile(r"^(?:a\.?m\.?|p\.?m\.?)$", re.IGNORECASE)
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


def read_figures(text: str) -> tuple[list[Token], list[Draft]]:
    """Tokens of text and every figure in it, in order."""
    tokens = tokenize(text)
    numbers = find_numbers(text, tokens)
    drafts: list[Draft] = []
    skip_until = -1
    for index, number in enumerate(numbers):
        if number.first < skip_until:
            continue
        draft = read_one(tokens, number)
        if draft is None:
            continue
        nxt = numbers[index + 1] if index + 1 < len(numbers) else None
        ranged = join_range(tokens, draft, nxt) if nxt is not None else None
        if ranged is not None:
            draft = ranged
            skip_until = draft.last
        set_bound(tokens, draft)
        set_change(tokens, draft)
        drafts.append(draft)
    drafts.extend(verbal_factors(tokens, drafts))
    drafts.sort(key=lambda d: d.start)
    return tokens, drafts


def read_one(tokens: list[Token], number: Number) -> Draft | None:
    """One number with its unit and kind; None for numbers that are not figures at all."""
    first, last = number.first, number.last
    if number.ordinal:
        return plain_draft(tokens, number, "ordinal")
    kind = date_kind(tokens, number)
    if kind is not None:
        return plain_draft(tokens, number, kind)
    prefix = currency_before(tokens, first) if number.value is not None else None
    draft = plain_draft(tokens, number, "count")
    draft.scaled = number.scaled
    if prefix is not None:
        draft.unit, draft.kind, draft.first = prefix.unit, "money", prefix.first
    match = unit_match(tokens, number)
    if match is not None and (prefix is None or match.unit.kind == "money"):
        if prefix is None or match.unit.unit == prefix.unit.unit or prefix.unit.unit == "USD":
            draft.unit, draft.kind = match.unit, kind_of(match.unit)
        last = match.last
    elif prefix is None and number.value is not None and is_label(tokens, number):
        return plain_draft(tokens, number, "label")
    if number.ratio or (number.words and number.value is not None and 0 < number.value < 1):
        draft.kind = "ratio"
    elif draft.unit is None and times_after(tokens, number.last):
        draft.kind, draft.change, draft.factor = "factor", "factor", number.value
        draft.unit = Unit("times", "times", "factor")
        last = number.last + (2 if tokens[number.last].text in "-‐" else 1)
    last = read_rate_and_age(tokens, draft, last)
    draft.last = last
    draft.start, draft.end = tokens[draft.first].start, tokens[last - 1].end
    return draft


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
        number.start, number.end, number.first, number.last, number.first, number.last,
        number.value, kind, low=number.low, high=number.high,
        bound="range" if number.low is not None else "exact", scaled=number.scaled,
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
    if tokens[j].text in "([{<" and j + 2 < len(tokens) and tokens[j + 2].text in ")]}>":
        inner = unit_after(tokens, j + 1, touching=False)
        if inner is not None and inner.last == j + 2:
            return Match(inner.unit, j, j + 3)  # "20 (kg)"
    if number.low is not None and tokens[j].lower == "of":
        return unit_after(tokens, j + 1, touching=False)  # "tens of millions of dollars"
    return unit_after(tokens, j, touching=touching)


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
    if draft.first > 0 and tokens[draft.first - 1].lower in ("aged", "age") and unit is None:
        draft.unit = Unit("year of age", "year of age", "duration")
        draft.kind = "duration"
        return last
    if unit is None or unit.kind not in ("money", "percent", "quantity", "temperature"):
        return last
    k = last + 1 if last < len(tokens) and tokens[last].text in "-‐" else last
    rate = rate_after(tokens, k)
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


def date_kind(tokens: list[Token], number: Number) -> str | None:
    """'date' for years and days of months, 'time' for clock times; None otherwise."""
    if number.value is None or number.words or number.scaled:
        return None
    i, j = number.first, number.last
    text = number.plain
    nxt = tokens[j] if j < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if nxt is not None and TIME_SUFFIX.match(nxt.text.replace(" ", "")) and nxt.kind == "word":
        return "time"
    if nxt is not None and nxt.text in (":",) and j + 1 < len(tokens) and tokens[j + 1].kind == "num":
        if nxt.end == tokens[j + 1].start and len(tokens[j + 1].text) == 2:
            return "time"
    if prev is not None and prev.text == ":" and i >= 2 and tokens[i - 2].kind == "num":
        if prev.start == tokens[i - 2].end:
            return "time"
    if text and "/" in (prev.text if prev else "", nxt.text if nxt else ""):
        if is_slash_date(tokens, i):
            return "date"
    months = cues().months
    if text.isdigit() and 1 <= number.value <= 31:
        if prev is not None and prev.lower.rstrip(".") in months and month_like(prev):
            return "date"
        if nxt is not None and nxt.lower.rstrip(".") in months and month_like(nxt):
            return "date"
    if text.isdigit() and len(text) == 4 and 1800 <= number.value <= 2100:
        return "date" if year_like(tokens, number) else None
    if text.isdigit() and len(text) == 4 and nxt is not None and nxt.text == "s":
        return "date"  # "1990s"
    return None


def month_like(token: Token) -> bool:
    """'May' and 'March' only capitalised; other month names and abbreviations in any case."""
    word = token.lower.rstrip(".")
    if word in ("may", "march", "mar", "jan", "dec", "sat", "sun", "aug"):
        return token.text[0].isupper()
    return True


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
    if number.words or number.scaled or i == 0 or number.value is None:
        return False
    prev = tokens[i - 1]
    if prev.kind == "word" and prev.end == tokens[i].start:
        return True  # "WW1", "G7", "S23"
    if prev.text in "-‐" and i >= 2 and tokens[i - 2].kind == "word" and tokens[i - 2].end == prev.start:
        return tokens[i - 2].text[0].isupper() or tokens[i - 2].lower in cues().labels
    word = prev.lower
    if word in cues().labels and prev.text[0].isupper():
        return True
    if prev.kind == "word" and prev.text[0].isupper() and not is_sentence_start(tokens, i - 1):
        return capitalised_name(tokens, i - 1)
    if prev.text == "&" or (prev.text == "#" and prev.end == tokens[i].start):
        return True
    return False


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


def join_range(tokens: list[Token], draft: Draft, nxt: Number) -> Draft | None:
    """'between 10 and 20', 'from $5 to $10 million', '10-20%', '252 to 287 miles'."""
    if draft.kind in ("ordinal", "label", "time") or draft.value is None or nxt.value is None:
        return None
    gap = tokens[draft.last : nxt.first]
    joiner = [t.lower for t in gap]
    prev = tokens[draft.first - 1].lower if draft.first > 0 else ""
    prev2 = tokens[draft.first - 2].lower if draft.first > 1 else ""
    if draft.kind == "date" and not (len(joiner) == 1 and joiner[0] in ("-", "–", "to", "and")):
        return None
    currency_gap = [t for t in gap if (t.text,) in tables().before or (t.lower,) in tables().before_lower]
    words = [w for w in joiner if (w,) not in tables().before and w not in ("$", "€", "£")]
    between = prev == "between" or prev2 == "between"
    from_to = prev == "from" or prev2 == "from"
    if words == ["and"] and not between:
        return None
    if words in (["-"], ["–"], ["—"], ["~"]) and not (draft.unit and draft.unit.kind == "percent"):
        if tokens[draft.last].start != tokens[draft.last - 1].end and draft.unit is not None:
            pass
    if words not in (["-"], ["–"], ["—"], ["~"], ["to"], ["through"], ["and"], ["-", "-"]):
        return None
    if words == ["to"] and not from_to and draft.unit is not None and not currency_gap:
        if draft.unit.kind in ("money", "percent") and not between:
            return None  # "fell 7% to $2.3 billion": a change and a level, not a range
    if words == ["and"] and not between:
        return None
    other = read_one(tokens, nxt)
    if other is None or other.kind in ("ordinal", "label", "time") or other.value is None:
        return None
    if draft.kind == "date" or other.kind == "date":
        if not (draft.kind == "date" and other.kind in ("date", "count")):
            return None
        other.kind = "date"
    if draft.unit and other.unit and draft.unit.unit != other.unit.unit:
        return None
    if draft.unit is None and other.unit is None and other.counted is None and not from_to:
        if not between and words != ["-"] and words != ["–"]:
            return None
    low, high = draft.value, other.value
    if other.scaled and not draft.scaled and low is not None and high and low < high / 1000:
        low *= scale_of(tokens, nxt)  # "$5 to 10 million"
    merged = Draft(
        draft.start, other.end, draft.first, other.last, draft.num_first, other.num_last,
        None, other.kind if draft.unit is None else draft.kind,
        unit=other.unit or draft.unit, low=min(low, high), high=max(low, high), bound="range",
        scaled=other.scaled or draft.scaled,
    )
    if between and draft.first > 0:
        merged.first = draft.first - (1 if prev == "between" else 2)
    if from_to and draft.first > 0:
        merged.first = draft.first - (1 if prev == "from" else 2)
    merged.start = tokens[merged.first].start
    return merged


def scale_of(tokens: list[Token], number: Number) -> float:
    for token in tokens[number.first : number.last]:
        for table in ("multipliers", "abbreviations"):
            from presslens.stages.figures_numbers import scales

            values = getattr(scales(), table)
            if token.lower in values and values[token.lower] >= 1000:
                return values[token.lower]
    return 1.0


def set_bound(tokens: list[Token], draft: Draft) -> None:
    """'nearly 50,000', 'over 400,000', 'up to 700', '500 or more', 'sub-300 sq m'."""
    if draft.kind in ("ordinal", "label", "time"):
        return
    table = cues().bounds
    for size in (4, 3, 2, 1):
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
            return
    after = cues().bounds_after
    for size in (2, 1):
        key = tuple(t.lower for t in tokens[draft.last : draft.last + size])
        if len(key) == size and key in after and draft.bound != "range":
            draft.bound = after[key]
            draft.last += size
            draft.end = tokens[draft.last - 1].end
            return


CHANGE_SKIPS = {"by", "about", "some", "nearly", "almost", "around", "roughly", "an", "a", "another",
                "just", "only", "more", "less", "than", "over", "under", "sharply", "slightly",
                "further", "as", "much", "been", "has", "have", "had", "is", "was", "were",
                "are", "be", "will", "would", "also", "of", "estimated", "additional"}


def set_change(tokens: list[Token], draft: Draft) -> None:
    """'fell by 28%' -> down, 'rose 3 points' -> up, '+0.8%' -> up."""
    if draft.kind in ("ordinal", "label", "time", "date"):
        return
    all_cues = cues()
    first = draft.first
    if first > 0 and tokens[first - 1].text in ("+",) and tokens[first - 1].end == tokens[first].start:
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
        if word in all_cues.up and word not in ("+", "-", "−"):
            if word == "up" and k + 1 < len(tokens) and tokens[k + 1].lower == "to":
                return
            draft.change = "up"
            return
        if word in all_cues.down and word not in ("+", "-", "−"):
            draft.change = "down"
            return
        if word in CHANGE_SKIPS or word.endswith("ly"):
            k -= 1
            skipped += 1
            continue
        return


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
            tokens[start].start, tokens[last - 1].end, start, last, start, last, value, "factor",
            change="factor", factor=value, verbal=word in factors,
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
