"""A Markdown summary of the dossier, for the terminal and for notes."""

from __future__ import annotations

from presslens.model import Dossier
from presslens.render.html import environment, report_context


def render_markdown(dossier: Dossier) -> str:
    """The summary: header, contents, actors, then each stage's panel (panels/<stage>.md.j2)."""
    template = environment().get_template("summary.md.j2")
    return template.render(**report_context(dossier)).rstrip() + "\n"
