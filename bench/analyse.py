"""Speed and memory of `analyse()` on one article, against the bare spaCy parse (our floor).

    python bench/analyse.py [ARTICLE] [--runs 7] [--mode accurate|fast] [--one-thread]

Prints medians of several runs: the whole analyse() time, the bare spaCy parse time of the same
text (spaCy as shipped), their ratio, presslens's own parse (the same annotations, faster: see
presslens.fastparse) in stage_s["parse"], each stage's share, cold `presslens analyze` wall
time, and peak memory. Also the ratio of CPU times (`cpu_ratio_analyse_to_parse`), which a busy
machine moves less than the wall times; with `--one-thread` the BLAS libraries run one thread
each (numpy's OpenBLAS would otherwise use a second core for presslens's parse, where spaCy's
BLIS uses one), so both ratios compare the work done on one core.
ARTICLE defaults to ../shared/articles/imperialists-peace.txt, else the bundled sample.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

from timing import median_cpu_seconds, median_seconds  # noqa: E402  (bench/timing.py)

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = ROOT.parent / "shared" / "articles" / "imperialists-peace.txt"


def stage_times(article, settings, runs: int) -> dict[str, float]:
    """Median time of the parse and of each stage, as analyse() itself records them."""
    from presslens import analyse

    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        timings: dict[str, float] = {}
        analyse(article, settings=settings, timings=timings)
        for name, seconds in timings.items():
            samples.setdefault(name, []).append(seconds)
    return {name: statistics.median(values) for name, values in samples.items()}


def cold_cli_seconds(path: Path, runs: int, flags: list[str]) -> float:
    def once() -> None:
        subprocess.run(
            [sys.executable, "-m", "presslens.cli", "analyze", str(path), "-f", "json", *flags],
            check=True,
            capture_output=True,
        )

    return median_seconds(once, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--mode", choices=["accurate", "fast"], default="accurate", help="Settings.models"
    )
    parser.add_argument(
        "--one-thread", action="store_true", help="one BLAS thread (one core's work)"
    )
    args = parser.parse_args()
    if args.one_thread:
        os.environ["TOKENIZERS_PARALLELISM"] = "false"  # the WordLlama tokenizer's threads
    from presslens import analyse, load, nlp
    from presslens.cli import sample_article_path
    from presslens.settings import Settings

    if args.one_thread:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)  # after the imports: it limits the libraries loaded by then

    path = args.article or (SHOWCASE if SHOWCASE.is_file() else sample_article_path())
    settings = Settings(models=args.mode)
    article = load(path, settings=settings)
    # the floor is spaCy as shipped; presslens parses with the same model, run faster for the
    # same annotations (presslens.fastparse): "parse" in stage_s
    model = nlp.load_stock_model(settings.model, settings.fallback_model)
    analyse(article, settings=settings)  # warm: model and resources loaded
    parse_s = median_seconds(lambda: model(article.text), args.runs)
    analyse_s = median_seconds(lambda: analyse(article, settings=settings), args.runs)
    parse_cpu_s = median_cpu_seconds(lambda: model(article.text), args.runs)
    analyse_cpu_s = median_cpu_seconds(lambda: analyse(article, settings=settings), args.runs)
    stages = stage_times(article, settings, args.runs)
    flag = ["--fast"] if args.mode == "fast" else []
    cold_s = cold_cli_seconds(path, max(3, args.runs // 2), flag)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "article": str(path.name),
        "models": settings.models,
        "words": len(article.text.split()),
        "runs": args.runs,
        "load_average": os.getloadavg()[0],
        "spacy_parse_s": round(parse_s, 4),
        "analyse_s": round(analyse_s, 4),
        "ratio_analyse_to_parse": round(analyse_s / parse_s, 3),
        "cpu_ratio_analyse_to_parse": round(analyse_cpu_s / parse_cpu_s, 3),
        "one_thread": args.one_thread,
        "stage_s": {k: round(v, 4) for k, v in stages.items()},
        "stage_ratio_to_parse": {k: round(v / parse_s, 3) for k, v in stages.items()},
        "cold_cli_s": round(cold_s, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        print(f"{key:26} {value}")


if __name__ == "__main__":
    main()
