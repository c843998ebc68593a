"""trafilatura's main-text XML to blocks, each piece of text kept apart from its neighbours.

trafilatura's body is a small XML vocabulary: `p`, `head`, `list`/`item`, `table`/`row`/`cell`,
`quote`, `code`, with `lb` (a line break), `hi`, `ref`, `del` and `graphic` inline. The text is
cut into blocks at the block elements, at any depth (a page laid out in a table has its
headings and paragraphs inside a cell). What a container holds between its blocks (the words
after a heading, an element's tail) is a paragraph of its own. A list item is one block and a
table row one block with its cells joined by " | "; both are marked `listed`, since lists and
tables repeat lines on purpose. A line break is a space inside a line and ends a paragraph when
two come together (pages that separate paragraphs with <br><br>) or when a sentence ends
before it and another starts after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from presslens.ingest.blocks import Block

CONTAINERS = {"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div", "body"}
# Containers of blocks, not of running text: a bold line set straight in one came from an
# element of its own in the page ("Top stories" then a headline), so it is kept apart from the
# text beside it; inside a paragraph, formatting splits words ("<b>T</b>he", a drop cap).
BLOCK_HOLDERS = {"list", "table", "row", "cell", "div", "body"}
CELL_SEPARATOR = " | "
# A line ends a sentence (closing quotes and brackets allowed) and the next one starts one.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
OPENING = "\"'“‘«(["
BREAK = None  # a line break among the text pieces


@dataclass
class Lines:
    """Text pieces of the line being read, and the blocks made so far."""

    blocks: list[Block] = field(default_factory=list)
    pieces: list[str | None] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)

    def line_break(self) -> None:
        self.pieces.append(BREAK)

    def flush(self, kind: str, listed: bool) -> None:
        pieces, self.pieces = self.pieces, []
        for text in paragraphs(pieces, join_all=kind == "heading"):
            self.blocks.append(Block(kind, text, listed=listed))


def paragraphs(pieces: list[str | None], *, join_all: bool) -> list[str]:
    """The paragraphs of one line's pieces: lines between breaks, joined unless they part."""
    lines: list[str] = []
    hard = False  # an empty line between two breaks: a paragraph ends there
    out: list[str] = []
    current: list[str] = []
    for piece in [*pieces, BREAK]:
        if piece is not BREAK:
            current.append(piece)
            continue
        line = " ".join("".join(current).split())
        current = []
        if not line:
            hard = bool(lines)
            continue
        if lines and (hard or parts(lines[-1], line)) and not join_all:
            out.append(" ".join(lines))
            lines = []
        lines.append(line)
        hard = False
    if lines:
        out.append(" ".join(lines))
    return out


def parts(before: str, after: str) -> bool:
    """Does a single line break between these two lines end a paragraph?"""
    start = after.lstrip(OPENING)[:1]
    return bool(SENTENCE_END.search(before)) and (start.isupper() or start.isdigit())


def body_blocks(body: etree._Element | None) -> list[Block]:
    """The blocks of trafilatura's body element, in reading order."""
    if body is None:
        return []
    lines = Lines()
    walk(body, lines, "paragraph", listed=False)
    lines.flush("paragraph", listed=False)
    return lines.blocks


def walk(element: etree._Element, lines: Lines, kind: str, *, listed: bool) -> None:
    lines.add(element.text)
    for child in element:
        tag = child.tag
        if tag == "lb":
            lines.line_break()
        elif tag == "row" and not holds_blocks(child):
            lines.flush(kind, listed)
            lines.add(row_text(child))
            lines.flush("paragraph", listed=True)
        elif tag in CONTAINERS:
            lines.flush(kind, listed)
            inner = "heading" if tag == "head" else "paragraph"
            in_list = listed or tag == "item"
            walk(child, lines, inner, listed=in_list)
            lines.flush(inner, in_list)
        elif element.tag in BLOCK_HOLDERS:  # a line of its own among blocks
            lines.add(" ")
            walk(child, lines, kind, listed=listed)
            lines.add(" ")
        else:  # inline: hi, ref, del, graphic
            walk(child, lines, kind, listed=listed)
        lines.add(child.tail)


def holds_blocks(row: etree._Element) -> bool:
    """A row whose cells hold paragraphs or headings lays out a page, not data."""
    return any(
        descendant.tag in CONTAINERS for cell in row for descendant in cell.iterdescendants()
    )


def row_text(row: etree._Element) -> str:
    cells = [" ".join(inline_text(cell).split()) for cell in row]
    return CELL_SEPARATOR.join(cell for cell in cells if cell)


def inline_text(element: etree._Element) -> str:
    """An element's text with its line breaks as spaces."""
    out = [element.text or ""]
    for child in element:
        out.append(" " if child.tag == "lb" else inline_text(child))
        out.append(child.tail or "")
    return "".join(out)
