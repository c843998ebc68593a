"""What the shipped contextual encoder costs per article, as a ratio of the bare spaCy parse.

One pass of presslens.nlp.encoder (all-MiniLM-L6-v2 fine-tuned here: 6 layers, 384 wide, run
by onnxruntime in float32 from int8-stored weights) over every sentence of the article, as the
accurate mode runs it, beside spaCy as shipped and presslens's own parse of the same text. Also
the encoder's load time (once per process: the tokenizer and the graphs an analysis runs, lower
and tuned; each graph loads when first run) and its cost with one thread, as a batch worker
runs it. `--cold N` starts N fresh interpreters for an analysis's first sentence and a match's
first query each and gives the medians of the first call (the load included) and of the peak
memory (VmHWM, Linux) above the imports, and in all.

    python bench/encoder.py            # 5 runs
    python bench/encoder.py --runs 9 --cold 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens import nlp  # noqa: E402
from presslens.cli import sample_article_path  # noqa: E402
from presslens.ingest import load  # noqa: E402
from presslens.nlp import encoder  # noqa: E402
from presslens.settings import Settings  # noqa: E402


def encoder_seconds(sentences: list[str], threads: int, runs: int) -> tuple[float, float]:
    """(load seconds, median seconds of one pass) with `threads` onnxruntime threads."""
    os.environ["PRESSLENS_ENCODER_THREADS"] = str(threads)
    encoder.session.cache_clear()
    started = time.perf_counter()
    encoder.warm(encoder.ANALYSIS)
    loaded = time.perf_counter() - started
    encoder.encode(sentences[:4])
    return loaded, median_seconds(lambda: encoder.encode(sentences), runs)


COLD = """
import sys, time
import numpy, onnxruntime, tokenizers
from presslens.nlp import encoder
def peak():  # VmHWM: ru_maxrss would carry the parent's peak over exec
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
before = peak()
started = time.perf_counter()
run = encoder.encode if sys.argv[1] == "analysis" else encoder.sentence_vectors
run(["The council raised the parking fee."])
took = time.perf_counter() - started
print(took, (peak() - before) / 1024, peak() / 1024)
"""


def cold(kind: str, runs: int) -> tuple[float, float, float]:
    """(median seconds, median MB above the imports, median MB in all) of an analysis's or a
    match's first call in a fresh interpreter, the load included; memory as the peak."""
    found = []
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(runs):
        command = [sys.executable, "-c", COLD, kind]
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
        found.append([float(value) for value in out.stdout.split()])
    seconds, added, peak = (statistics.median(row[at] for row in found) for at in range(3))
    return seconds, added, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", type=int, default=0, help="fresh interpreters to time")
    args = parser.parse_args(argv)
    showcase = SHARED / "articles" / "imperialists-peace.txt"
    article = load(showcase if showcase.exists() else sample_article_path())
    settings = Settings()
    stock = nlp.load_stock_model(settings.model, settings.fallback_model)
    doc = nlp.parse(article.text, settings)
    sentences = [s.text for s in doc.sents if s.text.strip()]
    pieces = sum(len(e.offsets) for e in encoder.encode(sentences))
    stock_parse = median_seconds(lambda: stock(article.text), args.runs)
    our_parse = median_seconds(lambda: nlp.parse(article.text, settings), args.runs)
    print(f"article: {len(sentences)} sentences, {pieces:,} word pieces; {args.runs} runs")
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print(f"spaCy parse, as shipped          {stock_parse * 1000:8.1f} ms   1.00")
    ours = our_parse / stock_parse
    print(f"presslens parse                  {our_parse * 1000:8.1f} ms   {ours:.2f}")
    for threads in (2, 1):
        loaded, seconds = encoder_seconds(sentences, threads, args.runs)
        ratio = seconds / stock_parse
        print(
            f"encoder, {threads} thread{'s' if threads > 1 else ' '}               "
            f"{seconds * 1000:8.1f} ms   {ratio:.2f}   (loaded in {loaded * 1000:.0f} ms)"
        )
    for kind in ("analysis", "match") if args.cold else ():
        seconds, added, peak = cold(kind, args.cold)
        print(
            f"cold {kind:8}, first call      {seconds * 1000:8.1f} ms   "
            f"(memory +{added:.0f} MB over the imports, peak {peak:.0f} MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
