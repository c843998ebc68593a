"""Pull quotes: a quotation a page sets apart with no speaker ("I worry that ..." standing as a
paragraph of its own) that repeats words the article quotes elsewhere with a speaker is that
speaker's (a reader sees one quote twice, not an anonymous one)."""

from __future__ import annotations

import re
from dataclasses import replace

from presslens.stages.quotes.context import Attribution, Context

MIN_WORDS = 8  # shorter repeats are a phrase two people may both use
WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def repeated_quotes(ctx: Context, items: list[Attribution]) -> list[Attribution]:
    """Each speakerless direct quotation whose words another quotation with a speaker holds in
    the same order takes that speaker."""
    spoken = [(words_of(item.span.of(ctx.text)), item) for item in items if item.speaker]
    found = []
    for item in items:
        if item.speaker is None and item.kind == "direct":
            item = with_speaker_of(ctx, item, spoken)
        found.append(item)
    return found


def with_speaker_of(
    ctx: Context, item: Attribution, spoken: list[tuple[str, Attribution]]
) -> Attribution:
    words = words_of(item.span.of(ctx.text))
    if words.count(" ") + 1 < MIN_WORDS:
        return item
    source = next((other for text, other in spoken if f" {words} " in f" {text} "), None)
    if source is None or source.kind not in ("direct", "mixed"):
        return item
    return replace(item, speaker=source.speaker, confidence=source.confidence * 0.9)
