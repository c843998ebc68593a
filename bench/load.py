"""The web server under load: readers at once, on SQLite and PostgreSQL, with and without an
ingest writing into the same store (issue 21).

    python bench/load.py [--clients 8] [--seconds 30] [--db sqlite postgres] [--articles 60]
                         [--pg postgresql://...] [--by-page]

For each store, a fresh one is filled by `presslens ingest` with --articles articles (the
PolNeAR train texts under ../shared/data/attribution/polnear/train/text, read at run time; when
they are absent, hand-written ones made of bench/hostile.py's sentences), and `presslens serve`
is started on it as a user starts it. Then --clients client processes each read pages one after
another for --seconds, in a fixed mix (`MIX`): the home page, article pages, actor pages, search,
and their JSON twins. Then the same again while a `presslens ingest` process writes more
articles into the same store: the readers start once it has stored its first article (its model
loaded), so it writes through the whole run, and it is stopped at the end.

Reported: requests, requests/s, p50/p95/p99 latency, errors (any status but 200, or no answer
within `REQUEST_SECONDS`), and the articles the concurrent ingest stored during the run.

PostgreSQL is the --pg URL (default: the test database .ci/services made, whose URL it wrote to
/tmp/presslens-test-pg-url), in a schema of its own (`SCHEMA`, dropped at the end); --db
defaults to both stores when PostgreSQL answers, else SQLite alone. The clients, the server, the
ingest and the database share this machine's cores: on a small or busy machine the figures
measure the machine as much as the server (the load average is printed with them), and the
ingest's analysis takes a core from the readers.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
from hostile import SUBJECTS, sentence  # bench/hostile.py
from ingest import CORPUS  # bench/ingest.py
from search import pg_url_default  # bench/search.py

from presslens.store import open_store

SCHEMA = "presslens_bench_load"
REQUEST_SECONDS = 30.0
MORE_ARTICLES = 400  # what the concurrent ingest is given: more than it can store in a run
MIX = (  # page kind, weight: readers browse pages more than they fetch JSON
    ("home", 15),
    ("home.json", 5),
    ("article", 20),
    ("article.json", 10),
    ("actor", 15),
    ("actor.json", 5),
    ("search", 20),
    ("search.json", 10),
)


@dataclass(frozen=True)
class Corpus:
    """What the readers ask for: stored article ids, actor names and words of the titles."""

    ids: tuple[int, ...]
    actors: tuple[str, ...]
    words: tuple[str, ...]


def page_path(kind: str, rng: random.Random, corpus: Corpus) -> str:
    json_twin = ".json" if kind.endswith(".json") else ""
    page = kind.removesuffix(".json")
    if page == "home":
        return "/articles.json" if json_twin else "/"
    if page == "article":
        return f"/article/{rng.choice(corpus.ids)}{json_twin}"
    if page == "actor":
        return f"/actor/{quote(rng.choice(corpus.actors), safe='')}{json_twin}"
    words = " ".join(rng.sample(corpus.words, rng.choice((1, 1, 2))))
    return f"/search{json_twin}?q={quote(words)}"


def read_pages(
    base: str, corpus: Corpus, start_at: float, seconds: float, seed: int
) -> list[tuple[str, float, bool]]:
    """One client (in a process of its own): pages one after another from `start_at` for
    `seconds`; each request's (page kind, seconds, answered 200)."""
    rng = random.Random(seed)
    kinds, weights = zip(*MIX, strict=True)
    samples: list[tuple[str, float, bool]] = []
    time.sleep(max(0.0, start_at - time.time()))
    with httpx.Client(base_url=base, timeout=REQUEST_SECONDS) as client:
        while time.time() < start_at + seconds:
            kind = rng.choices(kinds, weights)[0]
            path = page_path(kind, rng, corpus)
            started = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            samples.append((kind, time.perf_counter() - started, ok))
    return samples


def run_clients(
    base: str, corpus: Corpus, clients: int, seconds: float
) -> list[tuple[str, float, bool]]:
    """Every client's samples; they start together once all their processes are up."""
    start_at = time.time() + 2.0
    with ProcessPoolExecutor(max_workers=clients) as pool:
        runs = [
            pool.submit(read_pages, base, corpus, start_at, seconds, seed)
            for seed in range(clients)
        ]
        return [sample for run in runs for sample in run.result()]


