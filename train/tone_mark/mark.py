"""Tone toward a target with the target marked in the encoder's top (issue 17): experiment.

    python train/tone_mark/mark.py cache                        # encode once (see below)
    python train/tone_mark/mark.py heldout --variants mark-1,plain-1,mark-2,plain-2,mark-3
    python train/tone_mark/mark.py heldout --variants ... --lr 1e-4 --marker-start 6
    python train/tone_mark/mark.py heldout --variants ... --oversample 3
    python train/tone_mark/mark.py dev --variant mark-2 --oversample 3   # rw-dev, mt-dev once
    python train/tone_mark/mark.py pairs                        # the input-marked encoding
    python train/tone_mark/mark.py heldout --variants pair-3,plain-3

(train/encoder/requirements.txt's environment: torch, onnx, onnxruntime, tokenizers.)

The shipped tone head reads [mean of the target's pieces, mean of the sentence's pieces] from
the encoder's tuned top, one pass per sentence, so two targets of one sentence share half their
input and the context never knows which one is asked about. Marking the target in the input
(the published systems' way) costs a whole pass per mention. Here the target is marked only in
the top: a learned vector is added to the target pieces' hidden states at the input of a
tone-only copy of the tuned top's last K layers, which runs once per mention on the cached
output of the layers below (the same for every mention of the sentence). The head reads the
same [target, sentence] means of that copy's output.

Variants (all start from the shipped weights, int8 as shipped, and the shipped head):
- `plain-K`: the copy of the last K tuned layers fine-tuned on tone, no marker (the control:
  what tone-only training of the same layers gives without marking);
- `mark-K`: the same with the marker;
- `pair-3`: the target marked in the input instead, as the published systems do ("[CLS]
  sentence [SEP] target [SEP]", BERT-SPC style), through the frozen lower layers once per
  mention (`pairs` caches it) and the three tuned layers trained on it: a full pass a mention,
  for a ceiling on what marking gives here.

`cache` runs each distinct NewsMTSC sentence (rw-train, rw-dev, mt-dev) through the shipped
graphs once (onnxruntime, exactly the package's path; the torch copy of the tuned top agrees to
4e-6) and keeps the hidden states below each of the top three layers, float16, in --cache
(outside the repo: they carry the data's sentences): 2.7 min. `heldout` splits rw-train by
sentence into five folds, trains each variant on four (7,006 rows) and scores the fifth (fold 0:
1,733 rows, 366 in sentences naming several targets, 170 in sentences whose targets differ in
tone). The tuned top was fine-tuned on all of rw-train, so every figure on the held-out fold is
optimistic, the shipped head's most of all (it is in-sample); the variants share that start, so
their differences are what the table is for. `dev` trains one variant on all of rw-train and
scores rw-dev and mt-dev once (the epoch count fixed beforehand; earlier epochs are not scored).
One torch thread; the host was at load 2-5 (the lead's work beside it).

Measured (session 14). Held-out fold 0 of rw-train; 3 epochs, AdamW, linear decay; "multi" is
macro-F1 on the rows whose sentence names several targets, "differ" the accuracy on those whose
targets differ in tone (mt-dev's kind; 170 rows, so +-0.03 is noise; whole fold +-0.01):

    variant   settings                               held-out  multi  differ  train (3 ep.)
    shipped   (in-sample)                            0.801     0.831  0.747   -
    plain-1   lr 3e-5                                0.802     0.843          1.9 min
    mark-1    lr 3e-5, marker lr 1e-3 (norm 0.45)    0.803     0.850          2.1 min
    mark-1    lr 3e-5, marker lr 1e-2 (norm 2.7)     0.803     0.847          2.0 min
    plain-2   lr 3e-5                                0.808     0.845          3.8 min
    mark-2    lr 3e-5, marker lr 1e-2                0.807     0.845          3.8 min
    mark-3    lr 3e-5, marker lr 1e-2                0.808     0.839          5.8 min
    plain-1   lr 1e-4                                0.804     0.834          1.8 min
    mark-1    lr 1e-4, marker starts at norm 6       0.800     0.838          1.9 min
    mark-2    lr 1e-4, marker starts at norm 6       0.794     0.824          3.9 min
    plain-1   lr 3e-5, multi-target rows x3          0.799     0.843  0.776   2.7 min
    mark-1    lr 3e-5, marker lr 1e-2, x3            0.796     0.846  0.776   3.2 min
    plain-2   lr 3e-5, x3                            0.804     0.848  0.788   5.5 min
    mark-2    lr 3e-5, marker lr 1e-2, x3            0.809     0.843  0.788   5.7 min
    plain-3   lr 3e-5                                0.809     0.841  0.782   5.5 min
    pair-3    lr 3e-5, target marked in the input    0.803     0.830  0.753   6.0 min

No marked variant beats its unmarked control beyond the noise, on the whole fold or on the rows
where marking should matter (differ: 0.776 = 0.776, 0.788 = 0.788); every variant is within
+-0.01 of the shipped head. Marking in the input (pair-3) does no better than the top without
any marking (plain-3), at a full pass a mention. So none was chosen to ship. Scored once on
dev for the record (all of rw-train, float32 top, argmax before calibration; "differ" as above,
16 rw-dev rows, 168 mt-dev rows):

    variant                      rw-dev  (differ)  mt-dev  (differ)
    shipped head (int8)          0.793   0.500     0.740   0.673
    mark-2, x3 (best held-out)   0.782   0.500     0.736   0.637
    plain-2, x3 (its control)    0.782   0.500     0.736   0.631
    mark-1 (lr 3e-5, 1e-2)       0.792   0.500     0.725   0.631
    pair-3 (input marked)        0.796   0.562     0.726   0.637

The marked top and its unmarked control score alike on dev too (0.782 / 0.736 both), below
the shipped head (perhaps tone-only training of the top loses some of what the joint training
with check-worthiness gave); the marker adds nothing measurable. Marking the input (pair-3)
is not better on mt-dev either.

Cost (train/tone_mark/cost.py, showcase: 131 sentences, 163 actor mentions, 7 runs at load
1.9-2.6): a marked top of K layers run per mention adds 0.29 (K=1), 0.57 (K=2), 0.86 (K=3) of
today's encoder pass (1.0 s there). `bench/analyse.py --runs 5 --mode accurate` just after put
the encoder at 0.92x the stock parse (analyse() 2.83x at load 2.7; 1.77x on a quiet host), so
about +0.27x, +0.52x, +0.79x: from 1.77x to about 2.04x, 2.3x and 2.6x. Even one layer is over
the 2.0x budget. The weights would be 1.8 MB int8 a layer. pair-3 (six layers a mention, on a
longer input) would add about twice the K=3 figure, some 1.7 encoder passes: about 3.3x.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn
from transformers import BertConfig
from transformers.models.bert.modeling_bert import BertLayer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "train"))

from metrics import macro_f1  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "stance" / "newsmtsc"
FOLDER = ROOT / "src" / "presslens" / "resources" / "encoder"
SPLITS = ("rw-train", "rw-dev", "mt-dev")
TOP = 3  # the tuned top's layers
FOLDS = 5
SEED = 17


def encoder_module():
    """presslens.nlp.encoder, loaded from its file (the package's __init__ needs spaCy)."""
    spec = importlib.util.spec_from_file_location("encoder", ROOT / "src/presslens/nlp/encoder.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["encoder"] = module
    spec.loader.exec_module(module)
    return module


def shipped_layers() -> list[BertLayer]:
    """The tuned top's three layers as torch modules, weights as shipped (int8 back to float)."""
    enc = encoder_module()
    weights = enc.read_weights(FOLDER / enc.WEIGHTS_FILE)
    graph = onnx.load(str(FOLDER / "tuned.onnx")).graph
    small = {i.name: numpy_helper.to_array(i) for i in graph.initializer if i.raw_data}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    state: dict[str, torch.Tensor] = {k: torch.tensor(v.copy()) for k, v in small.items()}
    for node in graph.node:
        if node.op_type != "MatMul" or f"tuned/{node.input[1]}" not in weights:
            continue
        (add,) = consumers[node.output[0]]
        bias = next(name for name in add.input if name in small)
        matrix = weights[f"tuned/{node.input[1]}"]
        state[bias.replace(".bias", ".weight")] = torch.tensor(matrix.T.copy())
    config = bert_config()
    layers = []
    for at in range(TOP):
        layer = BertLayer(config)
        prefix = f"layers.{at}."
        own = {k[len(prefix) :]: v for k, v in state.items() if k.startswith(prefix)}
        layer.load_state_dict(own)
        layers.append(layer.eval())
    return layers


def bert_config() -> BertConfig:
    """all-MiniLM-L6-v2's shape (its config.json)."""
    config = BertConfig(
        hidden_size=384, intermediate_size=1536, num_attention_heads=12, num_hidden_layers=6
    )
    config._attn_implementation = "eager"
    return config


def extended(mask: torch.Tensor) -> torch.Tensor:
    return (1.0 - mask[:, None, None, :].float()) * -10000.0


def run_layers(layers, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    big = extended(mask)
    for layer in layers:
        out = layer(states, big)
        states = out[0] if isinstance(out, tuple) else out
    return states


def read_rows(split: str) -> list[dict]:
    lines = (DATA / f"{split}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@torch.no_grad()
def cache(folder: Path) -> None:
    """Per split: each distinct sentence's states below each top layer (0: the lower graph's
    output, 1, 2: after the first and second tuned layers, 3: the tuned output) and offsets."""
    enc = encoder_module()
    runners, tokenizer = enc.session()
    layers = shipped_layers()
    folder.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        began = time.time()
        texts = list(dict.fromkeys(row["sentence"] for row in read_rows(split)))
        stored: dict[str, list[np.ndarray]] = {f"states{k}": [] for k in range(TOP + 1)}
        stored["offsets"], worst = [], 0.0
        for text in texts:
            pieces = tokenizer.encode(text)
            ids = np.asarray([pieces.ids], dtype=np.int64)
            mask = np.ones_like(ids)
            (lower,) = runners["lower"].run(["states"], {"input_ids": ids, "attention_mask": mask})
            (tuned,) = runners["tuned"].run(["hidden"], {"states": lower, "attention_mask": mask})
            states, torch_mask = torch.tensor(lower), torch.tensor(mask)
            stored["states0"].append(lower[0].astype(np.float16))
            for k, layer in enumerate(layers, start=1):
                states = run_layers([layer], states, torch_mask)
                stored[f"states{k}"].append(states[0].numpy().astype(np.float16))
            worst = max(worst, float(np.abs(states[0].numpy() - tuned[0]).max()))
            stored["offsets"].append(np.asarray(pieces.offsets, dtype=np.int64).reshape(-1, 2))
        lengths = np.array([len(o) for o in stored["offsets"]])
        arrays = {name: np.concatenate(values) for name, values in stored.items()}
        np.savez(folder / f"{split}.npz", lengths=lengths, **arrays)
        print(
            f"{split}: {len(texts)} sentences, {time.time() - began:.0f} s, torch vs onnx max "
            f"diff {worst:.2e}",
            flush=True,
        )


@torch.no_grad()
def cache_pairs(folder: Path) -> None:
    """Per split and row: "[CLS] sentence [SEP] target [SEP]" through the lower graph (the
    target marked in the input, BERT-SPC style: one pass per mention); the target's own pieces
    get empty spans, so only its pieces in the sentence are pooled as the target."""
    enc = encoder_module()
    runners, tokenizer = enc.session()
    for split in SPLITS:
        began = time.time()
        states, offsets = [], []
        for row in read_rows(split):
            target = row["sentence"][row["from"] : row["to"]]
            pieces = tokenizer.encode(row["sentence"], target)
            ids = np.asarray([pieces.ids], dtype=np.int64)
            mask = np.ones_like(ids)
            (lower,) = runners["lower"].run(["states"], {"input_ids": ids, "attention_mask": mask})
            spans = np.asarray(pieces.offsets, dtype=np.int64).reshape(-1, 2)
            spans[np.array([sid != 0 for sid in pieces.sequence_ids])] = 0
            states.append(lower[0].astype(np.float16))
            offsets.append(spans)
        lengths = np.array([len(o) for o in offsets])
        np.savez(
            folder / f"{split}-pair.npz",
            lengths=lengths,
            states0=np.concatenate(states),
            offsets=np.concatenate(offsets),
        )
        print(f"{split} pairs: {len(offsets)} rows, {time.time() - began:.0f} s", flush=True)


class Split:
    """One split's cached states and its rows (states index, from, to, label): a sentence's
    states serve all its targets; with `pair`, each row has its own (the sentence paired with its
    target)."""

    def __init__(self, folder: Path, split: str, pair: bool = False) -> None:
        with np.load(folder / f"{split}{'-pair' if pair else ''}.npz") as stored:
            ends = np.cumsum(stored["lengths"])
            starts = ends - stored["lengths"]
            names = [f"states{k}" for k in range(TOP + 1)]
            levels = [stored[name] if name in stored.files else None for name in names]
            self.states = [
                [torch.tensor(level[a:b]) for a, b in zip(starts, ends, strict=True)]
                if level is not None
                else []
                for level in levels
            ]
            offsets = stored["offsets"]
            self.offsets = [offsets[a:b] for a, b in zip(starts, ends, strict=True)]
        rows = read_rows(split)
        index = {text: i for i, text in enumerate(dict.fromkeys(r["sentence"] for r in rows))}
        self.group = np.array([index[r["sentence"]] for r in rows])  # the row's sentence
        self.rows = [
            (i if pair else index[r["sentence"]], r["from"], r["to"], r["polarity"] + 1)
            for i, r in enumerate(rows)
        ]
        self.labels = np.array([row[3] for row in self.rows])
        counts: dict[int, int] = {}
        polarities: dict[int, set[int]] = {}
        for s, label in zip(self.group, self.labels, strict=True):
            counts[s] = counts.get(s, 0) + 1
            polarities.setdefault(s, set()).add(label)
        # rows whose sentence names several targets; and those whose targets' tones differ
        self.multi = np.array([counts[s] > 1 for s in self.group])
        self.differing = np.array([len(polarities[s]) > 1 for s in self.group])


def target_mask(offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """The pieces inside [start, end) (special pieces have empty spans), as the runtime."""
    return (offsets[:, 0] < end) & (offsets[:, 1] > start)


class ToneTop(nn.Module):
    """A copy of the tuned top's last `depth` layers, a marker added to the target's pieces at
    their input (when `marked`), and the [target mean, sentence mean] head."""

    def __init__(
        self, layers: list[BertLayer], depth: int, marked: bool, start: float = 0.0
    ) -> None:
        super().__init__()
        import copy

        self.depth = depth
        self.layers = nn.ModuleList(copy.deepcopy(layers[TOP - depth :]))
        # zero, or a random direction of norm `start` (hidden states have norms near 12)
        first = torch.randn(384, generator=torch.Generator().manual_seed(SEED))
        first = first / first.norm() * start if marked else torch.zeros(384)
        self.marker = nn.Parameter(first, requires_grad=marked)
        heads = np.load(FOLDER / "heads.npz")
        self.head = nn.Linear(768, 3)
        with torch.no_grad():
            self.head.weight.copy_(torch.tensor(heads["tone_weight"]))
            self.head.bias.copy_(torch.tensor(heads["tone_bias"]))

    def forward(self, states, mask, target) -> torch.Tensor:
        states = states + target.unsqueeze(-1).float() * self.marker
        hidden = run_layers(self.layers, states, mask)
        return self.head(pooled(hidden, mask, target))


def pooled(hidden: torch.Tensor, mask: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """[mean of the target's pieces, mean of the sentence's pieces]; the sentence's mean for a
    target with no piece (cut off), as the runtime."""
    whole = mask.unsqueeze(-1).float()
    sentence = (hidden * whole).sum(1) / whole.sum(1)
    inside = target.unsqueeze(-1).float()
    count = inside.sum(1)
    mention = torch.where(count > 0, (hidden * inside).sum(1) / count.clamp(min=1), sentence)
    return torch.cat([mention, sentence], dim=-1)


def batch_of(data: Split, level: int, rows: list[int]):
    items = [data.rows[i] for i in rows]
    longest = max(len(data.offsets[s]) for s, _, _, _ in items)
    states = torch.zeros((len(items), longest, 384))
    mask = torch.zeros((len(items), longest), dtype=torch.long)
    target = torch.zeros((len(items), longest), dtype=torch.bool)
    for row, (s, start, end, _) in enumerate(items):
        n = len(data.offsets[s])
        states[row, :n] = data.states[level][s].float()
        mask[row, :n] = 1
        target[row, :n] = torch.tensor(target_mask(data.offsets[s], start, end))
    labels = torch.tensor([label for _, _, _, label in items])
    return states, mask, target, labels


def by_length(data: Split, rows: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Batches of like length from shuffled pools of 50 batches."""
    rows = rows[:]
    rng.shuffle(rows)
    batches = []
    for first in range(0, len(rows), 50 * size):
        pool = sorted(
            rows[first : first + 50 * size], key=lambda i: len(data.offsets[data.rows[i][0]])
        )
        batches += [pool[i : i + size] for i in range(0, len(pool), size)]
    rng.shuffle(batches)
    return batches


@torch.no_grad()
def predict(model: ToneTop, data: Split, rows: list[int]) -> np.ndarray:
    model.eval()
    order = sorted(rows, key=lambda i: len(data.offsets[data.rows[i][0]]))
    logits = {}
    for first in range(0, len(order), 64):
        chunk = order[first : first + 64]
        states, mask, target, _ = batch_of(data, TOP - model.depth, chunk)
        for i, row in zip(chunk, model(states, mask, target).numpy(), strict=True):
            logits[i] = row
    model.train()
    return np.stack([logits[i] for i in rows])


def train(
    layers,
    data: Split,
    rows: list[int],
    variant: str,
    epochs: int,
    lr: tuple[float, float, float, int],
    evaluate,
) -> ToneTop:
    """Fine-tune one variant on `rows`; `evaluate(model, epoch)` after each epoch."""
    kind, depth = variant.split("-")
    lr, marker_lr, start, oversample = lr
    # rows whose sentence names several targets, `oversample` times an epoch
    rows = rows + [i for i in rows if data.multi[i]] * (oversample - 1)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    model = ToneTop(layers, int(depth), kind == "mark", start)  # "pair": plain, on pairs
    model.train()
    size = 32
    total = epochs * ((len(rows) + size - 1) // size + 50)
    groups = [
        {"params": [p for n, p in model.named_parameters() if n != "marker"], "lr": lr},
        {"params": [model.marker], "lr": marker_lr, "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(groups, weight_decay=0.01)
    warmup = total // 10
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )
    began = time.time()
    for epoch in range(1, epochs + 1):
        for batch in by_length(data, rows, size, rng):
            states, mask, target, labels = batch_of(data, TOP - model.depth, batch)
            loss = nn.functional.cross_entropy(model(states, mask, target), labels)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
        evaluate(model, epoch, time.time() - began)
    return model


def folds_of(data: Split) -> np.ndarray:
    sentences = sorted(set(data.group.tolist()))
    np.random.default_rng(SEED).shuffle(sentences)
    fold = {s: i % FOLDS for i, s in enumerate(sentences)}
    return np.array([fold[s] for s in data.group])


def heldout(
    folder: Path, variants: list[str], epochs: int, lr: tuple[float, float, float, int], fold: int
) -> None:
    layers = shipped_layers()
    data = Split(folder, "rw-train")
    folds = folds_of(data)
    fit = [i for i in range(len(data.rows)) if folds[i] != fold]
    held = [i for i in range(len(data.rows)) if folds[i] == fold]
    multi = [i for i in held if data.multi[i]]
    differing = [i for i in held if data.differing[i]]
    gold = data.labels

    def scored(logits_of: dict[int, np.ndarray]) -> str:
        whole = macro_f1(gold[held], np.array([logits_of[i].argmax() for i in held]))
        several = macro_f1(gold[multi], np.array([logits_of[i].argmax() for i in multi]))
        right = np.mean([logits_of[i].argmax() == gold[i] for i in differing])
        return f"held-out {whole:.3f} multi-target {several:.3f} differing acc {right:.3f}"

    shipped = ToneTop(layers, 0, False)
    print(
        f"rows: fit {len(fit)}, held-out {len(held)} ({len(multi)} multi-target, "
        f"{len(differing)} in sentences whose targets differ)",
        flush=True,
    )
    found = dict(zip(held, predict(shipped, data, held), strict=True))
    print(f"shipped head (in-sample): {scored(found)}", flush=True)
    for variant in variants:

        def evaluate(model, epoch, seconds, variant=variant):
            found = dict(zip(held, predict(model, data, held), strict=True))
            extra = f" marker norm {model.marker.norm():.2f}" if variant.startswith("mark") else ""
            print(
                f"{variant} epoch {epoch}: {scored(found)} ({seconds / 60:.1f} min){extra}",
                flush=True,
            )

        if variant.startswith("pair"):
            pairs = Split(folder, "rw-train", pair=True)  # the same rows in the same order

            def evaluate_pairs(model, epoch, seconds, variant=variant, pairs=pairs):
                found = dict(zip(held, predict(model, pairs, held), strict=True))
                print(f"{variant} epoch {epoch}: {scored(found)} ({seconds / 60:.1f} min)")

            train(layers, pairs, fit, variant, epochs, lr, evaluate_pairs)
            continue
        train(layers, data, fit, variant, epochs, lr, evaluate)


def on_dev(model: ToneTop, data: Split) -> str:
    """Macro-F1 over a set, and accuracy on its rows whose sentence's targets differ in tone."""
    found = predict(model, data, list(range(len(data.rows)))).argmax(axis=1)
    right = np.mean(found[data.differing] == data.labels[data.differing])
    return f"macro-F1 {macro_f1(data.labels, found):.3f} (differing acc {right:.3f})"


def dev(
    folder: Path, variant: str, epochs: int, lr: tuple[float, float, float, int], out: Path
) -> None:
    """Train `variant` on all of rw-train; score the shipped head and it on rw-dev and mt-dev."""
    layers = shipped_layers()
    pair = variant.startswith("pair")
    data = Split(folder, "rw-train", pair)
    sets = {split: Split(folder, split, pair) for split in SPLITS[1:]}
    if not pair:
        shipped = ToneTop(layers, 0, False)
        for split, rows in sets.items():
            print(f"shipped head {split}: {on_dev(shipped, rows)}", flush=True)

    def evaluate(model, epoch, seconds):
        if epoch < epochs:  # the epoch count is chosen on rw-train; dev is read once
            return
        scores = [f"{split} {on_dev(model, rows)}" for split, rows in sets.items()]
        print(f"{variant} epoch {epoch}: {', '.join(scores)} ({seconds / 60:.1f} min)", flush=True)

    model = train(layers, data, list(range(len(data.rows))), variant, epochs, lr, evaluate)
    out.mkdir(parents=True, exist_ok=True)
    torch.save({"variant": variant, "state": model.state_dict()}, out / f"{variant}.pt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("cache", "pairs", "heldout", "dev"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tone-mark-cache"))
    parser.add_argument("--variants", default="plain-1,mark-1")
    parser.add_argument("--variant", default="mark-1")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=3e-5, help="the layers' and head's")
    parser.add_argument("--marker-lr", type=float, default=1e-2)
    parser.add_argument("--marker-start", type=float, default=0.0, help="the marker's first norm")
    parser.add_argument("--oversample", type=int, default=1, help="multi-target rows' weight")
    parser.add_argument("--fold", type=int, default=0, help="the held-out fifth of rw-train")
    parser.add_argument("--out", type=Path, default=Path("/tmp/tone-mark-out"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.command == "cache":
        cache(args.cache)
    elif args.command == "pairs":
        cache_pairs(args.cache)
    elif args.command == "heldout":
        print(f"{args}", flush=True)
        rates = (args.lr, args.marker_lr, args.marker_start, args.oversample)
        heldout(args.cache, args.variants.split(","), args.epochs, rates, args.fold)
    elif args.command == "dev":
        print(f"{args}", flush=True)
        rates = (args.lr, args.marker_lr, args.marker_start, args.oversample)
        dev(args.cache, args.variant, args.epochs, rates, args.out)


if __name__ == "__main__":
    main()
