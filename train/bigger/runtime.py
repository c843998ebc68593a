"""The runtime a bigger matching encoder would have had in the package (not shipped: see
evaluate.py's docstring), kept for the next candidate: it would be `presslens/nlp/matcher.py`.

It loads what export.py writes (`matcher.onnx`, `weights.npz` in int8 or 4-bit, `tokenizer.json`)
from FOLDER once per process, with onnxruntime and tokenizers (no torch, nothing downloaded),
and gives unit sentence vectors, mean-pooled over the mask as sentence-transformers pools
all-mpnet-base-v2. Checked against the torch model on three sentences: cosine 0.997 with the
int8 weights, 0.96-0.97 with the 4-bit ones (group 64). To wire it: corpus/matching.py encodes
queries and fact-checks through it when `available()`, else through the encoder as today;
corpus/lookup.py encodes stored fact-checks through it and hashes its FILES into the vectors'
identity; claim grouping keeps the encoder's vectors (its `sentence_vectors` is another
function).

    python train/bigger/runtime.py FOLDER TEXT TEXT ...   # the texts' cosines, to check an export
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from presslens.nlp import encoder  # noqa: E402

if TYPE_CHECKING:
    from tokenizers import Tokenizer

FOLDER = Path(__file__).resolve().parents[2] / "src" / "presslens" / "resources" / "matcher"
FILES = ("matcher.onnx", "weights.npz", "tokenizer.json")  # what makes its vectors
MAX_PIECES = 128  # as the encoder: tweets and claims are far shorter
BATCH = 16  # texts a run, sorted by length so that a run carries little padding
WIDTH = 768


@cache
def session() -> tuple[Any, Tokenizer]:
    """The ONNX session and the tokenizer, loaded once; encoder.EncoderUnavailable when
    onnxruntime, tokenizers or the files are missing."""
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as exc:
        message = f"the matcher needs onnxruntime and tokenizers: {exc}"
        raise encoder.EncoderUnavailable(message) from exc
    if not all((FOLDER / name).is_file() for name in FILES):
        raise encoder.EncoderUnavailable(f"the matcher's files are missing from {FOLDER}")
    weights = read_weights(FOLDER / "weights.npz")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = encoder.threads()
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    values = [onnxruntime.OrtValue.ortvalue_from_numpy(array) for array in weights.values()]
    options.add_external_initializers(list(weights), values)
    runner = onnxruntime.InferenceSession(
        str(FOLDER / "matcher.onnx"), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(FOLDER / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_PIECES)
    tokenizer.no_padding()
    return runner, tokenizer


def read_weights(path: Path) -> dict[str, np.ndarray]:
    """The graph's large weights as float32 by name: int8 ones (`NAME`, `NAME.scale`) as the
    encoder stores them, 4-bit ones (`NAME.q4`, `NAME.scale4`, `NAME.shape`) unpacked."""
    with np.load(path, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    packed = {name[: -len(".q4")] for name in arrays if name.endswith(".q4")}
    weights = {name: unpacked(arrays, name) for name in packed}
    skipped = {f"{name}{suffix}" for name in packed for suffix in (".q4", ".scale4", ".shape")}
    weights.update(encoder.dequantized({k: v for k, v in arrays.items() if k not in skipped}))
    return weights


def unpacked(arrays: dict[str, np.ndarray], name: str) -> np.ndarray:
    """One 4-bit weight as float32: two values a byte (stored +8), a float16 scale for each
    group of values along a row (train/bigger/export.py's `quantised4`)."""
    packed, scale = arrays[f"{name}.q4"], arrays[f"{name}.scale4"].astype(np.float32)
    shape = tuple(int(size) for size in arrays[f"{name}.shape"])
    values = np.empty((packed.shape[0], packed.shape[1] * 2), dtype=np.float32)
    values[:, 0::2] = packed & 0x0F
    values[:, 1::2] = packed >> 4
    values -= 8
    groups = values.reshape(scale.shape[0], scale.shape[1], -1) * scale[:, :, None]
    width = int(np.prod(shape[1:]))
    return np.ascontiguousarray(groups.reshape(shape[0], -1)[:, :width].reshape(shape))


def available() -> bool:
    """True when the matcher can run here."""
    try:
        session()
    except encoder.EncoderUnavailable:
        return False
    return True


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors (texts x WIDTH): the mean of the last layer's piece vectors
    (special pieces included), normalised. Texts are batched by length."""
    if not texts:
        return np.zeros((0, WIDTH), dtype=np.float32)
    runner, tokenizer = session()
    pieces = tokenizer.encode_batch(list(texts))
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i].ids))
    vectors = np.zeros((len(pieces), WIDTH), dtype=np.float32)
    for first in range(0, len(order), BATCH):
        chunk = order[first : first + BATCH]
        longest = max(len(pieces[i].ids) for i in chunk)
        ids = np.ones((len(chunk), longest), dtype=np.int64)  # 1: the model's padding piece
        mask = np.zeros((len(chunk), longest), dtype=np.int64)
        for row, i in enumerate(chunk):
            ids[row, : len(pieces[i].ids)] = pieces[i].ids
            mask[row, : len(pieces[i].ids)] = 1
        (hidden,) = runner.run(["hidden"], {"input_ids": ids, "attention_mask": mask})
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        vectors[chunk] = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


if __name__ == "__main__":
    FOLDER = Path(sys.argv[1])
    found = sentence_vectors(sys.argv[2:])
    print(np.round(found @ found.T, 3))
