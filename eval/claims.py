"""Score the check-worthiness scorer on ../shared/data/checkworthiness and print a table.

Conventions (../shared/README.md): F1 of the positive class (Yes) at score >= 0.5 on CT24 dev and
dev-test; MAP over the CT19 training debates by leave-one-debate-out cross-validation (for each
debate: fit both parts on CT24 train and the other debates' positives, without any sentence of
the held-out debate, then rank its lines by the shipped blend of the two margins). Beside each
figure: the baseline, word 1-2-gram and character 2-5-gram TF-IDF + class-balanced logistic
regression fitted on CT24 train.

    python eval/claims.py            # F1 table with the baseline, and MAP (several minutes)
    python eval/claims.py --no-map   # F1 only
    python eval/claims.py --check    # the shipped models' F1 against the floors; exit 1 below

Both modes are scored: "accurate" (the contextual encoder and its fine-tuned head) and "fast"
(the n-gram and parse model), each through `score_checkworthiness(..., mode=...)`; the table
also gives each mode's calibration (Brier score, expected calibration error, the share of
sentences shown as 1.00).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_fscore_support
from sklearn.neural_network import MLPClassifier

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "checkworthiness"
sys.path.insert(0, str(ROOT / "src"))

from presslens.stages.claims import checkworthy as cw  # noqa: E402

# Floors for --check, a little under what was measured (see the report). The issue's
# target is 0.84 on both; measured 0.888 (dev) and 0.808 (dev-test) with the linear part and the
# embedding network blended; baseline 0.875 / 0.817. Dev-test (318 sentences from 2020 debates,
# later than train, 34% positive against 24% in train) is not met: recall is the weak side.
FLOORS = {
    ("fast", "CT24 dev F1"): 0.87,
    ("fast", "CT24 dev-test F1"): 0.79,
    # the encoder's head (top three layers fine-tuned, issue 17), calibrated on dev: measured
    # 0.919 / 0.813
    ("accurate", "CT24 dev F1"): 0.90,
    ("accurate", "CT24 dev-test F1"): 0.80,
}
MODES = ("accurate", "fast")


def load_training_module():
    """train/checkworthy.py (data loaders and the fitting code), imported by path."""
    path = ROOT / "train" / "checkworthy.py"
    spec = importlib.util.spec_from_file_location("train_checkworthy", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


training = load_training_module()
Scorer = Callable[[list[str]], np.ndarray]


def prf(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(
        labels, scores >= 0.5, average="binary", zero_division=0
    )
    return float(p), float(r), float(f)


def fit_baseline(rows: list) -> Scorer:
    """The reference: TF-IDF word + char n-grams, logistic regression, balanced classes."""
    texts = [row.text for row in rows]
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    matrix = sparse.hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
    model.fit(matrix, np.array([row.label for row in rows]))

    def score(sentences: list[str]) -> np.ndarray:
        features = sparse.hstack([word.transform(sentences), char.transform(sentences)]).tocsr()
        return model.predict_proba(features)[:, 1]

    return score


def shipped(mode: str) -> Scorer:
    """The shipped model of one mode, through the public scoring function."""

    def score(sentences: list[str]) -> np.ndarray:
        return np.array(cw.score_checkworthiness(sentences, mode=mode))

    return score


def calibration(labels: np.ndarray, scores: np.ndarray, bins: int = 10) -> dict[str, float]:
    """How far the scores are from probabilities: Brier score, expected calibration error
    over `bins` equal-width bins, and the share of scores shown as 1.00 (>= 0.995)."""
    edges = np.minimum((scores * bins).astype(int), bins - 1)
    gap = sum(
        abs(scores[edges == b].mean() - labels[edges == b].mean()) * (edges == b).sum()
        for b in range(bins)
        if (edges == b).any()
    )
    return {
        "Brier": float(np.mean((scores - labels) ** 2)),
        "ECE": float(gap / len(scores)),
        "shown 1.00": float(np.mean(scores >= 0.995)),
    }


def print_calibration() -> None:
    print(f"\n{'calibration':<22}{'Brier':>8}{'ECE':>8}{'shown 1.00':>12}")
    for mode in MODES:
        for split in ("dev", "dev-test"):
            rows = training.load_ct24(split)
            labels = np.array([row.label for row in rows], dtype=float)
            found = calibration(labels, shipped(mode)([row.text for row in rows]))
            cells = f"{found['Brier']:>8.3f}{found['ECE']:>8.3f}{found['shown 1.00']:>12.3f}"
            print(f"{mode + ' ' + split:<22}{cells}")


def f1_table(systems: dict[str, Scorer]) -> dict[str, dict[str, tuple[float, float, float]]]:
    results: dict[str, dict[str, tuple[float, float, float]]] = {}
    for split in ("dev", "dev-test"):
        rows = training.load_ct24(split)
        labels = np.array([row.label for row in rows])
        texts = [row.text for row in rows]
        results[split] = {name: prf(labels, system(texts)) for name, system in systems.items()}
    return results


@dataclass
class Features:
    """A fixed featuriser for the cross-validation: only the classifiers are refitted per fold."""

    transform: Callable[[list[str]], sparse.csr_matrix]


def baseline_features(rows: list) -> Features:
    texts = [row.text for row in rows]
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2).fit(texts)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    char.fit(texts)
    return Features(
        lambda sentences: sparse.hstack(
            [word.transform(sentences), char.transform(sentences)]
        ).tocsr()
    )


@dataclass
class Fold:
    """The rows of the CT24 train + CT19 pool a held-out debate is scored against."""

    debate: str
    train: list[int]
    held: list[int]


def debate_folds() -> tuple[list, np.ndarray, list[Fold]]:
    """CT24 train + all CT19 lines, their labels, and one fold per CT19 debate: fit on CT24
    train and the other debates' positives, leaving out every sentence of the held-out one."""
    rows = training.load_ct24("train") + training.load_ct19()
    labels = np.array([row.label for row in rows])
    keys = [training.key(row.text) for row in rows]
    folds = []
    for debate in sorted({row.debate for row in rows if row.debate}):
        held = [i for i, row in enumerate(rows) if row.debate == debate]
        held_keys = {keys[i] for i in held}
        train = [
            i
            for i, row in enumerate(rows)
            if keys[i] not in held_keys and (not row.debate or row.label)
        ]
        if labels[held].any():
            folds.append(Fold(debate, train, held))
    return rows, labels, folds


