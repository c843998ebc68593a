"""Quotation marks paired into quoted spans, and single-quoted scare quotes: no model needed."""

from __future__ import annotations

import pytest

from presslens.model import Span
from presslens.stages.quotes.marks import find_quoted, find_single_quoted


@pytest.mark.parametrize(
    ("text", "expected", "warns"),
    [
        (
            "“We will win,” he said, “whatever it takes.”",
            ["“We will win,”", "“whatever it takes.”"],
            0,
        ),
        ('She said "no" twice.', ['"no"'], 0),
        # a quotation over two paragraphs: no closing mark until the second
        ("He said: “One.\n\n“Two.”\n\nDone.", ["“One.\n\n“Two.”"], 0),
        # a mark typed the wrong way round still opens by its position
        ("He explained: ”Mind the gap.”", ["”Mind the gap.”"], 0),
        # nested marks stay inside the outer quotation
        (
            '"The question was “why?” and nobody knew."',
            ['"The question was “why?” and nobody knew."'],
            0,
        ),
        # a stray opening mark: the inner pair is kept, the stray ignored
        ("cut back to “a more “modest plan” to train.", ["“modest plan”"], 1),
        # a stray closing mark
        ("It says the figure rose.” Then more.", [], 1),
        # left open: closed at the end of its paragraph
        ("He said “we will win.\n\nNext paragraph.", ["“we will win."], 1),
        ("", [], 0),
        ('"', [], 1),
        # newspaper copy: two apostrophes for either mark, two backquotes to open
        (
            "''We will win,'' he said, ''whatever it takes.''",
            ["''We will win,''", "''whatever it takes.''"],
            0,
        ),
        ("``We will win,'' he said.", ["``We will win,''"], 0),
        ("He said: ''One.\n\n''Two.''\n\nDone.", ["''One.\n\n''Two.''"], 0),
        ("He called it ''odd'' and left.", ["''odd''"], 0),
        # left open, like a lone double mark: closed at the paragraph's end
        ("a lone '' mark", ["'' mark"], 1),
    ],
)
def test_find_quoted(text: str, expected: list[str], warns: int) -> None:
    found, warnings = find_quoted(text)
    assert [q.span.of(text) for q in found] == expected
    assert len(warnings) == warns


def test_two_apostrophe_marks_leave_the_words_inside() -> None:
    text = "``Not now,'' she said."
    (quoted,), _ = find_quoted(text)
    assert quoted.inner.of(text) == "Not now,"


def test_multi_paragraph_quote_counts_paragraphs() -> None:
    text = "“One.\n\n“Two.\n\n“Three.”"
    (quoted,), _ = find_quoted(text)
    assert quoted.paragraphs == 3 and quoted.span == Span(0, len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ‘peace’ deal", ["‘peace’"]),
        ("Ukraine’s ‘best’ offer", ["‘best’"]),
        ("Putin’s and Trump’s plans", []),
    ],
)
def test_find_single_quoted(text: str, expected: list[str]) -> None:
    assert [s.of(text) for s in find_single_quoted(text)] == expected


def test_markup_attribute_values_are_not_quotations() -> None:
    text = (
        'Fans wrote online. <blockquote tweet-author="@SunnyFan" tweet-date="March 11, 2016">'
        'Big night</blockquote> Then she said "we won the whole thing tonight" and left.'
    )
    quoted, warnings = find_quoted(text)
    assert [q.span.of(text) for q in quoted] == ['"we won the whole thing tonight"']
    assert warnings == []
