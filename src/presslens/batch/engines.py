"""Engines that run `analyse_partition` over partitions: `local` (a process pool on this machine)
and `dask` (a Dask distributed cluster, a LocalCluster when no scheduler address is given).
Partitions are submitted a few at a time, so memory stays flat however large the corpus."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.synchronize import Event as EventType
from typing import Any

from threadpoolctl import threadpool_limits

from presslens.batch.work import (
    DEFAULT_PARTITION_SIZE,
    Row,
    analyse_partition,
    chunked,
    failed_partition,
    warm_up,
)
from presslens.errors import PresslensError
from presslens.ingest.inputs import InputDocument
from presslens.settings import Settings

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the dask engine is optional
    WorkerPlugin = object  # type: ignore[assignment,misc]

# Partitions in flight per worker: enough to keep every worker busy while the parent writes,
# few enough that memory does not grow with the corpus.
IN_FLIGHT_PER_WORKER = 2
# The LocalCluster's dashboard answers on this machine only (Dask's default, ":8787", is every
# interface: anyone on the network could watch the run and read its task data).
DASHBOARD_ADDRESS = "127.0.0.1:8787"


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
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=DASHBOARD_ADDRESS,
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


class WarmUpPlugin(WorkerPlugin):
    """Loads the model and lexicons when a Dask worker starts, once per worker process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm_up(self.settings)
