"""Static word-piece embeddings from the `wordllama` wheel, read offline.

WordLlama ships its 256-dimensional token embedding table (32k pieces, float16) and its tokenizer
inside the wheel, so nothing is downloaded. We read both files directly instead of calling
`WordLlama.load()`: that loader looks for the tokenizer in a folder the wheel does not have and
then tries Hugging Face, and importing the package pulls in requests and pydantic we do not need.

An embedding here is the mean of a text's piece vectors, float32 and not normalised; callers
normalise when they want cosine geometry.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
DIMENSIONS = 256


class EmbeddingsUnavailable(RuntimeError):
    """The wordllama wheel (and so its weights) is not installed."""


def package_folder() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingsUnavailable("the wordllama package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def table() -> tuple[Tokenizer, np.ndarray]:
    """The tokenizer and the piece table, loaded once per process."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = package_folder()
    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    # With no pre-tokenizer, BPE's cache keeps whole sentences (up to 10,000 of them), which
    # news never repeats: it only grew a batch worker by ~30 MB per 800 articles. No cache.
    if hasattr(tokenizer.model, "_resize_cache"):
        tokenizer.model._resize_cache(0)
    weights = load_file(str(folder / WEIGHTS))["embedding.weight"].astype(np.float32)
    return tokenizer, weights


def available() -> bool:
    try:
        package_folder()
    except EmbeddingsUnavailable:
        return False
    return True


def piece_ids(texts: list[str]) -> list[list[int]]:
    tokenizer, _ = table()
    # the same ids without the character offsets, which nothing here reads (a fifth faster;
    # tokenizers 0.21+, else the full encoding)
    encode = getattr(tokenizer, "encode_batch_fast", tokenizer.encode_batch)
    encodings = encode(texts, add_special_tokens=False)
    return [encoding.ids for encoding in encodings]


@dataclass(frozen=True, slots=True)
class Pieces:
    """Texts and their piece ids (`tokenized`). The tokenizer's Rust code runs without the
    GIL, so a thread can tokenize beside other work that releases it (the parse)."""

    texts: list[str]
    ids: list[list[int]]


def tokenized(texts: list[str]) -> Pieces:
    return Pieces(list(texts), piece_ids(texts))


def embed(texts: list[str], pieces: Pieces | None = None) -> np.ndarray:
    """One row per text: the mean of its piece vectors (zeros for a text with no pieces).
    `pieces`: the texts tokenized already, used when they are these very texts."""
    _, weights = table()
    ids_of = pieces.ids if pieces is not None and pieces.texts == texts else piece_ids(texts)
    rows = np.zeros((len(texts), weights.shape[1]), dtype=np.float32)
    top = weights.shape[0] - 1
    for row, ids in enumerate(ids_of):
        if ids:
            inside = 0 <= min(ids) and max(ids) <= top  # as always: np.clip would change none
            rows[row] = row_mean(weights[ids if inside else np.clip(ids, 0, top)])
    return rows


def row_mean(rows: np.ndarray) -> np.ndarray:
    """`rows.mean(axis=0)` to the bit: numpy's own two steps (the sum, then the division by
    the count as an intp, in place), without `np.mean`'s Python wrapper, which costs more
    than the sum itself for the few rows of a sentence or a name."""
    total = np.add.reduce(rows, axis=0)
    return np.true_divide(total, np.intp(len(rows)), out=total, casting="unsafe")
