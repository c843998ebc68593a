"""Scores the training scripts share (numpy only, so any of their environments can import it:
the torch venv of train/encoder and train/tone_mark, the package's of train/tone_head).

    sys.path.insert(0, str(ROOT / "train")); from metrics import macro_f1
"""

from __future__ import annotations

import numpy as np


def macro_f1(gold: np.ndarray, predicted: np.ndarray, labels: int = 3) -> float:
    """The mean over labels 0 .. labels-1 of each label's F1 (NewsMTSC's tone: 3 labels)."""
    scores = []
    for label in range(labels):
        hits = np.sum((predicted == label) & (gold == label))
        wrong = np.sum((predicted == label) != (gold == label))
        scores.append(2 * hits / max(2 * hits + wrong, 1))
    return float(np.mean(scores))
