"""Cue words for the figures stage, loaded once from resources/figures_cues.json."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from presslens.resources import read_json
from presslens.stages.figures.tokens import tokenize

MAX_BOUND_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Cues:
    bounds: dict[tuple[str, ...], str]  # token texts before a number -> approx | over | under
    bounds_after: dict[tuple[str, ...], str]
    up: frozenset[str]
    down: frozenset[str]
    factors: dict[str, float]
    months: dict[str, int]
    year_preps: frozenset[str]
    labels: frozenset[str]
    labels_any_case: frozenset[str]
    counted_stop: frozenset[str]
    counted_skip: frozenset[str]
    periods: tuple[re.Pattern[str], ...]
    change_after: dict[tuple[str, ...], str]
    streets: frozenset[str]


def key(phrase: str) -> tuple[str, ...]:
    return tuple(token.lower for token in tokenize(phrase))


@functools.cache
def cues() -> Cues:
    data = read_json("figures_cues.json")
    bounds = {key(p): bound for bound, phrases in data["bounds"].items() for p in phrases}
    bounds = {k: v for k, v in bounds.items() if len(k) <= MAX_BOUND_TOKENS}
    after = {key(p): bound for bound, phrases in data["bounds_after"].items() for p in phrases}
    return Cues(
        bounds=bounds,
        bounds_after=after,
        up=frozenset(data["up"]),
        down=frozenset(data["down"]),
        factors=data["factors"],
        months=data["months"],
        year_preps=frozenset(data["year_preps"]),
        labels=frozenset(data["labels"]),
        labels_any_case=frozenset(data["labels_any_case"]),
        counted_stop=frozenset(data["counted_stop"]),
        counted_skip=frozenset(data["counted_skip"]),
        periods=tuple(re.compile(p, re.IGNORECASE) for p in data["periods"]),
        change_after={key(p): d for d, phrases in data["change_after"].items() for p in phrases},
        streets=frozenset(data["streets"]),
    )
