"""Throughput and memory of `presslens batch` beside bare `nlp.pipe` on the same texts.

Reads the PolNeAR train articles (../shared/data/attribution/polnear/train/text) at run time.
For 1 and 2 processes it reports the median over several runs of documents/s and words/s of

- `nlp.pipe(texts, n_process=N)`: the bare spaCy parse, the floor;
- `run_batch(files, engine="local", workers=N)`: ingest + analyse + JSON out, wall time from
  the call to the last row written (worker start and model load included).

Memory: a sampler thread reads the RSS of every worker process (psutil) every 0.25 s; the peak
per worker is reported, and in one longer run the workers' and the parent's RSS after 200 and
after 800 documents (flat means within 10%). The load average of the machine, the git commit and
the number of modified files are printed with the figures: the machine is shared and the stages
change while others work, so figures only mean something with the state they were taken on.

    python bench/batch.py                       # all 840 docs, 3 runs, 1 and 2 workers, memory run
    python bench/batch.py --docs 200 --runs 1   # a quick look
    python bench/batch.py --engine dask         # the Dask engine (LocalCluster) instead
    python bench/batch.py --fast                # the fast models (default: accurate)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil
from spacy.language import Language
from threadpoolctl import threadpool_limits

from presslens.batch.run import run_batch
from presslens.nlp import get_model, load_stock_model
from presslens.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"
MB = 1024 * 1024
PARTITION_SIZE = 16  # presslens parses a partition in one spaCy batch: the same 16 as nlp.pipe


class MemorySampler:
    """Peak RSS per child process of this one, sampled in a background thread."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peaks: dict[int, int] = {}
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def current(self) -> dict[int, int]:
        sizes = {}
        for child in psutil.Process().children(recursive=True):
            try:
                sizes[child.pid] = child.memory_info().rss
            except psutil.Error:
                continue
        return sizes

    def run(self) -> None:
        while not self.stop_event.is_set():
            for pid, rss in self.current().items():
                self.peaks[pid] = max(self.peaks.get(pid, 0), rss)
            time.sleep(self.interval)

    def __enter__(self) -> MemorySampler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self.thread.join()

    def peak_worker_mb(self) -> float:
        # The biggest children are the workers (the Dask nanny and the resource tracker are small).
        return max(self.peaks.values(), default=0) / MB


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool workers are joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_pipe(texts: list[str], processes: int, nlp: Language) -> tuple[float, float]:
    """Wall and CPU seconds of the bare parse."""
    start, cpu = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, n_process=processes, batch_size=PARTITION_SIZE):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def time_batch(
    files: list[Path],
    workers: int,
    engine: str,
    settings: Settings,
    on_row: Callable | None = None,
) -> tuple[float, float, float, float]:
    """Wall seconds for a whole batch run, the same extrapolated from the rows after the first
    partition (the steady state, workers started and model loaded), the CPU seconds of the
    parent and the workers together, and a worker's peak RSS in MB."""
    arrivals: list[float] = []

    def record(row: object) -> None:
        arrivals.append(time.perf_counter())
        if on_row is not None:
            on_row(row)

    with tempfile.TemporaryDirectory() as folder, MemorySampler() as sampler:
        start, cpu = time.perf_counter(), cpu_seconds()
        summary = run_batch(
            [str(f) for f in files],
            str(Path(folder) / "out.jsonl"),
            engine=engine,
            workers=workers,
            partition_size=PARTITION_SIZE,
            settings=settings,
            on_row=record,
        )
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if summary.failed:
        print(f"  note: {summary.failed} documents failed", file=sys.stderr)
    first_partition = arrivals[min(PARTITION_SIZE, len(arrivals)) - 1]
    steady = (arrivals[-1] - first_partition) * len(files) / max(1, len(files) - PARTITION_SIZE)
    return seconds, steady, cpu, sampler.peak_worker_mb()


def memory_run(files: list[Path], engine: str, settings: Settings) -> None:
    """Worker and parent RSS after 200 and after all documents of one run with 2 workers; and,
    since one reading moves with whatever partition is in flight, the workers' highest RSS
    over the 100 documents up to each mark."""
    marks: dict[int, tuple[float, float]] = {}
    readings: list[float] = []  # the largest worker's RSS as each row arrives
    count = 0
    sampler = MemorySampler()

    def on_row(row: object) -> None:
        nonlocal count
        count += 1
        workers = sampler.current()
        readings.append(max(workers.values(), default=0) / MB)
        if count in (200, len(files)):
            parent = psutil.Process().memory_info().rss
            marks[count] = (readings[-1], parent / MB)

    seconds, _steady, _cpu, peak = time_batch(files, 2, engine, settings, on_row)
    print(f"\nmemory, {len(files)} docs with 2 workers ({seconds:.0f} s), RSS in MB:")
    print(f"{'after docs':>12} {'worker (max)':>13} {'parent':>8} {'worker peak, last 100':>22}")
    for mark, (worker, parent) in sorted(marks.items()):
        window = max(readings[max(0, mark - 100) : mark], default=0)
        print(f"{mark:>12} {worker:>13.0f} {parent:>8.0f} {window:>22.0f}")
    if len(marks) == 2:
        (w200, p200), (w_end, p_end) = marks[200], marks[len(files)]
        peak200 = max(readings[100:200], default=0)
        peak_end = max(readings[len(files) - 100 : len(files)], default=0)
        print(
            f"growth 200 -> {len(files)}: worker {w_end / w200 - 1:+.1%} (peaks of the last "
            f"100 docs: {peak_end / peak200 - 1:+.1%}), parent {p_end / p200 - 1:+.1%}"
        )
    print(f"peak worker RSS {peak:.0f} MB")


