"""The record of a figure being read (`Draft`), shared by every module of the stage; stage.py
turns finished drafts into the model's `Figure`s."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.stages.figures.numbers import Number
from presslens.stages.figures.tokens import Token
from presslens.stages.figures.units import Unit


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