def figures(samples: list[tuple[str, float, bool]], seconds: float) -> dict[str, float]:
    latencies = [latency * 1000 for _, latency, _ in samples]
    if len(latencies) > 1:
        cuts = statistics.quantiles(latencies, n=100)
    else:
        cuts = [latencies[0] if latencies else 0.0] * 99
    return {
        "requests": len(samples),
        "rate": len(samples) / seconds,
        "p50": cuts[49],
        "p95": cuts[94],
        "p99": cuts[98],
        "errors": sum(not ok for *_, ok in samples),
    }


def handwritten(number: int) -> str:
    """A short article of distinct sentences, its speakers among hostile.SUBJECTS."""
    title = f"Harbour diary {number}: {SUBJECTS[number % 5]} and the port"
    paragraphs = (
        " ".join(sentence(number * 12 + 4 * part + k) for k in range(4)) for part in range(3)
    )
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, first: int) -> tuple[Path, Path]:
    """Two folders of article files: `first` to fill the store with, more for the ingest."""
    initial, more = folder / "initial", folder / "more"
    initial.mkdir()
    more.mkdir()
    wanted = first + MORE_ARTICLES
    texts = sorted(CORPUS.glob("*.txt"))[:wanted] if CORPUS.is_dir() else []
    for number in range(wanted):
        target = (initial if number < first else more) / f"article-{number:04d}.txt"
        if number < len(texts):
            shutil.copyfile(texts[number], target)
        else:
            target.write_text(handwritten(number), encoding="utf-8")
    return initial, more


