"""The figures stage on small hand-written sentences (value, unit, kind, bound, change, period),
and acceptance on the showcase article read from ../shared at run time (skipped without it)."""

from __future__ import annotations

import random

import pytest

from presslens import nlp
from presslens.model import Figure
from presslens.stages.figures import extract_figures
from presslens.stages.figures_numbers import find_numbers


def only(text: str, **expected: object) -> None:
    """The sentence holds exactly one figure (dates aside) and it has these fields."""
    figures = [f for f in extract_figures(text) if f.kind not in ("date", "time")]
    assert len(figures) == 1, [(f.text, f.kind) for f in figures]
    figure = figures[0]
    for field, value in expected.items():
        got = getattr(figure, field)
        if isinstance(value, float) and got is not None:
            assert got == pytest.approx(value), (field, got)
        else:
            assert got == value, (field, got)


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
def test_units_are_normalised(text: str, value: float, unit: str, kind: str) -> None:
    only(text, value=value, unit=unit, kind=kind)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("There were nearly 50,000 casualties.", "approx"),
        ("About 300 people came.", "approx"),
        ("Some 300 people came.", "approx"),
        ("It has over 400,000 residents.", "over"),
        ("More than 60 per cent agreed.", "over"),
        ("At least 14 people died.", "over"),
        ("It costs less than $5 each.", "under"),
        ("The plant will hire up to 400 workers.", "under"),
        ("It covers 500 square metres or more.", "over"),
        ("Exactly 13 units were sold.", "exact"),
    ],
)
def test_bounds(text: str, bound: str) -> None:
    only(text, bound=bound)


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
    ("text", "change"),
    [
        ("New vehicle sales fell by 28%.", "down"),
        ("The index rose 3 points.", "up"),
        ("Nvidia advanced 8%.", "up"),
        ("The Nasdaq was down 1.1% at noon.", "down"),
        ("Dow +0.2% at the open.", "up"),
        ("The Dow lost 190 points, or 0.6%.", "down"),
        ("A gain of 2% was reported.", None),
        ("Turnout was 75% this time.", None),
    ],
)
def test_changes(text: str, change: str | None) -> None:
    figures = [f for f in extract_figures(text) if f.kind not in ("date", "time")]
    assert figures[-1].change == change


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("Trade tripled from 2015 to 2022.", 3.0),
        ("The budget doubled.", 2.0),
        ("Profits were halved.", 0.5),
        ("A tenfold increase in costs.", 10.0),
        ("Imports rose four times over.", 4.0),
    ],
)
def test_factors(text: str, factor: float) -> None:
    figures = [f for f in extract_figures(text) if f.change == "factor"]
    assert len(figures) == 1
    assert figures[0].factor == pytest.approx(factor)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The law was passed in 2021.", "date"),
        ("Sales began on May 4 this year.", "date"),
        ("We met at 5pm.", "time"),
        ("It was the 22nd amendment.", "ordinal"),
    ],
)
def test_dates_are_not_counts(text: str, kind: str) -> None:
    figures = extract_figures(text)
    assert [f.kind for f in figures] == [kind]


@pytest.mark.parametrize(
    "text",
    ["Tickets for Section 427 Row 21 are sold out.", "The F-35 and the S&P 500 were shown."],
)
def test_labels_are_not_figures(text: str) -> None:
    assert extract_figures(text) == ()
    assert {f.kind for f in extract_figures(text, labels=True)} == {"label"}


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


def test_counted_noun_and_concept_with_a_parse() -> None:
    text = "It has advanced at an average speed of 50 meters a day, killing 3000 children."
    figures = extract_figures(text, nlp.parse(text))
    speed = next(f for f in figures if f.unit == "m/day")
    assert speed.concept == "average speed"
    children = next(f for f in figures if f.value == 3000)
    assert (children.kind, children.unit, children.text) == ("count", "child", "3000 children")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ticket was five dollars and twenty.", 5.2, "USD"),
        ("The tip came to $ 40 and fifty.", 40.5, "USD"),
        ("Lunch was 12 USD 40 more than planned.", 12.4, "USD"),
        ("The stall asked 8 $ 25 cent for it.", 8.25, "USD"),
    ],
)
def test_money_with_its_cents(text: str, value: float, unit: str) -> None:
    only(text, value=value, unit=unit)


def test_symbol_between_two_numbers_closes_the_first() -> None:
    figures = extract_figures("Prices: 12 $ 40 $ at the stall.")
    assert [(f.value, f.unit) for f in figures] == [(12.0, "USD"), (40.0, "USD")]


def test_percent_sign_in_a_web_address_is_not_a_figure() -> None:
    assert extract_figures("See https://example.org/find?q=40%25%2010% now", mentions=True) == ()


def test_partitive_count_takes_no_carried_unit() -> None:
    figures = extract_figures("The $ 5,000 fee hurts, and thousands of small shops pay it.")
    vague = next(f for f in figures if f.text.startswith("thousands"))
    assert vague.unit is None


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
def test_written_forms(text: str, value: float, unit: str | None) -> None:
    only(text, value=value, **({"unit": unit} if unit else {}))


@pytest.mark.parametrize(
    "text",
    [
        "The deal closed on jan. 15, 2004 in the city.",
        "They met on may 19 in the park.",
        "The walls rose between A.D. 900 and 1150 in the valley.",
    ],
)
def test_more_dates_are_not_counts(text: str) -> None:
    assert {f.kind for f in extract_figures(text)} == {"date"}


@pytest.mark.parametrize(
    "text", ["She lives at 14 Elm Tree Road, Leeds.", "The office at 7 E 42nd St is shut."]
)
def test_house_numbers_are_labels(text: str) -> None:
    assert [f.text for f in extract_figures(text) if f.kind != "ordinal"] == []


def test_saint_is_not_a_street() -> None:
    assert [f.value for f in extract_figures("We opened 3 St. Louis stores.")] == [3.0]


def test_counted_noun_keeps_joined_modifiers_and_is_singular() -> None:
    text = "Police found 40 Ford and Toyota trucks and 12 Canadians at the depot."
    figures = extract_figures(text, nlp.parse(text))
    assert [f.unit for f in figures] == ["ford toyota truck", "canadian"]


def test_spans_point_at_the_text() -> None:
    text = "Exports fell by 28% to $2.3 billion in 2024, while 30 countries joined."
    for figure in extract_figures(text):
        assert text[figure.span.start : figure.span.end] == figure.text


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
