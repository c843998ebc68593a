"""Both tone models' outputs on NewsMTSC, cached for train/tone_stack/stack.py.

    python train/tone_stack/outputs.py [--cache /tmp/tone_stack_outputs.npz]

For rw-train, rw-dev and mt-dev: the accurate head's raw logits (presslens.stages.tone.encoded,
the shipped int8 encoder) and the shipped fast model's probabilities (presslens.stages.tone.model
over the parse, unrounded; also of its sparse part alone), and the [mention, sentence] vectors
the head reads. For rw-train also the fast model's out-of-fold probabilities (five
folds by sentence, refitted with train/tone.py's own functions and settings, the vocabulary
built on each fold's training part), since the shipped fast model has seen rw-train.
The cache holds model outputs only (numbers, no text) and lives outside the repository.
Takes about 5 minutes on this machine (one thread).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "train"))
sys.path.insert(0, str(ROOT / "src"))

import tone as fast_train  # noqa: E402  (train/tone.py)

from presslens import nlp  # noqa: E402
from presslens.stages.tone import encoded  # noqa: E402
from presslens.stages.tone import model as fast  # noqa: E402

SETS = ("rw-train", "rw-dev", "mt-dev")
CACHE = Path("/tmp/tone_stack_outputs.npz")


def fast_probabilities(
    feature_sets: list[set[str]], vectors: np.ndarray, dense: bool = True
) -> np.ndarray:
    """The shipped fast model's unrounded probabilities (what classify_spans rounds); with
    `dense` False, of its sparse part alone."""
    model = fast.load_model()
    return model.probabilities(feature_sets, list(vectors), dense=dense and bool(model.dense))


def as_probabilities(margins: np.ndarray) -> np.ndarray:
    odds = 1.0 / (1.0 + np.exp(-margins))  # as ToneModel.probabilities
    return odds / odds.sum(axis=1, keepdims=True)


def out_of_fold(
    rows: list[dict], feature_sets: list[set[str]], vectors: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The fast model refitted on four fifths of rw-train, scored on the fifth left out:
    probabilities of the whole model and of its sparse part alone."""
    labels = np.array([row["polarity"] for row in rows])
    groups = [row["sentence"] for row in rows]
    out, sparse_only = np.zeros((len(rows), 3)), np.zeros((len(rows), 3))
    for train, test in GroupKFold(fast_train.FOLDS).split(vectors, groups=groups):
        names = fast_train.vocabulary([feature_sets[i] for i in train])
        index = {name: i for i, name in enumerate(names)}
        matrix = fast_train.build_matrix(feature_sets, index)
        sparse = fast_train.fit(matrix[train], labels[train], fast_train.C, fast_train.ALPHA)
        dense = fast_train.fit_dense(vectors[train], labels[train])
        out[test] = as_probabilities(fast_train.margins(sparse, dense, matrix[test], vectors[test]))
        sparse_only[test] = as_probabilities(
            fast_train.margins(sparse, None, matrix[test], vectors[test])
        )
    return out, sparse_only


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args(argv)
    found: dict[str, np.ndarray] = {}
    for name in SETS:
        started = time.perf_counter()
        rows = fast_train.read_rows(name)
        items = [(row["sentence"], row["from"], row["to"]) for row in rows]
        found[f"{name}/labels"] = np.array([row["polarity"] + 1 for row in rows])
        pairs = encoded.mention_pairs(items)
        found[f"{name}/accurate"] = encoded.logits(pairs)
        found[f"{name}/vectors"] = np.stack([np.concatenate(pair) for pair in pairs])
        feature_sets, vectors = fast_train.featurise(rows)
        found[f"{name}/fast"] = fast_probabilities(feature_sets, vectors)
        found[f"{name}/fast_sparse"] = fast_probabilities(feature_sets, vectors, dense=False)
        if name == "rw-train":
            oof, oof_sparse = out_of_fold(rows, feature_sets, vectors)
            found[f"{name}/fast_oof"], found[f"{name}/fast_sparse_oof"] = oof, oof_sparse
        # sentence ids, for resampling by sentence (rows of one sentence are not independent)
        ids = {text: i for i, text in enumerate(dict.fromkeys(r["sentence"] for r in rows))}
        found[f"{name}/sentence"] = np.array([ids[r["sentence"]] for r in rows])
        print(f"{name}: {len(rows)} rows in {time.perf_counter() - started:.0f}s", flush=True)
    np.savez_compressed(args.cache, **found)
    print(f"wrote {args.cache} (spaCy model {nlp.model_id(nlp.get_model())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
