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
  negatives finetune.py draws from;
- `pairs.npy` (issue 18, session 25): the weakly supervised pairs, one row per verified claim
  that has a title of its own: [claim, then the 10 other claims whose words (claim + title, as
  the matcher's BM25 reads them) score best against that title, near-copies of the claim left
  out]. finetune.py's `--pairs` trains
  each title as a query for its own claim, these claims its hard negatives. They come from the
  collection alone (no tweet), so every fold may use all of them.

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
NEGATIVES = 10  # hard negatives kept per title-claim pair
SAME = 0.5  # word overlap (Jaccard) over which two claims are the same claim


def title_pairs(index: matching.ClaimIndex, claims: list[str], titles: list[str]) -> np.ndarray:
    """[claim, its title's NEGATIVES best other claims by BM25] for each titled claim; a claim
    whose words are mostly the positive's (Jaccard >= SAME) is another fact-check of the same
    claim, not a negative, and is passed over."""
    titled = [at for at, (claim, title) in enumerate(zip(claims, titles, strict=True)) if title]
    titled = [at for at in titled if titles[at].strip() != claims[at].strip()]
    bags = [set(matching.words(claim)) for claim in claims]
    rows = []
    for first in range(0, len(titled), 512):
        chunk = titled[first : first + 512]
        lexical = index.lexical_scores([titles[at] for at in chunk])
        lexical[np.arange(len(chunk)), chunk] = -1.0  # not its own claim
        best = np.argsort(-lexical, axis=1, kind="stable")[:, :CANDIDATES]
        for at, row in zip(chunk, best.tolist(), strict=True):
            kept = [c for c in row if jaccard(bags[at], bags[c]) < SAME][:NEGATIVES]
            rows.append([at, *kept, *[kept[-1]] * (NEGATIVES - len(kept))])
    return np.asarray(rows, dtype=np.int32)


def jaccard(one: set[str], other: set[str]) -> float:
    return len(one & other) / max(1, len(one | other))


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
    np.save(args.out_dir / "pairs.npy", title_pairs(index, claims, titles))
    print(f"{len(tweets)} train tweets, {len(claims)} claims -> {args.out_dir}")


if __name__ == "__main__":
    main()
