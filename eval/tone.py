"""Score the tone model on NewsMTSC beside a TF-IDF baseline.

    python eval/tone.py            # table: macro-F1 and accuracy on rw-dev and mt-dev
    python eval/tone.py --check    # exit 1 when presslens is under a pinned floor

Data: ../shared/data/stance/newsmtsc (MIT). Scoring follows ../shared/README.md: macro-F1 over
the three classes (-1, 0, 1) and accuracy. presslens runs through the public
`presslens.tone_toward`, in both modes (accurate: the contextual encoder; fast: the parse-based
model); the baseline is TF-IDF (words and word pairs, the mention replaced by a
placeholder) + logistic regression fitted on rw-train in this script.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "stance" / "newsmtsc"
SETS = ("rw-dev", "mt-dev")
POLARITY = {"negative": -1, "neutral": 0, "positive": 1}

# Pinned floors: a little under what was measured (see the report of issue 8).
FLOORS = {
    ("fast", "rw-dev", "macro-F1"): 0.71,  # measured 0.730
    ("fast", "rw-dev", "accuracy"): 0.73,  # measured 0.752
    ("fast", "mt-dev", "macro-F1"): 0.68,  # measured 0.696 (target 0.72 not reached)
    ("fast", "mt-dev", "accuracy"): 0.70,  # measured 0.713
    # the encoder's head, top three layers fine-tuned (issue 17; 0.765 / 0.727 with two)
    ("accurate", "rw-dev", "macro-F1"): 0.775,  # measured 0.793
    ("accurate", "rw-dev", "accuracy"): 0.795,  # measured 0.813
    ("accurate", "mt-dev", "macro-F1"): 0.725,  # measured 0.740
    ("accurate", "mt-dev", "accuracy"): 0.74,  # measured 0.758
}
MODES = ("accurate", "fast")


def read_rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def masked(row: dict) -> str:
    text = row["sentence"]
    return f"{text[: row['from']]} TARGET {text[row['to'] :]}"


def baseline_predictions(train: list[dict], sets: dict[str, list[dict]]) -> dict[str, list[int]]:
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    matrix = vectoriser.fit_transform([masked(r) for r in train])
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")
    model.fit(matrix, [r["polarity"] for r in train])
    return {
        name: list(model.predict(vectoriser.transform([masked(r) for r in rows])))
        for name, rows in sets.items()
    }


def presslens_predictions(sets: dict[str, list[dict]], mode: str) -> dict[str, list[int]]:
    from presslens import tone_toward

    out = {}
    for name, rows in sets.items():
        results = tone_toward([(r["sentence"], r["from"], r["to"]) for r in rows], mode=mode)
        out[name] = [POLARITY[result["label"]] for result in results]
    return out


def scores(gold: list[int], predicted: list[int]) -> dict[str, float]:
    return {
        "macro-F1": f1_score(gold, predicted, average="macro"),
        "accuracy": accuracy_score(gold, predicted),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 under a pinned floor")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"no NewsMTSC data at {DATA}: nothing to score", file=sys.stderr)
        return 0
    sets = {name: read_rows(name) for name in SETS}
    systems, elapsed = {}, {}
    for mode in MODES:
        started = time.perf_counter()
        systems[f"presslens {mode}"] = presslens_predictions(sets, mode)
        elapsed[mode] = time.perf_counter() - started
    if not args.check:
        systems["tfidf+LR baseline"] = baseline_predictions(read_rows("rw-train"), sets)
    print(f"{'system':<20} {'set':<8} {'macro-F1':>8} {'accuracy':>8}")
    measured = {}
    for system, predictions in systems.items():
        for name, rows in sets.items():
            result = scores([r["polarity"] for r in rows], predictions[name])
            if system.startswith("presslens "):
                mode = system.removeprefix("presslens ")
                measured.update({(mode, name, metric): v for metric, v in result.items()})
            print(f"{system:<20} {name:<8} {result['macro-F1']:>8.3f} {result['accuracy']:>8.3f}")
    for mode, seconds in elapsed.items():
        print(f"presslens {mode}: {sum(map(len, sets.values()))} mentions in {seconds:.1f}s")
    if args.check:
        failed = [(key, value) for key, value in measured.items() if value < FLOORS[key]]
        for (mode, name, metric), value in failed:
            floor = FLOORS[(mode, name, metric)]
            print(f"FAIL {mode} {name} {metric} {value:.3f} < floor {floor:.2f}")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
