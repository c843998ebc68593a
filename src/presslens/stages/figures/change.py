"""Bound and change of a figure: 'nearly 50,000' (approx), 'over 400,000', 'up to 700', 'more
than 10 and less than 20' (one range); 'fell by 28%' (down), '+0.8%' (up), 'lost 190 points,
or 0.6%' (the change goes on); and factors written as words ('tripled', 'tenfold').

The cue phrases live in resources/figures_cues.json, the words a change cue may stand behind in
resources/figure_words.txt.
"""

from __future__ import annotations

from presslens.stages.figures.cues import cues
from presslens.stages.figures.draft import Draft
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.scales import scales
from presslens.stages.figures.tokens import Token, digit_value
from presslens.stages.figures.units import Unit


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
    skips = figure_words().change_skips
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
        if word in skips or word.endswith("ly"):
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
        if value is None or i in taken or magnitude_after(tokens, i):
            continue  # "double-digit lead" is no doubling
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
        if not draft.verbal:  # "sixfold" is "six-fold" written as one word: a number of times
            draft.unit = Unit("times", "times", "factor")
        found.append(draft)
    return found


def magnitude_after(tokens: list[Token], i: int) -> bool:
    """'-digit' or '-figure' glued after token i ('double-digit', 'triple-digit')."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in "-‐":
        return False
    return tokens[i + 2].lower in figure_words().magnitude_words


def fold_value(tokens: list[Token], i: int) -> float | None:
    """'tenfold', 'three-fold', '10-fold'."""
    word = tokens[i].lower
    table = scales()
    stem = word[: -len("fold")]
    if stem in table.small or stem in table.tens:
        return table.small.get(stem) or table.tens.get(stem)
    if stem == "" and i >= 2 and tokens[i - 1].text == "-":
        before = tokens[i - 2]
        if before.kind == "num":
            return digit_value(before.text)
        return table.small.get(before.lower) or table.tens.get(before.lower)
    return None
