"""Score the figures stage on NewsQuant and the Recognizers-Text English specs.

    python eval/figures.py              # presslens tables (NewsQuant dev: build, heldout, all)
    python eval/figures.py --split heldout   # one half of NewsQuant dev only
    python eval/figures.py --baseline   # also quantulum3, run from its own venv
    python eval/figures.py --check      # exit 1 when a score is under its floor
    python eval/figures.py --show [--metric M]          # the build half's errors
    python eval/figures.py --misses SET [--metric M]   # list the misses of one set or spec

Against fitting: NewsQuant dev is split into two halves by a fixed seed (SPLIT_SEED): `build`,
whose errors may be read while developing (`--show`), and `heldout`, which is only ever scored,
never listed (`--misses NewsQuant-dev` lists the build half too). Both are reported with the
whole set. Caveats: the whole of dev was read while building the stage (issue 4), so neither
half is unseen; the held-out half is also the easier one (untuned quantulum3 scores 2.8 value
points higher on it than on build), so the gap between the halves understates fitting. The
other half of NewsQuant, on which issue 20 reports 92.5 / 75.7 / 83.2, is not in ../shared.

NewsQuant (../shared/data/quantities/newsquant, conventions of ../shared/README.md): micro
P/R/F1 over quantities per sentence, one-to-one; values match with relative tolerance 1e-5
(ranges as sorted (lo, hi)); value+unit also needs the unit to agree with `normalized_unit`
(lower-cased, "-" for unitless: our unit names are mapped to its names); value+change also needs
the change label (= ~ > < up down) — ours is derived from bound and change: approx -> ~, else a
change up/down, else over -> >, under -> <, else =.

Recognizers-Text specs: a case passes when the multiset of values (and units for Currency and
Dimension, intervals for NumberRange) we find equals the expected one; spans are not compared.
Number is scored on the number reader (figures/numbers.py), the others on figures of their kind.
Conventions adopted: every case counts, including those marked "NotSupported" (that field names
the Recognizers ports that fail a case; a few even name the .NET reference, and still count);
a case with empty Results passes only when we find nothing of its kind; a result with a null
value (a bare "dollar", "percent") must be matched by a value-less mention, so Percent and
Currency run with mentions=True; the pass rate is passed cases over all cases.

`--misses SET` lists what did not match: for a NewsQuant set, per sentence the gold quantities
left unmatched (-) and our extra ones (+) under `--metric`; for a spec, each failed input with
the expected and found tuples.

quantulum3 runs in a separate venv (default /tmp/venv-figures, or $QUANTULUM_PYTHON) with its
classifier off (its pickled model does not load with the installed scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "quantities"
NEWSQUANT = SHARED / "newsquant"
SPECS = SHARED / "recognizers-specs"
NEWSQUANT_SETS = (
    "NewsQuant-dev",
    "currency-model",
    "dimension-model",
    "temperature-model",
    "age-model",
)
DEV = "NewsQuant-dev"
SPLITS = ("build", "heldout", "all")
SPLIT_SEED = 20  # fixed: the halves never change (issue 20)
SPEC_SETS = ("Number", "Percent", "NumberRange", "Currency", "Dimension")
SPEC_FILES = {
    "Number": "Number-NumberModel.json",
    "Percent": "Number-PercentModel.json",
    "NumberRange": "Number-NumberRangeModel.json",
    "Currency": "NumberWithUnit-CurrencyModel.json",
    "Dimension": "NumberWithUnit-DimensionModel.json",
}
QUANTULUM_PYTHON = os.environ.get("QUANTULUM_PYTHON", "/tmp/venv-figures/bin/python")

# Pinned floors, a little under what was measured (issue 20, pint catalogue and the meanings
# of issue 20: dev build 94.1 / 85.8 / 88.5, heldout 95.4 / 89.1 / 91.2, all 94.7 / 87.3 / 89.7;
# currency-model 96.1 / 93.0, dimension-model 92.6 / 90.2; specs: Number 86.4, Percent 100,
# NumberRange 86.2, Currency 98.3, Dimension 84.0). Percent and Currency are pinned at the
# issue 4 targets (one Percent miss is 95). The held-out floors are the issue 20 goals.
FLOORS = {
    (f"{DEV} build", "value"): 0.935,
    (f"{DEV} build", "value+unit"): 0.85,
    (f"{DEV} build", "value+change"): 0.88,
    (f"{DEV} heldout", "value"): 0.94,
    (f"{DEV} heldout", "value+unit"): 0.88,
    (f"{DEV} heldout", "value+change"): 0.90,
    (DEV, "value"): 0.94,
    (DEV, "value+unit"): 0.865,
    (DEV, "value+change"): 0.89,
    ("currency-model", "value"): 0.95,
    ("currency-model", "value+unit"): 0.92,
    ("dimension-model", "value"): 0.92,
    ("dimension-model", "value+unit"): 0.89,
    ("spec", "Percent"): 1.0,
    ("spec", "Currency"): 0.97,
    ("spec", "NumberRange"): 0.85,
    ("spec", "Number"): 0.85,
    ("spec", "Dimension"): 0.83,
}

NOT_QUANTITIES = ("date", "time", "ordinal", "label")
# Recognizers unit names -> our unit codes, where the names differ.
SPEC_UNITS = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound": "GBP",
    "british pound": "GBP", "cent": "USX", "pence": "GBX", "penny": "GBX",
    "japanese yen": "JPY", "chinese yuan": "CNY", "canadian dollar": "CAD",
    "australian dollar": "AUD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "mexican peso": "MXN", "swiss franc": "CHF", "franc": "FRF", "turkish lira": "TRY",
    "rupee": "INR", "bitcoin": "XBT", "satoshi": "SAT", "peseta": "ESP",
    "netherlands guilder": "NLG", "finnish markka": "FIM", "kilometer per hour": "km/h",
    "mile per hour": "mph", "meter": "m", "kilometer": "km", "centimeter": "cm",
    "millimeter": "mm", "decimeter": "dm", "picometer": "pm", "mile": "mi", "foot": "ft",
    "inch": "in", "square meter": "m2", "square kilometer": "km2", "cubic foot": "ft3",
    "gallon": "gal", "barrel": "bbl", "ounce": "oz", "acre": "acre", "ton": "t",
    "metric ton": "t", "kilogram": "kg", "microgram": "ug", "gram": "g", "milliliter": "ml",
    "megabit": "Mb", "megabyte": "MB", "bit": "bit", "tablespoon": "tbsp", "teaspoon": "tsp",
    "cup": "cup", "dram": "dram", "degree": "deg", "radian": "rad", "turn": "turn",
    "meter per millisecond": "m/ms", "centimeter per millisecond": "cm/ms",
    "kilometer per millisecond": "km/ms", "costa rican colón": "CRC", "georgian lari": "GEL",
    "lao kip": "LAK", "sri lankan rupee": "LKR", "sen": "SEN", "pound-mass": "lb",
}  # fmt: skip
TON_CODES = {"t", "ton"}


@dataclass(frozen=True, slots=True)
class Quantity:
    value: tuple[float, ...]  # (v,) or (low, high)
    unit: str  # NewsQuant-style name, lower case; "-" for none
    change: str  # = ~ > < up down
    code: str = ""  # our unit code (for the Recognizers specs)
    kind: str = ""


def close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-9) for x, y in zip(a, b, strict=False)
    )


def gold_value(raw: str) -> tuple[float, ...]:
    raw = str(raw).strip()
    for k in range(1, len(raw)):
        if raw[k] == "-" and raw[k - 1] != "e":
            try:
                low, high = float(raw[:k]), float(raw[k + 1 :])
            except ValueError:
                continue
            return (min(low, high), max(low, high))
    return (float(raw),)


def match_count(gold: list[Quantity], pred: list[Quantity], same: Callable) -> int:
    """One-to-one greedy matches between gold and predicted quantities."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for k, p in enumerate(pred):
            if k not in used and same(g, p):
                used.add(k)
                hits += 1
                break
    return hits


