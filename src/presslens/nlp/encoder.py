"""The contextual sentence encoder: one pass over an article's sentences, shared by every model
that reads it (check-worthiness, tone toward a target, claim matching).

The encoder is a 6-layer, 384-wide BERT (all-MiniLM-L6-v2, Apache-2.0, fine-tuned here by
train/encoder/finetune.py), shipped in `resources/encoder/` as three ONNX graphs (the shared
lower layers, the fine-tuned top, the base model's own top for claim matching), their weights in
int8 (28 MB; float32 again once loaded) and its word-piece tokenizer, and run by onnxruntime:
no torch, nothing downloaded. Each graph loads the first time it runs, once per process (and so
once per batch worker), its weights alone read from the npz: an article's analysis loads lower +
tuned, a claim matched lower + similar.

`encode(texts)` gives each text's piece vectors and the character span of each piece, so a
caller can pool a whole sentence (`Encoded.sentence`) or the pieces of a target mention inside it
(`Encoded.span`) without a second pass. Texts are cut at `MAX_PIECES` word pieces.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "encoder"
GRAPHS = ("lower", "tuned", "similar")  # shared layers, fine-tuned top, the base model's top
ANALYSIS = ("lower", "tuned")  # what an article's analysis runs (claim matching: lower, similar)
WEIGHTS_FILE = "weights.npz"  # the encoder's large weights, int8 (train/encoder/export.py)
HEADS_FILE = "heads.npz"  # the fine-tuned heads (train/encoder/finetune.py)
CALIBRATION_FILE = "calibration.json"  # their calibration on dev (train/encoder/calibrate.py)
MAX_PIECES = 128  # the longest sentence kept whole; CT24 and NewsMTSC sentences are far shorter
BATCH = 8  # sentences a run: little padding; 8 took 0.69 s for the showcase, 16 0.74, 32 0.82
WIDTH = 384


class EncoderUnavailable(RuntimeError):
    """onnxruntime is not installed or the encoder's files are missing."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """One text's piece vectors (pieces x WIDTH, special pieces included) and each piece's
    character span in the text ((0, 0) for the special pieces)."""

    vectors: np.ndarray
    offsets: np.ndarray  # pieces x 2, int

    def sentence(self) -> np.ndarray:
        """The mean of every piece's vector (the special ones included, as the encoder was
        trained), not normalised."""
        return self.vectors.mean(axis=0)

    def span(self, start: int, end: int) -> np.ndarray:
        """The mean of the vectors of the pieces inside [start, end) of the text; the sentence's
        mean when no piece is (the span was cut off with the text's end)."""
        inside = (self.offsets[:, 0] < end) & (self.offsets[:, 1] > start)
        if not inside.any():
            return self.sentence()
        return self.vectors[inside].mean(axis=0)


def threads() -> int:
    """onnxruntime's threads: PRESSLENS_ENCODER_THREADS, else one per core up to two (a batch
    worker sets 1 so that workers do not fight over cores)."""
    raw = os.environ.get("PRESSLENS_ENCODER_THREADS", "")
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return max(1, min(2, os.cpu_count() or 1))


@cache
def session() -> tuple[Graphs, Tokenizer]:
    """The ONNX graphs (GRAPHS, each loaded when first run) and the tokenizer, made once."""
    try:
        import onnxruntime  # noqa: F401  (checked here, used when a graph loads)
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise EncoderUnavailable(f"the encoder needs onnxruntime and tokenizers: {exc}") from exc
    if not all(path.is_file() for path in required_files()):
        raise EncoderUnavailable(f"the encoder's files are missing from {FOLDER}")
    tokenizer = Tokenizer.from_file(str(FOLDER / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_PIECES)
    tokenizer.no_padding()
    return Graphs(FOLDER), tokenizer


def required_files() -> list[Path]:
    """The files the encoder runs from: its graphs, tokenizer and weights."""
    files = [FOLDER / f"{graph}.onnx" for graph in GRAPHS]
    return [*files, FOLDER / "tokenizer.json", FOLDER / WEIGHTS_FILE]


def installed() -> bool:
    """Whether the encoder could run here, asked without importing onnxruntime or reading a
    file (about 0.8 s less than `available()` in a fresh process): its modules and files."""
    modules = all(importlib.util.find_spec(name) for name in ("onnxruntime", "tokenizers"))
    return modules and all(path.is_file() for path in required_files())


class Graphs:
    """The encoder's ONNX sessions by graph name, each made (its own weights read from the npz)
    the first time it is asked for, once, whichever thread asks first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.loaded: dict[str, Any] = {}
        self.lock = threading.Lock()

    def __getitem__(self, graph: str) -> Any:
        found = self.loaded.get(graph)
        if found is None:
            with self.lock:
                found = self.loaded.get(graph)
                if found is None:
                    found = self.loaded[graph] = self.load(graph)
        return found

    def load(self, graph: str) -> Any:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # idle threads sleep instead of spinning: the stages after the encoder, and other
        # workers, need the cores
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        weights = read_weights(self.folder / WEIGHTS_FILE, graph)
        values = [onnxruntime.OrtValue.ortvalue_from_numpy(array) for array in weights.values()]
        options.add_external_initializers([name.split("/", 1)[1] for name in weights], values)
        path = str(self.folder / f"{graph}.onnx")
        return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def warm(graphs: Sequence[str] = ANALYSIS) -> None:
    """Load `graphs` now rather than at their first run (a server or a timing does)."""
    runners, _ = session()
    for graph in graphs:
        runners[graph]


def read_weights(path: Path, graph: str = "") -> dict[str, np.ndarray]:
    """The graphs' large weights (keyed GRAPH/NAME; only `graph`'s when one is named), back to
    float32 from int8 and their per-row scales (train/encoder/export.py says why they are
    stored so)."""
    with np.load(path, allow_pickle=False) as stored:
        names = [name for name in stored.files if not graph or name.startswith(f"{graph}/")]
        return dequantized({name: stored[name] for name in names})


def dequantized(stored: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Int8 weights and their per-row scales ("NAME", "NAME.scale") as float32 arrays by name;
    the training scripts call it too, on what they are about to write."""
    weights = {}
    for name, values in stored.items():
        if name.endswith(".scale"):
            continue
        scale = stored[f"{name}.scale"]
        rows = values.reshape(scale.shape[0], -1).astype(np.float32) * scale[:, None]
        weights[name] = np.ascontiguousarray(rows.reshape(values.shape))
    return weights


def available() -> bool:
    """True when the encoder can run here."""
    try:
        session()
    except EncoderUnavailable:
        return False
    return True


def encode(texts: Sequence[str]) -> list[Encoded]:
    """Each text's piece vectors through the fine-tuned top (what the heads read), in the order
    given."""
    return through_top(texts, "tuned")


def through_top(texts: Sequence[str], top: str) -> list[Encoded]:
    """Each text through the shared lower layers and then the `top` graph ("tuned" or
    "similar"). Texts are batched by length, so a batch carries little padding."""
    runners, tokenizer = session()
    pieces = tokenizer.encode_batch(list(texts))
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i].ids))
    results: list[Encoded | None] = [None] * len(pieces)
    for first in range(0, len(order), BATCH):
        chunk = order[first : first + BATCH]
        longest = max(len(pieces[i].ids) for i in chunk)
        ids = np.zeros((len(chunk), longest), dtype=np.int64)
        mask = np.zeros((len(chunk), longest), dtype=np.int64)
        for row, i in enumerate(chunk):
            n = len(pieces[i].ids)
            ids[row, :n] = pieces[i].ids
            mask[row, :n] = 1
        (states,) = runners["lower"].run(["states"], {"input_ids": ids, "attention_mask": mask})
        (hidden,) = runners[top].run(["hidden"], {"states": states, "attention_mask": mask})
        for row, i in enumerate(chunk):
            n = len(pieces[i].ids)
            offsets = np.asarray(pieces[i].offsets, dtype=np.int64).reshape(-1, 2)
            results[i] = Encoded(hidden[row, :n].astype(np.float32), offsets)
    return [encoded for encoded in results if encoded is not None]


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors (texts x WIDTH) for cosine similarity: all-MiniLM-L6-v2's
    own, through the base model's top layers (the fine-tuned ones serve the heads)."""
    if not texts:
        return np.zeros((0, WIDTH), dtype=np.float32)
    vectors = np.stack([encoded.sentence() for encoded in through_top(texts, "similar")])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


