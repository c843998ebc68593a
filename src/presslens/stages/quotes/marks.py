"""Quotation marks paired into quoted spans, from the text alone (no parse needed).

Straight and curly double marks are paired by their shape in context, not by which glyph was
typed, because real pages mix them up ("explained: ”For ..."). A quotation that runs on over
several paragraphs follows the printers' convention: no closing mark at the end of a paragraph,
an opening mark at the start of the next. Marks that cannot be paired never raise: the best
reading is kept and a warning says what was odd.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.model import Span

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
MARK_RE = re.compile(f"[{MARKS}]")
OPEN_BEFORE = "([{—–-/:;‘'"
CLOSE_AFTER = ".,;:!?)]}…—–-’'"
# Single curly marks around a short phrase: scare quotes ('peace'), never speech we attribute.
SINGLE_RE = re.compile(r"(?<![\w’])‘([^‘’\n]{1,60}?)’(?![\w‘])")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted span, marks included; `inner` is the text between the marks."""

    span: Span
    inner: Span
    paragraphs: int = 1  # how many paragraphs it runs over
    balanced: bool = True


def mark_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' from the characters around the mark at `i`."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left_free = before.isspace() or before in OPEN_BEFORE or before in MARKS
    right_free = after.isspace() or after in CLOSE_AFTER or after in MARKS
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    if text[i] in OPENING:
        return "open"
    if text[i] in CLOSING:
        return "close"
    return "either"


def paragraph_bounds(text: str, paragraphs: tuple[Span, ...]) -> list[Span]:
    if paragraphs:
        return sorted(paragraphs, key=lambda s: s.start)
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def starts_with_mark(text: str, paragraph: Span) -> bool:
    stripped = paragraph.of(text).lstrip()
    return bool(stripped) and stripped[0] in MARKS


@dataclass(slots=True)
class Pairing:
    """Running state while walking the marks of the article in order."""

    stack: list[int]
    inner_pairs: list[tuple[int, int, int]]  # (start, end, depth) of nested pairs
    carried_from: int = 0  # paragraph index where a carried quote opened
    carried: int | None = None


def close_paragraph(
    text: str, paragraph: Span, state: Pairing, found: list[Quoted], warnings: list[str]
) -> None:
    """Unclosed marks at a paragraph's end: drop a stray opener, or end the quote here."""
    if not state.stack:
        return
    opener = state.stack[0]
    nested = [(a, b) for a, b, depth in state.inner_pairs if depth == 1 and a > opener]
    snippet = text[opener : opener + 40].replace("\n", " ")
    if nested:
        # '"a more "realistic mission" to train': the outer mark is a stray.
        warnings.append(f"unpaired quotation mark ignored at {opener}: {snippet!r}")
        for a, b in nested:
            found.append(Quoted(Span(a, b + 1), Span(a + 1, b)))
    else:
        warnings.append(f"quotation left open at {opener}, closed at its paragraph's end")
        end = len(text[: paragraph.end].rstrip())
        if end > opener + 1:
            found.append(Quoted(Span(opener, end), Span(opener + 1, end), balanced=False))
    state.stack.clear()
    state.inner_pairs.clear()


def find_quoted(text: str, paragraphs: tuple[Span, ...] = ()) -> tuple[list[Quoted], list[str]]:
    """Top-level quoted spans in text order, and warnings about marks that did not pair."""
    found: list[Quoted] = []
    warnings: list[str] = []
    bounds = paragraph_bounds(text, paragraphs)
    state = Pairing(stack=[], inner_pairs=[])
    for index, paragraph in enumerate(bounds):
        marks = [m.start() for m in MARK_RE.finditer(text, paragraph.start, paragraph.end)]
        if state.carried is not None:
            state.stack = [state.carried]
            if (
                marks
                and starts_with_mark(text, paragraph)
                and marks[0] == first_char(text, paragraph)
            ):
                marks = marks[1:]  # the opening mark that continues the quotation
        state.carried = None
        for i in marks:
            pair_mark(text, i, state, found, index, warnings)
        next_opens = index + 1 < len(bounds) and starts_with_mark(text, bounds[index + 1])
        if len(state.stack) == 1 and next_opens and not state.inner_pairs:
            state.carried = state.stack[0]
            continue
        close_paragraph(text, paragraph, state, found, warnings)
    found.sort(key=lambda q: q.span.start)
    return found, warnings


def first_char(text: str, paragraph: Span) -> int:
    chunk = paragraph.of(text)
    return paragraph.start + len(chunk) - len(chunk.lstrip())


def pair_mark(
    text: str, i: int, state: Pairing, found: list[Quoted], index: int, warnings: list[str]
) -> None:
    role = mark_role(text, i)
    if role == "either":
        role = "close" if state.stack else "open"
    if role == "open":
        if not state.stack:
            state.carried_from = index
        state.stack.append(i)
        return
    if not state.stack:
        warnings.append(f"closing quotation mark with no opening at {i}")
        return
    start = state.stack.pop()
    if state.stack:
        state.inner_pairs.append((start, i, len(state.stack)))
        return
    runs = index - state.carried_from + 1
    found.append(Quoted(Span(start, i + 1), Span(start + 1, i), paragraphs=runs))
    state.inner_pairs.clear()


def find_single_quoted(text: str) -> list[Span]:
    """Short phrases in single curly marks (scare quotes), marks included."""
    return [Span(m.start(), m.end()) for m in SINGLE_RE.finditer(text)]
