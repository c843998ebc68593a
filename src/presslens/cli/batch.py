"""`presslens batch`: analyse many articles on this machine's cores or on a Dask cluster."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from presslens.cli.analyze import FastOption, mode
from presslens.cli.corpus import EXIT_ALL_FAILED, failure_summary
from presslens.ingest.sources import estimate_total
from presslens.settings import load_settings
from presslens.store.postgres import redact


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT", help="Directories, globs, files (.txt .html .jsonl .warc), URLs."
        ),
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="OUT.jsonl, OUT.parquet (a directory of parts).")
    ],
    engine: Annotated[Engine, typer.Option("--engine", help="local process pool or dask.")] = (
        Engine.local
    ),
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Worker processes (default: all cores).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="A Dask scheduler address, tcp://HOST:PORT (dask only)."),
    ] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", help="Documents per task.")
    ] = 16,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip the ids already written to OUT.")
    ] = False,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
    fast: FastOption = False,
) -> None:
    """Analyse every input document and write one row each (dossier or error) to OUT.

    Exit status: 0 when done (some inputs may have failed: a line says how many), 1 when every
    input failed, 2 for a mistake such as a path that does not exist (OUT left untouched)."""
    from presslens.batch.ingest import check_locations
    from presslens.batch.run import run_batch

    if scheduler is not None and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask")
    settings = load_settings(config, models=mode(fast))
    check_locations(inputs)  # before OUT is opened (a new run empties it)
    console = Console(stderr=True)
    with progress_bar(console) as progress:
        total = estimate_total(inputs, settings)
        task = progress.add_task("analysing", total=total, failed=0, skipped=0)
        counter = Counter(progress, task, console)
        summary = run_batch(
            inputs,
            out,
            engine=engine.value,
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size,
            resume=resume,
            settings=settings,
            on_row=counter.on_row,
            on_skip=counter.on_skip,
            on_start=counter.on_start,
        )
    report(summary, out, console, resume=resume)


def report(summary: Any, out: str, console: Console, *, resume: bool) -> None:
    """The closing lines, and exit status 1 when every input failed."""
    shown = redact(out)
    skipped = f", {summary.skipped} skipped (already in {shown})" if resume else ""
    console.print(f"{summary.done} done, {summary.failed} failed{skipped} -> {shown}", markup=False)
    if summary.failed and not summary.done:
        raise typer.Exit(EXIT_ALL_FAILED)
    if summary.failed:
        total = summary.done + summary.failed
        line = failure_summary(summary.failed, total, f'{shown} (rows with status "error")')
        console.print(line, markup=False)


class Counter:
    """The progress bar's counts, updated as rows come back and inputs are skipped."""

    def __init__(self, progress: Progress, task: TaskID, console: Console) -> None:
        self.progress = progress
        self.task = task
        self.console = console
        self.failed = 0
        self.skipped = 0

    def on_row(self, row: Any) -> None:
        self.failed += row.status != "ok"
        self.progress.update(self.task, advance=1, failed=self.failed)

    def on_skip(self, document: Any) -> None:
        self.skipped += 1
        self.progress.update(self.task, advance=1, skipped=self.skipped)

    def on_start(self, client: Any) -> None:
        self.console.print(f"Dask dashboard: {client.dashboard_link}")


def analysed_rate(task: Task) -> float | None:
    """Documents analysed per second since the start. Rich's own speed is a short-window
    estimate, which jumps when a whole partition's rows arrive at once."""
    analysed = task.completed - task.fields.get("skipped", 0)
    elapsed = task.finished_time if task.finished else task.elapsed
    return analysed / elapsed if elapsed and analysed > 0 else None


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = analysed_rate(task)
        return Text(f"{rate:.1f} docs/s" if rate else "- docs/s", style="progress.data.speed")


class EtaColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = analysed_rate(task)
        if task.total is None or not rate:
            return Text("ETA -", style="progress.remaining")
        seconds = int(max(0.0, task.total - task.completed) / rate)
        return Text(
            f"ETA {seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
            style="progress.remaining",
        )


def progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        RateColumn(),
        TimeElapsedColumn(),
        EtaColumn(),
        console=console,
    )