@dataclass(frozen=True, slots=True)
class SentenceVectors:
    """An article's sentences (character spans of its text, in order) and their encodings: the
    one encoder pass every accurate model reads."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    encoded: tuple[Encoded, ...]

    def index_of(self, start: int, end: int) -> int | None:
        """The sentence holding [start, end), or None."""
        at = bisect.bisect_right(self.starts, start) - 1
        if at >= 0 and end <= self.ends[at]:
            return at
        return None

    def mention(self, start: int, end: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(the mention's pieces' mean, its sentence's mean) for a span of the article's text,
        or None when no encoded sentence holds it."""
        at = self.index_of(start, end)
        if at is None:
            return None
        sentence = self.encoded[at]
        offset = self.starts[at]
        return sentence.span(start - offset, end - offset), sentence.sentence()


def encode_sentences(text: str, spans: Sequence[tuple[int, int]]) -> SentenceVectors:
    """Encode each (start, end) sentence of `text` once."""
    encoded = encode([text[start:end] for start, end in spans]) if spans else []
    return SentenceVectors(
        tuple(start for start, _ in spans), tuple(end for _, end in spans), tuple(encoded)
    )


@cache
def heads() -> dict[str, np.ndarray]:
    """The fine-tuned heads' weights, by name (float32)."""
    path = FOLDER / HEADS_FILE
    if not path.is_file():
        raise EncoderUnavailable(f"the encoder's heads are missing from {FOLDER}")
    with np.load(path, allow_pickle=False) as arrays:
        return {name: arrays[name].astype(np.float32) for name in arrays.files}


@cache
def calibration() -> dict[str, float]:
    """Each head's calibration, fitted on dev sets: {"checkworthy_scale", "checkworthy_shift",
    "tone_temperature"}; the identity when the file is missing."""
    path = FOLDER / CALIBRATION_FILE
    plain = {"checkworthy_scale": 1.0, "checkworthy_shift": 0.0, "tone_temperature": 1.0}
    if not path.is_file():
        return plain
    found = json.loads(path.read_text("utf-8"))
    return {name: float(found.get(name, value)) for name, value in plain.items()}
