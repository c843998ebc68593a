"""Search snippets: the piece of an article a hit shows, with where the query's words fall in
it. Plain text in and out; pages escape it."""

from __future__ import annotations

import re

SNIPPET_CHARS = 240
# What the backends' highlighters put around a matched word: control characters, which ingest
# drops from text (a body that still holds one gets no highlights rather than wrong ones).
MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
MARKED = re.compile(f"([{MARK_OPEN}{MARK_CLOSE}])")
LETTER = re.compile(r"[^\W_]")


def marked_spans(marked: str | None, body: str, offset: int = 0) -> list[tuple[int, int]]:
    """Where a backend's highlighter marked the query in the piece of `body` from `offset` on
    (adjacent marks joined); none when the marked text is not that piece with marks in it."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    at, start = offset, None
    for piece in MARKED.split(marked or ""):
        if piece == MARK_OPEN:
            start = at
        elif piece == MARK_CLOSE and start is not None:
            if spans and not LETTER.search(body[spans[-1][1] : start]):
                start = spans.pop()[0]  # the next word of a phrase, or of "O'Brien"
            spans.append((start, at))
            start = None
        elif piece not in (MARK_OPEN, MARK_CLOSE):
            plain.append(piece)
            at += len(piece)
    text = "".join(plain)
    return spans if body[offset : offset + len(text)] == text else []


def likely_stretch(body: str, words: list[str], begin: int, width: int) -> tuple[int, int]:
    """The stretch of `body` (from `begin` on) most likely to hold the query's words, for a
    highlighter too slow to run on whole articles: where the most words start like them (a
    stemmed word starts with most of its stem: "taxing" with "tax", "studies" with "stud")."""
    folded = body.lower()
    if len(folded) != len(body):  # a letter whose lower case is longer: offsets would move
        folded = body
    found: list[tuple[int, int]] = []
    for stem in {word[:4] for word in words if word}:
        at = folded.find(stem, begin)
        while at >= 0 and len(found) < 1000:
            if at == 0 or not folded[at - 1].isalnum():  # at the start of a word
                found.append((at, at + len(stem)))
            at = folded.find(stem, at + 1)
    start, end = window(body, sorted(found) or [(begin, begin)], width)
    return max(begin, start), end


def window(body: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The stretch of `body` a snippet shows: the one holding the most different marked words,
    starting a little before the first of them, cut at spaces. One pass over the marks."""
    start, first_mark = 0, len(body)
    words = [body[a:b].casefold() for a, b in spans]
    inside: dict[str, int] = {}  # marked words between `left` and `right`, with their counts
    best, right = -1, 0
    for left, (first, _) in enumerate(spans):
        begin = max(0, first - width // 4)
        while right < len(spans) and spans[right][1] <= begin + width:
            inside[words[right]] = inside.get(words[right], 0) + 1
            right += 1
        if len(inside) > best:
            best, start, first_mark = len(inside), begin, first
        if right > left:
            inside[words[left]] -= 1
            if not inside[words[left]]:
                del inside[words[left]]
        else:
            right = left + 1  # a mark longer than the window
    end = min(len(body), start + width)
    if start > 0:
        space = body.find(" ", start, start + 20)
        start = space + 1 if 0 <= space < first_mark else start
    if end < len(body):
        space = body.rfind(" ", end - 20, end)
        end = space if space > start else end
    return start, end


def snippet(
    body: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> tuple[str, list[list[int]]]:
    """A piece of `body` around the marked words, whitespace made single spaces, and where the
    marks fall in it ([start, end] pairs): the text stays plain, a page escapes it first."""
    start, end = window(body, spans, width)
    pieces: list[tuple[str, bool]] = []
    at = start
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if a >= b or a < at:
            continue
        pieces += [(body[at:a], False), (body[a:b], True)]
        at = b
    pieces.append((body[at:end], False))
    text = "…" if start > 0 else ""
    highlights: list[list[int]] = []
    for piece, marked in pieces:
        piece = re.sub(r"\s+", " ", piece)
        if not text.strip():
            piece = piece.lstrip()
        if marked and piece:
            highlights.append([len(text), len(text) + len(piece)])
        text += piece
    text = text.rstrip()
    return text + ("…" if end < len(body) else ""), highlights


def segments(text: str, highlights: list[list[int]]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, marked) runs, for a template to escape and wrap."""
    found: list[tuple[str, bool]] = []
    at = 0
    for start, end in highlights:
        if start < at or end > len(text):
            continue
        found += [(text[at:start], False), (text[start:end], True)]
        at = end
    found.append((text[at:], False))
    return [(piece, marked) for piece, marked in found if piece]