METRICS: dict[str, Callable[[Quantity, Quantity], bool]] = {
    "value": lambda g, p: close(g.value, p.value),
    "value+unit": lambda g, p: close(g.value, p.value) and g.unit == p.unit,
    "value+change": lambda g, p: close(g.value, p.value) and g.change == p.change,
}


def gold_quantities(row: dict) -> list[Quantity]:
    """A NewsQuant sentence's annotated quantities: value, lower-cased unit, change label."""
    return [
        Quantity(gold_value(q["value"]), q["normalized_unit"].strip().lower(), q.get("change", "="))
        for q in row["quantities"]
    ]


def score_newsquant(rows: list[dict], predict: Callable[[str], list[Quantity]]) -> dict:
    totals = {m: [0, 0, 0] for m in METRICS}  # hits, gold, predicted
    for row in rows:
        gold = gold_quantities(row)
        pred = predict(row["text"])
        for metric, same in METRICS.items():
            if metric == "value+change" and not any("change" in q for q in row["quantities"]):
                continue
            totals[metric][0] += match_count(gold, pred, same)
            totals[metric][1] += len(gold)
            totals[metric][2] += len(pred)
    return {metric: prf(*counts) for metric, counts in totals.items() if counts[1]}


def prf(hits: int, gold: int, pred: int) -> dict[str, float]:
    p = hits / pred if pred else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "n": gold}


