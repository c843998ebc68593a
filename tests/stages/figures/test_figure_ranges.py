"""Ranges, cents, symbols and units shared between two numbers (figures/ranges.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens.stages.figures import extract_figures

Only = Callable[..., None]  # the `only` fixture of conftest.py


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Fees rose between 10 and 20%.", 10.0, 20.0, "percent"),
        ("Growth of 10-20% is expected.", 10.0, 20.0, "percent"),
        ("A fine of $5 to $10 million was set.", 5e6, 10e6, "USD"),
        ("The range grew to 252 to 287 miles.", 252.0, 287.0, "mi"),
        ("Four to five thousand people came.", 4000.0, 5000.0, None),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str | None) -> None:
    figures = [f for f in extract_figures(text) if f.kind not in ("date", "time")]
    assert len(figures) == 1, figures
    figure = figures[0]
    assert (figure.low, figure.high, figure.bound) == (
        pytest.approx(low),
        pytest.approx(high),
        "range",
    )
    if unit is not None:
        assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ticket was five dollars and twenty.", 5.2, "USD"),
        ("The tip came to $ 40 and fifty.", 40.5, "USD"),
        ("Lunch was 12 USD 40 more than planned.", 12.4, "USD"),
        ("The stall asked 8 $ 25 cent for it.", 8.25, "USD"),
    ],
)
def test_money_with_its_cents(only: Only, text: str, value: float, unit: str) -> None:
    only(text, value=value, unit=unit)


def test_symbol_between_two_numbers_closes_the_first() -> None:
    figures = extract_figures("Prices: 12 $ 40 $ at the stall.")
    assert [(f.value, f.unit) for f in figures] == [(12.0, "USD"), (40.0, "USD")]


@pytest.mark.parametrize(
    ("text", "values", "unit"),
    [
        ("It comes with a 10- or 12-inch screen.", [10.0, 12.0], "in"),
        ("They offer four-, six- and eight-cylinder engines.", [4.0, 6.0, 8.0], "cyl"),
    ],
)
def test_suspended_hyphen_shares_the_unit(text: str, values: list[float], unit: str) -> None:
    figures = extract_figures(text)
    assert [(f.value, f.unit) for f in figures] == [(v, unit) for v in values]
