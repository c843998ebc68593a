"""A Markdown summary of the dossier, for the terminal and for notes.

Text from the article (a title, a quote, a name) can hold terminal control sequences: an
escape that clears the screen, sets the window's title or hides the lines after it. The summary
is shown in terminals, so every control character but line feed and tab is written out as a
visible escape (`\\x1b`, `\\x9b`) instead."""

from __future__ import annotations

import re

from presslens.model import Dossier
from presslens.render.html import environment, report_context

# C0 controls but tab and line feed, DEL, and the C1 controls (U+009B is a one-character CSI)
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def render_markdown(dossier: Dossier) -> str:
    """The summary: header, contents, actors, then each stage's panel (panels/<stage>.md.j2)."""
    template = environment().get_template("summary.md.j2")
    return visible_controls(template.render(**report_context(dossier)).rstrip() + "\n")


def visible_controls(text: str) -> str:
    """The text with each control character written as a visible escape."""
    return CONTROL_RE.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
