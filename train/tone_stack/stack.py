"""Does mixing the fast tone model into the accurate one help? Measured on NewsMTSC.

    python train/tone_stack/outputs.py     # first: both models' outputs, cached in /tmp
    python train/tone_stack/stack.py       # the table, paired bootstraps

The mix: z = (1 - a) * log p_accurate + a * log p_fast, then softmax(z / t). p_accurate is the
shipped head's calibrated softmax (its temperature from resources/encoder/calibration.json),
p_fast the shipped fast model's probabilities. `a` alone decides the label; `t` only calibrates.

Where a and t are fitted, and why:
- on rw-dev by cross-validation (5 folds by sentence, repeated 20 times with other splits): a
  and t chosen on four folds (a by log loss, or by macro-F1: "mix-f1") and applied to the
  fifth; mt-dev untouched, scored once with a and t fitted on the whole of rw-dev. rw-dev is
  the only labelled set neither model was trained on (the head's temperature was fitted on
  it, which moves no label);
- on rw-train: the accurate head's in-sample logits, the fast model's out-of-fold
  probabilities (train/tone_stack/outputs.py). The head was fine-tuned on those rows, so its
  outputs there look better than they are and the fit gives the fast model too little weight;
  measured, the bias is mild (head macro-F1 0.805 on rw-train against 0.793 on rw-dev, log
  loss 0.495 against 0.555) and the route leaves both dev sets held out.
A stacking logistic regression over both models' six log-probabilities (21 parameters) is
scored the same two ways, and the head itself is refitted on rw-train with and without the
fast model's out-of-fold outputs as six more inputs (refit_head).
Paired bootstrap: sentences resampled with replacement (a sentence's targets are not
independent), 5,000 draws, macro-F1 of the mix minus the accurate head's on the same draw.
Results and the decision (nothing shipped): notes/helpers/stack.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path("/tmp/tone_stack_outputs.npz")
GRID = np.round(np.arange(0.0, 1.0001, 0.05), 2)
REPEATS = 20
FOLDS = 5
DRAWS = 5000
SEED = 17


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def macro_f1(labels: np.ndarray, scores: np.ndarray) -> float:
    return float(f1_score(labels, scores.argmax(axis=1), average="macro", labels=[0, 1, 2]))


def log_loss(z: np.ndarray, labels: np.ndarray) -> float:
    return float(-log_softmax(z)[np.arange(len(labels)), labels].mean())


def temperature(z: np.ndarray, labels: np.ndarray) -> float:
    found = minimize_scalar(
        lambda t: log_loss(z / t, labels), bounds=(0.05, 20.0), method="bounded"
    )
    return float(found.x)


def mix(acc: np.ndarray, fast: np.ndarray, a: float) -> np.ndarray:
    return (1.0 - a) * acc + a * fast


def fit_mix(
    acc: np.ndarray, fast: np.ndarray, labels: np.ndarray, by: str = "log loss"
) -> tuple[float, float]:
    """(a, t): a with the least log loss (t fitted for every a of the grid), or with the best
    macro-F1 (`by` "macro-F1"; ties to the smaller a), then t for that a."""
    best = None
    for a in GRID:
        z = mix(acc, fast, a)
        t = temperature(z, labels)
        loss = log_loss(z / t, labels) if by == "log loss" else -macro_f1(labels, z)
        if best is None or loss < best[0] - 1e-12:
            best = (loss, float(a), t)
    assert best is not None
    return best[1], best[2]


def fit_stack(acc: np.ndarray, fast: np.ndarray, labels: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=1.0, max_iter=2000)
    return model.fit(np.hstack([acc, fast]), labels)


def cross_validated(data: dict, name: str, how: str, seed: int) -> np.ndarray:
    """`how`: "mix" (a by log loss), "mix-f1" (a by macro-F1) or "stack"."""
    """Out-of-fold scores on one set: each fold's parameters fitted on the other folds."""
    acc, fast, labels = data[name]["acc"], data[name]["fast"], data[name]["labels"]
    groups = data[name]["sentence"]
    # GroupKFold does not shuffle: relabel the sentences at random for each repeat
    order = np.random.default_rng(seed).permutation(groups.max() + 1)
    out = np.zeros_like(acc)
    for train, test in GroupKFold(FOLDS).split(acc, groups=order[groups]):
        if how.startswith("mix"):
            by = "macro-F1" if how == "mix-f1" else "log loss"
            a, t = fit_mix(acc[train], fast[train], labels[train], by)
            out[test] = mix(acc[test], fast[test], a) / t
        else:
            model = fit_stack(acc[train], fast[train], labels[train])
            out[test] = model.predict_log_proba(np.hstack([acc[test], fast[test]]))
    return out


