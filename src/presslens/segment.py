"""Structure as spans: sentences, word count, reading time, excerpt."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from spacy.tokens import Doc

from presslens.model import Article, Span

WORD = re.compile(r"\w")
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?=\s|$)")


def sentence_spans(article: Article, doc: Doc) -> tuple[Span, ...]:
    """Sentences of the parse, trimmed of surrounding whitespace; none crosses a paragraph."""
    spans: list[Span] = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped or not WORD.search(stripped):
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        spans.append(Span(start, start + len(stripped)))
    return tuple(spans)


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
    if words_per_minute <= 0:
        raise ValueError("words per minute must be positive")
    minutes = Decimal(word_count(article)) / Decimal(str(words_per_minute))
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
