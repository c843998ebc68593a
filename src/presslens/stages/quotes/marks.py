"""Quotation marks paired into quoted spans, from the text alone (no parse needed).

Straight and curly double marks are paired by their shape in context, not by which glyph was
typed, because real pages mix them up ("explained: ”For ..."). A quotation that runs on over
several paragraphs follows the printers' convention: no closing mark at the end of a paragraph,
an opening mark at the start of the next. Marks that cannot be paired never raise: the best
reading is kept and a warning says what was odd.

Newspaper copy set on typewriter conventions writes the marks as two characters: two
apostrophes for either mark (''like this'') or two backquotes to open (``like this''). Each
pair is read as one mark: a mark is a (start, end) run of one or two characters.

A run of more than `MAX_MARK_RUN` marks side by side (a row of `"` typed as a rule, or sent to
choke the reader) is not quotation at all: its marks are left out with one warning, so that
thousands of them do not become thousands of empty quotations for the later steps to compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.model import Span

DASHES = frozenset({"—", "–", "―"})  # em and en dashes, and the horizontal bar
SET_OFF = DASHES | {","}  # what sets an aside or an apposition off

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
TWO_CHAR_OPENING = "``"
TWO_CHAR_EITHER = "''"
MARK_RE = re.compile(f"``|''|[{MARKS}]")
MAX_MARK_RUN = 6  # '"“' or ',”"' happen; seven marks in a row are not quotation
OPEN_BEFORE = "([{—–-/:;‘'"
CLOSE_AFTER = ".,;:!?)]}…—–-’'"
# an attribute of markup left in a plain text: 'tweet-date="March 11, 2016"', 'class="x">'
ATTRIBUTE_RE = re.compile(r'(?<![\w"])[A-Za-z][\w:-]*="[^"<>\n]{0,300}"(?=[\s/>]|$)')
# Single curly marks around a short phrase: scare quotes ('peace'), never speech we attribute.
SINGLE_RE = re.compile(r"(?<![\w’])‘([^‘’\n]{1,60}?)’(?![\w‘])")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted span, marks included; `inner` is the text between the marks."""

    span: Span
    inner: Span
    paragraphs: int = 1  # how many paragraphs it runs over
    balanced: bool = True


Mark = tuple[int, int]  # start and end of a mark of one or two characters


def mark_role(text: str, mark: Mark) -> str:
    """'open', 'close' or 'either' from the characters around the mark."""
    start, end = mark
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_free = before.isspace() or before in OPEN_BEFORE or before in MARKS
    right_free = after.isspace() or after in CLOSE_AFTER or after in MARKS
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    glyph = text[start:end]
    if glyph in OPENING or glyph == TWO_CHAR_OPENING:
        return "open"
    if glyph in CLOSING:
        return "close"
    return "either"


def paragraph_bounds(text: str, paragraphs: tuple[Span, ...]) -> list[Span]:
    if paragraphs:
        return sorted(paragraphs, key=lambda s: s.start)
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def starts_with_mark(text: str, paragraph: Span) -> bool:
    stripped = paragraph.of(text).lstrip()
    two = stripped.startswith((TWO_CHAR_OPENING, TWO_CHAR_EITHER))
    return bool(stripped) and (stripped[0] in MARKS or two)


@dataclass(slots=True)
class Pairing:
    """Running state while walking the marks of the article in order."""

    stack: list[Mark]
    inner_pairs: list[tuple[Mark, Mark, int]]  # (opening, closing, depth) of nested pairs
    carried_from: int = 0  # paragraph index where a carried quote opened
    carried: Mark | None = None


