"""Sentences ranked by check-worthiness, linked to figures, actors and sources. (Issue 5.)

Every body sentence (headings are not claims) gets a calibrated probability from the sentence
scorer (checkworthy, beside this module), which reads the sentence and its part of the
article's parse.
That probability is the claim's `score`. The scorer learnt from debate transcripts, where
about a quarter of the sentences are check-worthy; news prose is denser in facts and most of
its sentences pass 0.5 (88 of the showcase's 121), so a list of them all would tell a
fact-checker little. So:

- the order (`rank`) adds what our own stages found, on the log-odds scale: a figure to check
  (dates, times, ordinals, durations and counts of one aside) and a cited source to check it
  against. This is a priority for the reader, not a probability, so it never changes `score`;
- the claims are the sentences scoring at least the threshold, best ranked first, but at most
  MAX_SHARE of the body sentences; and every sentence citing a source that scores at least half
  the threshold, whatever its rank, since whether the source said it is itself checkable.

A claim lists the figures and actors inside it, the sources it cites (a source mentioned in
the sentence, or the speaker of the quote it sits in) and the quote it belongs to; one citing
nothing is flagged `unsourced`.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from presslens.model import Actor, Article, Claim, Figure, Quote, Source, Span
from presslens.stages.claims.checkworthy import score_checkworthiness

QUOTE_SHARE = 0.5  # a sentence at least half inside a quotation is the quoted person's claim
# The scorer learnt from debate transcripts; in news prose a figure and a named source are the
# plainest signs of a checkable claim, and our stages find them better than its n-grams do.
FIGURE_BONUS = 1.0  # log-odds per figure, for at most two
SOURCE_BONUS = 1.0  # log-odds for citing a source
# On news prose the scorer is near-certain about most statements of fact, and its differences
# above this are noise; the ranking clips there so that figures, sources and then the order in
# the article decide among them.
RANK_CEILING = 0.95
TIME_KINDS = ("date", "time", "ordinal", "duration")  # "in 2024", "for two years": framing
# A quarter of an article is already a long list to check; the ranking decides which quarter.
MAX_SHARE = 1 / 4
MIN_CLAIMS = 5  # short texts keep their few claims above the threshold
# A sentence citing a source stays a claim below the threshold (what the source said is itself
# checkable: the ISW forecast scores 0.23), but not when the scorer finds nothing factual in it
# at all ("The sea is not waiting for us" scores 0.03).
SOURCED_SHARE = 1 / 4


def heading_spans(article: Article) -> list[Span]:
    return [section.heading_span for section in article.sections if section.heading_span]


def body_sentences(article: Article, sentences: tuple[Span, ...]) -> list[Span]:
    headings = heading_spans(article)
    return [s for s in sentences if not any(h.overlaps(s) for h in headings)]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def quote_of(sentence: Span, quotes: tuple[Quote, ...]) -> Quote | None:
    best = max(quotes, key=lambda quote: overlap(quote.span, sentence), default=None)
    if best is None or overlap(best.span, sentence) < QUOTE_SHARE * len(sentence):
        return None
    return best


def actors_in(sentence: Span, actors: tuple[Actor, ...]) -> tuple[str, ...]:
    first_mention = {
        actor.id: min(m.start for m in actor.mentions if sentence.contains(m))
        for actor in actors
        if any(sentence.contains(m) for m in actor.mentions)
    }
    return tuple(sorted(first_mention, key=first_mention.__getitem__))


def sources_in(sentence: Span, quote: Quote | None, sources: tuple[Source, ...]) -> tuple[str, ...]:
    found = []
    for source in sources:
        cited = source.mentions or ((source.span,) if source.span else ())
        if any(sentence.overlaps(span) for span in cited):
            found.append(source.id)
        elif quote and quote.speaker_span and any(quote.speaker_span == s for s in cited):
            found.append(source.id)
    return tuple(found)


def parsed(doc: Any, body: list[Span]) -> list[Any] | None:
    """Each sentence's tokens in the article's parse, or None to let the scorer parse them."""
    if doc is None:
        return None
    spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in body]
    return None if any(span is None or not len(span) for span in spans) else spans


def is_measure(figure: Figure) -> bool:
    """A figure a fact-checker would check: not the time frame of the claim ("in 2024", "for two
    years") and not a count of one ("one of Russia's main manufacturers" picks a thing out, it
    does not measure anything)."""
    if figure.kind in TIME_KINDS:
        return False
    return not (figure.kind == "count" and figure.value == 1)


def with_evidence(score: float, figures: int, sourced: bool) -> float:
    """The ranking priority: the sentence score with the article's evidence added on the
    log-odds scale (for ordering claims only; the claim's score stays the probability)."""
    clipped = min(max(score, 1e-6), RANK_CEILING)
    log_odds = math.log(clipped / (1 - clipped))
    log_odds += FIGURE_BONUS * min(figures, 2) + SOURCE_BONUS * sourced
    return 1.0 / (1.0 + math.exp(-log_odds))


def rank_claims(
    article: Article,
    sentences: tuple[Span, ...],
    *,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
    figures: tuple[Figure, ...],
    sources: tuple[Source, ...],
    threshold: float,
    doc: Any = None,
) -> tuple[tuple[Claim, ...], tuple[Source, ...]]:
    """Claims above the threshold, and the sources with the ids of the claims citing them.

    `doc`, the article's spaCy parse, saves the scorer parsing every sentence again.
    """
    body = body_sentences(article, sentences)
    scores = score_checkworthiness([span.of(article.text) for span in body], parsed(doc, body))
    drafts = []
    for score, span in zip(scores, body, strict=True):
        quote = quote_of(span, quotes)
        source_ids = sources_in(span, quote, sources)
        if score < (threshold * SOURCED_SHARE if source_ids else threshold):
            continue
        inside = [f for f in figures if span.contains(f.span)]
        measures = sum(map(is_measure, inside))
        priority = with_evidence(score, measures, bool(source_ids))
        drafts.append((priority, score, span, quote, tuple(f.id for f in inside), source_ids))
    # equal priorities (scores past the ceiling) go in article order: news leads with its news
    drafts.sort(key=lambda draft: (-round(draft[0], 6), draft[2].start))
    allowed = max(MIN_CLAIMS, math.ceil(MAX_SHARE * len(body)))
    drafts = [d for i, d in enumerate(drafts) if i < allowed or d[5]]
    claims = []
    for rank, (_, score, span, quote, figure_ids, source_ids) in enumerate(drafts, start=1):
        claims.append(
            Claim(
                id=f"c{rank}",
                text=span.of(article.text),
                span=span,
                score=round(score, 4),
                rank=rank,
                figure_ids=figure_ids,
                actor_ids=actors_in(span, actors),
                source_ids=source_ids,
                quote_id=quote.id if quote else None,
                unsourced=not source_ids,
            )
        )
    citing = {
        source.id: tuple(c.id for c in claims if source.id in c.source_ids) for source in sources
    }
    return tuple(claims), tuple(replace(s, claim_ids=citing[s.id]) for s in sources)
