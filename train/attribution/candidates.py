"""Build and compare candidate heads for the attribution tagger on the held-out tenth of train.

    python train/attribution/candidates.py average OUT.npz A.npz B.npz ...   # mean of weights
    python train/attribution/candidates.py ensemble OUT.npz A.npz B.npz ...  # mean of logits
    python train/attribution/candidates.py score A.npz B.npz ...             # table

`average`: the element-wise mean of heads of one run (the same shapes: epochs of one training
run; checkpoint averaging). `ensemble`: one head whose logits are the mean of the given heads'
logits, exactly, in the shipped head's layout (no run-time change): the projections side by
side (rank = the sum of the ranks), each design block's rows of the hidden layer block-diagonal,
the hidden units side by side, the output layers stacked and divided by their number. Its
run-time cost grows about with the square of the number of heads (the zero blocks are
multiplied too).

`score`: each head tags the held-out articles through the run-time code
(`learned.tag_attributions`), its `uncued_score` is chosen as fit.py chooses it when it has
none (`--set-uncued`: always), and written into the file when the file lies in a folder named
`candidates` (kept epochs are left as they are); the table gives the
lenient / strict all-attribution scores (eval/quotes.py), precision and recall of the
attributions the quotes stage would take (score >= 0.7, with a cue or quotation marks, two words
or more), how often a matched attribution's first source overlaps the gold source (of the
matched ones whose gold has a source), exact-span F1 of the decoded SOURCE and CUE runs over the
pieces, and the tagger's time per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit import FEATURES, Data, choose_uncued, held_out, predicted, projected  # noqa: E402
from quotes import QUOTE_MARKS, load_gold, match, scores, tally  # noqa: E402

from presslens.stages.quotes import learned  # noqa: E402

STAGE_SCORE = 0.7  # tagged.MIN_SCORE
STAGE_WORDS = 2  # tagged.MIN_WORDS


def load(path: Path) -> dict[str, np.ndarray]:
    """A head as learned.head() loads it (float32)."""
    with np.load(path) as arrays:
        return {name: arrays[name].astype(np.float32) for name in arrays.files}


def save(path: Path, weights: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **{k: v.astype(np.float16) for k, v in weights.items()})


def average(heads: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    out = {k: np.mean([h[k] for h in heads], axis=0) for k in heads[0] if k != "uncued_score"}
    for k in ("window", "around"):
        if k in heads[0]:
            out[k] = heads[0][k]
    return out


def ensemble(heads: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    window = heads[0]["window"]
    around = "around" in heads[0]
    assert all(h["window"][0] == window[0] and ("around" in h) == around for h in heads)
    assert all("projection" in h for h in heads)
    ranks = [h["projection"].shape[1] for h in heads]
    sizes = [h["hidden_weight"].shape[1] for h in heads]
    blocks = 1 + 2 * int(window[0]) + 1 + (2 if around else 0)
    rank, size = sum(ranks), sum(sizes)
    hidden = np.zeros((blocks * rank + learned.FLAGS, size), dtype=np.float32)
    row_at, column_at = 0, 0
    for h, r, s in zip(heads, ranks, sizes, strict=True):
        weight = h["hidden_weight"]
        assert weight.shape[0] == blocks * r + learned.FLAGS
        for b in range(blocks):
            hidden[b * rank + row_at : b * rank + row_at + r, column_at : column_at + s] = weight[
                b * r : (b + 1) * r
            ]
        hidden[blocks * rank :, column_at : column_at + s] = weight[blocks * r :]
        row_at += r
        column_at += s
    out = {
        "projection": np.concatenate([h["projection"] for h in heads], axis=1),
        "hidden_weight": hidden,
        "hidden_bias": np.concatenate([h["hidden_bias"] for h in heads]),
        "output_weight": np.concatenate([h["output_weight"] for h in heads]) / len(heads),
        "output_bias": np.mean([h["output_bias"] for h in heads], axis=0),
        "window": window,
    }
    if around:
        out["around"] = np.ones(1, dtype=np.float32)
    return out


def stage_kept(text: str, item: learned.Tagged) -> bool:
    """What the quotes stage would take of a tagged attribution (before the overlap with the
    rules): score >= 0.7, a cue or quotation marks, two words or more."""
    surface = text[item.span.start : item.span.end]
    if item.score < STAGE_SCORE or len(surface.split()) < STAGE_WORDS:
        return False
    return item.cue is not None or any(mark in surface for mark in QUOTE_MARKS)


def source_accuracy(results) -> tuple[float, int]:
    """Of the lenient matches whose gold has a source: the share whose first source overlaps it."""
    right = total = 0
    for doc, preds in results:
        for p, g in match(preds, doc.gold, doc.text, 0.3).items():
            gold = doc.gold[g]
            if not gold.source:
                continue
            total += 1
            speaker = preds[p].speaker
            right += speaker is not None and any(
                speaker[0] < b and a < speaker[1] for a, b in gold.source
            )
    return right / max(total, 1), total


def role_runs(tags: list[int] | np.ndarray, role: str) -> set[tuple[int, int]]:
    runs, start = set(), None
    names = [learned.TAGS[t] for t in tags] + ["O"]
    for at, name in enumerate(names):
        if start is not None and name != f"I-{role}":
            runs.add((start, at))
            start = None
        if name == f"B-{role}" or (name == f"I-{role}" and start is None):
            start = at
    return runs


def span_f1(data: Data, weights: dict[str, np.ndarray], sentences: np.ndarray) -> dict[str, float]:
    """Exact-span F1 of the Viterbi-decoded SOURCE and CUE runs over the held-out pieces."""
    window = int(weights["window"][0])
    counts = {role: [0, 0, 0] for role in ("SOURCE", "CUE")}  # right, predicted, gold
    for first in range(0, len(sentences), 256):
        chosen = sentences[first : first + 256]
        inputs, tags = data.batch(chosen, window)
        log_probs = learned.log_probabilities(projected(inputs, weights.get("projection")), weights)
        lengths = [int(data.last[s] - data.first[s]) for s in chosen]
        cut = np.cumsum(lengths)[:-1]
        for guess, gold in zip(
            learned.viterbi_many(np.split(log_probs, cut)), np.split(tags, cut), strict=True
        ):
            for role, c in counts.items():
                g, p = role_runs(gold, role), role_runs(guess, role)
                c[0] += len(g & p)
                c[1] += len(p)
                c[2] += len(g)
    out = {}
    for role, (right, pred, gold) in counts.items():
        precision, recall = right / max(pred, 1), right / max(gold, 1)
        out[role] = 2 * precision * recall / max(precision + recall, 1e-9)
    return out


def score(data: Data, gold: dict, path: Path, set_uncued: bool) -> dict[str, float]:
    weights = load(path)
    articles = np.flatnonzero(held_out(len(data.names)))
    if "uncued_score" not in weights or set_uncued:
        least, _ = choose_uncued(data, weights, articles, gold)
        weights["uncued_score"] = np.array([least], dtype=np.float32)
        if path.parent.name == "candidates":
            save(path, weights)
    results, stage, spent = [], [], 0.0
    for article in articles:
        doc = gold[data.names[article]]
        vectors = data.sentence_vectors(int(article))
        started = time.perf_counter()
        found = learned.tag_attributions(doc.text, vectors, weights=weights)
        spent += time.perf_counter() - started
        results.append((doc, predicted(found)))
        stage.append((doc, predicted(tuple(t for t in found if stage_kept(doc.text, t)))))
    table = scores(results)
    kept = scores(stage)
    accuracy, matched = source_accuracy(results)
    stage_accuracy, _ = source_accuracy(stage)
    spans = span_f1(data, weights, np.flatnonzero(held_out(len(data.names))[data.article]))
    return {
        "F1@.3": table["all F1 @0.3"],
        "F1@.8": table["all F1 @0.8"],
        "mean": (table["all F1 @0.3"] + table["all F1 @0.8"]) / 2,
        "R@.3": table["all recall @0.3"],
        "P@.3": table["all precision @0.3"],
        "R@.8": table["all recall @0.8"],
        "P@.8": table["all precision @0.8"],
        "stP@.3": kept["all precision @0.3"],
        "stR@.3": kept["all recall @0.3"],
        "stN": kept["predicted"],
        "src": accuracy,
        "stsrc": stage_accuracy,
        "srcF1": spans["SOURCE"],
        "cueF1": spans["CUE"],
        "uncued": float(weights["uncued_score"][0]),
        "ms": 1000 * spent / len(articles),
        "tallies": per_article(results),
    }


def per_article(results) -> np.ndarray:
    """Articles x (matched, predicted, gold) at @0.3 and @0.8: what `paired` resamples."""
    rows = []
    for one in results:
        lenient, strict = tally([one], 0.3), tally([one], 0.8)
        rows.append([lenient.matched, lenient.preds, lenient.gold, strict.matched])
    return np.array(rows, dtype=np.float64)


def mean_f1(counts: np.ndarray) -> np.ndarray:
    """The mean of lenient and strict F1 from summed tallies (..., 4)."""
    matched, preds, gold, strict = np.moveaxis(counts, -1, 0)
    return (matched + strict) / (preds + gold)  # 2m / (p + g), halved twice


def paired(tallies: np.ndarray, baseline: np.ndarray, draws: int = 2000) -> tuple[float, float]:
    """The mean-F1 difference to the baseline head and its bootstrap standard error (articles
    resampled, the same for both heads)."""
    rng = np.random.default_rng(0)
    picks = rng.integers(0, len(tallies), (draws, len(tallies)))
    differences = mean_f1(tallies[picks].sum(1)) - mean_f1(baseline[picks].sum(1))
    return float(mean_f1(tallies.sum(0)) - mean_f1(baseline.sum(0))), float(differences.std())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["average", "ensemble", "score"])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--features", type=Path, default=FEATURES)
    parser.add_argument("--set-uncued", action="store_true")
    args = parser.parse_args(argv)
    if args.action in ("average", "ensemble"):
        out, heads = args.paths[0], [load(p) for p in args.paths[1:]]
        save(out, (average if args.action == "average" else ensemble)(heads))
        print(f"wrote {out}")
        return 0
    data = Data(args.features)
    data.read_around()
    gold = {doc.name: doc for doc in load_gold("train")}
    columns, baseline = None, None
    for path in args.paths:
        row = score(data, gold, path, args.set_uncued)
        tallies = row.pop("tallies")
        baseline = tallies if baseline is None else baseline
        row["diff"], row["se"] = paired(tallies, baseline)
        if columns is None:
            columns = list(row)
            print(f"{'head':<28} " + " ".join(f"{c:>6}" for c in columns))
        cells = " ".join(f"{row[c]:6.0f}" if c == "stN" else f"{row[c]:6.3f}" for c in columns)
        print(f"{path.stem:<28} {cells}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
