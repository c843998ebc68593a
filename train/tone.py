"""Train the target-dependent tone model shipped in src/presslens/resources/.

    python train/tone.py                 # fit on rw-train, report rw-dev and mt-dev, write model
    python train/tone.py --no-write      # the same without touching resources/
    python train/tone.py --sweep         # small grid over C and alpha, scored on both dev sets
    python train/tone.py --cv            # also 5-fold cross-validation on rw-train (by sentence)

Data: NewsMTSC (../shared/data/stance/newsmtsc, MIT): `rw-train.jsonl` for fitting,
`rw-dev.jsonl` and `mt-dev.jsonl` for choosing C and alpha. Each row is one sentence, a mention
(`from`/`to` character offsets) and its polarity -1/0/1.

Model: features from presslens.stages.tone.model.features (binary), naive-Bayes log-count
ratios with smoothing alpha per class, then one-vs-rest logistic regression per class
(Wang & Manning's NB-LR). The ratios are folded into the weights, so presslens needs only
numpy at run time.
Beside it, a multinomial logistic regression over standardised context vectors
(tone_model.context_vectors: spaCy's doc.tensor around the mention, and the WordLlama
embedding of the mention's text); its margins, times BLEND, are added to the NB-LR margins.
C, ALPHA, DENSE_C and BLEND were chosen on rw-dev + mt-dev (best lower of the two scores; a
neutral or positive offset on the margins was tried there too and did not help); --cv checks
that the choice holds on rw-train folds as well.
Everything is deterministic (lbfgs, fixed feature order); SEED is set for numpy anyway.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from presslens import nlp
from presslens.stages.tone import model as tone_model

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "stance" / "newsmtsc"
OUT = ROOT / "src" / "presslens" / "resources"
SEED = 13
C = 0.1  # chosen on rw-dev + mt-dev with --sweep (best lower score of the two)
ALPHA = 1.0
MIN_COUNT = 2  # features seen once in training only add noise and size
DENSE_C = 0.003  # strong regularisation: 544 dense inputs, 8.7k rows (0.003-0.03 tried)
BLEND = 0.75  # weight of the dense margins (0.3, 0.5, 0.75 tried on the dev sets and in CV)
FOLDS = 5
CLASSES = (-1, 0, 1)  # column order matches tone_model.LABELS


def read_rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def featurise(rows: list[dict]) -> tuple[list[set[str]], np.ndarray]:
    """Sparse feature sets and dense context vectors (zeros where a mention has none)."""
    texts = list(dict.fromkeys(row["sentence"] for row in rows))
    parsed = dict(zip(texts, nlp.get_model().pipe(texts, batch_size=256), strict=True))
    spans = [(parsed[r["sentence"]][:], r["from"], r["to"]) for r in rows]
    sets = [tone_model.features(*span) for span in spans]
    vectors = tone_model.context_vectors(spans)
    width = next(len(v) for v in vectors if v is not None)
    dense = np.vstack([np.zeros(width, np.float32) if v is None else v for v in vectors])
    return sets, dense


def build_matrix(feature_sets: list[set[str]], index: dict[str, int]) -> sp.csr_matrix:
    rows, cols = [], []
    for i, found in enumerate(feature_sets):
        ids = sorted(index[f] for f in found if f in index)
        rows.extend([i] * len(ids))
        cols.extend(ids)
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(feature_sets), len(index)))


def vocabulary(feature_sets: list[set[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for found in feature_sets:
        for name in found:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, n in counts.items() if n >= MIN_COUNT)


def nb_ratio(matrix: sp.csr_matrix, positive: np.ndarray, alpha: float) -> np.ndarray:
    p = np.asarray(matrix[positive].sum(axis=0)).ravel() + alpha
    q = np.asarray(matrix[~positive].sum(axis=0)).ravel() + alpha
    return np.log((p / p.sum()) / (q / q.sum()))


def fit(matrix: sp.csr_matrix, labels: np.ndarray, c: float, alpha: float):
    """Weights (n_features, 3) and bias (3,) with the NB ratios folded in."""
    weights, bias = [], []
    for cls in CLASSES:
        positive = labels == cls
        ratio = nb_ratio(matrix, positive, alpha)
        scaled = matrix.multiply(ratio).tocsr()
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        model.fit(scaled, positive)
        weights.append(model.coef_[0] * ratio)
        bias.append(model.intercept_[0])
    return np.vstack(weights).T.astype(np.float32), np.array(bias, dtype=np.float32)


def fit_dense(vectors: np.ndarray, labels: np.ndarray) -> dict[str, np.ndarray]:
    """Standardisation and a multinomial LR; weights and bias already scaled by BLEND."""
    mean, scale = vectors.mean(axis=0), vectors.std(axis=0) + 1e-6
    model = LogisticRegression(C=DENSE_C, max_iter=5000, class_weight="balanced")
    model.fit((vectors - mean) / scale, labels)
    return {
        "dense_mean": mean.astype(np.float32),
        "dense_scale": scale.astype(np.float32),
        "dense_weights": (BLEND * model.coef_.T).astype(np.float32),
        "dense_bias": (BLEND * model.intercept_).astype(np.float32),
    }


def margins(sparse: tuple, dense: dict | None, matrix: sp.csr_matrix, vectors: np.ndarray):
    weights, bias = sparse
    out = matrix @ weights + bias
    if dense is not None:
        standard = (vectors - dense["dense_mean"]) / dense["dense_scale"]
        out = out + standard @ dense["dense_weights"] + dense["dense_bias"]
    return out


def score(values: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    predicted = np.array(CLASSES)[np.argmax(values, axis=1)]
    return f1_score(labels, predicted, average="macro"), accuracy_score(labels, predicted)


def cross_validate(matrix, vectors, labels, groups, c: float, alpha: float) -> str:
    """Out-of-fold macro-F1/accuracy on rw-train, folds by sentence, sparse alone and blended."""
    sparse_only, blended = np.zeros((len(labels), 3)), np.zeros((len(labels), 3))
    for train, test in GroupKFold(FOLDS).split(matrix, groups=groups):
        sparse = fit(matrix[train], labels[train], c, alpha)
        dense = fit_dense(vectors[train], labels[train])
        sparse_only[test] = margins(sparse, None, matrix[test], vectors[test])
        blended[test] = margins(sparse, dense, matrix[test], vectors[test])
    return "CV NB-LR: F1 {:.3f} acc {:.3f}  CV blended: F1 {:.3f} acc {:.3f}".format(
        *score(sparse_only, labels), *score(blended, labels)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation on rw-train")
    args = parser.parse_args(argv)
    np.random.seed(SEED)
    if not DATA.exists():
        print(f"no NewsMTSC data at {DATA}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    sets = {name: read_rows(name) for name in ("rw-train", "rw-dev", "mt-dev")}
    found, vectors = {}, {}
    for name, rows in sets.items():
        found[name], vectors[name] = featurise(rows)
    names = vocabulary(found["rw-train"])
    index = {name: i for i, name in enumerate(names)}
    matrices = {name: build_matrix(f, index) for name, f in found.items()}
    labels = {name: np.array([r["polarity"] for r in rows]) for name, rows in sets.items()}
    print(f"{len(names)} features, featurised in {time.perf_counter() - started:.0f}s")
    grid = [(c, a) for c in (0.05, 0.1, 0.2, 0.4) for a in (1.0, 2.0)] if args.sweep else []
    dense = fit_dense(vectors["rw-train"], labels["rw-train"])
    for c, alpha in grid or [(C, ALPHA)]:
        weights, bias = fit(matrices["rw-train"], labels["rw-train"], c, alpha)
        for tag, part in (("NB-LR", None), ("blended", dense)):
            cells = [
                "{}: F1 {:.3f} acc {:.3f}".format(
                    n, *score(margins((weights, bias), part, matrices[n], vectors[n]), labels[n])
                )
                for n in ("rw-dev", "mt-dev")
            ]
            print(f"C={c} alpha={alpha} {tag:<8} " + "  ".join(cells), flush=True)
        if args.cv:
            groups = [r["sentence"] for r in sets["rw-train"]]
            train = (matrices["rw-train"], vectors["rw-train"], labels["rw-train"], groups)
            print(f"C={c} alpha={alpha} " + cross_validate(*train, c, alpha), flush=True)
    if args.sweep or args.no_write:
        return 0
    np.savez_compressed(OUT / tone_model.WEIGHTS_FILE, weights=weights, bias=bias, **dense)
    meta = {
        "model": "NB-LR one-vs-rest over presslens.tone_model.features",
        "labels": list(tone_model.LABELS),
        "trained_on": "NewsMTSC rw-train (train/tone.py)",
        "C": C,
        "alpha": ALPHA,
        "min_count": MIN_COUNT,
        "dense": "multinomial LR over tone_model.context_vectors, margins added",
        "dense_C": DENSE_C,
        "blend": BLEND,
        "spacy_model": tone_model.spacy_model_id(),
        "features": names,
    }
    (OUT / tone_model.FEATURES_FILE).write_text(json.dumps(meta, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT / tone_model.WEIGHTS_FILE} and {tone_model.FEATURES_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
