"""presslens's parse against spaCy as shipped: the same annotations, and how much faster.

    python bench/fastparse.py [--docs 200] [--runs 3]

Parses the first DOCS PolNeAR train articles (../shared/data/attribution/polnear/train/text,
read at run time) with spaCy as shipped and with presslens.fastparse's changes, compares every
token attribute the stages read (tag, POS, morphology, lemma, dependency, head, entities), and
times `nlp.pipe` on both (medians of RUNS runs, one process, one BLAS thread).
Exit status 1 when any token differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from threadpoolctl import threadpool_limits
from timing import median_seconds  # noqa: E402  (bench/timing.py)

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


def annotations(docs: list) -> list[tuple]:
    return [
        (t.i, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for doc in docs
        for t in doc
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not TEXTS.is_dir():
        print(f"skipped: {TEXTS} is absent", file=sys.stderr)
        return 0
    from presslens import nlp
    from presslens.nlp import fastparse
    from presslens.settings import Settings

    threadpool_limits(1)  # as in a batch worker: one process, one core
    texts = [path.read_text() for path in sorted(TEXTS.iterdir())[: args.docs]]
    settings = Settings()
    stock = nlp.load_stock_model(settings.model, settings.fallback_model)
    ours = nlp.load_stock_model(settings.model, settings.fallback_model)
    changed = fastparse.speed_up(ours)

    def parse(model) -> list:
        return list(model.pipe(texts, batch_size=8))

    theirs_docs, ours_docs = parse(stock), parse(ours)  # also the warm-up
    theirs_rows, ours_rows = annotations(theirs_docs), annotations(ours_docs)
    differ = sum(a != b for a, b in zip(theirs_rows, ours_rows, strict=True))
    stock_s = median_seconds(lambda: parse(stock), args.runs)
    ours_s = median_seconds(lambda: parse(ours), args.runs)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} PolNeAR articles, {words:,} words, {len(theirs_rows):,} tokens")
    print(f"components changed: {', '.join(changed)}")
    print(f"tokens with any attribute different: {differ}")
    print(f"{'':28}{'s':>8}{'ms/article':>12}{'x stock':>9}")
    for name, seconds in (("spaCy as shipped", stock_s), ("presslens parse", ours_s)):
        per_doc = seconds / len(texts) * 1000
        print(f"{name:28}{seconds:8.2f}{per_doc:12.1f}{stock_s / seconds:9.2f}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
