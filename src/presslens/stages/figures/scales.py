"""Number words and scale words (resources/scales.json), loaded once: 'seven', 'twenty',
'million', 'bn', 'thirds', and the vague plurals ('thousands' -> 1,000 to 10,000)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from presslens.resources import read_json


@dataclass(frozen=True, slots=True)
class Scales:
    small: dict[str, float]
    tens: dict[str, float]
    multipliers: dict[str, float]
    abbreviations: dict[str, float]
    fractions: dict[str, float]
    vague: dict[str, tuple[float, float]]


@functools.cache
def scales() -> Scales:
    data = read_json("scales.json")
    return Scales(
        small=data["small"],
        tens=data["tens"],
        multipliers=data["multipliers"],
        abbreviations=data["abbreviations"],
        fractions=data["fractions"],
        vague={word: (low, high) for word, (low, high) in data["vague"].items()},
    )
