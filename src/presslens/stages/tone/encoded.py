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
from presslens.stages.tone.results import LABELS, as_result


def logits(pairs: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """(mention vector, sentence vector) pairs -> the head's raw scores, before calibration."""
    weights = encoder.heads()
    inputs = np.stack([np.concatenate([mention, sentence]) for mention, sentence in pairs])
    return inputs @ weights["tone_weight"].T + weights["tone_bias"]


def probabilities(pairs: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """(mention vector, sentence vector) pairs -> rows of (negative, neutral, positive)."""
    if not pairs:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    scaled = logits(pairs) / encoder.calibration()["tone_temperature"]
    scaled -= scaled.max(axis=1, keepdims=True)
    odds = np.exp(scaled)
    return odds / odds.sum(axis=1, keepdims=True)


def mention_pairs(items: Sequence[tuple[str, int, int]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(sentence, mention start, mention end) -> (mention vector, sentence vector), encoding
    each distinct sentence once."""
    texts = list(dict.fromkeys(text for text, _, _ in items))
    encoded = dict(zip(texts, encoder.encode(texts), strict=True))
    return [
        (encoded[text].span(start, end), encoded[text].sentence()) for text, start, end in items
    ]


def tone_of_mentions(items: Sequence[tuple[str, int, int]]) -> list[dict]:
    """(sentence, mention start, mention end) -> tone results."""
    return [as_result(row) for row in probabilities(mention_pairs(items)).tolist()]
