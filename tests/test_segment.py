from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from presslens.ingest import load
from presslens.model import table_of_contents
from presslens.segment import count_words, reading_time_minutes, sentence_bounds, trim_at_sentence


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("one two three", 3),
        ("a – b", 2),  # a lone dash is not a word
        ("  it's 2025, isn't it?  ", 4),
        ("", 0),
        (None, 0),
    ],
)
def test_count_words(text: str | None, words: int) -> None:
    assert count_words(text) == words


def test_reading_time_counts_title_caption_and_body() -> None:
    article = load("Four word title here\n\nFive words in the caption\n\n" + "word " * 190 + "end.")
    assert reading_time_minutes(article, 200) == 1.0  # 4 + 5 + 191 = 200 words
    assert reading_time_minutes(article, 100) == 2.0


def test_reading_time_rounds_half_up() -> None:
    article = load("Title\n\n" + "w " * 2 + "x.")  # 1 + 3 words
    assert reading_time_minutes(article, 800) == 0.01  # 0.005 rounds up


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("First one. Second one. Third one.", 22, "First one. Second one."),
        ("Short.", 100, "Short."),
        ("A very long sentence without any stop at all", 20, "A very long…"),
    ],
)
def test_trim_at_sentence(text: str, limit: int, expected: str) -> None:
    assert trim_at_sentence(text, limit) == expected


def test_contents_anchors_are_unique() -> None:
    raw = "Title\n\nIntro paragraph here.\n\nSame heading\n\nBody one.\n\nSame heading\n\nBody two."
    anchors = [entry["anchor"] for entry in table_of_contents(load(raw))]
    assert anchors == ["same-heading", "same-heading-2"]


@pytest.mark.parametrize(
    ("words", "spaces", "starts"),
    [
        (["Hi", ".", "Yes", "!"], [False, True, False, False], [True, False, True, False]),
        (["One", "\n\n", "Two", "words"], [False, False, True, True], [True, False, True, False]),
        (["Alone"], [True], [True]),
        (["a", "b", "c"], [True, True, False], [True, True, True]),  # one-token sentences
        (["a", "b", "c"], [True, True, False], [True, None, True]),  # unknown is no start
        (["a", "b", "c"], [True, True, False], [True, False, False]),
    ],
)
def test_sentence_bounds_are_spacys_sentences(
    words: list[str], spaces: list[bool], starts: list[bool | None]
) -> None:
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    expected = [(sent.start_char, sent.end_char) for sent in doc.sents]
    assert sentence_bounds(doc) == (expected, len(doc.text))
