"""Span helpers of the quotes stage's shared context: no model needed."""

from __future__ import annotations

import pytest

from presslens.model import Span
from presslens.stages.quotes.context import trim, word_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  that wages rose, ", "that wages rose"),
        ("; the plan failed:", "the plan failed"),
        ("a plan —", "a plan"),
        (" “no” ", "“no”"),
        (",;", ""),
        ("", ""),
    ],
)
def test_trim(text: str, expected: str) -> None:
    assert trim(text, Span(0, len(text))).of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("that wages rose", 3), ("“no” — never", 2), ("— , ;", 0), ("", 0)],
)
def test_word_count_counts_words_with_letters_or_digits(text: str, expected: int) -> None:
    assert word_count(text) == expected
