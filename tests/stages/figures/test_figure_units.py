"""Units and currencies around a number, rates and ages (figures/units.py, read.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Only = Callable[..., None]  # the `only` fixture of conftest.py


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("Shares lost $2 billion in value.", 2e9, "USD", "money"),
        ("The bill was US$ 45.", 45.0, "USD", "money"),
        ("Aid reached EUR 18.7 bn last year.", 18.7e9, "EUR", "money"),
        ("Revenue was 264 billion Euros.", 264e9, "EUR", "money"),
        ("It cost £60,000 to build.", 60000.0, "GBP", "money"),
        ("Exports earned 5 million roubles.", 5e6, "RUB", "money"),
        ("A ticket costs 30 cents.", 30.0, "USX", "money"),
        ("Turnout was 75% this time.", 75.0, "percent", "percent"),
        ("Turnout was 75 per cent this time.", 75.0, "percent", "percent"),
        ("The rate rose 3 percentage points.", 3.0, "pp", "percent"),
        ("The tower is 300 metres tall.", 300.0, "m", "quantity"),
        ("The truck weighs 10 tonnes.", 10.0, "t", "quantity"),
        ("It was 40 °C in the shade.", 40.0, "degC", "quantity"),
        ("Troops advanced 50 meters a day.", 50.0, "m/day", "rate"),
        ("The car reached 120 km/h on the road.", 120.0, "km/h", "rate"),
        ("Prices rose 2 per cent a year.", 2.0, "percent/year", "rate"),
        ("The war has lasted 11 years now.", 11.0, "year", "duration"),
        ("She is 29 years old.", 29.0, "year of age", "duration"),
        ("A 3-inch screen.", 3.0, "in", "quantity"),
    ],
)
def test_units_are_normalised(only: Only, text: str, value: float, unit: str, kind: str) -> None:
    only(text, value=value, unit=unit, kind=kind)