def bootstrap(labels, base, other, groups, seed: int = SEED) -> tuple[float, float, float, float]:
    """Mean difference in macro-F1 (other - base), its 95% interval, and P(difference <= 0),
    over sentences drawn with replacement."""
    rng = np.random.default_rng(seed)
    members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    base_label, other_label = base.argmax(axis=1), other.argmax(axis=1)
    diffs = np.empty(DRAWS)
    for k in range(DRAWS):
        rows = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        gold = labels[rows]
        diffs[k] = f1_score(gold, other_label[rows], average="macro") - f1_score(
            gold, base_label[rows], average="macro"
        )
    low, high = np.percentile(diffs, [2.5, 97.5])
    return float(diffs.mean()), float(low), float(high), float((diffs <= 0).mean())


def load(cache: Path) -> dict:
    import json

    calibration = json.loads(
        (ROOT / "src" / "presslens" / "resources" / "encoder" / "calibration.json").read_text()
    )
    t0 = calibration["tone_temperature"]
    arrays = np.load(cache)
    data = {}
    for name in ("rw-train", "rw-dev", "mt-dev"):
        data[name] = {
            "acc": log_softmax(arrays[f"{name}/accurate"] / t0),
            "fast": np.log(np.clip(arrays[f"{name}/fast"], 1e-9, 1.0)),
            "labels": arrays[f"{name}/labels"],
            "sentence": arrays[f"{name}/sentence"],
        }
    data["rw-train"]["fast_oof"] = np.log(np.clip(arrays["rw-train/fast_oof"], 1e-9, 1.0))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args(argv)
    data = load(args.cache)
    dev, mt, train = data["rw-dev"], data["mt-dev"], data["rw-train"]

    print("alone (shipped models):")
    for name in ("rw-train", "rw-dev", "mt-dev"):
        d = data[name]
        cells = (
            f"accurate {macro_f1(d['labels'], d['acc']):.3f}"
            f"  fast {macro_f1(d['labels'], d['fast']):.3f}"
        )
        if name == "rw-train":
            cells += f"  fast out-of-fold {macro_f1(d['labels'], d['fast_oof']):.3f}"
        print(f"  {name:<8} {cells}")

    print("\nthe mix's macro-F1 along a (descriptive: every a looked at on both dev sets):")
    print("  a     rw-dev  mt-dev  rw-train(in-sample acc, oof fast)")
    for a in GRID:
        print(
            f"  {a:.2f}  {macro_f1(dev['labels'], mix(dev['acc'], dev['fast'], a)):.3f}"
            f"   {macro_f1(mt['labels'], mix(mt['acc'], mt['fast'], a)):.3f}"
            f"   {macro_f1(train['labels'], mix(train['acc'], train['fast_oof'], a)):.3f}"
        )

    print("\nfitted on rw-dev (CV there, mt-dev untouched):")
    a, t = fit_mix(dev["acc"], dev["fast"], dev["labels"])
    print(f"  mix fitted on all of rw-dev: a = {a:.2f}, t = {t:.3f}")
    acc_dev = macro_f1(dev["labels"], dev["acc"])
    for how in ("mix", "mix-f1", "stack"):
        runs = [cross_validated(data, "rw-dev", how, SEED + r) for r in range(REPEATS)]
        f1s = [macro_f1(dev["labels"], run) for run in runs]
        boot = bootstrap(dev["labels"], dev["acc"], runs[0], dev["sentence"])
        print(
            f"  {how:<6} rw-dev CV macro-F1 {np.mean(f1s):.3f} (repeats {min(f1s):.3f}-"
            f"{max(f1s):.3f}; accurate alone {acc_dev:.3f}); first repeat vs accurate: "
            f"{boot[0]:+.3f} [{boot[1]:+.3f}, {boot[2]:+.3f}], P(<=0) {boot[3]:.2f}"
        )
    mixed_mt = mix(mt["acc"], mt["fast"], a) / t
    stack = fit_stack(dev["acc"], dev["fast"], dev["labels"])
    stacked_mt = stack.predict_log_proba(np.hstack([mt["acc"], mt["fast"]]))
    a_f1, t_f1 = fit_mix(dev["acc"], dev["fast"], dev["labels"], "macro-F1")
    print(f"  mix-f1 fitted on all of rw-dev: a = {a_f1:.2f}")
    mixed_f1_mt = mix(mt["acc"], mt["fast"], a_f1) / t_f1
    for how, scores in (("mix", mixed_mt), ("mix-f1", mixed_f1_mt), ("stack", stacked_mt)):
        boot = bootstrap(mt["labels"], mt["acc"], scores, mt["sentence"])
        print(
            f"  {how:<6} mt-dev macro-F1 {macro_f1(mt['labels'], scores):.3f} (accurate alone "
            f"{macro_f1(mt['labels'], mt['acc']):.3f}): {boot[0]:+.3f} "
            f"[{boot[1]:+.3f}, {boot[2]:+.3f}], P(<=0) {boot[3]:.2f}"
        )

    print("\nfitted on rw-train (accurate in-sample, fast out-of-fold: biased toward accurate):")
    a_tr, t_tr = fit_mix(train["acc"], train["fast_oof"], train["labels"])
    print(f"  mix: a = {a_tr:.2f}, t = {t_tr:.3f}; both dev sets held out")
    stack_tr = fit_stack(train["acc"], train["fast_oof"], train["labels"])
    for name, d in (("rw-dev", dev), ("mt-dev", mt)):
        mixed = mix(d["acc"], d["fast"], a_tr)
        boot = bootstrap(d["labels"], d["acc"], mixed, d["sentence"])
        stacked = stack_tr.predict_log_proba(np.hstack([d["acc"], d["fast"]]))
        print(
            f"  {name}: mix {macro_f1(d['labels'], mixed):.3f} ({boot[0]:+.3f} [{boot[1]:+.3f}, "
            f"{boot[2]:+.3f}], P(<=0) {boot[3]:.2f})  stack {macro_f1(d['labels'], stacked):.3f}"
            f"  (accurate {macro_f1(d['labels'], d['acc']):.3f})"
        )

    print("\nlog loss on mt-dev (calibration; macro-F1 is the target):")
    print(
        f"  accurate {log_loss(mt['acc'], mt['labels']):.3f}  mix fitted on rw-dev "
        f"{log_loss(mixed_mt, mt['labels']):.3f}  mix fitted on rw-train "
        f"{log_loss(mix(mt['acc'], mt['fast'], a_tr) / t_tr, mt['labels']):.3f}"
    )
    refit_head(args.cache, data)
    return 0


