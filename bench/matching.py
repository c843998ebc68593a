"""Claim matching against a store of 10k verified claims: import, encode, and one claim matched.

    python bench/matching.py                   # SQLite in /tmp, 5 runs
    python bench/matching.py --db postgresql://... --runs 3

The collection is CheckThat! 2020 task 2's verified claims (../shared, 10,375 claims; its TSV has
10,390 lines as some claims run over two), written as a JSONL collection in the temporary folder
and imported into a fresh store, as `presslens factchecks import` does. Timed, median of
--runs (the machine is shared: never one run):

- read + store: reading the file and storing the rows (no vectors);
- encode: making and storing every fact-check's vectors, its claim's and its title's (minutes on
  two cores: --encode-runs, 1 by default, each on a store emptied of vectors);
- cold match: the first match in a process (the encoder's session loaded, the fact-checks and
  their vectors read, BM25 built, the claim encoded); caches cleared before each run;
- warm match: a match when the index is in memory (what a server does): one encoder pass over
  the claim and two products with the 10k vectors (claims' and titles');
- warm lexical: the same without the encoder (BM25 alone);
- `presslens match` as a new process, start to end (imports included);

and, for scale, the bare spaCy parse of the same claim (house style: benchmarks as ratios).

Measured on SQLite, two shared cores, 3 runs (December 2026, titles' vectors added): read + store
0.63 s, encode 128 s, cold match 0.70 s, warm match 0.010 s (1.4 x the parse), warm lexical
0.0004 s, `presslens match` 2.4 s. Before, with the claims' vectors alone: warm match 0.028 s and
encode 148 s, measured under another load (the titles are short: encoding them costs little).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "claim-matching" / "clef2020-t2"
sys.path.insert(0, str(ROOT / "src"))

from timing import median_seconds  # noqa: E402  (bench/timing.py)

from presslens.corpus import lookup, matching  # noqa: E402
from presslens.corpus.factchecks import read_factchecks, save_factchecks  # noqa: E402
from presslens.nlp import encoder  # noqa: E402
from presslens.store import Store, open_store  # noqa: E402

CLAIM = "A politician said that most people arrested at the protests came from out of state."


def collection(folder: Path) -> Path:
    """The verified claims as a JSONL collection (claim, title and a made-up URL) in `folder`."""
    path = folder / "verified-claims.jsonl"
    with open(DATA / "verified_claims.docs.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    with open(path, "w", encoding="utf-8") as out:
        for number, row in enumerate(rows):
            item = {"claim": row[1], "title": row[2], "url": f"https://clef.example/{number}"}
            out.write(json.dumps(item) + "\n")
    return path


def empty(store: Store) -> None:
    with store.transaction():
        store.run("DELETE FROM factchecks")


def cold_match(store: Store) -> None:
    lookup.INDEXES.clear()
    lookup.encoder_identity.cache_clear()
    encoder.session.cache_clear()
    lookup.match_text(store, [CLAIM], 5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", help="a store to use (default: a SQLite file in /tmp)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--encode-runs", type=int, default=1)
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"no data at {DATA}: nothing to time")
        return 0
    if not encoder.available():
        print("the encoder cannot run here: nothing to time")
        return 1
    folder = Path(tempfile.mkdtemp(prefix="presslens-bench-matching-"))
    path = collection(folder)
    location = args.db or str(folder / "factchecks.db")
    timings: dict[str, float] = {}
    with open_store(location) as store:
        empty(store)

        def read_and_store() -> None:
            empty(store)
            save_factchecks(store, read_factchecks(path).factchecks, origin=str(path))

        timings["read + store"] = median_seconds(read_and_store, args.runs)
        count = int(store.scalar("SELECT count(*) AS n FROM factchecks"))

        def encode_all() -> None:
            with store.transaction():
                store.run("UPDATE factchecks SET vector = NULL, encoder = NULL")
            lookup.encode_factchecks(store)

        timings["encode"] = median_seconds(encode_all, args.encode_runs)
        timings["cold match"] = median_seconds(lambda: cold_match(store), args.runs)
        lookup.match_text(store, [CLAIM], 5)
        timings["warm match"] = median_seconds(
            lambda: lookup.match_text(store, [CLAIM], 5), args.runs * 4
        )
        index, _ = lookup.factcheck_index(store)
        timings["warm lexical"] = median_seconds(
            lambda: matching.best_of(index.scores([CLAIM], dense=False), 5), args.runs * 4
        )
    command = [sys.executable, "-m", "presslens.cli", "match", CLAIM, "--db", location]
    timings["presslens match (process)"] = median_seconds(
        lambda: subprocess.run(command, capture_output=True, check=True), max(1, args.runs // 2)
    )
    timings["spaCy parse of the claim"] = parse_seconds(args.runs)
    show(timings, count)
    return 0


def parse_seconds(runs: int) -> float:
    from presslens import nlp

    nlp.parse("warm up")  # the model loads once, outside the timing
    return median_seconds(lambda: nlp.parse(CLAIM), runs * 4)


def show(timings: dict[str, float], count: int) -> None:
    parse = timings["spaCy parse of the claim"]
    print(f"one claim against {count:,} verified claims (medians)")
    print(f"{'what':<30}{'seconds':>10}{'x parse':>10}")
    for what, seconds in timings.items():
        print(f"{what:<30}{seconds:>10.4f}{seconds / parse:>10.1f}")


if __name__ == "__main__":
    warnings.simplefilter("default")
    sys.exit(main())
