"""Shared helper of the figures tests: `only(text, **fields)` checks the one figure of a
sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens.stages.figures import extract_figures


def only_figure(text: str, **expected: object) -> None:
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


@pytest.fixture
def only() -> Callable[..., None]:
    return only_figure