def refit_head(cache: Path, data: dict) -> None:
    """The fast model's outputs added to the head's inputs: a multinomial LR on rw-train over
    the standardised [mention, sentence] vectors, with and without the fast model's
    out-of-fold log-probabilities (whole model and sparse part, 6 inputs), C chosen by
    rw-train CV (5 folds by sentence). The control without them isolates what they add; the
    vectors of rw-train are in-sample for the fine-tuned top, as above."""
    arrays = np.load(cache)
    labels = data["rw-train"]["labels"]
    groups = data["rw-train"]["sentence"]

    def inputs(name: str, with_fast: bool) -> np.ndarray:
        parts = [arrays[f"{name}/vectors"]]
        if with_fast:
            suffix = "_oof" if name == "rw-train" else ""
            for key in ("fast", "fast_sparse"):
                parts.append(np.log(np.clip(arrays[f"{name}/{key}{suffix}"], 1e-9, 1.0)))
        return np.hstack(parts)

    print("\nhead refitted on rw-train, without / with the fast model's outputs as inputs:")
    for with_fast in (False, True):
        raw = {name: inputs(name, with_fast) for name in ("rw-train", "rw-dev", "mt-dev")}
        mean, scale = raw["rw-train"].mean(axis=0), raw["rw-train"].std(axis=0) + 1e-6
        x = {name: (value - mean) / scale for name, value in raw.items()}
        best = None
        for c in (0.001, 0.003, 0.01):
            oof = np.zeros((len(labels), 3))
            for train, test in GroupKFold(FOLDS).split(x["rw-train"], groups=groups):
                model = LogisticRegression(C=c, max_iter=3000)
                oof[test] = model.fit(x["rw-train"][train], labels[train]).decision_function(
                    x["rw-train"][test]
                )
            if best is None or macro_f1(labels, oof) > best[0]:
                best = (macro_f1(labels, oof), c)
        assert best is not None
        model = LogisticRegression(C=best[1], max_iter=3000).fit(x["rw-train"], labels)
        cells = "  ".join(
            f"{name} {macro_f1(data[name]['labels'], model.decision_function(x[name])):.3f}"
            for name in ("rw-dev", "mt-dev")
        )
        tag = "with fast" if with_fast else "control  "
        print(f"  {tag} C={best[1]}: rw-train CV {best[0]:.3f}  {cells}")


if __name__ == "__main__":
    raise SystemExit(main())