# ---- presslens ------------------------------------------------------------------------------


def presslens_quantities(text: str) -> list[Quantity]:
    from presslens import nlp
    from presslens.stages.figures import extract_figures

    out = []
    for figure in extract_figures(text, nlp.parse(text)):
        if figure.kind in NOT_QUANTITIES or (figure.kind == "factor" and figure.unit is None):
            continue
        out.append(to_quantity(figure))
    return out


def to_quantity(figure) -> Quantity:
    from presslens.stages.figures.units import unit_name

    if figure.low is not None and figure.high is not None:
        value: tuple[float, ...] = (figure.low, figure.high)
    else:
        value = (figure.value if figure.value is not None else math.nan,)
    name = unit_name(figure.unit) if figure.unit else "-"
    if figure.kind == "factor" and figure.unit == "times":
        name = "count"
    if figure.bound == "approx":
        change = "~"
    elif figure.change in ("up", "down"):
        change = figure.change
    else:  # a factor ("four times") is read as NewsQuant does: by its bound
        change = {"over": ">", "under": "<"}.get(figure.bound, "=")
    return Quantity(value, name.lower(), change, figure.unit or "", figure.kind)


def presslens_spec(name: str, text: str) -> list[tuple]:
    """What presslens finds in one spec input, as comparable tuples."""
    if name == "Number":
        from presslens.stages.figures.numbers import find_numbers

        return [
            (round_value(n.value if n.value is not None else n.low),)
            for n in find_numbers(text)
            if not n.ordinal
        ]
    from presslens.stages.figures import extract_figures

    figures = extract_figures(text, mentions=name in ("Percent", "Currency"))
    found: list[tuple] = []
    for f in figures:
        if name == "Percent" and f.unit == "percent":
            found.append((round_value(f.value),))
        elif name == "Currency" and is_money(f):
            value = round_value(f.value) if f.value is not None else None
            found.append((value, (f.unit or "").split("/")[0]) if value is not None else (None,))
        elif name == "Dimension" and f.kind in ("quantity", "rate") and f.value is not None:
            found.append((round_value(f.value), f.unit or ""))
        elif name == "NumberRange" and f.bound in ("range", "over", "under"):
            found.append(interval(f.bound, f.value, f.low, f.high))
        elif name == "NumberRange" and f.text.lower().startswith("equal"):
            found.append((round_value(f.value), round_value(f.value)))
    return found


def is_money(figure) -> bool:
    from presslens.stages.figures.units import tables

    code = (figure.unit or "").split("/")[0]
    known = tables().by_code.get(code)
    return known is not None and known.kind == "money"


def interval(bound: str, value, low, high) -> tuple:
    if bound == "range":
        return (round_value(low), round_value(high))
    if bound == "over":
        return (round_value(value), None)
    return (None, round_value(value))


def round_value(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.6g}")


def expected_spec(name: str, case: dict) -> list[tuple]:
    out: list[tuple] = []
    for result in case["Results"]:
        resolution = result.get("Resolution") or {}
        raw = resolution.get("value")
        if name == "NumberRange":
            out.append(parse_interval(str(raw)))
            continue
        if raw in (None, "null"):
            out.append((None,))
            continue
        value = round_value(float(str(raw).rstrip("%")))
        if name in ("Currency", "Dimension"):
            unit = str(resolution.get("unit", "")).lower()
            if name == "Dimension" and unit == "pound":
                unit = "pound-mass"  # a weight here, not money
            out.append((value, SPEC_UNITS.get(unit, unit)))
        else:
            out.append((value,))
    return out


def parse_interval(raw: str) -> tuple:
    inner = raw.strip()[1:-1]
    low, _, high = inner.partition(",")
    return (round_value(float(low)) if low else None, round_value(float(high)) if high else None)


def same_items(expected: list[tuple], found: list[tuple]) -> bool:
    if len(expected) != len(found):
        return False
    rest = list(found)
    for item in expected:
        for k, other in enumerate(rest):
            if items_equal(item, other):
                del rest[k]
                break
        else:
            return False
    return True


def items_equal(a: tuple, b: tuple) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=False):
        if isinstance(x, float) and isinstance(y, float):
            if not math.isclose(x, y, rel_tol=1e-4, abs_tol=1e-9):
                return False
        elif isinstance(x, str) and isinstance(y, str):
            if not (x == y or x.lower() == y.lower() or {x, y} <= TON_CODES):
                return False
        elif x != y:
            return False
    return True


