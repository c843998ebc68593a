"""Many articles at once: the same `analyse()` mapped over partitions of input documents.

Two engines (`engines`) run the same `analyse_partition` (`work`):

- `local`: a process pool on this machine (one process per core by default);
- `dask`: a Dask distributed cluster, a LocalCluster when no scheduler address is given.

Each worker process loads the spaCy model and the lexicons once (`warm_up`, run by the pool
initializer or a Dask WorkerPlugin) and keeps them in the module-level caches of `presslens.nlp`
and the stages. Partitions are submitted a few at a time and their rows written as they come back,
so memory stays flat however large the corpus. Every row carries the input id; a document that
fails becomes an error row `{id, stage, message}` and the batch goes on. With `resume`, ids
already in the output are skipped.

Outputs (`sinks`): JSON Lines (`.jsonl`, one row per line, dossier nested), Parquet (`.parquet`: a
directory of part files, one per written batch, so an interrupted run loses at most one part),
or the corpus store (a SQLite path ending in `.db`, or a `postgresql://` URL), written by the
parent process (one writer) through `presslens.store`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from presslens.batch.engines import run_dask, run_local
from presslens.batch.sinks import open_sink
from presslens.batch.work import DEFAULT_PARTITION_SIZE, Row, chunked
from presslens.errors import PresslensError
from presslens.ingest.inputs import InputDocument
from presslens.ingest.sources import iter_documents
from presslens.settings import Settings


@dataclass(slots=True)
class Summary:
    done: int = 0
    failed: int = 0
    skipped: int = 0

    def count(self, row: Row) -> None:
        if row.status == "ok":
            self.done += 1
        else:
            self.failed += 1


def run_batch(
    locations: Iterable[str],
    out: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    resume: bool = False,
    settings: Settings | None = None,
    on_row: Callable[[Row], None] | None = None,
    on_skip: Callable[[InputDocument], None] | None = None,
    on_start: Callable[[Any], None] | None = None,
) -> Summary:
    """Analyse every document named by `locations` and write one row each to `out`."""
    if partition_size < 1:
        raise PresslensError("--partition-size must be at least 1")
    if workers is not None and workers < 1:
        raise PresslensError("--workers must be at least 1")
    settings = settings or Settings()
    sink = open_sink(out, resume=resume)
    summary = Summary()
    done_ids = sink.existing_ids()

    def todo() -> Iterator[InputDocument]:
        for document in iter_documents(locations, settings=settings):
            if document.id in done_ids:
                summary.skipped += 1
                if on_skip is not None:
                    on_skip(document)
            else:
                yield document

    if engine == "local":
        rows = run_local(todo(), settings=settings, workers=workers, partition_size=partition_size)
    elif engine == "dask":
        rows = run_dask(
            todo(),
            settings=settings,
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size,
            on_start=on_start,
        )
    else:
        raise PresslensError(f"unknown engine {engine!r}: use local or dask")
    try:
        for batch in chunked(rows, partition_size):
            sink.write(batch)
            for row in batch:
                summary.count(row)
                if on_row is not None:
                    on_row(row)
    finally:
        sink.close()
    return summary
