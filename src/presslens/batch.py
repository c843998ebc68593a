"""Many articles at once: the same `analyse()` mapped over partitions of input documents.

Two engines run the same `analyse_partition`:

- `local`: a process pool on this machine (one process per core by default);
- `dask`: a Dask distributed cluster, a LocalCluster when no scheduler address is given.

Each worker process loads the spaCy model and the lexicons once (`warm_up`, run by the pool
initializer or a Dask WorkerPlugin) and keeps them in the module-level caches of `presslens.nlp`
and the stages. Partitions are submitted a few at a time and their rows written as they come back,
so memory stays flat however large the corpus. Every row carries the input id; a document that
fails becomes an error row `{id, stage, message}` and the batch goes on. With `resume`, ids
already in the output are skipped.

Outputs: JSON Lines (`.jsonl`, one row per line, dossier nested), Parquet (`.parquet`: a
directory of part files, one per written batch, so an interrupted run loses at most one part),
or the corpus store (a SQLite path ending in `.db`, or a `postgresql://` URL), written by the
parent process (one writer) through `presslens.store`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import Any, Protocol, TypeVar

from threadpoolctl import threadpool_limits

from presslens import nlp, pipeline
from presslens.errors import PresslensError
from presslens.ingest.sources import InputDocument, iter_documents, load_document
from presslens.ingest_run import content_key
from presslens.model import Article, Dossier
from presslens.settings import Settings

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the dask engine is optional
    WorkerPlugin = object  # type: ignore[assignment,misc]

DEFAULT_PARTITION_SIZE = 16
# Partitions in flight per worker: enough to keep every worker busy while the parent writes,
# few enough that memory does not grow with the corpus.
IN_FLIGHT_PER_WORKER = 2
PARQUET_ROWS_PER_PART = 2000
T = TypeVar("T")
WARM_UP_TEXT = "Warm-up\n\nThe mayor said on Monday that 12 new homes would cost $3 million."


@dataclass(frozen=True, slots=True)
class Row:
    """One output row: a dossier (as JSON text) or an error naming the stage that failed."""

    id: str
    uri: str
    status: str  # ok | error
    stage: str | None = None
    message: str | None = None
    dossier: str | None = None
    sha256: str | None = None  # of the normalised content, as `presslens ingest` keys it

    def to_json(self) -> str:
        fields = {"id": self.id, "uri": self.uri, "status": self.status, "sha256": self.sha256}
        if self.status == "ok":
            head = json.dumps(fields, ensure_ascii=False)
            return f'{head[:-1]}, "dossier": {self.dossier}}}'
        fields |= {"stage": self.stage, "message": self.message}
        return json.dumps(fields, ensure_ascii=False)


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


def error_row(
    document: InputDocument, stage: str, exc: BaseException | str, sha256: str | None = None
) -> Row:
    message = exc if isinstance(exc, str) else f"{exc.__class__.__name__}: {exc}"
    return Row(document.id, document.uri, "error", stage=stage, message=message, sha256=sha256)


# --- the work done in each worker -------------------------------------------------------------


def warm_up(settings: Settings | None = None) -> None:
    """Load the model and every lexicon into this process's caches, once."""
    pipeline.analyse(WARM_UP_TEXT, settings=settings or Settings())


def start_local_worker(settings: Settings, stop: EventType) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; `stop` or the parent's death ends
    the worker even in the middle of a long document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # one BLAS thread per worker: the pool's processes are the parallelism (Dask's nanny sets
    # OPENBLAS_NUM_THREADS=1 in its workers for the same reason)
    threadpool_limits(1)
    threading.Thread(target=exit_when_stopped, args=(stop, os.getppid()), daemon=True).start()
    warm_up(settings)


def exit_when_stopped(stop: EventType, parent: int) -> None:
    while not stop.wait(1.0):
        if os.getppid() != parent:
            break
    os._exit(1)


def analyse_partition(documents: list[InputDocument], settings: Settings) -> list[Row]:
    """Rows in input order. The loaded articles are parsed in one spaCy batch; a document that
    cannot be read, loaded, analysed or rendered becomes an error row naming the stage."""
    rows: list[Row | None] = [None] * len(documents)
    loaded: list[tuple[int, str, Article]] = []
    for number, document in enumerate(documents):
        if document.error or document.data is None:
            rows[number] = error_row(document, "read", document.error or "no content")
            continue
        key = content_key(document.data)
        try:
            loaded.append((number, key, load_document(document, settings=settings)))
        except Exception as exc:  # noqa: BLE001 - a bad document is a row, not a crash
            rows[number] = error_row(document, "ingest", exc, key)
    articles = [article for _, _, article in loaded]
    # what spaCy and the heap keep of this partition goes with it (the rows are plain text by
    # then); without it every new word and name of a corpus stays
    with nlp.transient(settings):
        results = pipeline.analyse_many(articles, settings=settings)
        for (number, key, _), result in zip(loaded, results, strict=True):
            rows[number] = dossier_row(documents[number], key, result)
    return [row for row in rows if row is not None]


