"""Underlines for figures in the article text, with a title that reads the figure as data.

Same shape as the quote marks: (span, css class, title). Dates, times and ordinals get the extra
class "figure-date" so a stylesheet can draw them lighter than the figures a fact-checker weighs.
"""

from __future__ import annotations

from presslens.model import Dossier, Figure
from presslens.render.marks import WORD_LAYER, Mark
from presslens.render.numbers import TIME_KINDS, figure_change, figure_unit, figure_value


def figure_title(figure: Figure) -> str:
    """'money, $2 billion, down' for the tooltip."""
    unit = figure_unit(figure) + (" (unit carried over)" if figure.unit_inferred else "")
    parts = [
        figure.kind,
        figure_value(figure),
        unit,
        figure_change(figure),
        figure.period or "",
        figure.concept or "",
    ]
    return ", ".join(part for part in parts if part)


def figure_marks(dossier: Dossier) -> list[Mark]:
    """(span, css class, title) for every figure: 'figure', plus 'figure-date' for time refs."""
    marks = []
    for figure in dossier.figures:
        css = "figure figure-date" if figure.kind in TIME_KINDS else "figure"
        marks.append(Mark(figure.span, css, figure_title(figure), layer=WORD_LAYER))
    return marks
