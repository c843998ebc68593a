"""Write what train/matching/finetune.py reads: CheckThat! 2020 train as the matcher reads it.

    python train/matching/candidates.py OUT_DIR

Run in the package's own environment (presslens, numpy, scipy; no torch), before finetune.py,
which runs in the torch environment and cannot import presslens. OUT_DIR (outside the repo: it
holds the data set's text) receives:
- `texts.json`: the verified claims and their fact-checks' titles as the encoder reads them
  (`matching.cleaned`, a claim's own text where it has no title, as corpus/lookup.py stores
  them), and each train tweet as `matching.encoder_query` reads it, with its relevant claims
  (indices into the claims);
- `lexical.npy`: BM25 of every train tweet against every claim (tweets x claims, float32), as
  `ClaimIndex.lexical_scores` gives it, so finetune.py can score the combination on its held-out
  tweets;
- `shipped.npy`: the 30 best claims for every train tweet by the ranker shipped before the
  matching top (BM25 + 0.25 x the base model's cosine, the closer of claim and title), the hard
  negatives finetune.py draws from.

Only train is read: dev stays held out for eval/claim_matching.py. The vectors are the base
model's (the encoder's `similar` top, which eval/claim_matching.py's `claim_vectors` reads).
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
from presslens.nlp import encoder  # noqa: E402

CANDIDATES = 30  # the earlier ranker's best claims kept per tweet
BASE_WEIGHT = 0.25  # its share of the base model's cosine


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    ids, claims, titles = verified_claims()
    named = [title or claim for claim, title in zip(claims, titles, strict=True)]
    index = matching.ClaimIndex.build(claims, None, titles)
    query_ids, tweets = queries("train")
    gold = relevant("train")
    position = {claim_id: at for at, claim_id in enumerate(ids)}
    lexical = index.lexical_scores(tweets).astype(np.float32)
    # the base model's vectors (the `similar` top), whatever top matching reads
    asked = encoder.sentence_vectors([matching.encoder_query(t) for t in tweets])
    base = np.maximum(asked @ claim_vectors(claims).T, asked @ claim_vectors(named).T)
    combined = BASE_WEIGHT * np.clip(base, 0, 1) + (1 - BASE_WEIGHT) * lexical
    best = np.argsort(-combined, axis=1, kind="stable")[:, :CANDIDATES]
    texts = {
        "claims": [matching.cleaned(claim) for claim in claims],
        "titles": [matching.cleaned(title) for title in named],
        "queries": [matching.encoder_query(tweet) for tweet in tweets],
        "gold": [sorted(position[c] for c in gold.get(q, ())) for q in query_ids],
    }
    (args.out_dir / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    np.save(args.out_dir / "lexical.npy", lexical)
    np.save(args.out_dir / "shipped.npy", best.astype(np.int32))
    print(f"{len(tweets)} train tweets, {len(claims)} claims -> {args.out_dir}")


if __name__ == "__main__":
    main()
