"""Write the verified claims a slow candidate encoder is compared on (train/bigger/evaluate.py's
--subset): every claim relevant to a train or dev tweet, and each tweet's first K claims by BM25,
by the shipped encoder and by the two combined as shipped.

    python train/bigger/subset.py OUT_FILE [--top 5]

Runs in the package's own environment. Every shipped scorer's first five are in the pool, so
its MAP@5 and P@1 on the pool are exactly those on the whole collection; a candidate can only
gain on the pool from claims outside it that it would have ranked high wrongly (an upper bound:
for multilingual-e5-small +0.010 MAP@5 alone, +0.001 combined). With K = 5 the pool holds
4,702 of the 10,375 claims.
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

from claim_matching import HALVES, claim_vectors, queries, relevant, verified_claims  # noqa: E402

from presslens.corpus import matching  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out_file", type=Path)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    ids, claims, titles = verified_claims()
    named = [title or claim for claim, title in zip(claims, titles, strict=True)]
    index = matching.ClaimIndex.build(claims, claim_vectors(claims), titles, claim_vectors(named))
    position = {claim_id: at for at, claim_id in enumerate(ids)}
    pool: set[int] = set()
    for half in HALVES:
        for gold in relevant(half).values():
            pool.update(position[claim_id] for claim_id in gold)
        texts = queries(half)[1]
        lexical, dense = index.lexical_scores(texts), index.dense_scores(texts)
        mixed = matching.DENSE_WEIGHT * dense + (1 - matching.DENSE_WEIGHT) * lexical
        for matrix in (lexical, dense, mixed):
            pool.update(np.argsort(-matrix, axis=1)[:, : args.top].ravel().tolist())
    args.out_file.write_text(json.dumps(sorted(pool)))
    print(f"{len(pool)} of {len(ids)} claims")


if __name__ == "__main__":
    main()
