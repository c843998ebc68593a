"""Calibrate the shipped encoder's heads on dev sets and write resources/encoder/calibration.json.

    python train/encoder/calibrate.py

Run in the package's own environment (numpy and scipy, no torch) after the int8 encoder and
`heads.npz` are in src/presslens/resources/encoder/, so the calibration is of the model as
shipped, quantisation included:
- check-worthiness: Platt scaling (a scale and a shift on the head's logit) fitted by log loss on
  CT24 dev; dev-test stays held out;
- tone: one temperature dividing the three logits, fitted by log loss on NewsMTSC rw-dev; mt-dev
  stays held out.
Both keep the order of the scores (and so any ranking); they make 0.5 mean "as likely as not".
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from presslens.nlp import encoder  # noqa: E402
from presslens.stages.claims import encoded as checkworthy  # noqa: E402
from presslens.stages.tone import encoded as tone  # noqa: E402


def ct24(split: str) -> tuple[list[str], np.ndarray]:
    path = DATA / "checkworthiness" / "ct24" / f"CT24_checkworthy_english_{split}.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    labels = np.array([row["class_label"].strip() == "Yes" for row in rows], dtype=float)
    return [row["Text"] for row in rows], labels


def newsmtsc(split: str) -> tuple[list[tuple[str, int, int]], np.ndarray]:
    path = DATA / "stance" / "newsmtsc" / f"{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    items = [(row["sentence"], row["from"], row["to"]) for row in rows]
    return items, np.array([row["polarity"] + 1 for row in rows])


def platt(logits: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(scale, shift) minimising the log loss of sigmoid(scale * logit + shift)."""

    def loss(params: np.ndarray) -> float:
        z = params[0] * logits + params[1]
        return float(np.mean(np.logaddexp(0.0, z) - labels * z))

    found = minimize(loss, np.array([1.0, 0.0]), method="Nelder-Mead")
    return float(found.x[0]), float(found.x[1])


def temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising the log loss of softmax(logits / T)."""

    def loss(params: np.ndarray) -> float:
        z = logits / max(float(params[0]), 1e-3)
        z = z - z.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-np.mean(log_probs[np.arange(len(labels)), labels]))

    found = minimize(loss, np.array([1.0]), method="Nelder-Mead")
    return float(found.x[0])


def main() -> None:
    texts, labels = ct24("dev")
    scale, shift = platt(checkworthy.logits(encoder.encode(texts)), labels)
    items, polarity = newsmtsc("rw-dev")
    found = {
        "checkworthy_scale": round(scale, 6),
        "checkworthy_shift": round(shift, 6),
        "tone_temperature": round(temperature(tone.logits(tone.mention_pairs(items)), polarity), 6),
        "fitted_on": "CT24 dev (check-worthiness), NewsMTSC rw-dev (tone)",
    }
    path = encoder.FOLDER / encoder.CALIBRATION_FILE
    path.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
