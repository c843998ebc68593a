"""What a small transformer encoder would cost per article, as a ratio of the bare spaCy parse.

The claims and tone issues ask for F1 levels that published systems reach with fine-tuned
transformers, and at the same time cap the claims scorer at 10% and tone at 15% of the spaCy
parse time. This measures the gap between the two: one forward pass of the smallest common
sentence-transformer shape (6 layers, 384 wide, 12 heads, feed-forward 1536: the shape of
all-MiniLM-L6-v2) over every sentence of the article, in numpy float32 on one BLAS thread.
Weights are random: the cost of a forward pass does not depend on their values. Its kindest
form is timed: all sentences' tokens go through each dense layer as one matrix product and only
attention runs per sentence; no tokenizer, no padding, no classifier head. Word pieces are
estimated as 1.25 per spaCy token plus the two special tokens of each sentence.

    python bench/encoder.py            # 5 runs
    python bench/encoder.py --runs 9
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens import nlp  # noqa: E402
from presslens.cli import sample_article_path  # noqa: E402
from presslens.ingest import load  # noqa: E402
from presslens.settings import Settings  # noqa: E402

LAYERS, WIDTH, HEADS, INNER = 6, 384, 12, 1536
PIECES_PER_TOKEN = 1.25
BUDGETS = {"claims scorer": 0.10, "tone": 0.15}


def random_layers(rng: np.random.Generator) -> list[dict[str, np.ndarray]]:
    def matrix(rows: int, cols: int) -> np.ndarray:
        return rng.standard_normal((rows, cols), dtype=np.float32) * np.float32(0.02)

    return [
        {
            "qkv": matrix(WIDTH, 3 * WIDTH),
            "out": matrix(WIDTH, WIDTH),
            "up": matrix(WIDTH, INNER),
            "down": matrix(INNER, WIDTH),
        }
        for _ in range(LAYERS)
    ]


def normalised(x: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(x.var(-1, keepdims=True) + 1e-12)


def attention(qkv: np.ndarray) -> np.ndarray:
    """Multi-head self-attention over one sentence's rows."""
    n, size = len(qkv), WIDTH // HEADS
    q, k, v = (part.reshape(n, HEADS, size).transpose(1, 0, 2) for part in np.split(qkv, 3, 1))
    weights = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(size))
    weights = np.exp(weights - weights.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)
    return (weights @ v).transpose(1, 0, 2).reshape(n, WIDTH)


def encode(x: np.ndarray, bounds: list[tuple[int, int]], layers: list[dict]) -> np.ndarray:
    for layer in layers:
        qkv = x @ layer["qkv"]
        mixed = np.concatenate([attention(qkv[start:end]) for start, end in bounds])
        x = normalised(x + mixed @ layer["out"])
        inner = x @ layer["up"]
        inner *= 1 / (1 + np.exp(-1.702 * inner))  # GELU, sigmoid form
        x = normalised(x + inner @ layer["down"])
    return x


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    showcase = SHARED / "articles" / "imperialists-peace.txt"
    article = load(showcase if showcase.exists() else sample_article_path())
    settings = Settings()
    stock = nlp.load_stock_model(settings.model, settings.fallback_model)
    with threadpool_limits(1):
        doc = nlp.parse(article.text, settings)
        lengths = [round(len(sentence) * PIECES_PER_TOKEN) + 2 for sentence in doc.sents]
        ends = np.cumsum(lengths)
        bounds = [(int(end - n), int(end)) for n, end in zip(lengths, ends, strict=True)]
        rng = np.random.default_rng(0)
        layers = random_layers(rng)
        tokens = rng.standard_normal((int(ends[-1]), WIDTH), dtype=np.float32)
        stock_parse = median_seconds(lambda: stock(article.text), args.runs)
        our_parse = median_seconds(lambda: nlp.parse(article.text, settings), args.runs)
        encoder = median_seconds(lambda: encode(tokens, bounds, layers), args.runs)
    pieces = int(ends[-1])
    flops = 2 * pieces * LAYERS * (4 * WIDTH * WIDTH + 2 * WIDTH * INNER)
    print(f"article: {len(lengths)} sentences, about {pieces:,} word pieces; {args.runs} runs")
    print(f"spaCy parse, as shipped          {stock_parse * 1000:8.1f} ms   1.00")
    ours = our_parse / stock_parse
    print(f"presslens parse                  {our_parse * 1000:8.1f} ms   {ours:.2f}")
    print(
        f"6x384 encoder forward pass       {encoder * 1000:8.1f} ms   {encoder / stock_parse:.2f}"
        f"   ({flops / encoder / 1e9:.0f} GFLOP/s)"
    )
    for stage, budget in BUDGETS.items():
        print(f"{stage} budget ({budget:.0%} of the parse): {budget * stock_parse * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
