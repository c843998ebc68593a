"""Write what train/rerank/finetune.py reads: CheckThat! 2020 train tweets with the shipped
first stage's best claims for each.

    python train/rerank/candidates.py OUT_DIR

Run in the package's own environment (presslens, numpy, scipy; no torch), before finetune.py.
OUT_DIR (outside the repo: it holds the data set's text) receives:
- `texts.json`: the verified claims and their fact-checks' titles, links out
  (`matching.cleaned`; "" where a claim has no title: runtime.patch's `rerank_text` joins them
  as finetune.py's `second_text` does), each train tweet as the encoder reads it
  (`matching.encoder_query`, which the re-ranker reads too), and its relevant claims (indices);
- `first.npy` (tweets x CANDIDATES, int32): the claims the shipped first stage (BM25 + 0.25 x
  the base encoder's cosine, `ClaimIndex.scores`) ranks best, best first;
- `first_scores.npy` (float32, the same shape): their first-stage scores, for the mix.

Only train is read: dev stays held out for eval/claim_matching.py.
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

from claim_matching import claim_vectors, queries, relevant, verified_claims  # noqa: E402

from presslens.corpus import matching  # noqa: E402

CANDIDATES = 30  # the first stage's best claims kept per tweet


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--half", default="train", choices=("train",))
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    ids, claims, titles = verified_claims()
    named = [title or claim for claim, title in zip(claims, titles, strict=True)]
    index = matching.ClaimIndex.build(claims, claim_vectors(claims), titles, claim_vectors(named))
    query_ids, tweets = queries(args.half)
    gold = relevant(args.half)
    position = {claim_id: at for at, claim_id in enumerate(ids)}
    combined = index.scores(tweets)
    best = np.argsort(-combined, axis=1, kind="stable")[:, :CANDIDATES]
    texts = {
        "claims": [matching.cleaned(claim) for claim in claims],
        "titles": [matching.cleaned(title) for title in titles],
        "queries": [matching.encoder_query(tweet) for tweet in tweets],
        "gold": [sorted(position[c] for c in gold.get(q, ())) for q in query_ids],
    }
    (args.out_dir / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    np.save(args.out_dir / "first.npy", best.astype(np.int32))
    np.save(args.out_dir / "first_scores.npy", np.take_along_axis(combined, best, 1))
    found = np.mean([bool(set(texts["gold"][q]) & set(best[q])) for q in range(len(tweets))])
    print(
        f"{len(tweets)} tweets, {len(claims)} claims -> {args.out_dir}; gold in top "
        f"{CANDIDATES}: {found:.3f}"
    )


if __name__ == "__main__":
    main()
