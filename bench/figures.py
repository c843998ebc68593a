"""Added cost of the figures stage, per sentence and as a ratio of the bare spaCy parse time.

The machine is shared and noisy, so each number is the median of several runs; the stage is
timed on the parse it gets in the pipeline. Texts: the showcase article and the NewsQuant dev
sentences when ../shared is present, else a small built-in text.

    python bench/figures.py            # 5 runs
    python bench/figures.py --runs 9

It also reports the one-off cost of loading the unit tables (our units.json and the unit
catalogue read from pint's definition files), each in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens import nlp  # noqa: E402
from presslens.stages.figures import extract_figures  # noqa: E402

FALLBACK = (
    "Sales fell by 28% to $2.3 billion in the first half of 2025, while nearly 50,000 people "
    "left. Revenues of 264 billion Euros in 2021 averaged 282 billion over three years. "
) * 10
TARGET_MS_PER_SENTENCE = 1.0  # issue 20
LOAD_SNIPPET = """
import time, tracemalloc
import presslens.resources
from presslens.stages.figures import catalogue, units
start = time.perf_counter()
{call}()
elapsed = (time.perf_counter() - start) * 1000
{call}.cache_clear()
tracemalloc.start()
{call}()
print(elapsed, tracemalloc.get_traced_memory()[1] / 1e6)
"""
LOADS = {"units.json": "units.tables", "catalogue": "catalogue.catalogue"}


def texts() -> list[str]:
    found = []
    showcase = SHARED / "articles" / "imperialists-peace.txt"
    if showcase.exists():
        found.append(showcase.read_text("utf-8"))
    dev = SHARED / "data" / "quantities" / "newsquant" / "NewsQuant-dev.json"
    if dev.exists():
        rows = json.loads(dev.read_text("utf-8"))
        found.append("\n".join(row["text"] for row in rows))
    return found or [FALLBACK]


def load_costs(runs: int) -> None:
    """Milliseconds and peak MB of loading each table once, the median of fresh processes."""
    for name, call in LOADS.items():
        samples = []
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", LOAD_SNIPPET.format(call=call)],
                capture_output=True,
                text=True,
                check=True,
            )
            samples.append(tuple(float(x) for x in done.stdout.split()))
        samples.sort()
        ms, mb = samples[len(samples) // 2]
        print(f"load {name:<12}{ms:>8.1f} ms {mb:>7.2f} MB peak allocated (median)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    nlp.parse("warm up the model: 5 figures, $3 billion.")
    print(
        f"{'text':<10}{'chars':>8}{'sents':>7}{'parse ms':>10}{'figures ms':>12}"
        f"{'ratio':>8}{'ms/sent':>9}"
    )
    worst = 0.0
    for n, text in enumerate(texts()):
        doc = nlp.parse(text)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        parse = median_seconds(functools.partial(nlp.parse, text), args.runs)
        stage = median_seconds(
            functools.partial(extract_figures, text, doc, sentences=sentences), args.runs
        )
        per_sentence = stage * 1000 / max(len(sentences), 1)
        worst = max(worst, per_sentence)
        print(
            f"{n:<10}{len(text):>8}{len(sentences):>7}{parse * 1000:>10.1f}"
            f"{stage * 1000:>12.1f}{stage / parse:>8.3f}{per_sentence:>9.3f}"
        )
    load_costs(min(args.runs, 5))
    verdict = "ok" if worst < TARGET_MS_PER_SENTENCE else "SLOW"
    print(
        f"worst added cost {worst:.3f} ms per sentence "
        f"(target < {TARGET_MS_PER_SENTENCE}): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
