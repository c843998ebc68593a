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
from presslens.render.marks import Mark
from presslens.render.marks.figures import figure_marks
from presslens.render.marks.quotes import quote_marks
from presslens.render.speakers import group_by_speaker
from presslens.version import __version__

TOP_CLAIMS = 10


def claim_marks(dossier: Dossier) -> list[Mark]:
    """The claims to check first are shaded; the rest of the list carries a faint mark."""
    marks = []
    for claim in dossier.claims:
        css = "claim claim-top" if claim.rank <= TOP_CLAIMS else "claim"
        title = f"claim #{claim.rank}, check-worthiness {claim.score:.2f}"
        marks.append(Mark(claim.span, css, title))
    return marks


def collect_marks(dossier: Dossier) -> list[Mark]:
    return claim_marks(dossier) + quote_marks(dossier) + figure_marks(dossier)


def highlight(text: str, span: Span, marks: Iterable[Mark]) -> Markup:
    """The text of `span` as escaped HTML, each piece wrapped in the marks that cover it."""
    inside = [m for m in marks if m.span.start < span.end and span.start < m.span.end]
    cuts = {span.start, span.end}
    for mark in inside:
        cuts.update(p for p in (mark.span.start, mark.span.end) if span.start < p < span.end)
    points = sorted(cuts)
    pieces: list[str] = []
    for start, end in zip(points, points[1:], strict=False):
        piece = str(escape(text[start:end]))
        covering = [m for m in inside if m.span.start <= start and end <= m.span.end]
        for mark in sorted(covering, key=lambda m: len(m.span)):
            piece = f'<span class="{escape(mark.css)}" title="{escape(mark.title)}">{piece}</span>'
        pieces.append(piece)
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
        "actors_by_mentions": sorted(dossier.actors, key=lambda a: (-len(a.mentions), a.name)),
        "version": __version__,
        "surface": lambda span: article.text[span.start : span.end],
    }


def render_html(dossier: Dossier) -> str:
    """The standalone report as one HTML string."""
    return environment().get_template("report.html.j2").render(**report_context(dossier))
