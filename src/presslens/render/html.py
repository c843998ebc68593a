"""A standalone HTML report: one file, no external assets, every piece of text escaped.

The article text is drawn with "marks" (quotes per speaker, figures, claims) laid over it; the
panels for each stage are template partials under templates/panels/.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from presslens.model import Dossier, Span, table_of_contents
from presslens.render import numbers
from presslens.render.claims import check_first
from presslens.render.marks import Mark
from presslens.render.marks.figures import figure_marks
from presslens.render.marks.mentions import mention_marks
from presslens.render.marks.quotes import quote_marks
from presslens.render.marks.sentences import anchor_finder, sentence_marks
from presslens.render.pictures import mention_strips
from presslens.render.speakers import group_by_speaker, tellers
from presslens.version import __version__


def collect_marks(dossier: Dossier) -> list[Mark]:
    return (
        sentence_marks(dossier)
        + quote_marks(dossier)
        + figure_marks(dossier)
        + mention_marks(dossier)
    )


def opening_tag(mark: Mark, first: bool) -> str:
    """The mark's <span>; its id and badge only on the first piece (ids are unique)."""
    attributes = f' class="{escape(mark.css)}"'
    if mark.title:
        attributes += f' title="{escape(mark.title)}"'
    if first and mark.anchor:
        attributes += f' id="{escape(mark.anchor)}"'
    if first and mark.badge:
        attributes += f' data-badge="{escape(mark.badge)}"'
    return f"<span{attributes}>"


def highlight(text: str, span: Span, marks: Iterable[Mark]) -> Markup:
    """The text of `span` as escaped HTML, inside nested spans for the marks that cover it.

    Marks that nest become nested elements; where two cross, the one of the higher layer (else
    the later one) is closed and opened again, so it is drawn in pieces."""
    inside = [m for m in marks if m.span.start < span.end and span.start < m.span.end]
    cuts = {span.start, span.end}
    for mark in inside:
        cuts.update(p for p in (mark.span.start, mark.span.end) if span.start < p < span.end)
    points = sorted(cuts)
    opened: list[int] = []  # indices into `inside`, outermost first
    started: set[int] = set()
    pieces: list[str] = []
    for start, end in zip(points, points[1:], strict=False):
        covering = sorted(
            (i for i, m in enumerate(inside) if m.span.start <= start and end <= m.span.end),
            key=lambda i: (inside[i].layer, inside[i].span.start, -inside[i].span.end, i),
        )
        kept = 0
        while kept < min(len(opened), len(covering)) and opened[kept] == covering[kept]:
            kept += 1
        pieces.append("</span>" * (len(opened) - kept))
        for index in covering[kept:]:
            pieces.append(opening_tag(inside[index], index not in started))
            started.add(index)
        opened = covering
        pieces.append(str(escape(text[start:end])))
    pieces.append("</span>" * len(opened))
    return Markup("".join(pieces))


@functools.cache
def environment() -> Environment:
    folder = resources.files("presslens.render").joinpath("templates")
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(("html.j2",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["minutes"] = lambda value: f"{value:.2f}"
    return env


def report_context(dossier: Dossier) -> dict[str, object]:
    article = dossier.article
    marks = collect_marks(dossier)
    contents = table_of_contents(article)
    anchors = iter(entry["anchor"] for entry in contents)
    sections = [
        {
            "heading": section.heading,
            "anchor": next(anchors) if section.heading else None,
            "paragraphs": [highlight(article.text, p, marks) for p in section.paragraphs],
        }
        for section in article.sections
    ]
    actors = {actor.id: actor for actor in dossier.actors}
    return {
        "dossier": dossier,
        "article": article,
        "text": article.text,
        "sections": sections,
        "contents": contents,
        "actors": actors,
        "speakers": group_by_speaker(dossier),
        "tellers": tellers(dossier),  # a report inside a report: who tells it
        "actors_by_mentions": sorted(dossier.actors, key=lambda a: (-len(a.mentions), a.name)),
        "version": __version__,
        "surface": lambda span: article.text[span.start : span.end],
        "check_first": check_first(dossier),
        "anchor": anchor_finder(dossier),
        "strips": mention_strips(dossier),
        # one way of writing numbers for every output (render/numbers.py)
        "figure_value": numbers.figure_value,
        "figure_unit": numbers.figure_unit,
        "figure_change": numbers.figure_change,
        "score": numbers.score,
    }


def render_panel(name: str, context: dict[str, object]) -> Markup:
    """One of the report's HTML partials (panels/<name>.html.j2), for a page to embed."""
    return Markup(environment().get_template(f"panels/{name}.html.j2").render(**context))


def render_html(dossier: Dossier) -> str:
    """The standalone report as one HTML string."""
    return environment().get_template("report.html.j2").render(**report_context(dossier))
