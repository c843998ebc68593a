"""Train the check-worthiness scorer shipped in src/presslens/resources/checkworthy_model.*.

Data (read at run time, never copied): ../shared/data/checkworthiness
  ct24/CT24_checkworthy_english_train.tsv   ClaimBuster debate sentences, Yes/No (the training set)
  clef2019-t1/*.tsv                         CheckThat! 2019 debates: only their positives are added
                                            (their negatives are a much stricter, different label)
CT24 dev and dev-test are never used here; eval/claims.py scores them.

Steps (all deterministic: lbfgs logistic regressions; each network's initial weights and its
early-stopping split come from its seed, SEED to SEED + NETWORKS - 1; BLAS_THREADS pinned):
 0. Every sentence is parsed alone with the presslens spaCy model (about two minutes) for the
    parse features; scoring parses sentences the same way unless it is handed the article's.
 1. Blend and calibration across debates. CT24 sentence ids follow the debates' chronology, so
    the train set is cut into FOLDS contiguous id blocks (groups of whole debates); both parts,
    fitted on the other blocks, give each sentence an out-of-fold margin. A two-input logistic
    regression over those margins gives the blend weights (how much to trust each part, and how
    confident to be on a debate not seen), and the offset puts probability 0.5 at the blended
    margin with the best out-of-fold F1, so the ">= 0.5" rule is the best cut for unseen
    debates. Dev and dev-test are never looked at.
 2. The final parts are fitted on all of CT24 train plus the CT19 positives, and saved with the
    blend of step 1.

    python train/checkworthy.py                 # writes src/presslens/resources/checkworthy_model.*
    python train/checkworthy.py --out /tmp/cw   # somewhere else
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presslens.nlp import embeddings  # noqa: E402
from presslens.stages.claims import checkworthy as cw  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "checkworthiness"
OUT = ROOT / "src" / "presslens" / "resources"
SEED = 0
C = 1.0  # chosen on the time split of CT24 train (step 1), not on dev or dev-test
HIDDEN = 256  # the network's hidden units; HIDDEN and ALPHA chosen the same way
# Networks from seeds SEED, SEED+1, ... averaged into one (cw.side_by_side). One network's
# seed moved dev-test F1 by ~0.02; five raise the network's out-of-fold AP from 0.733 to 0.749,
# and two sets of five seeds agree (blended AP 0.763 and 0.764).
NETWORKS = 5
ALPHA = 1e-2  # the network's L2 penalty
BLAS_THREADS = 2  # see main()
FOLDS = 5  # blocks of whole debates for the out-of-fold calibration margins
MIN_DF = 2
# Train line 16877 holds two rows run together: "...\tNo29286\tYou can't ...\tNo".
RUN_TOGETHER = re.compile(r"^(Yes|No)(\d+)$")
NON_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    label: bool
    id: int = -1
    debate: str = ""


def load_ct24(split: str, data: Path = DATA) -> list[Row]:
    """One CT24 split; the run-together train row is split back into its two rows."""
    path = data / "ct24" / f"CT24_checkworthy_english_{split}.tsv"
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        for fields in reader:
            while len(fields) >= 3:
                joined = RUN_TOGETHER.match(fields[2])
                if joined and len(fields) >= 5:
                    rows.append(Row(fields[1], joined.group(1) == "Yes", int(fields[0])))
                    fields = [joined.group(2), *fields[3:]]
                    continue
                rows.append(Row(fields[1], fields[2].strip() == "Yes", int(fields[0])))
                break
    return rows


def load_ct19(data: Path = DATA) -> list[Row]:
    """All CT19 task-1 debate lines (line, speaker, text, label), tagged with their debate."""
    rows: list[Row] = []
    for path in sorted((data / "clef2019-t1").glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 4 and fields[3].strip() in ("0", "1"):
                    rows.append(Row(fields[2], fields[3].strip() == "1", debate=path.stem))
    return rows


def key(text: str) -> str:
    """Text normalised for finding the same sentence in two data sets."""
    return NON_WORD.sub(" ", text.casefold()).strip()


def idf_of(block: sparse.csr_matrix) -> np.ndarray:
    """Smoothed IDF as sklearn computes it; features seen in fewer than MIN_DF rows get 0."""
    df = np.bincount(block.indices, minlength=block.shape[1])
    idf = np.log((1 + block.shape[0]) / (1 + df)) + 1.0
    idf[df < MIN_DF] = 0.0
    return idf.astype(np.float32)


Parses = dict[str, Any]  # sentence text -> its spaCy Doc


def parse_all(rows: list[Row]) -> Parses:
    """Each distinct sentence parsed alone, as score_checkworthiness parses without a Doc."""
    texts = sorted({row.text for row in rows})
    return dict(zip(texts, cw.parse_sentences(texts), strict=True))


def cues_of(rows: list[Row], parses: Parses) -> cw.Cues:
    texts = [row.text for row in rows]
    return cw.read_cues(texts, [parses[t] for t in texts])


def subset(cues: cw.Cues, index: np.ndarray) -> cw.Cues:
    return cw.Cues(
        [cues.sentences[i] for i in index],
        cues.hand[index],
        cues.parsed[index],
        cues.embedded[index],
    )


def fit(cues: cw.Cues, labels: np.ndarray, c: float = C) -> cw.Scorer:
    """Fit both parts; the blend is left as (1, 0, 0): the linear margin alone."""
    word_idf = idf_of(cw.counts(cues.sentences))
    linear = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=SEED)
    linear.fit(cw.design_matrix(cues, word_idf), labels)
    embedding_mean = cues.embedded.mean(axis=0)
    dense = cw.dense_matrix(cues, embedding_mean)
    networks = [
        MLPClassifier(
            (HIDDEN,), alpha=ALPHA, early_stopping=True, max_iter=200, random_state=SEED + n
        ).fit(dense, labels)
        for n in range(NETWORKS)
    ]
    weights = [
        (n.coefs_[0], n.intercepts_[0], n.coefs_[1].ravel(), n.intercepts_[1][0]) for n in networks
    ]
    hidden, hidden_bias, out, out_bias = cw.side_by_side(weights)
    return cw.Scorer(
        word_idf,
        linear.coef_.ravel().astype(np.float32),
        float(linear.intercept_[0]),
        embedding_mean.astype(np.float32),
        hidden.astype(np.float32),
        hidden_bias.astype(np.float32),
        out.astype(np.float32),
        out_bias,
        (1.0, 0.0, 0.0),
        {},
    )


def best_cut(margins: np.ndarray, labels: np.ndarray) -> float:
    """The margin with the best F1 of the positive class, over a grid of quantiles."""
    cuts = np.quantile(margins, np.linspace(0.3, 0.95, 131))
    return float(max(cuts, key=lambda cut: f1_score(labels, margins >= cut)))


def blend_of(margins: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    """Weights of the two parts' margins (a two-input Platt sigmoid) and the offset that puts
    probability 0.5 at the blended margin with the best F1."""
    model = LogisticRegression(C=1e4, random_state=SEED).fit(margins, labels)
    a, b = (float(w) for w in model.coef_[0])
    return a, b, -best_cut(margins @ np.array([a, b]), labels)


def extra_positives(
    ct19: list[Row], exclude: set[str], held_out: set[str] = frozenset()
) -> list[Row]:
    """CT19 positives not already in CT24, from debates that do not overlap `held_out`."""
    counts: dict[str, int] = {}
    for row in ct19:
        if key(row.text) in held_out:
            counts[row.debate] = counts.get(row.debate, 0) + 1
    # a debate sharing more than a handful of sentences with the held-out part is the same event
    leaking = {debate for debate, n in counts.items() if n > 5}
    return [
        row
        for row in ct19
        if row.label and row.debate not in leaking and key(row.text) not in exclude | held_out
    ]


def out_of_fold_margins(
    ct24: list[Row], ct19: list[Row], known: set[str], parses: Parses
) -> np.ndarray:
    """Both parts' margins, (n, 2), of each CT24 train sentence from models fitted on the other
    id blocks.

    The blocks are contiguous id ranges, i.e. groups of whole debates, so every margin is for a
    debate the model has not seen, as at scoring time; the last block is the most recent one.
    """
    order = sorted(range(len(ct24)), key=lambda i: ct24[i].id)
    everything = cues_of(ct24, parses)
    margins = np.zeros((len(ct24), 2))
    for block in np.array_split(np.array(order), FOLDS):
        held = set(block.tolist())
        held_keys = {key(ct24[i].text) for i in held}
        rows = [row for i, row in enumerate(ct24) if i not in held]
        rows += extra_positives(ct19, known, held_keys)
        model = fit(cues_of(rows, parses), np.array([row.label for row in rows]))
        cues = subset(everything, block)
        margins[block] = np.c_[model.linear(cues), model.network(cues)]
        print(f"  fold ids {ct24[block[0]].id}-{ct24[block[-1]].id}: {len(block)} sentences")
    return margins


def train(data: Path = DATA) -> cw.Scorer:
    ct24 = load_ct24("train", data)
    ct19 = load_ct19(data)
    evaluation = {key(r.text) for split in ("dev", "dev-test") for r in load_ct24(split, data)}
    known = {key(row.text) for row in ct24} | evaluation
    start = time.perf_counter()
    parses = parse_all(ct24 + [row for row in ct19 if row.label])
    print(f"parsed {len(parses)} sentences in {time.perf_counter() - start:.0f} s")
    margins = out_of_fold_margins(ct24, ct19, known, parses)
    labels = np.array([row.label for row in ct24])
    blend = blend_of(margins, labels)
    print("blend: {:.3f} * linear + {:.3f} * network + {:.3f}".format(*blend))
    print(f"out-of-fold F1 {f1_score(labels, margins @ np.array(blend[:2]) + blend[2] >= 0):.3f}")
    extra = extra_positives(ct19, known)
    rows = ct24 + extra
    final = fit(cues_of(rows, parses), np.array([row.label for row in rows]))
    seconds = time.perf_counter() - start
    print(f"fitted on {len(ct24)} CT24 + {len(extra)} CT19 rows; {seconds:.0f} s in all")
    meta = {
        "about": "presslens check-worthiness scorer; weights in checkworthy_model.npz",
        "trained_with": "python train/checkworthy.py",
        "data": "CT24 English train (CC BY 4.0) + CheckThat! 2019 task 1 positives",
        "c": C,
        "network": {
            "hidden": HIDDEN,
            "alpha": ALPHA,
            "embedding_scale": cw.EMBEDDING_SCALE,
            "seeds_averaged": NETWORKS,
        },
        "blend": list(blend),
        "calibration_folds": FOLDS,
        "rows": {"ct24": len(ct24), "ct19_positives": len(extra)},
        "features": {
            "word_ngrams": list(cw.WORD_NGRAMS),
            "word_features": cw.WORD_FEATURES,
            "hand_features": cw.HAND_FEATURE_COUNT,
            "parse_features": cw.PARSE_FEATURE_COUNT,
            "embedding": f"wordllama {embeddings.WEIGHTS}, {embeddings.DIMENSIONS} dimensions",
        },
    }
    return replace(final, blend=blend, meta=meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.data / "ct24").is_dir():
        print(f"no CT24 data under {args.data}", file=sys.stderr)
        return 2
    np.random.seed(SEED)
    # The networks' training follows a different path with another number of BLAS threads (the
    # sums inside their matrix products are split differently: with a single network, one
    # thread gave blend weights 0.661 / 0.338 / 0.203 instead of 0.686 / 0.318 / 0.256). The
    # shipped model was fitted with BLAS_THREADS; pinning them lets any machine with OpenBLAS
    # rebuild it exactly.
    with threadpool_limits(BLAS_THREADS):
        scorer = train(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    cw.save_scorer(scorer, args.out / cw.MODEL_FILE, args.out / cw.META_FILE)
    size = (args.out / cw.MODEL_FILE).stat().st_size / 1e6
    print(f"wrote {args.out / cw.MODEL_FILE} ({size:.1f} MB) and {cw.META_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