def fresh_store(kind: str, pg: str, folder: Path) -> str:
    """An empty store: a SQLite file, or an empty schema of PostgreSQL by search_path."""
    if kind == "sqlite":
        return str(folder / "corpus.db")
    import psycopg

    with psycopg.connect(pg, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        connection.execute(f"CREATE SCHEMA {SCHEMA}")
    joiner = "&" if "?" in pg else "?"
    return f"{pg}{joiner}options=-csearch_path%3D{SCHEMA}"


def drop_schema(pg: str) -> None:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")


def corpus_of(db: str) -> Corpus:
    with open_store(db) as store:
        items = store.articles(limit=500)["items"]
        actors = store.all(
            "SELECT name FROM actors GROUP BY name ORDER BY count(*) DESC, name LIMIT 60"
        )
    words = sorted({w.lower() for i in items for w in re.findall(r"[A-Za-z]{5,}", i["title"])})
    return Corpus(
        tuple(item["id"] for item in items), tuple(a["name"] for a in actors), tuple(words)
    )


def stored(db: str) -> int:
    with open_store(db) as store:
        return store.counts()["articles"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`presslens serve` on the store, once its home page answers."""
    port = free_port()
    command = [sys.executable, "-m", "presslens.cli", "serve", "--db", db, "--port", str(port)]
    with log.open("ab") as sink:
        server = subprocess.Popen(command, stderr=sink, stdout=sink)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not start: {log.read_text()[-2000:]}")


def ingest(folder: Path, db: str, log: Path) -> subprocess.Popen[bytes]:
    """A `presslens ingest` of `folder` into the store, its output to `log`."""
    command = [sys.executable, "-m", "presslens.cli", "ingest", str(folder), "-q", "--db", db]
    with log.open("ab") as sink:
        return subprocess.Popen(command, stderr=sink, stdout=sink)


def fill(folder: Path, db: str, log: Path) -> float:
    """Ingest `folder` into the store; the seconds it took."""
    started = time.perf_counter()
    if ingest(folder, db, log).wait() != 0:
        raise SystemExit(f"the ingest failed: {log.read_text()[-2000:]}")
    return time.perf_counter() - started


def start_writer(folder: Path, db: str, log: Path) -> subprocess.Popen[bytes]:
    """A `presslens ingest` of `folder` into the store, once it has stored its first article."""
    before = stored(db)
    writer = ingest(folder, db, log)
    deadline = time.monotonic() + 180
    while stored(db) == before:
        if writer.poll() is not None or time.monotonic() > deadline:
            writer.kill()
            raise SystemExit(f"the concurrent ingest stored nothing: {log.read_text()[-2000:]}")
        time.sleep(0.3)
    return writer


def stop(process: subprocess.Popen[bytes], signum: int) -> None:
    if process.poll() is None:
        process.send_signal(signum)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def measure(
    base: str, db: str, more: Path | None, args: argparse.Namespace, log: Path
) -> tuple[dict[str, float], list[tuple[str, float, bool]]]:
    """One run of the readers, with a concurrent ingest of `more` unless it is None."""
    corpus = corpus_of(db)
    writer = start_writer(more, db, log) if more is not None else None
    before = stored(db)
    try:
        samples = run_clients(base, corpus, args.clients, args.seconds)
        written = stored(db) - before
    finally:
        if writer is not None:
            stop(writer, signal.SIGINT)  # ingest is safe to stop at any point
    row = figures(samples, args.seconds)
    row["written"] = written if writer is not None else -1
    return row, samples


def measure_store(kind: str, args: argparse.Namespace) -> None:
    """Fill a fresh store, serve it, and print a row without and one with an ingest."""
    folder = Path(tempfile.mkdtemp(prefix="presslens-load-"))
    log = folder / "log.txt"
    try:
        initial, more = write_articles(folder, args.articles)
        db = fresh_store(kind, args.pg, folder)
        filling = fill(initial, db, log)
        print(f"# {kind}: {stored(db)} articles stored in {filling:.0f} s", flush=True)
        server, base = start_server(db, log)
        try:
            for writing in (None, more):
                row, samples = measure(base, db, writing, args, log)
                print_row(kind, row)
                if args.by_page:
                    print_pages(samples)
        finally:
            stop(server, signal.SIGTERM)
    finally:
        if kind == "postgres":
            drop_schema(args.pg)
        shutil.rmtree(folder, ignore_errors=True)


HEADER = (
    f"{'store':<9} {'ingest':<7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
    f"{'p99 ms':>7} {'errors':>6} {'written':>7}"
)


def print_row(kind: str, row: dict[str, float]) -> None:
    written = f"{row['written']:.0f}" if row["written"] >= 0 else "-"
    print(
        f"{kind:<9} {'yes' if row['written'] >= 0 else 'no':<7} {row['requests']:>8.0f} "
        f"{row['rate']:>7.1f} {row['p50']:>7.1f} {row['p95']:>7.1f} {row['p99']:>7.1f} "
        f"{row['errors']:>6.0f} {written:>7}",
        flush=True,
    )


def print_pages(samples: list[tuple[str, float, bool]]) -> None:
    for kind, _ in MIX:
        mine = [s for s in samples if s[0] == kind]
        if len(mine) > 1:
            row = figures(mine, 1.0)
            print(f"  {kind:<13} {len(mine):>6}  p50 {row['p50']:6.1f}  p95 {row['p95']:6.1f} ms")


def postgres_answers(url: str | None) -> bool:
    if not url:
        return False
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5):
            return True
    except psycopg.Error:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", nargs="+", choices=("sqlite", "postgres"))
    parser.add_argument("--articles", type=int, default=60, help="articles to fill a store with")
    parser.add_argument("--pg", default=pg_url_default(), help="a postgresql:// URL")
    parser.add_argument("--by-page", action="store_true", help="latency of each kind of page")
    args = parser.parse_args()
    reachable = postgres_answers(args.pg)
    stores = args.db or (["sqlite", "postgres"] if reachable else ["sqlite"])
    if "postgres" in stores and not reachable:
        print(f"no PostgreSQL answers at --pg {args.pg!r}")
        return 1
    source = "PolNeAR train" if CORPUS.is_dir() else "hand-written"
    print(
        f"{args.clients} clients for {args.seconds:g} s; {args.articles} {source} articles; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before"
    )
    print(HEADER)
    for kind in stores:
        measure_store(kind, args)
    print(f"load average {os.getloadavg()[0]:.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
