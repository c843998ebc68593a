"""Plain text in the layout of a saved web page.

The layout: the title on the first line, maybe an image caption, page-chrome lines ("Read in N
minutes", "Share", ...), then paragraphs, with short unpunctuated lines between them as section
headings. A paragraph may span several lines when paragraphs are separated by blank lines.
"""

from __future__ import annotations

import functools
import re

from presslens.ingest.blocks import Block, assemble, clean_line
from presslens.model import Article, Origin, Removed, StageWarning
from presslens.resources import read_text
from presslens.settings import Settings

SENTENCE_END = re.compile(r"[.!:;,…\"”’)\]]$")
MAX_HEADING_CHARS = 100
MAX_CAPTION_WORDS = 40
MAX_TITLE_CHARS = 200


@functools.cache
def chrome_patterns() -> tuple[re.Pattern[str], ...]:
    raw = read_text("chrome.txt")
    lines = [line.strip() for line in raw.splitlines()]
    return tuple(
        re.compile(rf"^(?:{line})$", re.IGNORECASE)
        for line in lines
        if line and not line.startswith("#")
    )


def is_chrome(line: str) -> bool:
    stripped = line.strip().rstrip(":").strip()
    return any(pattern.match(stripped) for pattern in chrome_patterns())


def is_heading_like(line: str, settings: Settings) -> bool:
    """Short, and without the punctuation that ends a sentence ('?' is allowed)."""
    words = line.split()
    return (
        settings.min_heading_words <= len(words) <= settings.max_heading_words
        and len(line) <= MAX_HEADING_CHARS
        and not SENTENCE_END.search(line.rstrip())
    )


def split_units(raw: str) -> list[str]:
    """Paragraph units: blank-line blocks, or single lines when every block is one line."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n[ \t\u00a0]*\n", text) if b.strip()]
    units: list[str] = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if (
            len(blocks) == 1
            or any(is_chrome(line) for line in lines)
            or any(len(line) < 60 for line in lines[:-1])
        ):
            units.extend(lines)  # separate items; a hard-wrapped paragraph has long lines
        else:
            units.append(" ".join(lines))
    return units


def take_title(units: list[str]) -> tuple[str | None, list[str], list[StageWarning]]:
    if not units:
        return None, units, []
    first = clean_line(units[0])
    if len(first) <= MAX_TITLE_CHARS and not re.search(r"[.!;,]$", first):
        return first, units[1:], []
    note = StageWarning("ingest", "no title line found: the article has no title")
    return None, units, [note]


def take_caption(units: list[str], settings: Settings) -> tuple[str | None, list[str]]:
    """The line after the title, when it is short and no body paragraph has begun."""
    for index, unit in enumerate(units):
        if is_chrome(unit):
            continue
        words = unit.split()
        followed_by_chrome = index + 1 < len(units) and is_chrome(units[index + 1])
        if len(words) <= MAX_CAPTION_WORDS and (
            not SENTENCE_END.search(unit.rstrip()) or followed_by_chrome
        ):
            return unit, units[:index] + units[index + 1 :]
        return None, units
    return None, units


def parse_saved_page(raw: str, *, origin: Origin, settings: Settings) -> Article:
    units = split_units(raw)
    title, units, warnings = take_title(units)
    caption, units = take_caption(units, settings) if title else (None, units)
    removed: list[Removed] = []
    blocks: list[Block] = []
    for unit in units:
        if is_chrome(unit):
            removed.append(Removed(kind="chrome", text=clean_line(unit)))
        elif is_heading_like(clean_line(unit), settings):
            blocks.append(Block("heading", unit))
        else:
            blocks.append(Block("paragraph", unit))
    blocks = demote_heading_runs(blocks)
    return assemble(
        blocks, origin=origin, title=title, caption=caption, removed=removed, warnings=warnings
    )


def demote_heading_runs(blocks: list[Block]) -> list[Block]:
    """A heading must be followed by a paragraph; two in a row: the first is a paragraph."""
    result: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "heading" and following is not None and following.kind == "heading":
            block = Block("paragraph", block.text)
        result.append(block)
    return result
