"""Structure as spans: sentences, word count, reading time, excerpt."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.tokens import Doc

from presslens.model import Article, Span

WORD = re.compile(r"\w")
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?=\s|$)")


def sentence_spans(article: Article, doc: Doc) -> tuple[Span, ...]:
    """Sentences of the parse, trimmed of surrounding whitespace; none crosses a paragraph."""
    spans: list[Span] = []
    bounds, text_length = sentence_bounds(doc)
    # the doc's text: the article's (the parse of it, or of it with its curly apostrophes
    # straightened, where the same characters are spaces and word characters), read from the
    # article rather than joined again from the tokens
    text = article.text if len(article.text) == text_length else doc.text
    for start_char, end_char in bounds:
        sentence = text[start_char:end_char]  # the sentence's Span.text
        stripped = sentence.strip()
        if not stripped or not WORD.search(stripped):
            continue
        start = start_char + (len(sentence) - len(sentence.lstrip()))
        spans.append(Span(start, start + len(stripped)))
    return tuple(spans)


def sentence_bounds(doc: Doc) -> tuple[list[tuple[int, int]], int]:
    """(start_char, end_char) of each sentence of `doc.sents`, and the length of the doc's text,
    read from the token columns (spaCy's sentences build a Token object for every token of the
    text to join its words): a sentence starts at the first token and at each token whose
    SENT_START is 1, and ends where its last token's text ends. spaCy's own sentences for
    anything else (no tokens, no sentence starts set, a custom hook)."""
    if not len(doc) or not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks:
        return [(sent.start_char, sent.end_char) for sent in doc.sents], len(doc.text)
    columns = doc.to_array([IDX, LENGTH, SPACY, SENT_START]).reshape(-1, 4)
    starts = [0, *(np.flatnonzero(columns[1:, 3] == 1) + 1).tolist()]
    ends = [*starts[1:], len(doc)]
    offsets, lengths = columns[:, 0].tolist(), columns[:, 1].tolist()
    bounds = [
        (offsets[start], offsets[end - 1] + lengths[end - 1])
        for start, end in zip(starts, ends, strict=True)
    ]
    return bounds, bounds[-1][1] + int(columns[-1, 2])


def count_words(text: str | None) -> int:
    """Whitespace tokens holding a letter or digit."""
    if not text:
        return 0
    return sum(1 for token in text.split() if WORD.search(token))


def word_count(article: Article) -> int:
    """Words in title, caption and body (headings included)."""
    return count_words(article.title) + count_words(article.caption) + count_words(article.text)


def reading_time_minutes(article: Article, words_per_minute: float) -> float:
    """Words / words-per-minute, rounded half-up to two decimals as pages show it."""
    return minutes_to_read(word_count(article), words_per_minute)


def minutes_to_read(words: int, words_per_minute: float) -> float:
    """`reading_time_minutes` of an article of `words` words (counted once by the caller)."""
    if words_per_minute <= 0:
        raise ValueError("words per minute must be positive")
    minutes = Decimal(words) / Decimal(str(words_per_minute))
    return float(minutes.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def trim_at_sentence(text: str, max_chars: int) -> str:
    """The longest run of whole sentences within max_chars (at least the first sentence cut)."""
    if len(text) <= max_chars:
        return text
    ends = [m.end() for m in SENTENCE_END.finditer(text) if m.end() <= max_chars]
    if ends:
        return text[: ends[-1]].strip()
    cut = text[:max_chars].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def excerpt(article: Article, max_chars: int) -> str:
    """The page's own description when there is one, else the lead paragraph trimmed."""
    if article.description:
        return article.description
    if not article.paragraphs:
        return ""
    return trim_at_sentence(article.paragraphs[0].of(article.text), max_chars)
