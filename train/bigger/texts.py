"""Write the texts a candidate encoder reads for CheckThat! 2020 task 2, as presslens reads them.

    python train/bigger/texts.py OUT_DIR

Run in the package's own environment (no torch); train/bigger/encode.py then runs in the torch
environment, which cannot import presslens. OUT_DIR (outside the repo: it holds the data set's
text) receives `texts.json`: the verified claims and their fact-checks' titles as the matcher's
encoder reads them (`matching.cleaned`; a claim's own text where it has no title, as
corpus/lookup.py stores them), and the train and dev tweets as `matching.encoder_query` reads
them (name kept from the embed signature, links out, tags split).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from claim_matching import HALVES, queries, verified_claims  # noqa: E402

from presslens.corpus import matching  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    _, claims, titles = verified_claims()
    texts = {
        "claims": [matching.cleaned(claim) for claim in claims],
        "titles": [
            matching.cleaned(title or claim) for claim, title in zip(claims, titles, strict=True)
        ],
    }
    for half in HALVES:
        texts[half] = [matching.encoder_query(text) for text in queries(half)[1]]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    print({name: len(values) for name, values in texts.items()})


if __name__ == "__main__":
    main()
