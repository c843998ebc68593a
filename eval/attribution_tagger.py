"""Score the learned attribution tagger beside the quote rules on PolNeAR and print a table.

Three systems over the same parse and encoder pass of each article:
- rules: the quotes stage as it is (quotes + stances, as eval/quotes.py's main table);
- tagger: `presslens.stages.quotes.learned.tag_attributions` alone, one record per tagged
  attribution (its content span; its first source as the speaker, unresolved);
- union: the rules' records plus each tagger attribution whose content overlaps none of them;
- union-cued: the same with only the tagger attributions that have a cue (a content no cue
  took is the tagger's least precise output).

Scoring is eval/quotes.py's (the PolNeAR conventions of ../shared/README.md): lenient (@0.3)
and strict (@0.8) all-attribution precision, recall and F1, direct-quote F1, and the speaker of
matched direct quotes. Each set of articles is split in two halves by sorted file name (first,
second) and reported whole too.

    python eval/attribution_tagger.py                 # PolNeAR dev
    python eval/attribution_tagger.py --split heldout # the tenth of train the head never saw
    python eval/attribution_tagger.py --limit 10
    python eval/attribution_tagger.py --split heldout --head /tmp/x.npz  # a candidate head

`heldout` is every tenth train article by sorted name: the head never trained on it, but
train/attribution/fit.py chose its epoch and `uncued_score` there; the quote rules were built
partly by reading train articles, which may include some of these. Dev was not looked at while
building the tagger. Needs the encoder and the head; says so and exits 0 when either, or
PolNeAR, is missing.

Measured 2026-12-03 (all articles; first / second half of dev in the notes):

    PolNeAR dev          F1@0.3  F1@0.8  recall@0.3  precision@0.3
      rules               0.747   0.681    0.651       0.877
      tagger              0.774   0.626    0.757       0.791
      union               0.804   0.719    0.784       0.825
    held-out train
      rules               0.697   0.621    0.592       0.846
      tagger              0.717   0.570    0.692       0.743
      union               0.753   0.655    0.731       0.775
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quotes import (  # noqa: E402  eval/quotes.py: the PolNeAR conventions, written once
    POLNEAR,
    QUOTE_MARKS,
    Document,
    Predicted,
    form,
    load_gold,
    paragraph_spans,
    scores,
)

SYSTEMS = ("rules", "tagger", "union", "union-cued")
COLUMNS = (
    ("P@.3", "all precision @0.3"),
    ("R@.3", "all recall @0.3"),
    ("F1@.3", "all F1 @0.3"),
    ("P@.8", "all precision @0.8"),
    ("R@.8", "all recall @0.8"),
    ("F1@.8", "all F1 @0.8"),
    ("dirF1", "direct F1 @0.3"),
    ("spk", "speaker accuracy (direct)"),
    ("pred", "predicted"),
)


def documents(split: str, limit: int | None) -> list[Document]:
    """PolNeAR dev, or the held-out tenth of train (every tenth article by sorted name)."""
    if split == "dev":
        return load_gold("dev", limit)
    chosen = [doc for i, doc in enumerate(load_gold("train")) if i % 10 == 9]
    return chosen[:limit]


def load_head(path: Path) -> dict:
    """A head's weights from an npz file, float32, as `learned.head()` loads the shipped one."""
    import numpy as np

    with np.load(path) as arrays:
        return {name: arrays[name].astype(np.float32) for name in arrays.files}


def systems_on(
    text: str, spent: dict[str, float], weights: dict | None = None
) -> dict[str, list[Predicted]]:
    """The three systems' records for one raw article text; the tagger's time (beyond the
    encoder pass) is added to `spent`. `weights`: a candidate head's, else the shipped one."""
    from presslens import nlp, segment
    from presslens.model import Article, Span
    from presslens.stages.entities import find_actors
    from presslens.stages.quotes import find_quotes, learned

    paragraphs = tuple(Span(a, b) for a, b in paragraph_spans(text))
    article = Article(text=text, paragraphs=paragraphs, language="en")
    doc = nlp.parse(text)
    found = find_quotes(article, doc, find_actors(article, doc))
    rules = [
        Predicted(
            (q.span.start, q.span.end),
            form(q.kind, q.text, stance),
            (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None,
            stance,
        )
        for quotes, stance in ((found.quotes, False), (found.stances, True))
        for q in quotes
    ]
    sentences = segment.sentence_spans(article, doc)
    vectors = nlp.encode_sentences(text, [(s.start, s.end) for s in sentences])
    started = time.perf_counter()
    tagged = learned.tag_attributions(text, vectors, weights=weights)
    spent["tagger"] = spent.get("tagger", 0.0) + time.perf_counter() - started
    tagger = [as_predicted(text, item) for item in tagged]
    added = [
        (item, p)
        for item, p in zip(tagged, tagger, strict=True)
        if not any(overlaps(p.span, r.span) for r in rules)
    ]
    return {
        "rules": rules,
        "tagger": tagger,
        "union": rules + [p for _, p in added],
        "union-cued": rules + [p for item, p in added if item.cue is not None],
    }


def as_predicted(text: str, item) -> Predicted:
    """A tagged attribution as a scored record: direct/mixed when its content holds a mark."""
    surface = text[item.span.start : item.span.end]
    kind = "mixed" if any(mark in surface for mark in QUOTE_MARKS) else "indirect"
    source = item.sources[0] if item.sources else None
    speaker = None if source is None else (source.start, source.end)
    return Predicted((item.span.start, item.span.end), kind, speaker)


def overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def print_table(title: str, rows: list[tuple[str, str, dict[str, float]]]) -> None:
    print(f"\n{title}")
    print(f"{'half':<8} {'system':<10} " + " ".join(f"{name:>6}" for name, _ in COLUMNS))
    for half, system, table in rows:
        cells = []
        for _name, key in COLUMNS:
            value = table[key]
            cells.append(f"{value:6.3f}" if isinstance(value, float) else f"{int(value):6d}")
        print(f"{half:<8} {system:<10} " + " ".join(cells))


def ready() -> str | None:
    """Why the comparison cannot run here, or None."""
    from presslens.nlp import encoder
    from presslens.stages.quotes import learned

    if not POLNEAR.exists():
        return f"PolNeAR not found at {POLNEAR}: nothing to score"
    if not encoder.available():
        return "the encoder cannot run here (onnxruntime or its files missing)"
    if not learned.available():
        return f"the tagger's head {learned.MODEL_FILE} is missing: run train/attribution/fit.py"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "heldout"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--head", type=Path, default=None, help="a candidate head (npz)")
    args = parser.parse_args(argv)
    why = ready()
    if why:
        print(why, file=sys.stderr)
        return 0
    docs = documents(args.split, args.limit)
    spent: dict[str, float] = {}
    started = time.perf_counter()
    weights = None if args.head is None else load_head(args.head)
    results = [(doc, systems_on(doc.text, spent, weights)) for doc in docs]
    elapsed = time.perf_counter() - started
    half = (len(results) + 1) // 2
    parts = {"first": results[:half], "second": results[half:], "all": results}
    rows = [
        (name, system, scores([(doc, found[system]) for doc, found in part]))
        for name, part in parts.items()
        for system in SYSTEMS
    ]
    print_table(
        f"PolNeAR {args.split}{'' if args.head is None else f' (head {args.head})'}: "
        f"{len(docs)} articles ({half} + {len(docs) - half}), "
        f"{elapsed:.0f} s; the tagger's own time {1000 * spent['tagger'] / len(docs):.0f} ms "
        "an article beyond the encoder pass",
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
