"""A stored figure as the conflicts finder reads it (`Reading`), and what its written value stands
for: a value written "about 3 million" or "2.96 million" stands for every value that would be
written the same way, bounds ("more than 10") and ranges for their intervals; two readings
disagree when those intervals do not meet. See corpus/conflicts.py for when two figures are about
the same thing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

APPROX_SHARE = 0.1  # "about", "nearly", "roughly": a tenth either side
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Reading:
    """One stored figure with what deciding "the same thing" needs: its sentence, the subjects it
    is about (concept, counted noun, actor keys), the sources its claim leans on and the date."""

    article_id: int
    figure_id: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    kind: str
    bound: str
    change: str | None
    period: str | None
    concept: str | None
    start: int
    end: int
    sentence: str = ""
    sentence_start: int = 0
    subjects: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
    measured_by: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    occasions: frozenset[str] = frozenset()  # named occasions in its sentence ("super tuesday")
    published: date | None = None
    title: str = ""
    uri: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "uri": self.uri,
            "published": self.published.isoformat() if self.published else None,
            "figure_id": self.figure_id,
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "kind": self.kind,
            "bound": self.bound,
            "change": self.change,
            "period": self.period,
            "concept": self.concept,
            "span": {"start": self.start, "end": self.end},
            "sentence": self.sentence,
            "sentence_span": {
                "start": self.sentence_start,
                "end": self.sentence_start + len(self.sentence),
            },
            "sources": list(self.sources),
        }


def written_step(text: str, value: float) -> float:
    """The step of the last digit as written: "2.96 million" -> 10,000; "151,000" -> 1,000;
    "3 million" -> 1 million; "40%" -> 1. Trailing zeros of a whole number of 1,000 or more
    count as rounding ("150,000" -> 10,000); below 1,000 they are digits ("40 percent")."""
    found = NUMBER.search(text)
    if found is None or value == 0:
        return step_of_value(value)
    digits = found.group().replace(",", "")
    written = float(digits)
    if written == 0:
        return step_of_value(value)
    scale = abs(value) / written if written else 1.0
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    elif written >= 1000:
        stripped = digits.rstrip("0")
        step = 10.0 ** (len(digits) - len(stripped))
    else:
        step = 1.0
    return step * scale


def step_of_value(value: float) -> float:
    """The step of the last non-zero digit of a value given in words ("three million")."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    magnitude = abs(value)
    step = 10.0 ** math.floor(math.log10(magnitude))
    while step > 1e-6 and abs(round(magnitude / step) * step - magnitude) > step * 1e-6:
        step /= 10
    return step


def value_interval(reading: Reading) -> tuple[float, float]:
    """The values that would be written as this figure (see the module's docstring)."""
    if reading.bound == "range" and reading.low is not None and reading.high is not None:
        low_step = written_step(reading.text, reading.low)
        return reading.low - low_step / 2, reading.high + low_step / 2
    value = signed_value(reading)
    if value is None:
        return (-math.inf, math.inf)
    half = written_step(reading.text, abs(value)) / 2
    if reading.bound == "approx":
        half = max(half, abs(value) * APPROX_SHARE)
    if reading.bound == "over":
        return value - half, math.inf
    if reading.bound == "under":
        return -math.inf, value + half
    return value - half, value + half


def signed_value(reading: Reading) -> float | None:
    """The value, negative for a fall ("down 3%"), so that a rise and a fall can disagree."""
    if reading.value is None:
        return None
    return -abs(reading.value) if reading.change == "down" else reading.value


def disagree(left: Reading, right: Reading) -> bool:
    """True when no value could be written as both figures."""
    low_a, high_a = value_interval(left)
    low_b, high_b = value_interval(right)
    return high_a < low_b or high_b < low_a


def central(reading: Reading) -> float | None:
    """One number for a figure: its value, or the middle of its range."""
    if reading.value is not None:
        return signed_value(reading)
    if reading.low is not None and reading.high is not None:
        return (reading.low + reading.high) / 2
    return None


def value_ratio(left: Reading, right: Reading) -> float:
    """How far apart two figures' sizes are, as a ratio >= 1 (infinite from zero). A rise and
    a fall of one size are as close as can be: they disagree in sign, not in size."""
    a, b = central(left), central(right)
    if a is None or b is None:
        return math.inf
    a, b = abs(a), abs(b)
    if a == b:
        return 1.0
    if min(a, b) == 0:
        return math.inf
    return max(a, b) / min(a, b)


# --- the same thing ------------------------------------------------------------------------
