"""Tone toward each actor, with evidence sentences. (Issue 8.)

Every mention of an actor is classified in its sentence by presslens.stages.tone.model (negative,
neutral or positive, with probabilities). Per actor, the mention values p(positive) -
p(negative) are averaged with the classifier's confidence as weight into `tone` in [-1, 1].
Mentions inside a quotation are the quoted speaker's view, not the author's, so they are kept
apart in `tone_in_quotes` and do not move `tone`, the label or the evidence.

An actor with fewer than `min_mentions` mentions in the author's voice gets the label
"uncertain": one sentence is too little to say how an article treats someone.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from presslens.model import Actor, ActorTone, Article, Quote, Span
from presslens.nlp.encoder import SentenceVectors
from presslens.stages.tone import encoded
from presslens.stages.tone.model import LABELS, as_result, classify_spans

MIN_MENTIONS = 2
LEAN = 0.15  # |tone| below this reads as neutral
EVIDENCE_PER_SIDE = 2
EVIDENCE_MIN = 0.2  # a sentence must weigh at least this much to be shown as evidence


@dataclass(frozen=True, slots=True)
class Reading:
    """One classified mention: its sentence, signed value and weight."""

    sentence: Span
    value: float  # p(positive) - p(negative)
    weight: float  # probability of the predicted label
    label: str
    quoted: bool


def sentence_of(sentences: tuple[Span, ...], starts: list[int], mention: Span) -> Span | None:
    at = bisect.bisect_right(starts, mention.start) - 1
    if at >= 0 and sentences[at].contains(mention):
        return sentences[at]
    return None


def sentence_tokens(doc: Doc, sentence: Span, mention: Span) -> SpacySpan:
    """The parsed tokens of the sentence, or spaCy's own sentence around the mention."""
    tokens = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if tokens is not None and len(tokens):
        return tokens
    token = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return token.sent if token is not None else doc[:]


def read_mentions(
    doc: Doc,
    sentences: tuple[Span, ...],
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
    vectors: SentenceVectors | None = None,
) -> dict[str, list[Reading]]:
    """Classify every mention of every actor in one batch: with the accurate model when the
    sentences' `vectors` are given (a mention outside every encoded sentence goes to the fast
    model), else with the fast one."""
    starts = [s.start for s in sentences]
    where, items, pairs = [], [], []
    for actor in actors:
        for mention in actor.mentions:
            sentence = sentence_of(sentences, starts, mention) or mention
            tokens = sentence_tokens(doc, sentence, mention)
            quoted = any(q.span.contains(mention) for q in quotes)
            sentence = Span(tokens.start_char, tokens.end_char)
            where.append((actor.id, sentence, quoted))
            items.append((tokens, mention.start, mention.end))
            pairs.append(vectors.mention(mention.start, mention.end) if vectors else None)
    readings: dict[str, list[Reading]] = defaultdict(list)
    for (actor_id, sentence, quoted), result in zip(where, classify(items, pairs), strict=True):
        p = result["probabilities"]
        value = p["positive"] - p["negative"]
        readings[actor_id].append(
            Reading(sentence, value, result["score"], result["label"], quoted)
        )
    return readings


def classify(
    items: list[tuple[SpacySpan, int, int]], pairs: list[tuple[Any, Any] | None]
) -> list[dict]:
    """Each mention's tone: the accurate model's where its vectors are there, the fast model's
    for the rest."""
    results: list[dict | None] = [None] * len(items)
    encoded_at = [i for i, pair in enumerate(pairs) if pair is not None]
    rows = encoded.probabilities([pair for pair in pairs if pair is not None]).tolist()
    for i, row in zip(encoded_at, rows, strict=True):
        results[i] = as_result(row)
    rest = [i for i, result in enumerate(results) if result is None]
    if rest:
        for i, result in zip(rest, classify_spans([items[i] for i in rest]), strict=True):
            results[i] = result
    return [result for result in results if result is not None]


def weighted_tone(readings: list[Reading]) -> float | None:
    total = sum(r.weight for r in readings)
    if not readings or total <= 0:
        return None
    return round(sum(r.value * r.weight for r in readings) / total, 4)


def label_for(tone: float | None, mentions: int, min_mentions: int, lean: float) -> str:
    if tone is None or mentions < min_mentions:
        return "uncertain"
    if tone <= -lean:
        return "negative"
    if tone >= lean:
        return "positive"
    return "neutral"


def evidence(readings: list[Reading], per_side: int) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The sentences that weigh most toward negative and toward positive."""
    weight_of: dict[Span, float] = defaultdict(float)
    for reading in readings:
        weight_of[reading.sentence] += reading.value * reading.weight
    ranked = sorted(weight_of.items(), key=lambda item: (item[1], item[0].start))
    negative = [s for s, w in ranked if w <= -EVIDENCE_MIN][:per_side]
    positive = [s for s, w in reversed(ranked) if w >= EVIDENCE_MIN][:per_side]
    return tuple(negative), tuple(positive)


def actor_tone(
    actor_id: str, readings: list[Reading], *, min_mentions: int, lean: float, per_side: int
) -> ActorTone:
    own = [r for r in readings if not r.quoted]
    quoted = [r for r in readings if r.quoted]
    tone = weighted_tone(own)
    label = label_for(tone, len(own), min_mentions, lean)
    negative, positive = evidence(own, per_side) if label != "uncertain" else ((), ())
    lead = negative + positive if label != "positive" else positive + negative
    return ActorTone(
        actor_id=actor_id,
        tone=tone if tone is not None else 0.0,
        label=label,
        counts={name: sum(r.label == name for r in own) for name in LABELS},
        evidence=lead,
        tone_in_quotes=weighted_tone(quoted),
        evidence_negative=negative,
        evidence_positive=positive,
        mentions_in_quotes=len(quoted),
        confidence=round(sum(r.weight for r in own) / len(own), 4) if own else 0.0,
    )


def find_tones(
    article: Article,
    doc: Doc,
    sentences: tuple[Span, ...],
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
    *,
    min_mentions: int = MIN_MENTIONS,
    lean: float = LEAN,
    evidence_per_side: int = EVIDENCE_PER_SIDE,
    vectors: SentenceVectors | None = None,
) -> tuple[ActorTone, ...]:
    readings = read_mentions(doc, sentences, actors, quotes, vectors)
    return tuple(
        actor_tone(
            actor.id,
            readings[actor.id],
            min_mentions=min_mentions,
            lean=lean,
            per_side=evidence_per_side,
        )
        for actor in actors
        if readings.get(actor.id)
    )
