"""Every number with value, unit, scale, bound, change and period.

`find_figures(article, doc, sentences)` is the stage; `extract_figures(text, doc=None)` is its
core and works on any string (the evaluation scripts call it on single sentences). The
modules, from the bottom up (each imports only modules above it in this list):

- tokens: the stage's own tokenizer (words, numbers, symbols with offsets);
- lexicon, scales, cues: word lists and cue tables (resources/figure_words.txt, scales.json,
  figures_cues.json);
- accumulate, numbers: numbers in digits and words, scales, fractions, vague plurals;
- catalogue: units beyond our table, from pint's definition files (resources/unit_catalogue.json
  says what news text may not read from it);
- units: currencies and units around a number (resources/units.json, then the catalogue);
- draft: the record of a figure being read;
- kinds: dates, clock times, labels ("Section 427"), ages with their unit and rates;
- read: one number with its unit and kind;
- ranges: ranges, cents, feet and inches, a symbol or unit shared by two numbers;
- change: bound, change, factors ("tripled" -> 3);
- context: counted noun, concept, period, unit carry-over (needs the sentence and the parse);
- ages: bare numbers that are ages ("Jane Roe, 52,", "in her 60s", "turned 52");
- stage: this module, the passes in order (`read_figures`, then the context).

Years, days of months and clock times come out as `date`/`time` figures, never as counts;
numbers that name things ("Section 427", "F-35") as `label`; ages, of people and of things, as
`duration` figures in years of age (ages.py says why).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from presslens import nlp
from presslens.model import Article, Figure, Span
from presslens.stages.figures.ages import mark_ages
from presslens.stages.figures.change import (
    continue_change,
    join_bounds,
    set_bound,
    set_change,
    verbal_factors,
)
from presslens.stages.figures.context import (
    Parse,
    add_concepts,
    add_counted,
    add_periods,
    carry_counted,
    carry_units,
    drop_bare_ones,
)
from presslens.stages.figures.draft import Draft
from presslens.stages.figures.numbers import find_numbers
from presslens.stages.figures.ranges import (
    give_back_symbols,
    join_cents,
    join_range,
    share_suspended_units,
)
from presslens.stages.figures.read import read_one, unit_mentions
from presslens.stages.figures.tokens import Token, tokenize

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'$€£])|\n+")
# an address or a link (its digits are no figures); the address's local part starts at a
# space so a long space-free run is scanned once, not once per character
LINK = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+")
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
    parse = Parse(doc) if doc is not None and nlp.text_of(doc) == text else None
    add_counted(tokens, drafts, parse)
    drafts = drop_bare_ones(tokens, drafts)
    mark_ages(tokens, drafts, parse)
    carry_units(tokens, drafts, sentences)
    carry_counted(drafts, sentences)
    add_concepts(tokens, drafts, parse)
    add_periods(text, drafts, sentences)
    if not labels:
        drafts = [draft for draft in drafts if draft.kind != "label"]
    return tuple(to_figure(text, draft, n) for n, draft in enumerate(drafts, start=1))


def read_figures(text: str, *, mentions: bool = False) -> tuple[list[Token], list[Draft]]:
    """Tokens of text and every figure in it, in order; with `mentions`, also currency and
    percent words that stand without a number ('the dollar', 'a small percent')."""
    tokens = tokenize(text)
    numbers = find_numbers(text, tokens)
    drafts: list[Draft] = []
    skip_until = -1
    for index, number in enumerate(numbers):
        if number.first < skip_until:
            continue
        draft = read_one(tokens, number, free=max(skip_until, 0))
        if draft is None:
            continue
        nxt = numbers[index + 1] if index + 1 < len(numbers) else None
        ranged = join_range(tokens, draft, nxt) if nxt is not None else None
        if ranged is not None:
            draft = ranged
        elif nxt is not None:
            join_cents(tokens, draft, nxt)
        skip_until = draft.last
        set_bound(tokens, draft)
        set_change(tokens, draft)
        if drafts:
            continue_change(tokens, drafts[-1], draft)
        drafts.append(draft)
    drafts = join_bounds(tokens, drafts)
    drafts = give_back_symbols(tokens, drafts)
    share_suspended_units(tokens, drafts)
    drafts.extend(verbal_factors(tokens, drafts))
    if mentions:
        drafts.extend(unit_mentions(tokens, drafts))
    links = [m.span() for m in LINK.finditer(text)]
    if links:  # numbers and "%" inside web and mail addresses are not figures
        drafts = [d for d in drafts if not any(a <= d.start < b for a, b in links)]
    drafts.sort(key=lambda d: d.start)
    return tokens, drafts


def sentence_spans(text: str, doc: Doc | None) -> list[tuple[int, int]]:
    if doc is not None and nlp.text_of(doc) == text and doc.has_annotation("SENT_START"):
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
