"""The figures' own tokenisation: number, word and symbol tokens with character offsets.

This is the lowest layer of the figures stage: it knows nothing of numbers or units, and every
other module of the stage reads its `Token`s.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN = re.compile(
    # every number starts with a digit or a point: the look-ahead spares a word or symbol the
    # six number patterns (a third of the time of the search; the same tokens)
    r"(?P<num>(?=[\d.])(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!\d)"  # Indian grouping 12,34,567
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,234,567.89
    r"|(?<![\d,.])\d{1,3}(?:, 0\d\d)+(?![\d,.])"  # "80, 000": a lone group never starts with 0
    r"|(?<![\d,.])\d{1,3}(?:[\u202f ]\d{3})+(?:\.\d+)?(?![\d,])"  # 1 234 567, thin spaces
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![\w]))?"
    r"|\.\d+))"
    r"|(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"
    r"|(?P<word>[^\W\d_]+(?:\.(?=[a-z]\.))?)"
    r"|(?P<sym>\S)"
)


class Token(NamedTuple):
    """A word, number or symbol of the figures' own tokenisation (a tuple: there is one per
    token of every article, and a tuple is several times cheaper to build than a frozen
    dataclass)."""

    text: str
    start: int
    end: int
    kind: str  # num | vulgar | word | sym
    lower: str = ""  # the text lower-cased, filled in by tokenize (read for every token)


def tokenize(text: str) -> list[Token]:
    # tuple.__new__ makes the very Token that Token(...) makes, without the Python-level
    # __new__ of a NamedTuple (a third of the time for an article's thousands of tokens)
    make = tuple.__new__
    return [
        make(Token, (found, m.start(), m.end(), m.lastgroup or "sym", found.lower()))
        for m in TOKEN.finditer(text)
        for found in (m.group(),)
    ]


def digit_value(text: str) -> float:
    return float(text.replace(",", "").replace("\u202f", "").replace(" ", ""))


def glued(tokens: list[Token], i: int) -> bool:
    """Token i touches token i-1 (no space between)."""
    return i > 0 and tokens[i - 1].end == tokens[i].start
