"""Numbers as a reader writes them (render/numbers.py), and the same writing in every output:
the Markdown summary, the HTML report and the web page. (The new modules are imported inside
the tests, so that the output tests also run, and fail, on the code before them.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from handmade import dossier, figure

from presslens.model import Dossier, Figure, Span
from presslens.render.html import render_html
from presslens.render.markdown import render_markdown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1e12, "1 trillion"),
        (2e9, "2 billion"),
        (18.7e9, "18.7 billion"),
        (1_234_567_890, "1.235 billion"),
        (999_999, "1 million"),
        (400_000, "400,000"),
        (3000, "3,000"),
        (18.5, "18.5"),
        (1 / 3, "0.3333"),
        (-5e9, "-5 billion"),
        (0, "0"),
    ],
)
def test_readable_number(value: float, expected: str) -> None:
    from presslens.render.numbers import readable_number

    assert readable_number(value) == expected


def fig(value: float | None, kind: str, **fields: object) -> Figure:
    return Figure("f1", "x", Span(0, 1), value, kind, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("figure_", "expected"),
    [
        (fig(1e12, "money", unit="USD"), "$1 trillion"),
        (fig(264e9, "money", unit="EUR"), "€264 billion"),
        (fig(5e6, "money", unit="CHF", bound="approx"), "about 5 million CHF"),
        (fig(75.0, "percent", unit="percent"), "75%"),
        (fig(1 / 3, "ratio", bound="under"), "under 33%"),
        (fig(0.5, "ratio"), "50%"),
        (fig(50_000, "count", unit="civilian casualty", bound="approx"), "about 50,000"),
        (fig(400_000, "count", bound="over"), "over 400,000"),
        (fig(None, "date", low=2015, high=2022, bound="range"), "2015–2022"),
        (fig(2024, "date"), "2024"),
        (fig(None, "count", low=1000, high=10_000, bound="range"), "1,000–10,000"),
        (fig(11, "duration", unit="year"), "11 years"),
        (fig(1, "duration", unit="year"), "1 year"),
        (fig(50, "rate", unit="m/day"), "50 m/day"),
        (fig(3, "factor"), "×3"),
        (fig(None, "count"), ""),
    ],
)
def test_figure_value(figure_: Figure, expected: str) -> None:
    from presslens.render.numbers import figure_value

    assert figure_value(figure_) == expected


def test_what_a_count_counts_and_the_change_are_apart() -> None:
    from presslens.render.numbers import figure_change, figure_unit

    assert figure_unit(fig(5, "count", unit="town")) == "town"
    assert figure_unit(fig(1e12, "money", unit="USD")) == ""
    assert figure_change(fig(40, "count", change="factor", factor=2.0)) == "×2"
    assert figure_change(fig(3, "factor", change="factor", factor=3.0)) == ""  # value says ×3
    assert figure_change(fig(8, "percent", change="down")) == "down"


SENTENCES = ["Trade grew by $1 trillion in a year.", "Less than one-third of firms paid in 2024."]
TEXT = " ".join(SENTENCES)


def numbers_dossier() -> Dossier:
    return dossier(
        SENTENCES,
        figures=(
            figure(TEXT, "$1 trillion", 1e12, "money", unit="USD"),
            figure(TEXT, "Less than one-third", 0.333333333333, "ratio", bound="under"),
            figure(TEXT, "2024", 2024.0, "date"),
        ),
    )


@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_outputs_write_numbers_for_readers(render: Callable[[Dossier], str]) -> None:
    out = render(numbers_dossier())
    assert "$1 trillion" in out.replace("\\$", "$") and "under 33%" in out
    for raw in ("1e+12", "1,000,000,000,000", "0.3333333333", "2,024"):
        assert raw not in out


def test_web_page_writes_numbers_for_readers() -> None:
    from presslens.web.site import templates
    from presslens.web.views import dossier_context

    page = templates().get_template("dossier.html.j2").render(**dossier_context(numbers_dossier()))
    assert "$1 trillion" in page and "under 33%" in page
    for raw in ("1e+12", "0.3333333333", "2,024"):
        assert raw not in page
