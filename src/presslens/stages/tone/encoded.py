"""The accurate tone model: a linear head on the contextual encoder's vectors of a mention and of
its sentence.

The head reads [mean of the mention's word pieces, mean of the sentence's pieces], both from the
sentence's one encoder pass (presslens.nlp.encoder), so an article's sentences are encoded once
however many actors they name. Encoder and head were fine-tuned together on NewsMTSC rw-train
by train/encoder/finetune.py; a temperature fitted on rw-dev (train/encoder/calibrate.py) makes
the probabilities calibrated.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presslens.nlp import encoder

LABELS = ("negative", "neutral", "positive")


def probabilities(pairs: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """(mention vector, sentence vector) pairs -> rows of (negative, neutral, positive)."""
    if not pairs:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    weights = encoder.heads()
    inputs = np.stack([np.concatenate([mention, sentence]) for mention, sentence in pairs])
    logits = inputs @ weights["tone_weight"].T + weights["tone_bias"]
    logits = logits / encoder.calibration()["tone_temperature"]
    logits -= logits.max(axis=1, keepdims=True)
    odds = np.exp(logits)
    return odds / odds.sum(axis=1, keepdims=True)


def as_result(row: Sequence[float]) -> dict:
    best = max(range(len(LABELS)), key=row.__getitem__)
    return {
        "label": LABELS[best],
        "score": round(float(row[best]), 4),
        "probabilities": {label: round(float(p), 4) for label, p in zip(LABELS, row, strict=True)},
    }


def tone_of_mentions(items: Sequence[tuple[str, int, int]]) -> list[dict]:
    """(sentence, mention start, mention end) -> tone results, encoding the sentences here
    (each distinct sentence once)."""
    texts = list(dict.fromkeys(text for text, _, _ in items))
    encoded = dict(zip(texts, encoder.encode(texts), strict=True))
    pairs = [
        (encoded[text].span(start, end), encoded[text].sentence()) for text, start, end in items
    ]
    return [as_result(row) for row in probabilities(pairs).tolist()]