def score_specs(find: Callable[[str, str], list[tuple]]) -> dict[str, dict[str, float]]:
    scores = {}
    for name in SPEC_SETS:
        cases = json.loads((SPECS / SPEC_FILES[name]).read_text("utf-8-sig"))
        passed = 0
        for case in cases:
            try:
                found = find(name, case["Input"])
            except Exception:  # noqa: BLE001 - a crash is a failed case, and is counted
                found = [("crash",)]
            passed += same_items(expected_spec(name, case), found)
        scores[name] = {"pass": passed / len(cases), "n": len(cases)}
    return scores


# ---- quantulum3 (run inside its own venv) ---------------------------------------------------


def quantulum_parse(text: str):
    import quantulum3.classifier as classifier

    classifier.USE_CLF = False
    from quantulum3 import parser

    try:
        return parser.parse(text)
    except Exception:  # noqa: BLE001 - the baseline may fail on odd input
        return []


# quantulum3's unit names where NewsQuant names the same unit differently.
QUANTULUM_NAMES = {
    "dimensionless": "-", "united states dollar": "dollar", "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit", "degree angle": "degree", "pound-mass": "pound-mass",
    "year of age": "year of age", "euro": "euro", "pound sterling": "pound sterling",
}  # fmt: skip


def quantulum_quantities(text: str) -> list[Quantity]:
    out = []
    for q in quantulum_parse(text):
        name = q.unit.name.lower()
        name = QUANTULUM_NAMES.get(name, name)
        value = (float(q.value),)
        out.append(Quantity(value, name, "=", q.unit.name, q.unit.entity.name))
    return out


def quantulum_spec(name: str, text: str) -> list[tuple]:
    found: list[tuple] = []
    for q in quantulum_parse(text):
        entity = q.unit.entity.name
        if name == "Number":
            found.append((round_value(float(q.value)),))
        elif name == "Percent" and q.unit.name == "percentage":
            found.append((round_value(float(q.value)),))
        elif name == "Currency" and entity == "currency":
            unit = q.unit.name.lower()
            found.append((round_value(float(q.value)), SPEC_UNITS.get(unit, unit)))
        elif name == "Dimension" and entity not in ("currency", "dimensionless"):
            unit = q.unit.name.lower()
            found.append((round_value(float(q.value)), SPEC_UNITS.get(unit, unit)))
    return found


# ---- running and printing -------------------------------------------------------------------


def dev_half(rows: list[dict], split: str) -> list[dict]:
    """One half of NewsQuant dev by a seeded shuffle of its sentences ('all': every one)."""
    if split == "all":
        return rows
    order = list(range(len(rows)))
    random.Random(SPLIT_SEED).shuffle(order)
    cut = (len(rows) + 1) // 2
    chosen = set(order[:cut] if split == "build" else order[cut:])
    return [row for k, row in enumerate(rows) if k in chosen]


def set_names(split: str | None) -> list[str]:
    """The NewsQuant rows of the tables: dev by half (or one half), then the model sets."""
    halves = SPLITS if split is None else (split,)
    return [dev_set(half) for half in halves] + [n for n in NEWSQUANT_SETS if n != DEV]


def dev_set(split: str) -> str:
    return DEV if split == "all" else f"{DEV} {split}"


def run(system: str, split: str | None = None) -> dict:
    quantities = presslens_quantities if system == "presslens" else quantulum_quantities
    spec = presslens_spec if system == "presslens" else quantulum_spec
    cache: dict[str, list[Quantity]] = {}

    def predict(text: str) -> list[Quantity]:
        if text not in cache:
            cache[text] = quantities(text)
        return cache[text]

    results: dict = {"newsquant": {}, "specs": {}}
    for name in NEWSQUANT_SETS:
        rows = json.loads((NEWSQUANT / f"{name}.json").read_text("utf-8"))
        if name != DEV:
            results["newsquant"][name] = score_newsquant(rows, predict)
            continue
        for half in SPLITS if split is None else (split,):
            results["newsquant"][dev_set(half)] = score_newsquant(dev_half(rows, half), predict)
    results["specs"] = score_specs(spec)
    return results


