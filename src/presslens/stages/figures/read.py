"""One number read into a `Draft` with its unit and kind: a currency before it ('$', 'EUR'),
a unit after it ('per cent', '3-inch', '20 (kg)', '10 €'), a scale written after the currency
('75 USD million'), a factor ('four times'), a ratio, a rate or an age; and currency or percent
words that stand without a number ('the dollar'), with `mentions`.

Nothing here raises on odd input: a number it cannot read is skipped (None).
"""

from __future__ import annotations

from presslens.stages.figures.draft import Draft, kind_of, plain_draft
from presslens.stages.figures.kinds import (
    date_kind,
    glued_label,
    hyphen_joint,
    is_label,
    read_rate_and_age,
)
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.numbers import Number
from presslens.stages.figures.scales import scales
from presslens.stages.figures.tokens import Token
from presslens.stages.figures.units import Match, Unit, currency_before, tables, unit_after

ID_DIGITS = 12  # an ungrouped run of this many digits names a thing ('756642903469031424')


def read_one(tokens: list[Token], number: Number, free: int = 0) -> Draft | None:
    """One number with its unit and kind; None for numbers that are not figures at all.
    Tokens before `free` belong to an earlier figure and cannot be this one's currency."""
    if number.ordinal:
        return plain_draft(tokens, number, "ordinal")
    if magnitude_word(tokens, number.last):
        return None  # "seven-figure donations": a size of some figure, not a count of seven
    kind = date_kind(tokens, number)
    if kind is not None:
        return plain_draft(tokens, number, kind)
    if number.value is not None and glued_label(tokens, number):
        return plain_draft(tokens, number, "label")
    if len(number.plain) >= ID_DIGITS and number.plain.isdigit():
        return plain_draft(tokens, number, "label")  # a tweet or record id, not an amount
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
        if number.value is None or number.value >= 1000 or number.first == 0 or number.words:
            match = None  # '...031424"', '"Gang of Eight"' close a quotation: no inches
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


def scale_by_code(tokens: list[Token], draft: Draft, match: Match) -> None:
    """'30 MUSD', 'MAUD 60': a currency code that means millions."""
    code = "".join(t.lower for t in tokens[match.first : match.last])
    if code in tables().millions and draft.value is not None:
        draft.value *= 1_000_000
        draft.scaled = True


def scale_after_code(tokens: list[Token], draft: Draft, last: int) -> int:
    """'75 USD million': a scale word after the currency."""
    if last < len(tokens) and draft.value is not None and draft.kind == "money":
        word = tokens[last].lower
        factor = scales().multipliers.get(word)
        if factor and factor >= 1000 and word not in scales().vague:
            draft.value *= factor
            draft.scaled = True
            return last + 1
    return last


def times_after(tokens: list[Token], j: int) -> bool:
    """'four times', '10-fold', '3x', 'six fold'."""
    if j >= len(tokens):
        return False
    word = tokens[j].lower
    if word == "times" or (word == "x" and tokens[j].start == tokens[j - 1].end):
        return True
    if word == "fold":
        return True  # "six fold" written apart
    return word in "-‐" and j + 1 < len(tokens) and tokens[j + 1].lower == "fold"


def magnitude_word(tokens: list[Token], j: int) -> bool:
    """'-figure' or '-digit' right after the number ending before token j, also through a
    suspended hyphen ('seven- and eight-figure', 'five- to six-digit')."""
    if j + 1 >= len(tokens) or tokens[j].text not in "-‐":
        return False
    words = figure_words().magnitude_words
    if tokens[j + 1].lower in words and tokens[j + 1].start == tokens[j].end:
        return True
    if tokens[j + 1].lower in ("and", "or", "to") and j + 2 < len(tokens):
        k = j + 2  # the second number, in digits or one word
        return k + 1 < len(tokens) and magnitude_word(tokens, k + 1)
    return False


def hyphen_compound(tokens: list[Token], number: Number) -> bool:
    j = number.last
    if j + 1 >= len(tokens) or tokens[j].text not in "-‐" or tokens[j].start != number.end:
        return False
    if hyphen_joint(tokens, j):
        return False  # "0-to-60-mph": the start of a range
    after = tokens[j + 1]
    return after.kind == "word" and after.start == tokens[j].end and after.lower != "old"


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
        if short or tokens[i].lower in figure_words().ambiguous_currency_words:
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
