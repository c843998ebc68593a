"""Bounds, changes and factors (figures/change.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens.stages.figures import extract_figures

Only = Callable[..., None]  # the `only` fixture of conftest.py


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
def test_bounds(only: Only, text: str, bound: str) -> None:
    only(text, bound=bound)


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
        ("A 1 000-fold rise in the dose.", 1000.0),  # a spaced thousands group once raised
    ],
)
def test_factors(text: str, factor: float) -> None:
    figures = [f for f in extract_figures(text) if f.change == "factor"]
    assert len(figures) == 1
    assert figures[0].factor == pytest.approx(factor)
