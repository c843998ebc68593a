"""The figures stage as a whole (figures/stage.py): spans, odd input, and acceptance on the
showcase article read from ../shared at run time (skipped without it)."""

from __future__ import annotations

import random

import pytest

from presslens.model import Figure
from presslens.stages.figures import extract_figures


def test_spans_point_at_the_text() -> None:
    text = "Exports fell by 28% to $2.3 billion in 2024, while 30 countries joined."
    for figure in extract_figures(text):
        assert text[figure.span.start : figure.span.end] == figure.text


def test_percent_sign_in_a_web_address_is_not_a_figure() -> None:
    assert extract_figures("See https://example.org/find?q=40%25%2010% now", mentions=True) == ()


ODD = ["", " ", "\n\n", "$", "%", "-", "1/0", "0/0", "1e999999", "9" * 400, "½" * 50,
       "one and and and", "a a a dozen", "between and", "from to", "$-", "—", "..."]  # fmt: skip


@pytest.mark.parametrize("text", ODD)
def test_never_raises_on_odd_input(text: str) -> None:
    extract_figures(text)


def test_never_raises_on_random_text() -> None:
    rng = random.Random(4)
    alphabet = "0123456789 ,.-/$€%½abcdefkmMbn thousandmillion()+~"
    for _ in range(300):
        extract_figures("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))))


# ---- acceptance on the showcase article (read from ../shared at run time) ----

# (text the figure starts with, value or (low, high), unit, bound, change)
EXPECTED = [
    ("$2 billion", 2e9, "USD", "exact", "down"),
    ("11 years", 11.0, "year", "exact", None),
    ("75%", 75.0, "percent", "exact", None),
    ("50 meters a day", 50.0, "m/day", "exact", None),
    ("over 400,000", 400000.0, None, "over", None),
    ("tripled", 3.0, None, "exact", "factor"),
    ("8%", 8.0, "percent", "exact", "down"),
    ("28%", 28.0, "percent", "exact", "down"),
    ("nearly 50,000 civilian casualties", 50000.0, "civilian casualty", "approx", None),
    ("nearly 14,000", 14000.0, "civilian casualty", "approx", None),
    ("3000 children", 3000.0, "child", "exact", None),
    ("40%", 40.0, "percent", "exact", None),
    ("13%", 13.0, "percent", "exact", None),
    ("82%", 82.0, "percent", "exact", None),
    ("24%", 24.0, "percent", "exact", None),
    ("69%", 69.0, "percent", "exact", None),
    ("over a million", 1e6, None, "over", None),
    ("$1 trillion", 1e12, "USD", "exact", None),
    ("$90 billion", 90e9, "USD", "exact", None),
    ("18 different packages", 18.0, "different package", "exact", None),
    ("264 billion Euros", 264e9, "EUR", "exact", None),
    ("282 billion", 282e9, "EUR", "exact", None),
    ("EUR 18.7 bn", 18.7e9, "EUR", "exact", None),
    ("30 countries", 30.0, "country", "exact", None),
    ("30000 troops", 30000.0, "troop", "exact", None),
    ("Thirty five years", 35.0, "year", "exact", None),
]


def find(figures: tuple[Figure, ...], start: str) -> Figure:
    found = [f for f in figures if f.text.startswith(start)]
    assert found, f"no figure {start!r}"
    return found[0]


@pytest.mark.e2e
@pytest.mark.parametrize(("start", "value", "unit", "bound", "change"), EXPECTED)
def test_showcase_figure(showcase, start, value, unit, bound, change) -> None:
    figure = find(showcase.figures, start)
    assert figure.value == pytest.approx(value)
    assert (figure.unit, figure.bound, figure.change) == (unit, bound, change)


@pytest.mark.e2e
def test_showcase_tripled_and_carried_unit(showcase) -> None:
    tripled = find(showcase.figures, "tripled")
    assert tripled.factor == 3 and tripled.period == "from 2015 to 2022"
    carried = find(showcase.figures, "282 billion")
    assert carried.unit_inferred and carried.period == "over the three years of war"
    assert find(showcase.figures, "28%").period == "the first half of 2025"
    assert find(showcase.figures, "50 meters a day").concept == "average speed"


@pytest.mark.e2e
def test_showcase_years_are_dates(showcase) -> None:
    years = [f for f in showcase.figures if f.value is not None and 1900 < f.value < 2100]
    assert years and all(f.kind == "date" for f in years)
    assert not [f for f in showcase.figures if f.kind == "label"]
    ranges = [f for f in showcase.figures if f.kind == "date" and f.bound == "range"]
    assert [(f.low, f.high) for f in ranges] == [(2015.0, 2022.0)]
