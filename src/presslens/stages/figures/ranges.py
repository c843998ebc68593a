"""A figure joined with the number after it: ranges ('between 10 and 20', 'from $5 to $10
million', '10-20%', '2014-15'), cents ('3 dollars 50 cents'), feet and inches ('5 feet 2
inches'), a currency symbol standing between two numbers ('10 $ 30 $'), and a unit shared
across a suspended hyphen ('7- or 8-inch').
"""

from __future__ import annotations

from typing import NamedTuple

from presslens.stages.figures.cues import cues
from presslens.stages.figures.draft import Draft
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.numbers import Number
from presslens.stages.figures.read import read_one
from presslens.stages.figures.scales import scales
from presslens.stages.figures.tokens import Token
from presslens.stages.figures.units import currency_before, unit_after

DASHES = (["-"], ["–"], ["—"], ["~"])
NOT_IN_RANGES = ("ordinal", "label", "time")
HYPHENED = (["-", "to", "-"], ["-", "through", "-"], ["‐", "to", "‐"])
INCH_WORDS = {"in", "in.", "inch", "inches", '"', "″"}


class Joint(NamedTuple):
    """What stands between two numbers, and what opens the pair ('between', 'from')."""

    words: list[str]  # the tokens between them, lower-cased ("to", "-", "and")
    prev: str  # the token before the first number
    between: bool
    from_to: bool

    @property
    def bare_to(self) -> bool:
        """'X to Y' with no 'between' or 'from' before it: often a change and a level."""
        return self.words == ["to"] and not (self.from_to or self.between)


def join_range(tokens: list[Token], draft: Draft, nxt: Number) -> Draft | None:
    """'between 10 and 20', 'from $5 to $10 million', '10-20%', '252 to 287 miles'."""
    if draft.kind in NOT_IN_RANGES or draft.value is None or nxt.value is None:
        return None
    first, second = draft.value, nxt.value
    joint = joint_of(tokens, draft, nxt)
    if draft.kind == "date" and joint.words not in (["-"], ["–"], ["to"], ["and"]):
        return None
    if draft.kind == "date" and iso_date(tokens, draft, nxt):
        return iso_draft(tokens, draft, nxt)  # "2016-07-23"
    if not joint_fits(tokens, draft, joint, first, second):
        return None
    other = read_one(tokens, nxt)
    if other is not None and other.kind == "label" and is_score(draft, joint, first, second):
        return merged_range(tokens, draft, other, (first, first), joint)  # "won, 4-2"
    if other is None or other.kind in NOT_IN_RANGES or other.value is None:
        return None
    if not pair_fits(draft, other, joint, first):
        return None
    low, high = first, other.value
    if other.scaled and not draft.scaled and low < high / 1000:
        if low * scale_of(tokens, nxt) < high:
            low *= scale_of(tokens, nxt)  # "$5 to $10 million", "four to five thousand"
    if joint.bare_to and low >= high:
        return None  # "5 to 3" is a change, not a range
    if is_score(draft, joint, low, high) and other.unit is None and other.kind == "count":
        return merged_range(tokens, draft, other, (low, low), joint)  # "a 216-146 record"
    return merged_range(tokens, draft, other, (low, high), joint)


def joint_of(tokens: list[Token], draft: Draft, nxt: Number) -> Joint:
    prefix = currency_before(tokens, nxt.first)
    gap_end = prefix.first if prefix is not None else nxt.first
    words = [t.lower for t in tokens[draft.last : gap_end]]
    prev = tokens[draft.first - 1].lower if draft.first > 0 else ""
    prev2 = tokens[draft.first - 2].lower if draft.first > 1 else ""
    return Joint(words, prev, "between" in (prev, prev2), "from" in (prev, prev2))


def joint_fits(
    tokens: list[Token], draft: Draft, joint: Joint, first: float, second: float
) -> bool:
    """The words between two numbers can join them into a range."""
    words = joint.words
    if words in HYPHENED:
        words = [words[1]]  # "0-to-60-mph" reads as "0 to 60 mph"
    if words not in (*DASHES, ["to"], ["through"], ["and"], ["or"]):
        return False
    if words == ["—"] and spaced(tokens, draft.last):
        return False  # "four in 10 — 38 percent": a dash set off by spaces is an aside
    if words == ["or"] and (draft.unit is not None or first >= second):
        return False  # only "three or four years"
    if words == ["and"] and not joint.between:
        return False
    if joint.bare_to and after_change_cue(tokens, draft):
        return False  # "fell 7% to $2.3 billion": a change and a level, not a range
    return True


def is_score(draft: Draft, joint: Joint, first: float, second: float) -> bool:
    """'4-2', '216-146': two plain counts joined by a dash, the larger first, are a score or a
    vote, not a range (ranges are written low to high)."""
    plain = draft.kind == "count" and draft.unit is None and not draft.scaled
    return plain and joint.words in DASHES and first >= second  # "tied at 89-89" too


def spaced(tokens: list[Token], k: int) -> bool:
    """Token k has a space on both sides."""
    return 0 < k < len(tokens) - 1 and (
        tokens[k - 1].end < tokens[k].start and tokens[k].end < tokens[k + 1].start
    )


def pair_fits(draft: Draft, other: Draft, joint: Joint, first: float) -> bool:
    """The second figure can close the range the first opens: dates with dates, units alike."""
    if draft.kind == "date" or other.kind == "date":
        if not date_pair(draft, other, first):
            return False
    if draft.unit and other.unit and not other.unit.unit.startswith(draft.unit.unit):
        return False
    if draft.unit and other.unit is None and joint.bare_to:
        if draft.unit.name != "year of age":
            return False  # "7% to 13176", but "aged 18 to 34"
    if joint.words == ["or"] and other.unit is None:
        return False
    return True


def date_pair(draft: Draft, other: Draft, first: float) -> bool:
    """A date ranges only to a date or a bare number, which becomes a date ('2014-15')."""
    if not (draft.kind == "date" and other.kind in ("date", "count")):
        return False
    other.kind = "date"
    if other.value is not None and other.value < 100 and first >= 1000:
        other.value += first - first % 100  # "2014-15"
        if other.value < first:
            return False
    return True


def merged_range(
    tokens: list[Token], draft: Draft, other: Draft, values: tuple[float, float], joint: Joint
) -> Draft:
    """One figure from the first number (and its 'between' or 'from') to the second."""
    low, high = values
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
    if (joint.between or joint.from_to) and draft.first > 0:
        merged.first = draft.first - (1 if joint.prev in ("between", "from") else 2)
    merged.start = tokens[merged.first].start
    return merged


def iso_draft(tokens: list[Token], draft: Draft, nxt: Number) -> Draft:
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
    )


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
            values = getattr(scales(), table)
            if token.lower in values and values[token.lower] >= 1000:
                return values[token.lower]
    return 1.0


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


def cents_end(tokens: list[Token], j: int) -> bool:
    """The cents end here: '15 USD 50 more', but not '15 dollars 50 cows' (two figures)."""
    if j >= len(tokens) or tokens[j].kind == "sym":
        return True
    return tokens[j].lower in figure_words().cents_followers


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
