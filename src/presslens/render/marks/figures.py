"""Underlines for figures in the article text, with a title that reads the figure as data.

Same shape as the quote marks: (span, css class, title). Dates, times and ordinals get the extra
class "figure-date" so a stylesheet can draw them lighter than the figures a fact-checker weighs.
"""

from __future__ import annotations

from presslens.model import Dossier, Figure
from presslens.render.marks import Mark

TIME_KINDS = ("date", "time", "ordinal")


def figure_title(figure: Figure) -> str:
    """'money, value 2e+09, USD, down' for the tooltip."""
    if figure.low is not None and figure.high is not None:
        value = f"{figure.low:,.10g}–{figure.high:,.10g}"
    elif figure.value is not None:
        value = f"{figure.value:,.10g}"
    else:
        value = ""
    unit = (figure.unit or "") + (" (carried over)" if figure.unit_inferred else "")
    change = f"×{figure.factor:g}" if figure.change == "factor" and figure.factor else figure.change
    bound = figure.bound if figure.bound != "exact" else ""
    parts = [
        figure.kind,
        value,
        unit,
        bound,
        change or "",
        figure.period or "",
        figure.concept or "",
    ]
    return ", ".join(part for part in parts if part)


def figure_marks(dossier: Dossier) -> list[Mark]:
    """(span, css class, title) for every figure: 'figure', plus 'figure-date' for time refs."""
    marks = []
    for figure in dossier.figures:
        css = "figure figure-date" if figure.kind in TIME_KINDS else "figure"
        marks.append(Mark(figure.span, css, figure_title(figure)))
    return marks
