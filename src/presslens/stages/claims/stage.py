"""Sentences ranked by check-worthiness, linked to figures, actors and sources. (Issues 5, 17.)

Every body sentence (headings are not claims) gets a calibrated probability of being worth
checking. That probability is the claim's `score`, from one of two models (Settings.models):

- accurate (the default): a head on the contextual encoder's vector of the sentence
  (claims/encoded.py), fine-tuned on CT24 and calibrated on CT24 dev. Its scores spread over the
  range, so the claims are exactly the sentences scoring at least the threshold
  (`Settings.claim_threshold`): the list, the report, the web page, `presslens checkworthy` and
  the API's `score_checkworthiness` agree on what counts.
- fast: the n-gram and parse model (claims/checkworthy.py). It learnt from debate transcripts,
  where about a quarter of the sentences are check-worthy; on news prose most sentences pass
  0.5 (88 of the showcase's 121) and its scores pile up near 1, so a list of them all would
  tell a fact-checker little. Under it the claims are at most MAX_SHARE of the body sentences,
  best ranked first, plus every sentence citing a source that scores at least a quarter of the
  threshold (whether the source said it is itself checkable).

The order (`rank`) adds what our own stages found, on the log-odds scale: a figure to check
(dates, times, ordinals, durations and counts of one aside) and a cited source to check it
against. This is a priority for the reader, not a probability, so it never changes `score`.

A claim lists the figures and actors inside it, the sources it cites (a source mentioned in
the sentence, or the speaker of the quote it sits in) and the quote it belongs to; one citing
nothing is flagged `unsourced`.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from presslens.model import Actor, Article, Claim, Figure, Quote, Source, Span
from presslens.nlp.embeddings import Pieces
from presslens.nlp.encoder import SentenceVectors
from presslens.stages.claims import encoded
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


def body_texts(article: Article, sentences: tuple[Span, ...]) -> list[str]:
    """The texts the fast model scores: the body sentences'."""
    return [span.of(article.text) for span in body_sentences(article, sentences)]


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


def accurate_scores(body: list[Span], vectors: SentenceVectors) -> list[float]:
    """The accurate model's score of each body sentence (0 for one the encoder did not see)."""
    found = [vectors.index_of(span.start, span.end) for span in body]
    scored = encoded.probabilities([vectors.encoded[i] for i in found if i is not None])
    ranked = iter(scored)
    return [next(ranked) if i is not None else 0.0 for i in found]


def fast_scores(article: Article, body: list[Span], doc: Any, pieces: Pieces | None) -> list[float]:
    """The fast model's score of each body sentence (`rank_claims` says what `doc` and
    `pieces` save it)."""
    texts = [span.of(article.text) for span in body]
    return score_checkworthiness(texts, parsed(doc, body), mode="fast", pieces=pieces)


def lowest_score(threshold: float, sourced: bool, *, accurate: bool) -> float:
    """The score a sentence needs to be listed: the threshold, for every sentence under the
    accurate model (its scores are calibrated: one threshold means the same everywhere); under
    the fast model, a quarter of it for a sentence citing a source."""
    if accurate or not sourced:
        return threshold
    return threshold * SOURCED_SHARE


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
    vectors: SentenceVectors | None = None,
    pieces: Pieces | None = None,
) -> tuple[tuple[Claim, ...], tuple[Source, ...]]:
    """Claims above the threshold, and the sources with the ids of the claims citing them.

    With `vectors` (the article's sentences through the contextual encoder) the accurate model
    scores the sentences and the claims are exactly those scoring at least the threshold;
    without, the fast model does, under the policy of the module's docstring. `doc`, the
    article's parse, and `pieces`, the `body_texts` tokenized, save the fast scorer reading
    them again."""
    body = body_sentences(article, sentences)
    if vectors is not None:
        scores = accurate_scores(body, vectors)
    else:
        scores = fast_scores(article, body, doc, pieces)
    drafts = []
    for score, span in zip(scores, body, strict=True):
        quote = quote_of(span, quotes)
        source_ids = sources_in(span, quote, sources)
        if score < lowest_score(threshold, bool(source_ids), accurate=vectors is not None):
            continue
        inside = [f for f in figures if span.contains(f.span)]
        measures = sum(map(is_measure, inside))
        priority = with_evidence(score, measures, bool(source_ids))
        drafts.append((priority, score, span, quote, tuple(f.id for f in inside), source_ids))
    # equal priorities (scores past the ceiling) go in article order: news leads with its news
    drafts.sort(key=lambda draft: (-round(draft[0], 6), draft[2].start))
    allowed = max(MIN_CLAIMS, math.ceil(MAX_SHARE * len(body)))
    if vectors is None:  # the fast model's scores pile up near 1 on news: it needs the cap
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