def run_baseline(split: str | None = None) -> dict | None:
    if not Path(QUANTULUM_PYTHON).exists():
        print(f"quantulum3 baseline skipped: no {QUANTULUM_PYTHON}", file=sys.stderr)
        return None
    split_args = ["--split", split] if split else []
    done = subprocess.run(
        [QUANTULUM_PYTHON, __file__, "--system", "quantulum3", "--json", *split_args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"quantulum3 baseline failed: {done.stderr[-500:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout)


def print_tables(systems: dict[str, dict], split: str | None = None) -> None:
    names = list(systems)
    print("NewsQuant (micro P / R / F1, one-to-one)")
    header = f"{'set':<24}{'metric':<14}{'n':>5}  " + "  ".join(f"{n:>22}" for n in names)
    print(header)
    for set_name in set_names(split):
        for metric in METRICS:
            cells = []
            n = 0
            for system in names:
                score = systems[system]["newsquant"].get(set_name, {}).get(metric)
                if score is None:
                    cells.append(f"{'-':>22}")
                    continue
                n = score["n"]
                cells.append(
                    f"{score['p'] * 100:6.1f} {score['r'] * 100:6.1f} {score['f1'] * 100:6.1f}  "
                )
            if n:
                print(f"{set_name:<24}{metric:<14}{n:>5}  " + "  ".join(cells))
    print()
    print("Recognizers-Text English specs (exact-match pass rate, %)")
    print(f"{'spec':<14}{'cases':>6}  " + "  ".join(f"{n:>12}" for n in names))
    for spec in SPEC_SETS:
        n = systems[names[0]]["specs"][spec]["n"]
        cells = [f"{systems[s]['specs'][spec]['pass'] * 100:12.1f}" for s in names]
        print(f"{spec:<14}{n:>6}  " + "  ".join(cells))


def below_floors(results: dict) -> list[str]:
    failures = []
    for (where, what), floor in FLOORS.items():
        if where == "spec":
            got = results["specs"][what]["pass"]
        elif where in results["newsquant"]:
            got = results["newsquant"][where][what]["f1"]
        else:
            continue  # a half not run (--split)
        if got < floor:
            failures.append(f"{where} {what}: {got * 100:.1f} < floor {floor * 100:.1f}")
    return failures


def print_newsquant_misses(name: str, metric: str) -> None:
    """Each sentence where gold and our quantities do not pair up one-to-one under `metric`."""
    same = METRICS[metric]
    rows = json.loads((NEWSQUANT / f"{name}.json").read_text("utf-8"))
    if name == DEV:
        rows = dev_half(rows, "build")  # the held-out half's errors are never listed
    for row in rows:
        gold = gold_quantities(row)
        pred = presslens_quantities(row["text"])
        used: set[int] = set()
        missed = []
        for g in gold:
            k = next((k for k, p in enumerate(pred) if k not in used and same(g, p)), None)
            if k is None:
                missed.append(g)
            else:
                used.add(k)
        extra = [p for k, p in enumerate(pred) if k not in used]
        if missed or extra:
            print(row["text"].strip())
            for g in missed:
                print(f"   - gold {g.value} {g.unit!r} {g.change}")
            for p in extra:
                print(f"   + ours {p.value} {p.unit!r} {p.change} ({p.code}, {p.kind})")


def print_spec_misses(name: str) -> None:
    cases = json.loads((SPECS / SPEC_FILES[name]).read_text("utf-8-sig"))
    for case in cases:
        expected = expected_spec(name, case)
        found = presslens_spec(name, case["Input"])
        if not same_items(expected, found):
            flag = f" [NotSupported: {case['NotSupported']}]" if case.get("NotSupported") else ""
            print(f"{case['Input']!r}{flag}\n   expected {expected}\n   found    {found}")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when under a floor")
    parser.add_argument("--baseline", action="store_true", help="also run quantulum3")
    parser.add_argument("--system", default="presslens", choices=("presslens", "quantulum3"))
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--misses", metavar="SET", help="list the misses of a NewsQuant set or spec"
    )
    parser.add_argument("--metric", default="value+unit", choices=tuple(METRICS))
    parser.add_argument("--split", choices=SPLITS, help="score one half of NewsQuant dev only")
    parser.add_argument("--show", action="store_true", help="list the build half's errors")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not NEWSQUANT.exists() or not SPECS.exists():
        print(f"no evaluation data under {SHARED}", file=sys.stderr)
        return 0 if not args.check else 2
    if args.show:
        args.misses = DEV
    if args.misses in SPEC_FILES:
        print_spec_misses(args.misses)
        return 0
    if args.misses:
        print_newsquant_misses(args.misses, args.metric)
        return 0
    results = run(args.system, args.split)
    if args.json:
        print(json.dumps(results))
        return 0
    systems = {args.system: results}
    if args.baseline:
        baseline = run_baseline(args.split)
        if baseline is not None:
            systems["quantulum3"] = baseline
    print_tables(systems, args.split)
    if args.check:
        failures = below_floors(results)
        for failure in failures:
            print("FAIL", failure, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
