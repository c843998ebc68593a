"""Search latency over a corpus, on SQLite and PostgreSQL: p50 / p95 / max of one search page.

    python bench/search.py [--db PATH] [--pg postgresql://...] [--check]

A search is what the site does for one page: `Store.search_page` (the count, the page's rows and
their highlights). --db defaults to the corpus bench/ingest.py fills (/tmp/presslens-bench.db);
without it, /tmp/presslens-bench-search.db, built here when absent from the PolNeAR train texts
(../shared) without analysis (text-only dossiers, the published date taken from the file name),
which is enough for search. With --pg (default: the test
server's URL from .ci/services), the stored records are copied into a schema of their own
(--schema, by search_path), never the test database's public tables, and the schema is dropped
at the end unless --keep. The queries are drawn with a fixed seed from the corpus text: words,
phrases, OR, exclusions, filters, date order, later pages and a few hostile strings. --check
exits 1 when a p95 is 50 ms or more.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presslens.model import Article, Dossier  # noqa: E402
from presslens.store import Store, open_store, redact  # noqa: E402

P95_LIMIT_MS = 50.0
INGESTED = "/tmp/presslens-bench.db"  # bench/ingest.py's
BUILT = "/tmp/presslens-bench-search.db"
QUERIES = 300
CORPUS = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"
NASTY = [
    "trump' OR '1'='1",
    "clinton'; DROP TABLE articles; --",
    '"obama',
    "tax%_",
    "NEAR(a b)",
    "immigration -border",
    "(war) & | !",
    "- -- OR",
    'trump -"white house" OR',
]


def pg_url_default() -> str | None:
    path = Path("/tmp/presslens-test-pg-url")
    return path.read_text().strip() if path.is_file() else None


def build(db: str, corpus: Path) -> None:
    """A search corpus from plain texts: the first line is the title, the rest the body."""
    with open_store(db) as store:
        for path in sorted(corpus.glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
            day = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
            article = Article(body.strip(), title=title, published=day and day.group())
            store.save(Dossier(article), sha256=path.name, input_id=path.name)


def make_queries(store: Store, count: int) -> list[dict]:
    """Search calls drawn from the corpus with a fixed seed."""
    rng = random.Random(7)
    rows = store.all("SELECT dossier FROM articles ORDER BY id")
    texts = [json.loads(row["dossier"])["article"]["text"] for row in rows]
    words = [w for text in texts for w in re.findall(r"[A-Za-z]{5,}", text)]
    pairs = [
        m.group() for text in texts[:200] for m in re.finditer(r"[A-Za-z]{4,} [a-z]{4,}", text)
    ]
    names = [row["name"] for row in store.all("SELECT name FROM actors LIMIT 500")] or ["nobody"]
    speakers = [row["speaker"] for row in store.all("SELECT speaker FROM quotes LIMIT 500")]
    queries: list[dict] = []
    for number in range(count):
        text = " ".join(rng.sample(words, rng.choice([1, 1, 2, 3])))
        call: dict = {"query": text}
        shape = number % 10
        if shape == 1 and speakers:
            call = {"query": text.split()[0], "speaker": rng.choice(speakers).split()[-1]}
        elif shape == 2:
            call["actor"] = rng.choice(names)
        elif shape == 3:
            call["kind"] = rng.choice(["article", "quote", "claim"])
        elif shape == 4:
            call["query"] = f'"{rng.choice(pairs)}"' if pairs else text
        elif shape == 5:
            call["query"] = " OR ".join(rng.sample(words, 2))
        elif shape == 6:
            call["query"] = f"{rng.choice(words)} -{rng.choice(words)}"
        elif shape == 7:
            call["sort"] = "date"
        elif shape == 8:
            call.update(query=rng.choice(words), page=3)
        queries.append(call)
    return queries + [{"query": nasty} for nasty in NASTY]


def measure(store: Store, queries: list[dict]) -> tuple[list[float], int]:
    for call in queries[:20]:  # warm the caches as a running server would be
        store.search_page(**call)
    times, hits = [], 0
    for call in queries:
        start = time.perf_counter()
        hits += len(store.search_page(**call)["results"])
        times.append((time.perf_counter() - start) * 1000)
    return times, hits


def copy_into(source: Store, target: Store) -> None:
    for row in source.all("SELECT sha256, uri, dossier FROM articles ORDER BY id"):
        target.save(json.loads(row["dossier"]), sha256=row["sha256"], uri=row["uri"])


def report(name: str, times: list[float], hits: int) -> float:
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"{name:<10} {len(times)} searches, {hits} hits: p50 {statistics.median(times):.1f} ms,"
        f" p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"
    )
    return p95


def in_schema(url: str, schema: str) -> str:
    """`url` with its search_path set to `schema`, which is created when missing."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pg", default=pg_url_default())
    parser.add_argument("--schema", default="presslens_bench_search")
    parser.add_argument("--keep", action="store_true", help="Keep the PostgreSQL schema.")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.schema.isidentifier():
        parser.error("--schema must be a plain name")
    if args.db is None:
        ingested = Path(INGESTED)
        args.db = str(ingested if ingested.is_file() else Path(BUILT))
    if not Path(args.db).is_file():
        if not args.corpus.is_dir():
            print(f"{args.db} and {args.corpus} are absent: run bench/ingest.py first")
            return 0
        print(f"building {args.db} from {args.corpus} (text only, no analysis)")
        build(args.db, args.corpus)
    worst = 0.0
    with open_store(args.db) as sqlite_store:
        total = sqlite_store.counts()["articles"]
        queries = make_queries(sqlite_store, QUERIES)
        print(f"corpus: {total} articles, {sqlite_store.counts()}")
        worst = max(worst, report("sqlite", *measure(sqlite_store, queries)))
        if args.pg:
            print(f"postgres: {redact(args.pg)}, schema {args.schema}")
            try:
                with open_store(in_schema(args.pg, args.schema)) as pg_store:
                    if pg_store.counts()["articles"] < total:
                        copy_into(sqlite_store, pg_store)
                    worst = max(worst, report("postgres", *measure(pg_store, queries)))
            finally:
                if not args.keep:
                    drop_schema(args.pg, args.schema)
    if args.check and worst >= P95_LIMIT_MS:
        print(f"FAIL: a p95 is {worst:.1f} ms, over {P95_LIMIT_MS} ms")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