def dossier_row(document: InputDocument, key: str, result: Dossier | Exception) -> Row:
    if isinstance(result, Exception):
        return error_row(document, "analyse", result, key)
    try:
        text = json.dumps(result.to_dict(), ensure_ascii=False)
    except Exception as exc:  # noqa: BLE001
        return error_row(document, "render", exc, key)
    return Row(document.id, document.uri, "ok", dossier=text, sha256=key)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter), read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def failed_partition(chunk: list[InputDocument], exc: BaseException) -> list[Row]:
    """A worker that died takes its partition with it: every document there is an error row."""
    return [error_row(document, "worker", exc) for document in chunk]


# --- engines ----------------------------------------------------------------------------------


def run_local(
    documents: Iterable[InputDocument],
    *,
    settings: Settings,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Iterator[Row]:
    """Rows in input order from a process pool; at most a few partitions in flight."""
    workers = workers or os.cpu_count() or 1
    # spawn: workers start clean (no copied threads or locks) and load the model themselves.
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    pending: deque[tuple[list[InputDocument], Future[list[Row]]]] = deque()
    pool = ProcessPoolExecutor(
        workers, context, initializer=start_local_worker, initargs=(settings, stop)
    )
    try:
        for chunk in chunked(documents, partition_size):
            pending.append((chunk, pool.submit(analyse_partition, chunk, settings)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())
    except BaseException:
        # Interrupted (Ctrl-C, the consumer stopped): end the workers now rather than wait
        # for partitions nobody will write.
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def collect(chunk: list[InputDocument], future: Future[list[Row]]) -> list[Row]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        # The pool is gone and every partition in flight with it: stop, rather than write
        # error rows for documents that did nothing wrong (a rerun with --resume goes on).
        raise PresslensError(
            f"a worker process died while analysing the partition from {chunk[0].id} "
            "(out of memory, or killed?); rerun with --resume to go on"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be unpickled
        return failed_partition(chunk, exc)


def run_dask(
    documents: Iterable[InputDocument],
    *,
    settings: Settings,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    on_start: Callable[[Any], None] | None = None,
) -> Iterator[Row]:
    """Rows as partitions finish on a Dask cluster (LocalCluster when `scheduler` is None)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise PresslensError("the dask engine needs Dask: pip install 'presslens[batch]'") from exc
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True
        )
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            client.register_plugin(WarmUpPlugin(settings), name="presslens-warm-up")
            if on_start is not None:
                on_start(client)
            yield from stream_futures(client, as_completed, documents, settings, partition_size)
    finally:
        if cluster is not None:
            cluster.close()


def stream_futures(
    client: Any,
    as_completed: Any,
    documents: Iterable[InputDocument],
    settings: Settings,
    partition_size: int,
) -> Iterator[Row]:
    """Submit partitions as earlier ones finish, so the client never holds the whole corpus."""
    limit = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
    chunks = chunked(documents, partition_size)
    in_flight: dict[Any, list[InputDocument]] = {}
    queue = as_completed()
    for chunk in chunks:
        submit_chunk(client, queue, in_flight, chunk, settings)
        if len(in_flight) >= limit:
            break
    for future in queue:
        chunk = in_flight.pop(future)
        try:
            rows = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker fails only its partition
            rows = failed_partition(chunk, exc)
        future.release()
        yield from rows
        following = next(chunks, None)
        if following is not None:
            submit_chunk(client, queue, in_flight, following, settings)


def submit_chunk(
    client: Any,
    queue: Any,
    in_flight: dict[Any, list[InputDocument]],
    chunk: list[InputDocument],
    settings: Settings,
) -> None:
    # pure=False: two partitions with equal content are still two tasks (ids differ anyway).
    future = client.submit(analyse_partition, chunk, settings, pure=False)
    in_flight[future] = chunk
    queue.add(future)


class WarmUpPlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads the model and lexicons when a Dask worker starts, once per worker process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm_up(self.settings)


# --- outputs ----------------------------------------------------------------------------------


class Sink(Protocol):
    def existing_ids(self) -> set[str]: ...

    def write(self, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


class JsonlSink:
    """JSON Lines, one row per line, flushed per batch of rows so a crash loses little."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        self.ids = read_jsonl_ids(path) if resume else set()
        self.handle = path.open("a" if resume else "w", encoding="utf-8")

    def existing_ids(self) -> set[str]:
        return self.ids

    def write(self, rows: list[Row]) -> None:
        self.handle.write("".join(row.to_json() + "\n" for row in rows))
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


def read_jsonl_ids(path: Path) -> set[str]:
    """Ids of the complete rows in `path`; a torn last line (an interrupted write) is cut off."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    decoder = json.JSONDecoder()
    good_end = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            text = line.decode("utf-8", errors="replace")
            try:
                # Rows start with {"id": ...: read the id without parsing the whole dossier.
                if not text.startswith('{"id": '):
                    raise ValueError("not a batch row")
                ids.add(decoder.raw_decode(text, len('{"id": '))[0])
            except ValueError:
                break
            good_end += len(line)
    if good_end < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
    return ids


class ParquetSink:
    """A Parquet dataset: `OUT.parquet/part-NNNNN.parquet`, each written whole then renamed."""

    columns = ("id", "uri", "status", "sha256", "stage", "message", "dossier")

    def __init__(self, path: Path, *, resume: bool) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise PresslensError(
                "Parquet output needs pyarrow: pip install 'presslens[batch]'"
            ) from exc
        self.path = path
        if path.is_file():
            raise PresslensError(f"{path} is a file: Parquet output is a directory of parts")
        path.mkdir(parents=True, exist_ok=True)
        if not resume:
            for old in path.glob("part-*.parquet"):
                old.unlink()
        for partial in path.glob("*.tmp"):
            partial.unlink()
        self.parts = sorted(path.glob("part-*.parquet"))
        self.ids = self.read_ids() if resume else set()
        self.buffer: list[Row] = []

    def read_ids(self) -> set[str]:
        import pyarrow.parquet as pq

        ids: set[str] = set()
        for part in self.parts:
            ids.update(pq.read_table(part, columns=["id"]).column("id").to_pylist())
        return ids

    def existing_ids(self) -> set[str]:
        return self.ids

    def write(self, rows: list[Row]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= PARQUET_ROWS_PER_PART:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.buffer:
            return
        table = pa.table(
            {name: [getattr(row, name) for row in self.buffer] for name in self.columns},
            schema=pa.schema([(name, pa.string()) for name in self.columns]),
        )
        number = len(self.parts)
        while (self.path / f"part-{number:05d}.parquet").exists():
            number += 1
        final = self.path / f"part-{number:05d}.parquet"
        temporary = final.with_suffix(".tmp")
        pq.write_table(table, temporary)
        temporary.rename(final)
        self.parts.append(final)
        self.buffer = []

    def close(self) -> None:
        self.flush()


class StoreSink:
    """The corpus store (`presslens.store`): dossiers keyed by content like `presslens ingest`
    keys them, so the same article is stored once whichever command brought it in."""

    def __init__(self, out: str, *, resume: bool) -> None:
        from presslens.store import open_store

        self.store = open_store(out)
        self.ids: set[str] = set()
        if resume:
            for table in ("articles", "errors"):
                rows = self.store.all(f"SELECT input_id FROM {table} WHERE input_id IS NOT NULL")
                self.ids.update(row["input_id"] for row in rows)

    def existing_ids(self) -> set[str]:
        return self.ids

    def write(self, rows: list[Row]) -> None:
        for row in rows:
            if row.status == "ok" and row.sha256 and row.dossier:
                data = json.loads(row.dossier)
                self.store.save(data, sha256=row.sha256, input_id=row.id, uri=row.uri)
            else:
                key = row.sha256 or f"input:{row.id}"
                reason = f"{row.stage}: {row.message}"
                self.store.save_error(key=key, reason=reason, input_id=row.id, uri=row.uri)

    def close(self) -> None:
        self.store.close()


def is_store_url(out: str) -> bool:
    return out.lower().endswith(".db") or out.lower().startswith(("postgresql:", "postgres:"))


def open_sink(out: str, *, resume: bool) -> Sink:
    if is_store_url(out):
        return StoreSink(out, resume=resume)
    path = Path(out)
    if path.suffix.lower() == ".jsonl":
        return JsonlSink(path, resume=resume)
    if path.suffix.lower() == ".parquet":
        return ParquetSink(path, resume=resume)
    raise PresslensError(f"{out}: the output must end in .jsonl or .parquet")


# --- the whole run ----------------------------------------------------------------------------


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
