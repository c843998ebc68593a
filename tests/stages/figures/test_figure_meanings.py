"""Figures whose meaning hand-checks on news found wrong (issue 20): sizes of figures, days of
months, picks from a group, ranges written with hyphens, scores, ids and carried percents."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens import nlp
from presslens.stages.figures import extract_figures


def quantities(text: str) -> list[tuple[str, str]]:
    """(text, kind) of the figures of a sentence, dates and labels aside."""
    return [(f.text, f.kind) for f in extract_figures(text) if f.kind not in ("date", "time")]


@pytest.mark.parametrize(
    "text",
    [
        "The campaign collected seven- and eight-figure donations from backers.",
        "They paid five-figure fees for a six-figure salary.",
        "The senator holds a double-digit lead over her rival.",
        "Polls show single- or double-digit margins.",
    ],
)
def test_a_size_of_a_figure_is_no_count(text: str) -> None:
    assert quantities(text) == []


def test_the_number_after_a_days_and_is_a_day_too() -> None:
    figures = extract_figures("The summit is on Nov. 7 and 8.")
    assert [(f.text, f.kind) for f in figures] == [("7", "date"), ("8", "date")]


def test_a_count_after_a_date_and_a_comma_stays_a_count(only: Callable[..., None]) -> None:
    only("On Nov. 7, 8 people died.", value=8.0, kind="count")


@pytest.mark.parametrize(
    "text",
    [
        "It was one of the great speeches of the campaign.",
        "He was one of baseball's top pitchers.",
        "One of Mr. Trump's helicopters is old.",
        "She is one of them.",
    ],
)
def test_one_of_a_group_is_no_count_of_one(text: str) -> None:
    figures = extract_figures(text, nlp.parse(text))  # with the parse, as in the pipeline
    assert [f.text for f in figures] == []


def test_one_of_a_number_keeps_both() -> None:
    text = "He was one of three candidates."
    figures = extract_figures(text, nlp.parse(text))  # the parse finds what 'one' counts
    assert [f.value for f in figures] == [1.0, 3.0]


def test_a_unit_on_both_ends_of_a_range(only: Callable[..., None]) -> None:
    only(
        "The device emits a tone between 15kHz and 17kHz.",
        low=15.0,
        high=17.0,
        unit="kHz",
        bound="range",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Spending grew sixfold over the decade.", 6.0),
        ("The budget grew six fold.", 6.0),
        ("Costs rose 10-fold.", 10.0),
    ],
)
def test_a_fold_is_a_number_of_times(only: Callable[..., None], text: str, value: float) -> None:
    only(text, kind="factor", factor=value, unit="times")


def test_a_range_written_with_hyphens(only: Callable[..., None]) -> None:
    only("The car goes 0-to-60-mph in no time.", low=0.0, high=60.0, unit="mph")


def test_a_spaced_dash_sets_off_an_aside() -> None:
    text = "Nearly four in 10 — 38 percent — could change their mind."
    figures = extract_figures(text)
    assert [(f.kind, f.value, f.unit) for f in figures] == [
        ("ratio", 0.4, None),
        ("percent", 38.0, "percent"),
    ]


@pytest.mark.parametrize("text", ["The Red Sox won, 4-2.", "He had a record of 216-146."])
def test_a_score_is_no_range(text: str) -> None:
    assert quantities(text) == []


def test_a_long_id_is_no_amount() -> None:
    assert quantities('<tweet id="756642903469031424"> was posted.') == []


def test_thousands_do_not_take_a_percent_from_an_earlier_change() -> None:
    text = "The share rose from 12 percent to 14, and jobs rose from 7,000 to 9,000."
    last = extract_figures(text)[-1]
    assert (last.low, last.high, last.unit) == (7000.0, 9000.0, None)


def test_jobs_beside_a_percent_are_counted(only: Callable[..., None]) -> None:
    figures = extract_figures("Unemployment fell to 4.9%, and employers added 7,000 jobs.")
    assert [(f.value, f.unit) for f in figures] == [(4.9, "percent"), (7000.0, "job")]


def test_the_age_of_a_number_is_an_age(only: Callable[..., None]) -> None:
    only("Players over the age of 21 can sign.", value=21.0, unit="year of age")


def test_a_score_after_a_name_is_no_count() -> None:
    assert quantities("Alabama beat Clemson 45-40 to take the title.") == []


def test_a_number_word_before_a_closing_quote_is_no_inches() -> None:
    figures = extract_figures('He defended the "Gang of Eight" bill.')
    assert [f.unit for f in figures] == [None]


def test_a_decade_with_an_apostrophe_is_a_date() -> None:
    figures = extract_figures("I come from the '60s, a long time ago.")
    assert [f.kind for f in figures] == ["date"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The 9/11 attacks changed the city.", "date"),
        ("Cut a 3/16 inch strip.", "quantity"),
        ("About 1/3 of them left.", "count"),
        ("It is 1/16 of a pint.", "count"),
    ],
)
def test_a_month_and_day_with_a_slash_is_no_fraction(text: str, kind: str) -> None:
    assert [f.kind for f in extract_figures(text)] == [kind]
