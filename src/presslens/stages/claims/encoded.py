"""The accurate check-worthiness model: a linear head on the contextual encoder's sentence vector.

The encoder (presslens.nlp.encoder) and this head were fine-tuned together on CT24's English
training sentences by train/encoder/finetune.py; the head's logit is then calibrated on CT24 dev
(train/encoder/calibrate.py: Platt scaling, a scale and a shift on the logit), so a score is a
probability a reader can use: 0.5 means as likely as not, and scores spread over the range
instead of piling up at 1.00 as the fast model's do on news prose.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presslens.nlp import encoder


def logits(vectors: Sequence[encoder.Encoded]) -> np.ndarray:
    """The head's raw score of each encoded sentence, before calibration."""
    weights = encoder.heads()
    pooled = np.stack([encoded.sentence() for encoded in vectors])
    return pooled @ weights["checkworthy_weight"] + weights["checkworthy_bias"][0]


def probabilities(vectors: Sequence[encoder.Encoded]) -> list[float]:
    """Calibrated check-worthiness of each encoded sentence."""
    if not vectors:
        return []
    calibration = encoder.calibration()
    scaled = calibration["checkworthy_scale"] * logits(vectors) + calibration["checkworthy_shift"]
    return [float(p) for p in 1.0 / (1.0 + np.exp(-scaled))]


def score_sentences(sentences: list[str]) -> list[float]:
    """Calibrated check-worthiness of each sentence, encoding them here."""
    return probabilities(encoder.encode(sentences))
