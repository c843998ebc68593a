"""Search latency over an ingested corpus, on SQLite and PostgreSQL: p50 / p95 / max.

    python bench/search.py [--db /tmp/presslens-bench.db] [--pg postgresql://...] [--check]

Run bench/ingest.py first (it fills --db). With --pg, the stored dossier records are copied
into that PostgreSQL database when it holds fewer articles (no analysis: the records are the
corpus), so both backends are measured on the same rows. The queries are words drawn with a
fixed seed from the corpus titles and text, some with a speaker, actor, source or kind filter,
and a few with SQL and search metacharacters. --check exits 1 when a p95 is 50 ms or more.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presslens.store import Store, open_store  # noqa: E402

P95_LIMIT_MS = 50.0
QUERIES = 300
NASTY = [
    "trump' OR '1'='1",
    "clinton'; DROP TABLE articles; --",
    '"obama',
    "tax%_",
    "NEAR(a b)",
    "immigration -border",
    "(war) & | !",
]


def pg_url_default() -> str | None:
    path = Path("/tmp/presslens-test-pg-url")
    return path.read_text().strip() if path.is_file() else None


def make_queries(store: Store, count: int) -> list[dict]:
    """Search calls drawn from the corpus with a fixed seed."""
    rng = random.Random(7)
    rows = list(store.export("articles", with_dossier=True))
    words = [
        w for row in rows for w in re.findall(r"[A-Za-z]{5,}", row["dossier"]["article"]["text"])
    ]
    speakers = [q["speaker"] for q in store.export("quotes") if q["speaker"]] or ["nobody"]
    actors = [a for row in rows for a in (x["name"] for x in row["dossier"]["actors"])] or [
        "nobody"
    ]
    queries: list[dict] = []
    for number in range(count):
        text = " ".join(rng.sample(words, rng.choice([1, 1, 2, 3])))
        call: dict = {"query": text}
        if number % 5 == 1:
            call["speaker"] = rng.choice(speakers).split()[-1]
            call["query"] = text.split()[0]
        elif number % 5 == 2:
            call["actor"] = rng.choice(actors)
        elif number % 5 == 3:
            call["kind"] = rng.choice(["article", "quote", "claim"])
        queries.append(call)
    return queries + [{"query": nasty} for nasty in NASTY]


def measure(store: Store, queries: list[dict]) -> tuple[list[float], int]:
    for call in queries[:20]:  # warm the caches as a running server would be
        store.search(**call)
    times, hits = [], 0
    for call in queries:
        start = time.perf_counter()
        hits += len(store.search(**call))
        times.append((time.perf_counter() - start) * 1000)
    return times, hits


def copy_into(source: Store, target: Store) -> None:
    for row in source.export("articles", with_dossier=True):
        target.save(row["dossier"], sha256=row["sha256"], uri=row["uri"])


def report(name: str, times: list[float], hits: int) -> float:
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"{name:<10} {len(times)} searches, {hits} hits: p50 {statistics.median(times):.1f} ms,"
        f" p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"
    )
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="/tmp/presslens-bench.db")
    parser.add_argument("--pg", default=pg_url_default())
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not Path(args.db).is_file():
        print(f"{args.db} is absent: run bench/ingest.py first")
        return 0
    worst = 0.0
    with open_store(args.db) as sqlite_store:
        total = sqlite_store.counts()["articles"]
        queries = make_queries(sqlite_store, QUERIES)
        print(f"corpus: {total} articles, {sqlite_store.counts()}")
        worst = max(worst, report("sqlite", *measure(sqlite_store, queries)))
        if args.pg:
            with open_store(args.pg) as pg_store:
                if pg_store.counts()["articles"] < total:
                    copy_into(sqlite_store, pg_store)
                worst = max(worst, report("postgres", *measure(pg_store, queries)))
    if args.check and worst >= P95_LIMIT_MS:
        print(f"FAIL: a p95 is {worst:.1f} ms, over {P95_LIMIT_MS} ms")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