def baseline_leave_one_debate_out() -> dict[str, float]:
    """Average precision of the baseline on each CT19 debate, fitted without it.

    The features (vocabulary, IDF) come from CT24 train once; that is unsupervised and leaks no
    label. Each fold's logistic regression starts from the last one's weights (warm start) and
    runs to convergence, so only speed depends on the order.
    """
    rows, labels, folds = debate_folds()
    features = baseline_features(training.load_ct24("train")).transform([r.text for r in rows])
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000, warm_start=True)
    scores: dict[str, float] = {}
    for fold in folds:
        model.fit(features[fold.train], labels[fold.train])
        margins = model.decision_function(features[fold.held])
        scores[fold.debate] = average_precision_score(labels[fold.held], margins)
    return scores


def our_leave_one_debate_out() -> dict[str, float]:
    """The same for our two parts (refitted per debate as train/checkworthy.py fits them) ranked
    by the shipped blend of their margins; the word IDF and the embedding mean come from CT24
    train once (unsupervised)."""
    rows, labels, folds = debate_folds()
    texts = [row.text for row in rows]
    cues = cw.read_cues(texts, cw.parse_sentences(texts))
    ct24 = np.array([not row.debate for row in rows])
    word_idf = training.idf_of(cw.counts([t for t, new in zip(texts, ct24, strict=True) if new]))
    linear_features = cw.design_matrix(cues, word_idf)
    dense_features = cw.dense_matrix(cues, cues.embedded[ct24].mean(axis=0))
    a, b, _ = cw.load_scorer().blend
    linear = LogisticRegression(
        C=training.C, class_weight="balanced", max_iter=3000, warm_start=True
    )
    scores: dict[str, float] = {}
    for fold in folds:
        linear.fit(linear_features[fold.train], labels[fold.train])
        network = MLPClassifier(
            (training.HIDDEN,),
            alpha=training.ALPHA,
            early_stopping=True,
            max_iter=200,
            random_state=training.SEED,
        ).fit(dense_features[fold.train], labels[fold.train])
        probability = np.clip(
            network.predict_proba(dense_features[fold.held])[:, 1], 1e-7, 1 - 1e-7
        )
        margins = a * linear.decision_function(linear_features[fold.held]) + b * np.log(
            probability / (1 - probability)
        )
        scores[fold.debate] = average_precision_score(labels[fold.held], margins)
    return scores


def print_f1(results: dict[str, dict[str, tuple[float, float, float]]]) -> None:
    names = list(next(iter(results.values())))
    print(f"{'CT24 split':<12}" + "".join(f"{name + ' P/R/F1':>30}" for name in names))
    for split, by_system in results.items():
        cells = "".join(f"{' / '.join(f'{v:.3f}' for v in by_system[name]):>30}" for name in names)
        print(f"{split:<12}{cells}")


def check(results: dict[str, dict[str, tuple[float, float, float]]]) -> int:
    failed = 0
    for mode in MODES:
        for split in ("dev", "dev-test"):
            name = f"CT24 {split} F1"
            value, floor = results[split][f"presslens {mode}"][2], FLOORS[(mode, name)]
            ok = value >= floor
            failed += not ok
            verdict = "ok" if ok else "BELOW FLOOR"
            print(f"{mode:<9}{name:<20} {value:.3f}  floor {floor:.2f}  {verdict}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="F1 of the shipped model vs floors")
    parser.add_argument("--no-map", action="store_true", help="skip the CT19 cross-validation")
    args = parser.parse_args(argv)
    if not (DATA / "ct24").is_dir():
        print(f"no check-worthiness data under {DATA}", file=sys.stderr)
        return 2
    ours = {f"presslens {mode}": shipped(mode) for mode in MODES}
    if args.check:
        return check(f1_table(ours))
    start = time.perf_counter()
    baseline = fit_baseline(training.load_ct24("train"))
    print_f1(f1_table({**ours, "TF-IDF+LR baseline": baseline}))
    print_calibration()
    if not args.no_map:
        ours = our_leave_one_debate_out()
        reference = baseline_leave_one_debate_out()
        print(f"\nCT19 leave-one-debate-out ({len(ours)} debates)")
        print(f"{'':<12}{'presslens MAP':>16}{'baseline MAP':>16}")
        print(
            f"{'MAP':<12}{np.mean(list(ours.values())):>16.3f}"
            f"{np.mean(list(reference.values())):>16.3f}"
        )
    print(f"\n({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
