"""Blocks (headings and paragraphs) to an `Article`: the step every ingest route shares.

Each route (plain text, HTML) finds its own blocks, title and caption; this module cleans the
text of each block, drops repeated paragraphs into `removed`, and lays the body out as one text
with paragraphs separated by a blank line, so that every span indexes into it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from presslens.model import Article, Origin, Removed, Section, Span, StageWarning

PARAGRAPH_BREAK = "\n\n"
# A repeat is dropped only when it reads as prose: a pull-quote or an excerpt box repeats a
# long sentence of the body; a recipe's steps ("Stir the jam and let it simmer for five more
# minutes.") and a list's lines are shorter and repeat on purpose, and a list item or a table
# row is never dropped.
MIN_DUPLICATE_CHARS = 80
MIN_DUPLICATE_WORDS = 8
PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # heading | paragraph
    text: str
    listed: bool = False  # a list item or a table row: lines a list repeats on purpose


SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# "occupation.The" and "line…we": a sentence end with the space lost in the page's markup.
RUN_TOGETHER = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=\w…)(?=\w)")


def clean_line(text: str) -> str:
    """One line of article text with odd whitespace and invisible characters normalised."""
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    text = text.replace("\r", " ").replace("\n", " ")
    text = SPACES.sub(" ", text)
    text = RUN_TOGETHER.sub(" ", text)
    return text.strip()


def duplicate_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def is_prose(block: Block) -> bool:
    """A paragraph of running text (a sentence or more), not a list's or a table's line."""
    return (
        block.kind == "paragraph"
        and not block.listed
        and len(block.text) >= MIN_DUPLICATE_CHARS
        and len(block.text.split()) >= MIN_DUPLICATE_WORDS
        and bool(PROSE_END.search(block.text))
    )


def drop_duplicates(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """Prose paragraphs that repeat an earlier one (pull-quotes, excerpt boxes) leave the body;
    repeated short lines, list items and table rows stay."""
    seen: set[str] = set()
    kept: list[Block] = []
    removed: list[Removed] = []
    for block in blocks:
        key = duplicate_key(block.text)
        if is_prose(block) and key in seen:
            removed.append(Removed(kind="duplicate", text=block.text))
            continue
        seen.add(key)
        kept.append(block)
    return kept, removed


def drop_trailing_headings(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """A heading with no paragraph after it at the end of the page is page furniture."""
    removed: list[Removed] = []
    while blocks and blocks[-1].kind == "heading":
        removed.insert(0, Removed(kind="boilerplate", text=blocks[-1].text))
        blocks = blocks[:-1]
    return blocks, removed


def lay_out(blocks: list[Block]) -> tuple[str, list[tuple[Block, Span]]]:
    """Join blocks into one text; return it with each block's span."""
    parts: list[str] = []
    placed: list[tuple[Block, Span]] = []
    offset = 0
    for block in blocks:
        if parts:
            offset += len(PARAGRAPH_BREAK)
        placed.append((block, Span(offset, offset + len(block.text))))
        parts.append(block.text)
        offset += len(block.text)
    return PARAGRAPH_BREAK.join(parts), placed


def build_sections(placed: list[tuple[Block, Span]], text_length: int) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: tuple[str, Span] | None = None
    paragraphs: list[Span] = []
    start = 0

    def close(end: int) -> None:
        if heading is None and not paragraphs:
            return
        sections.append(
            Section(
                heading=heading[0] if heading else None,
                heading_span=heading[1] if heading else None,
                span=Span(start, end),
                paragraphs=tuple(paragraphs),
            )
        )

    for block, span in placed:
        if block.kind == "heading":
            close(previous_end(paragraphs, heading, start))
            heading, paragraphs, start = (block.text, span), [], span.start
        else:
            paragraphs.append(span)
    close(text_length)
    return tuple(sections)


def previous_end(paragraphs: list[Span], heading: tuple[str, Span] | None, start: int) -> int:
    if paragraphs:
        return paragraphs[-1].end
    return heading[1].end if heading else start


def assemble(
    blocks: list[Block],
    *,
    origin: Origin,
    title: str | None = None,
    caption: str | None = None,
    byline: str | None = None,
    published: str | None = None,
    description: str | None = None,
    removed: list[Removed] | None = None,
    warnings: list[StageWarning] | None = None,
) -> Article:
    """Clean blocks and lay them out as an `Article` (language is set later, by `load`)."""
    cleaned = [Block(b.kind, clean_line(b.text), b.listed) for b in blocks]
    cleaned = [b for b in cleaned if b.text]
    cleaned, duplicates = drop_duplicates(cleaned)
    cleaned, trailing = drop_trailing_headings(cleaned)
    text, placed = lay_out(cleaned)
    return Article(
        text=text,
        title=clean_line(title) if title else None,
        caption=clean_line(caption) if caption else None,
        byline=clean_line(byline) if byline else None,
        published=published,
        description=clean_line(description) if description else None,
        paragraphs=tuple(span for block, span in placed if block.kind == "paragraph"),
        sections=build_sections(placed, len(text)),
        removed=tuple((removed or []) + duplicates + trailing),
        origin=origin,
        warnings=tuple(warnings or []),
    )
