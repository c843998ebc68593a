"""Score claim matching on CheckThat! 2020 task 2: BM25 alone, the encoder alone, and the two
combined as presslens combines them.

    python eval/claim_matching.py            # table: MAP@1/3/5 and P@1 on train and dev
    python eval/claim_matching.py --check    # exit 1 when a dev score is under its floor

Data: ../shared/data/claim-matching/clef2020-t2 (free for research use): 10,375 verified claims
(the TSV's 10,390 lines hold some claims over two lines), 800 train and 197 dev tweets, qrels in
TREC format. Scoring follows ../shared/README.md and the task's own scorer: AP@k sums the
precision at each relevant rank within the first k and divides by the number of relevant
claims; MAP@k is its mean over the queries, P@1 the share whose first match is relevant.

What is matched: the verified claim (`vclaim`) and its fact-check's title, as `presslens
factchecks import` stores them, against the tweet as the data set gives it. BM25 reads claim and
title as one text; the encoder compares the query with each and keeps the closer (see
`ClaimIndex.build`). The query is read as `matching.lexical_query` and `matching.encoder_query`
read it: hashtags and @handles split into words for both, the embed signature ("— Name
(@handle) Month D, YYYY") whole for BM25 (who said it is part of what a fact-check states:
leaving it out costs 3.4 points of train MAP@5) and cut to the name for the encoder. The
combination's weight (`matching.DENSE_WEIGHT`) was fitted on train only (the line under the
table shows train's best weight on a grid), so dev is held out. Published anchors on the task's
test set, MAP@5: BM25 0.844, MiniLM 0.922, best team 0.929.

Variants measured in December 2026 (MAP@5 / P@1; every choice made on train, dev held out):

| variant | train | dev |
|---|---|---|
| BM25, the tweet as given (before) | 0.837 / 0.802 | 0.785 / 0.726 |
| BM25, signature cut to the name / left out | 0.825 / 0.792, 0.803 / 0.774 | 0.767, 0.734 |
| BM25, tags split (kept) | 0.866 / 0.835 | 0.805 / 0.751 |
| BM25, k1 0.9 b 0.4 / k1 1.2 b 0.5 / k1 2 b 0.75 | 0.834, 0.835, 0.837 | 0.791, 0.793, 0.787 |
| BM25, word bigrams added | 0.811 / 0.771 | 0.746 / 0.695 |
| encoder, claim, the tweet as given (before) | 0.825 / 0.760 | 0.802 / 0.731 |
| encoder, title / claim and title as one text | 0.816, 0.809 | 0.785, 0.785 |
| encoder, signature left out / cut to the name | 0.806, 0.827 | 0.778, 0.813 |
| encoder, name + tags split, claim | 0.834 / 0.771 | 0.829 / 0.766 |
| encoder, name + tags split, closer of claim and title (kept) | 0.851 / 0.801 | 0.833 / 0.756 |
| combined 0.2 x encoder, before | 0.880 / 0.816 | 0.854 / 0.792 |
| combined 0.25 x encoder, all kept (shipped) | 0.905 / 0.863 | 0.865 / 0.802 |
| per-query z-scores mixed (0.8 encoder) | 0.906 / 0.864 | 0.869 / 0.802 |
| per-query min-max mixed (0.7 encoder) | 0.904 / 0.864 | 0.865 / 0.802 |
| reciprocal rank fusion, k 10, 0.45 encoder | 0.904 / 0.875 | 0.874 / 0.832 |
| logistic re-ranker of the top 30 (train: 5-fold) | 0.911 / 0.876 | 0.884 / 0.838 |
| MaxSim over word pieces re-ranking the top 20 | best weight 0 | - |
| encoder, base (shipped), train in 5 held-out folds | 0.853 / 0.804 | 0.833 / 0.756 |
| encoder, top fine-tuned (train/matching/), 5 held-out folds | 0.864 / 0.815 | 0.842 / 0.761 |
| combined 0.25 x base encoder (shipped), 5 held-out folds | 0.906 / 0.865 | 0.865 / 0.802 |
| combined 0.2 x fine-tuned top, 5 held-out folds (dev: 0.25) | 0.907 / 0.861 | 0.875 / 0.802 |
| cross-encoder alone on combined's top 20 (train/rerank/), 5 held-out folds | 0.857 / 0.791 | - |
| combined's top 20 re-ranked, 0.1 x cross-encoder, 5 folds | 0.901 / 0.848 | 0.869 / 0.792 |
| encoder, top tuned on tweets + title-claim pairs, 5 folds | 0.864 / 0.811 | 0.837 / 0.756 |
| combined 0.25 x that top, 5 held-out folds | 0.908 / 0.864 | 0.876 / 0.807 |
| combined 0.3 x that top (train's best), 5 held-out folds | 0.909 / 0.868 | 0.877 / 0.812 |
| rank fusion, k 5, 0.45 encoder (base), ties by claim index | 0.907 / 0.877 | 0.876 / 0.827 |

The fine-tuned matching top (train/matching/finetune.py: the three top layers, in-batch and
hard negatives) is not kept: on train's held-out folds it lifts the encoder alone by a point but
the combination not at all, so nothing shipped changed. Its dev row was scored once, after that
decision (the model trained on all of train, exported int8 as a fourth graph, at 0.25).
The cross-encoder re-ranker (train/rerank/finetune.py: tweet and claim read together through
the shipped lower layers, three top layers and a cosine head trained on train's tweets with
first-stage hard negatives) is not kept either: alone it is 5 points under the first stage on
train's held-out folds, and mixed at any weight it is worse (train's best weight is 0);
its dev row was scored once, after that decision (the model trained on all of train, int8,
through train/rerank/runtime.patch), and agrees (+0.4 MAP@5, -1 point of P@1). It would cost
about 0.4 s a query (20 pairs) against 0.03 s for the first stage.
The top trained on train's tweets plus the 10k fact-checks' own title-claim pairs (session 25,
train/matching/finetune.py `--pairs`) is not kept: the encoder alone gains 1.5 points out of
fold, the combination 0.1 to 0.2 (per fold -0.9 to +2.0); dev, scored once after the decision,
moves as the earlier fine-tune's did (+1.1).
Rank fusion and the logistic re-ranker are not kept: train's MAP@5 does not tell them from the
linear mix (within 0.6 point, on a weight grid whose top is one point wide for RRF), their
scores mean nothing across queries (a user reads the score to judge a match), and the
re-ranker's coefficients swing with its regularisation. Their better P@1 is worth a second look
with more training data. Ties: scores are ordered best first, ties by the lower claim index, as
`best_of` does; on this data an arbitrary order among ties costs BM25 4 to 6 points of MAP@5
(its normalised scores tie often), and RRF at an even weight ties so often that the order moves
it 1.5 points on train.

The claims' vectors are cached in the temporary folder, keyed by the encoder's identity and the
claims, as encoding 10k claims takes a minute or more on two cores.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "claim-matching" / "clef2020-t2"
HALVES = ("train", "dev")
CUTS = (1, 3, 5)

# Pinned floors on dev (held out): a little under what was measured (see the report of #18).
FLOORS = {
    ("combined", "MAP@5"): 0.85,  # measured 0.865
    ("combined", "P@1"): 0.785,  # measured 0.802
    ("encoder", "MAP@5"): 0.815,  # measured 0.833 (the encoder shipped on 3 December 2026)
    ("bm25", "MAP@5"): 0.79,  # measured 0.805
}


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))[1:]


def verified_claims() -> tuple[list[int], list[str], list[str]]:
    """(ids, claims, the titles of their fact-checks)."""
    rows = read_tsv(DATA / "verified_claims.docs.tsv")
    return [int(row[0]) for row in rows], [row[1] for row in rows], [row[2] for row in rows]


def queries(half: str) -> tuple[list[str], list[str]]:
    """(query ids, tweet texts)."""
    rows = read_tsv(DATA / half / "tweets.queries.tsv")
    return [row[0] for row in rows], [row[1] for row in rows]


def relevant(half: str) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for line in (DATA / half / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] != "0":
            found.setdefault(parts[0], set()).add(int(parts[2]))
    return found


def average_precision(ranked: list[int], gold: set[int], cut: int) -> float:
    hits, total = 0, 0.0
    for rank, claim in enumerate(ranked[:cut], 1):
        if claim in gold:
            hits += 1
            total += hits / rank
    return total / len(gold) if gold else 0.0


def scores(ranked: dict[str, list[int]], gold: dict[str, set[int]]) -> dict[str, float]:
    """MAP@1/3/5 and P@1 over the queries with a relevant claim."""
    asked = [query for query in gold if query in ranked]
    table = {
        f"MAP@{cut}": float(np.mean([average_precision(ranked[q], gold[q], cut) for q in asked]))
        for cut in CUTS
    }
    table["P@1"] = float(np.mean([ranked[q][0] in gold[q] for q in asked]))
    return table


def top_ids(matrix: np.ndarray, ids: list[int], query_ids: list[str]) -> dict[str, list[int]]:
    best = np.argsort(-matrix, axis=1, kind="stable")[:, : max(CUTS)]
    return {q: [ids[i] for i in row] for q, row in zip(query_ids, best, strict=True)}


def claim_vectors(claims: list[str]) -> np.ndarray:
    """The texts' encoder vectors (claims or titles), from the cache when this encoder made
    them before."""
    from presslens.corpus.lookup import encoder_identity
    from presslens.corpus.matching import sentence_vectors

    digest = hashlib.sha256("\n".join(claims).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"presslens-claims-{encoder_identity()}-{digest}.npy"
    if cache.is_file():
        return np.load(cache)
    vectors = sentence_vectors(claims)
    np.save(cache, vectors)
    return vectors


def measure(
    halves: tuple[str, ...],
) -> tuple[dict[tuple[str, str], dict[str, float]], dict[float, float]]:
    """Every (method, half)'s scores, and train's MAP@5 for each encoder weight on a grid
    (empty when train is not scored)."""
    from presslens.corpus import matching

    ids, claims, titles = verified_claims()
    named = [title or claim for claim, title in zip(claims, titles, strict=True)]
    title_vectors = claim_vectors(named)
    index = matching.ClaimIndex.build(claims, claim_vectors(claims), titles, title_vectors)
    results: dict[tuple[str, str], dict[str, float]] = {}
    train_grid: dict[float, float] = {}
    for half in halves:
        query_ids, texts = queries(half)
        gold = relevant(half)
        lexical = index.lexical_scores(texts)
        dense = index.dense_scores(texts)
        combined = matching.DENSE_WEIGHT * dense + (1 - matching.DENSE_WEIGHT) * lexical
        for method, matrix in (("bm25", lexical), ("encoder", dense), ("combined", combined)):
            results[(method, half)] = scores(top_ids(matrix, ids, query_ids), gold)
        if half == "train":
            for weight in np.round(np.arange(0, 1.0001, 0.05), 2):
                mixed = weight * dense + (1 - weight) * lexical
                train_grid[float(weight)] = scores(top_ids(mixed, ids, query_ids), gold)["MAP@5"]
    return results, train_grid


def show(results: dict[tuple[str, str], dict[str, float]], grid: dict[float, float]) -> None:
    from presslens.corpus.matching import DENSE_WEIGHT

    metrics = [f"MAP@{cut}" for cut in CUTS] + ["P@1"]
    print(f"{'method':<10}{'half':<7}" + "".join(f"{m:>8}" for m in metrics))
    for (method, half), row in results.items():
        print(f"{method:<10}{half:<7}" + "".join(f"{row[m]:>8.3f}" for m in metrics))
    print(f"combined = {DENSE_WEIGHT} x encoder + {1 - DENSE_WEIGHT:.2f} x BM25 (shipped)")
    if grid:
        best = max(grid, key=lambda weight: grid[weight])
        print(f"the best encoder weight for train's MAP@5, on a 0.05 grid: {best}")
        near = [f"{weight}: {grid[weight]:.3f}" for weight in grid if abs(weight - best) < 0.21]
        print("train MAP@5 by weight: " + ", ".join(near))


def failures(results: dict[tuple[str, str], dict[str, float]]) -> list[str]:
    return [
        f"{method} {metric} on dev {results[(method, 'dev')][metric]:.3f} < floor {floor}"
        for (method, metric), floor in FLOORS.items()
        if results[(method, "dev")][metric] < floor
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 under a pinned floor")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"no data at {DATA}: nothing to score")
        return 0
    from presslens.nlp import encoder

    if not encoder.available():
        print("the encoder cannot run here (onnxruntime or its files are missing)")
        return 1
    started = time.perf_counter()
    # --check scores dev alone (the floors are on dev): encoding train's 800 tweets is a minute
    results, grid = measure(("dev",) if args.check else HALVES)
    show(results, grid)
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.check:
        failed = failures(results)
        for line in failed:
            print(f"FLOOR: {line}")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
