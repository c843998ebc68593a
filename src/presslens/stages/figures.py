"""Every number with value, unit, scale, bound, change and period.

`find_figures(article, doc, sentences)` is the stage; `extract_figures(text, doc=None)` is its
core and works on any string (the evaluation scripts call it on single sentences). The layers:

- figures_numbers: numbers in digits and words, scales, fractions, vague plurals;
- figures_units + resources/units.json: currencies and units around a number, rates, ages;
- figures_core: kind (money, percent, count, quantity, rate, date, ordinal, duration, factor),
  ranges, bound (resources/figures_cues.json), change and factors ("tripled" -> 3);
- figures_context: counted noun, concept, period, unit carry-over (needs the sentence).

Years, days of months and clock times come out as `date`/`time` figures, never as counts;
numbers that name things ("Section 427", "F-35") as `label`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from presslens.model import Article, Figure, Span
from presslens.stages.figures_context import (
    Parse,
    add_concepts,
    add_counted,
    add_periods,
    carry_counted,
    carry_units,
    drop_bare_ones,
)
from presslens.stages.figures_core import Draft, read_figures

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'$€£])|\n+")
MAX_TEXT_CHARS = 2_000_000


def find_figures(article: Article, doc: Doc, sentences: tuple[Span, ...]) -> tuple[Figure, ...]:
    spans = [(s.start, s.end) for s in sentences]
    return extract_figures(article.text, doc, sentences=spans)


def extract_figures(
    text: str,
    doc: Doc | None = None,
    *,
    sentences: list[tuple[int, int]] | None = None,
    labels: bool = False,
    mentions: bool = False,
) -> tuple[Figure, ...]:
    """The figures of `text`; `doc` (a spaCy parse of the same text) adds counted nouns and
    concepts; `sentences` (character spans) bound periods and unit carry-over. Numbers that
    only name things ("Section 427") are left out unless `labels`; currency and percent words
    without a number ("the dollar") come out as value-less figures only with `mentions`."""
    if not text or not text.strip():
        return ()
    text = text[:MAX_TEXT_CHARS]
    tokens, drafts = read_figures(text, mentions=mentions)
    if not drafts:
        return ()
    if sentences is None:
        sentences = sentence_spans(text, doc)
    parse = Parse(doc) if doc is not None and doc.text == text else None
    add_counted(tokens, drafts, parse)
    drafts = drop_bare_ones(tokens, drafts)
    carry_units(tokens, drafts, sentences)
    carry_counted(drafts, sentences)
    add_concepts(tokens, drafts, parse)
    add_periods(text, drafts, sentences)
    if not labels:
        drafts = [draft for draft in drafts if draft.kind != "label"]
    return tuple(to_figure(text, draft, n) for n, draft in enumerate(drafts, start=1))


def sentence_spans(text: str, doc: Doc | None) -> list[tuple[int, int]]:
    if doc is not None and doc.text == text and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def to_figure(text: str, draft: Draft, number: int) -> Figure:
    return Figure(
        id=f"f{number}",
        text=text[draft.start : draft.end],
        span=Span(draft.start, draft.end),
        value=draft.value,
        kind=draft.kind,
        unit=draft.unit_code,
        low=draft.low,
        high=draft.high,
        bound=draft.bound,
        change=draft.change,
        factor=draft.factor,
        period=draft.period,
        concept=draft.concept,
        unit_inferred=draft.unit_inferred,
    )
