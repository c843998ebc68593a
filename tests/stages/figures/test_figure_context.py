"""What a figure means in its sentence: period, carried unit, counted noun, concept
(figures/context.py)."""

from __future__ import annotations

import pytest

from presslens import nlp
from presslens.stages.figures import extract_figures


def test_years_in_a_range_are_a_period() -> None:
    figures = extract_figures("Trade tripled from 2015 to 2022 before it stalled.")
    dates = [f for f in figures if f.kind == "date"]
    assert len(dates) == 1 and (dates[0].low, dates[0].high) == (2015.0, 2022.0)
    factor = next(f for f in figures if f.change == "factor")
    assert factor.period == "from 2015 to 2022"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("New vehicle sales in the first half of 2025 fell by 28%.", "the first half of 2025"),
        ("Since 2022 there have been nearly 50,000 casualties.", "Since 2022"),
        ("Revenue totalled 264 billion Euros in 2021.", "2021"),
        ("Sales reached $5 million last year.", "last year"),
    ],
)
def test_periods(text: str, period: str) -> None:
    figures = [f for f in extract_figures(text) if f.kind not in ("date", "time")]
    assert figures[0].period == period


def test_unit_carries_over_to_a_bare_number() -> None:
    text = "Revenues in 2021 totalled 264 billion Euros. They have averaged 282 billion since."
    figures = [f for f in extract_figures(text) if f.kind == "money"]
    assert [(f.value, f.unit, f.unit_inferred) for f in figures] == [
        (264e9, "EUR", False),
        (282e9, "EUR", True),
    ]


def test_no_carry_over_into_a_currency_conversion() -> None:
    figures = extract_figures("Wealth of 771.3 billion ($1tn) was recorded, after $2bn.")
    bare = next(f for f in figures if f.value == pytest.approx(771.3e9))
    assert bare.unit is None


def test_partitive_count_takes_no_carried_unit() -> None:
    figures = extract_figures("The $ 5,000 fee hurts, and thousands of small shops pay it.")
    vague = next(f for f in figures if f.text.startswith("thousands"))
    assert vague.unit is None


def test_counted_noun_and_concept_with_a_parse() -> None:
    text = "It has advanced at an average speed of 50 meters a day, killing 3000 children."
    figures = extract_figures(text, nlp.parse(text))
    speed = next(f for f in figures if f.unit == "m/day")
    assert speed.concept == "average speed"
    children = next(f for f in figures if f.value == 3000)
    assert (children.kind, children.unit, children.text) == ("count", "child", "3000 children")


def test_counted_noun_keeps_joined_modifiers_and_is_singular() -> None:
    text = "Police found 40 Ford and Toyota trucks and 12 Canadians at the depot."
    figures = extract_figures(text, nlp.parse(text))
    assert [f.unit for f in figures] == ["ford toyota truck", "canadian"]
