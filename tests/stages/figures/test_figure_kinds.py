"""Dates, clock times, ordinals and labels are not counts (figures/kinds.py)."""

from __future__ import annotations

import pytest

from presslens.stages.figures import extract_figures


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
