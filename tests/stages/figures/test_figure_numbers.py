"""Reading numbers in digits and words (figures/numbers.py, accumulate.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens.stages.figures.numbers import find_numbers

Only = Callable[..., None]  # the `only` fixture of conftest.py

NUMBERS = [
    ("two hundred and six", 206.0),
    ("thirty five", 35.0),
    ("fifty-two", 52.0),
    ("1,234,567", 1234567.0),
    ("2 billion", 2e9),
    ("18.7 bn", 18.7e9),
    ("10k", 10000.0),
    ("a dozen", 12.0),
    ("half a dozen", 6.0),
    ("one and a half", 1.5),
    ("two thirds", 2 / 3),
    ("three quarters", 0.75),
    ("3/4", 0.75),
    ("10 1/2", 10.5),
    ("minus five", -5.0),
    ("five and a half million", 5.5e6),
    ("two thirds of a million", 2e6 / 3),
    ("one in five", 0.2),
    ("1.3e6", 1.3e6),
    ("twelve point five", 12.5),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    numbers = find_numbers(text)
    assert len(numbers) == 1, numbers
    assert numbers[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The crowd grew to 60, 000 fans.", 60000.0, None),
        ("Police said the 64 yo driver was unhurt.", 64.0, "year of age"),
        ("The 41 - year - old coach stayed.", 41.0, "year of age"),
        ("It weighs about 5.97×10−24 tonnes.", 5.97e-24, "t"),
        ("There are 6.02×10²³ atoms.", 6.02e23, None),
        ("It moved at 3x10^8 m/s.", 3e8, "m/s"),
        ("The grid was 10^3 m wide.", 1000.0, "m"),
    ],
)
def test_written_forms(only: Only, text: str, value: float, unit: str | None) -> None:
    only(text, value=value, **({"unit": unit} if unit else {}))