def close_paragraph(
    text: str, paragraph: Span, state: Pairing, found: list[Quoted], warnings: list[str]
) -> None:
    """Unclosed marks at a paragraph's end: drop a stray opener, or end the quote here."""
    if not state.stack:
        return
    opener, opener_end = state.stack[0]
    nested = [(a, b) for a, b, depth in state.inner_pairs if depth == 1 and a[0] > opener]
    snippet = text[opener : opener + 40].replace("\n", " ")
    if nested:
        # '"a more "realistic mission" to train': the outer mark is a stray.
        warnings.append(f"unpaired quotation mark ignored at {opener}: {snippet!r}")
        for a, b in nested:
            found.append(Quoted(Span(a[0], b[1]), Span(a[1], b[0])))
    else:
        warnings.append(f"quotation left open at {opener}, closed at its paragraph's end")
        end = len(text[: paragraph.end].rstrip())
        if end > opener_end:
            found.append(Quoted(Span(opener, end), Span(opener_end, end), balanced=False))
    state.stack.clear()
    state.inner_pairs.clear()


def find_quoted(text: str, paragraphs: tuple[Span, ...] = ()) -> tuple[list[Quoted], list[str]]:
    """Top-level quoted spans in text order, and warnings about marks that did not pair."""
    found: list[Quoted] = []
    warnings: list[str] = []
    bounds = paragraph_bounds(text, paragraphs)
    state = Pairing(stack=[], inner_pairs=[])
    for index, paragraph in enumerate(bounds):
        marks = [m.span() for m in MARK_RE.finditer(text, paragraph.start, paragraph.end)]
        marks = without_markup(text, paragraph, without_runs(marks, warnings))
        if state.carried is not None:
            state.stack = [state.carried]
            if (
                marks
                and starts_with_mark(text, paragraph)
                and marks[0][0] == first_char(text, paragraph)
            ):
                marks = marks[1:]  # the opening mark that continues the quotation
        state.carried = None
        for mark in marks:
            pair_mark(text, mark, state, found, index, warnings)
        next_opens = index + 1 < len(bounds) and starts_with_mark(text, bounds[index + 1])
        if len(state.stack) == 1 and next_opens and not state.inner_pairs:
            state.carried = state.stack[0]
            continue
        close_paragraph(text, paragraph, state, found, warnings)
    found.sort(key=lambda q: q.span.start)
    return found, warnings


def without_markup(text: str, paragraph: Span, marks: list[Mark]) -> list[Mark]:
    """The marks less those of markup left in a plain text: an attribute's value
    ('tweet-author="@roe"', 'href="..."'), which quotes no one."""
    values = [m.span() for m in ATTRIBUTE_RE.finditer(text, paragraph.start, paragraph.end)]
    if not values:
        return marks
    return [m for m in marks if not any(start <= m[0] < end for start, end in values)]


def without_runs(marks: list[Mark], warnings: list[str]) -> list[Mark]:
    """The marks less those in runs of more than MAX_MARK_RUN touching marks (one pass)."""
    kept: list[Mark] = []
    run: list[Mark] = []
    for mark in [*marks, (-1, -1)]:  # the sentinel ends the last run
        if run and mark[0] == run[-1][1]:
            run.append(mark)
            continue
        if len(run) > MAX_MARK_RUN:
            warnings.append(f"a run of {len(run)} quotation marks at {run[0][0]} ignored")
        else:
            kept.extend(run)
        run = [mark]
    return kept


def first_char(text: str, paragraph: Span) -> int:
    chunk = paragraph.of(text)
    return paragraph.start + len(chunk) - len(chunk.lstrip())


def pair_mark(
    text: str, mark: Mark, state: Pairing, found: list[Quoted], index: int, warnings: list[str]
) -> None:
    role = mark_role(text, mark)
    if role == "either":
        role = "close" if state.stack else "open"
    if role == "open":
        if not state.stack:
            state.carried_from = index
        state.stack.append(mark)
        return
    if not state.stack:
        warnings.append(f"closing quotation mark with no opening at {mark[0]}")
        return
    opening = state.stack.pop()
    if state.stack:
        state.inner_pairs.append((opening, mark, len(state.stack)))
        return
    runs = index - state.carried_from + 1
    found.append(Quoted(Span(opening[0], mark[1]), Span(opening[1], mark[0]), paragraphs=runs))
    state.inner_pairs.clear()


def find_single_quoted(text: str) -> list[Span]:
    """Short phrases in single curly marks (scare quotes), marks included."""
    return [Span(m.start(), m.end()) for m in SINGLE_RE.finditer(text)]