def git_state() -> str:
    def run(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout

    commit = run("rev-parse", "--short", "HEAD").strip() or "unknown"
    changed = len([line for line in run("status", "--porcelain").splitlines() if line.strip()])
    return f"commit {commit} with {changed} uncommitted changes in the tree"


def print_table(
    timings: dict[tuple[str, int], list[float]],
    cpu: dict[tuple[str, int], list[float]],
    docs: int,
    words: int,
) -> None:
    """Medians: wall-clock rates (what a user sees on this shared machine) and documents per
    CPU-second (what a quiet core would do; load on the machine barely changes it)."""
    print(
        f"\n{'system':<11} {'procs':>5} {'docs/s':>7} {'words/s':>8} {'vs pipe':>8}"
        f" {'docs/cpu-s':>10} {'vs pipe':>8}  wall runs (s)"
    )
    wall = {key: statistics.median(values) for key, values in timings.items()}
    for (system, processes), seconds in sorted(wall.items()):
        pipe = ("nlp.pipe", processes)
        row = f"{system:<11} {processes:>5} {docs / seconds:>7.2f} {words / seconds:>8.0f}"
        row += f" {wall[pipe] / seconds:>7.2f}x"
        if (system, processes) in cpu:
            per_cpu = docs / statistics.median(cpu[(system, processes)])
            pipe_cpu = docs / statistics.median(cpu[pipe])
            row += f" {per_cpu:>10.2f} {per_cpu / pipe_cpu:>7.2f}x"
        else:
            row += f" {'':>10} {'':>8}"
        print(row + "  " + " ".join(f"{s:.1f}" for s in timings[(system, processes)]))
    print("presslens* = wall time extrapolated from the rows after the first partition")
    print("our parse = nlp.pipe with presslens.fastparse (same annotations), no stages")
    for system in sorted({system for system, _ in wall}):
        if (system, 1) not in wall or (system, 2) not in wall:
            continue
        print(f"{system}: 2 processes = {wall[(system, 1)] / wall[(system, 2)]:.2f}x 1 process")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=0, help="first N articles (0: all)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--processes", type=int, nargs="+", default=[1, 2], help="process counts to time"
    )
    parser.add_argument("--engine", default="local", choices=["local", "dask"])
    parser.add_argument(
        "--fast", action="store_true", help="the fast models (default: accurate, the encoder)"
    )
    parser.add_argument("--memory-docs", type=int, default=800, help="0 skips the memory run")
    parser.add_argument(
        "--no-our-parse",
        dest="our_parse",
        action="store_false",
        help="skip timing nlp.pipe with presslens's sped-up components",
    )
    args = parser.parse_args()
    if not TEXTS.is_dir():
        print(f"skipped: {TEXTS} is absent", file=sys.stderr)
        return 0
    all_files = sorted(TEXTS.glob("*.txt"))
    files = all_files[: args.docs or None]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(files)} PolNeAR train articles, {words} words; {git_state()}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    settings = Settings(models="fast" if args.fast else "accurate")
    print(f"models: {settings.models}")
    threadpool_limits(1)  # one BLAS thread per process, as in presslens's batch workers
    # the floor: spaCy as shipped; and presslens's own parse (the same output, run faster by
    # presslens.fastparse), so the stages' own cost reads apart
    stock = load_stock_model(settings.model, settings.fallback_model)
    ours = get_model(settings)  # also the workers' copy: forked children inherit it

    timings: dict[tuple[str, int], list[float]] = {}
    cpu: dict[tuple[str, int], list[float]] = {}
    peaks: dict[int, list[float]] = {}
    loads: list[float] = []
    for _ in range(args.runs):
        for processes in args.processes:
            loads.append(os.getloadavg()[0])
            for system, model in (("nlp.pipe", stock), ("our parse", ours)):
                if system == "our parse" and not args.our_parse:
                    continue
                seconds, cpu_used = time_pipe(texts, processes, model)
                timings.setdefault((system, processes), []).append(seconds)
                cpu.setdefault((system, processes), []).append(cpu_used)
            seconds, steady, cpu_used, peak = time_batch(files, processes, args.engine, settings)
            timings.setdefault(("presslens", processes), []).append(seconds)
            timings.setdefault(("presslens*", processes), []).append(steady)
            cpu.setdefault(("presslens", processes), []).append(cpu_used)
            peaks.setdefault(processes, []).append(peak)
    print_table(timings, cpu, len(files), words)
    for processes, values in sorted(peaks.items()):
        print(f"presslens peak worker RSS with {processes} worker(s): {max(values):.0f} MB")
    print(
        f"load average (1 min) during the runs: median {statistics.median(loads):.2f}, "
        f"max {max(loads):.2f} (2 cores)"
    )
    if args.memory_docs:
        memory_run(all_files[: args.memory_docs], args.engine, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
