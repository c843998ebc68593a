"""Added cost of check-worthiness scoring, sources and claims per article, as a ratio of the
bare spaCy parse time of the same text.

The machine is shared and noisy, so each figure is the median of several runs. The scorer's
one-off load time (its weights and the embedding table) is reported apart (it is paid once per
process). Scoring is timed as the dossier does it (parse features from the article's Doc) and,
for comparison, as the standalone API does it without a Doc (each sentence parsed again).
Article: the showcase article when ../shared is present, else a small built-in text.

    python bench/claims.py            # 7 runs
    python bench/claims.py --runs 15
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens import nlp, segment  # noqa: E402
from presslens.ingest import load  # noqa: E402
from presslens.nlp import embeddings  # noqa: E402
from presslens.stages.claims import checkworthy, rank_claims  # noqa: E402
from presslens.stages.entities import find_actors  # noqa: E402
from presslens.stages.sources import find_sources  # noqa: E402

FALLBACK = (
    "Exports fell by 12% in 2024, according to the statistics bureau. Is this the end? "
    "The latest polls show that 60% of voters back the plan. We must act now.\n\n"
) * 30
TARGET = 0.10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    showcase = SHARED / "articles" / "imperialists-peace.txt"
    article = load(showcase if showcase.exists() else FALLBACK)
    nlp.parse("warm up")  # load the spaCy model outside the timings
    start = time.perf_counter()
    checkworthy.load_scorer()
    embeddings.table()  # the WordLlama piece table the network reads
    load_seconds = time.perf_counter() - start
    doc = nlp.parse(article.text)
    sentences = segment.sentence_spans(article, doc)
    texts = [span.of(article.text) for span in sentences]
    spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sentences]
    actors = find_actors(article, doc)

    def stages() -> None:
        sources = find_sources(article, doc, sentences, actors, ())
        rank_claims(
            article,
            sentences,
            actors=actors,
            quotes=(),
            figures=(),
            sources=sources,
            threshold=0.5,
            doc=doc,
        )

    parse = median_seconds(lambda: nlp.parse(article.text), args.runs)
    # the dossier's path: the parse features come from the article's own Doc
    scoring = median_seconds(lambda: checkworthy.score_checkworthiness(texts, spans), args.runs)
    alone = median_seconds(lambda: checkworthy.score_checkworthiness(texts), args.runs)
    both = median_seconds(stages, args.runs)
    print(f"article: {len(article.text):,} chars, {len(sentences)} sentences; {args.runs} runs")
    print(f"scorer load (once per process)  {load_seconds * 1000:8.1f} ms")
    print(f"spaCy parse                      {parse * 1000:8.1f} ms   1.000")
    print(f"score all sentences              {scoring * 1000:8.1f} ms   {scoring / parse:.3f}")
    print(f"  same, parsing each sentence     {alone * 1000:8.1f} ms   {alone / parse:.3f}")
    print(f"sources + claims stages          {both * 1000:8.1f} ms   {both / parse:.3f}")
    verdict = "ok" if scoring / parse < TARGET else "OVER"
    print(f"scoring adds {scoring / parse:.1%} to the parse (target < {TARGET:.0%}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
