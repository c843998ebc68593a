"""Added cost of the tone stage, as a ratio of the bare spaCy parse time of the same text.

Classifies every actor mention of the showcase article (the whole find_tones stage, on the parse
the pipeline already has) and compares it with the parse itself. The machine is shared and
noisy, so each figure is the median of several runs. Without ../shared a built-in text is used.

    python bench/tone.py             # 7 runs
    python bench/tone.py --runs 11
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens import load, nlp, segment
from presslens.stages.entities import find_actors
from presslens.stages.quotes import find_quotes
from presslens.stages.tone import find_tones
from presslens.stages.tone.model import compound, load_model

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = ROOT.parent / "shared" / "articles" / "imperialists-peace.txt"
FALLBACK = (
    "Critics blasted Senator Smith as a liar. Smith met Jones in Paris on Monday. "
    'Jones said "Smith is a fraud" and Brown agreed.\n\n'
) * 40
TARGET = 0.15


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    article = load(SHOWCASE if SHOWCASE.exists() else FALLBACK)
    doc = nlp.parse(article.text)  # warms the spaCy model
    load_model()  # the tone model is loaded once per process, like spaCy's
    sentences = segment.sentence_spans(article, doc)
    actors = find_actors(article, doc)
    quotes = find_quotes(article, doc, actors)[0]
    mentions = sum(len(a.mentions) for a in actors)
    parse_time = median_seconds(lambda: nlp.parse(article.text), args.runs)

    def tone_stage() -> None:
        compound.cache_clear()  # time a fresh article, not the cached scores of the last run
        find_tones(article, doc, sentences, actors, quotes)

    tone_time = median_seconds(tone_stage, args.runs)
    ratio = tone_time / parse_time
    print(f"text: {len(article.text)} chars, {len(actors)} actors, {mentions} mentions")
    print(f"spaCy parse  {parse_time * 1000:8.1f} ms (median of {args.runs})")
    share = f"{ratio:.1%} of the parse (target < {TARGET:.0%})"
    print(f"tone stage   {tone_time * 1000:8.1f} ms  = {share}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
