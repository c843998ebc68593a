"""Added cost of the quotes stage per article, as a ratio of the bare spaCy parse time.

The machine is shared and noisy, so each figure is the median of several runs, and the stage is
timed on the same parse it would get in the pipeline. Articles: the showcase article and the
first PolNeAR dev articles when ../shared is present, else a small built-in text.

    python bench/quotes.py            # 5 runs, up to 20 articles
    python bench/quotes.py --runs 9 --articles 40
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens import nlp  # noqa: E402
from presslens.model import Article, Span  # noqa: E402
from presslens.stages.entities import find_actors  # noqa: E402
from presslens.stages.quotes import find_quotes  # noqa: E402

FALLBACK = (
    '"We will win," the minister said on Monday, "whatever it takes." Critics argued that the '
    "plan would fail. According to a poll, most voters disagree.\n\n"
) * 20
TARGET = 0.10


def texts(limit: int) -> list[str]:
    found = []
    showcase = SHARED / "articles" / "imperialists-peace.txt"
    if showcase.exists():
        found.append(showcase.read_text("utf-8"))
    dev = SHARED / "data" / "attribution" / "polnear" / "dev" / "text"
    if dev.exists():
        found += [p.read_text("utf-8") for p in sorted(dev.glob("*.txt"))[: limit - len(found)]]
    return found or [FALLBACK]


def article_of(text: str) -> Article:
    import re

    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text))
    return Article(text=text, paragraphs=paragraphs, language="en")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args(argv)
    nlp.parse("Warm up the model.")
    ratios, parse_total, stage_total = [], 0.0, 0.0
    for text in texts(args.articles):
        article = article_of(text)
        parse_time = median_seconds(lambda t=text: nlp.parse(t), args.runs)
        doc = nlp.parse(text)
        actors = find_actors(article, doc)
        stage_time = median_seconds(
            lambda a=article, d=doc, x=actors: find_quotes(a, d, x), args.runs
        )
        ratios.append(stage_time / parse_time)
        parse_total += parse_time
        stage_total += stage_time
    print(f"articles: {len(ratios)}, runs each: {args.runs} (medians)")
    print(f"spaCy parse, total:  {parse_total * 1000:9.1f} ms")
    print(f"quotes stage, total: {stage_total * 1000:9.1f} ms")
    print(f"added cost, median per article: {statistics.median(ratios):.1%} of the parse")
    print(f"added cost, worst article:      {max(ratios):.1%} (target < {TARGET:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
