"""A tone reading as every tone model reports it: the label, its probability, and all three."""

from __future__ import annotations

LABELS = ("negative", "neutral", "positive")


def as_result(row: list[float]) -> dict:
    best = max(range(len(LABELS)), key=row.__getitem__)
    return {
        "label": LABELS[best],
        "score": round(row[best], 4),
        "probabilities": {label: round(p, 4) for label, p in zip(LABELS, row, strict=True)},
    }
