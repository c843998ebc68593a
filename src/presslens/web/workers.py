"""Analyses off the request loop, in worker processes the server can stop.

The analyse form is the one page that runs the pipeline, and one hostile paste can keep an
analysis busy for all of `Settings.analysis_seconds` (longer inside one long regular
expression, which no time limit in Python can interrupt). So it runs in a process of its own,
never on the server's threads: the pages keep answering (the analysis does not hold the
server's GIL), and the server ends an analysis by killing its process.

- `Workers(size, queue_seconds=...)`: at most `size` analyses at once; a request that finds
  every worker busy waits up to `queue_seconds` (`QUEUE_SECONDS` unless told), then is told
  the server is busy (503).
- An analysis is abandoned, its process killed, when the client goes away, when it runs
  `GRACE_SECONDS` past the time limit, or when the server shuts down (`close()`, on SIGTERM):
  a request still waiting is then answered 503 at once.
- Workers are forked from a forkserver that has imported the pipeline (no fork of the
  threaded server itself); a worker loads the spaCy model on its first analysis and is kept for
  the next, unless its memory grew past `RETIRE_BYTES` (a long parse leaves a large heap).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from presslens.errors import PresslensError
from presslens.model import Dossier
from presslens.settings import Settings

QUEUE_SECONDS = 30.0
GRACE_SECONDS = 15.0  # past the time limit: loading the model and the input take time too
NO_LIMIT_SECONDS = 600.0  # the hard limit when the settings set none
RETIRE_BYTES = 1 << 30


@dataclass(frozen=True, slots=True)
class Refusal:
    """An analysis that gave no dossier: the HTTP status and a message for the reader."""

    status: int
    message: str


BUSY = Refusal(503, "The server is busy with other analyses: try again in a minute.")
CLOSING = Refusal(503, "The server is shutting down: try again later.")
GONE = Refusal(499, "The client went away; the analysis was stopped.")
TOO_LONG = Refusal(503, "The analysis took too long and was stopped.")
CRASHED = Refusal(500, "The analysis failed (its worker stopped): the input may be too large.")
Job = tuple[bytes, str, Settings]  # the upload, its name, the settings


def resident_bytes() -> int:
    """This process's resident memory (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def serve(connection: Connection) -> None:
    """A worker's life: analyse each job sent, answer (kind, dossier or message, memory)."""
    from presslens import pipeline
    from presslens.ingest import load

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's to handle
    while True:
        try:
            data, name, settings = connection.recv()
        except (EOFError, OSError):
            return  # the server closed the pipe or died
        answer: tuple[str, Any]
        try:
            answer = (
                "ok",
                pipeline.analyse(load(data, settings=settings, uri=name), settings=settings),
            )
        except PresslensError as exc:
            answer = ("refused", str(exc))
        except Exception as exc:  # noqa: BLE001 - the reader gets a message, the worker lives
            answer = ("failed", f"{exc.__class__.__name__}: {exc}")
        connection.send((*answer, resident_bytes()))


class Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, process: Any, connection: Connection) -> None:
        self.process = process
        self.connection = connection

    @classmethod
    def start(cls, context: Any) -> Worker:
        """A new worker (blocking: the first one also starts the forkserver)."""
        server_end, worker_end = context.Pipe()
        process = context.Process(
            target=serve, args=(worker_end,), daemon=True, name="presslens-analyse"
        )
        process.start()
        worker_end.close()
        return cls(process, server_end)

    def call(self, job: Job) -> tuple[str, Any, int]:
        """Send a job and wait for its answer (blocking; EOFError when the worker dies)."""
        self.connection.send(job)
        return self.connection.recv()

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()

    def close(self) -> None:
        self.kill()
        with contextlib.suppress(OSError, ValueError):
            self.process.join(timeout=5)
            self.connection.close()


class Workers:
    """The pool of worker processes (see the module's docstring)."""

    def __init__(self, size: int = 1, *, queue_seconds: float = QUEUE_SECONDS) -> None:
        self.size = max(1, size)
        self.queue_seconds = queue_seconds
        self.slots = asyncio.Semaphore(self.size)
        self.idle: list[Worker] = []
        self.busy: set[Worker] = set()
        self.closed = asyncio.Event()
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["presslens.pipeline", "presslens.ingest"])

    async def analyse(self, job: Job, gone: Callable[[], Awaitable[object]]) -> Dossier | Refusal:
        """The dossier of the job, or why there is none; `gone()` returns when the client
        has gone away."""
        if self.closed.is_set():
            return CLOSING
        try:
            await asyncio.wait_for(self.slots.acquire(), self.queue_seconds)
        except TimeoutError:
            return BUSY
        try:
            return await self.run(job, gone)
        finally:
            self.slots.release()

    async def run(self, job: Job, gone: Callable[[], Awaitable[object]]) -> Dossier | Refusal:
        worker = (
            self.idle.pop() if self.idle else await asyncio.to_thread(Worker.start, self.context)
        )
        self.busy.add(worker)
        call = asyncio.ensure_future(asyncio.to_thread(worker.call, job))
        watchers = [asyncio.ensure_future(gone()), asyncio.ensure_future(self.closed.wait())]
        done: set[asyncio.Future[Any]] = set()
        try:
            done, _ = await asyncio.wait(
                {call, *watchers}, timeout=hard_limit(job[2]), return_when=asyncio.FIRST_COMPLETED
            )
        finally:  # also when the request itself is cancelled
            for watcher in watchers:
                watcher.cancel()
            self.busy.discard(worker)
            if call not in done:
                worker.kill()  # its pipe ends, so the waiting thread ends too
        if call not in done:
            await asyncio.gather(call, return_exceptions=True)
            worker.close()
            return CLOSING if watchers[1] in done else GONE if watchers[0] in done else TOO_LONG
        return self.answer(worker, call)

    def answer(self, worker: Worker, call: asyncio.Future[Any]) -> Dossier | Refusal:
        try:
            kind, value, resident = call.result()
        except (EOFError, OSError):  # the worker died: out of memory, or killed
            worker.close()
            return CRASHED
        if resident > RETIRE_BYTES or self.closed.is_set():
            worker.close()
        else:
            self.idle.append(worker)
        if kind == "ok":
            return value
        return Refusal(400 if kind == "refused" else 500, str(value))

    def close(self) -> None:
        """Kill every worker: analyses running end at once, requests waiting get 503."""
        self.closed.set()
        for worker in [*self.idle, *self.busy]:
            worker.kill()
        for worker in self.idle:
            worker.close()
        self.idle.clear()


def hard_limit(settings: Settings) -> float:
    limit = settings.analysis_seconds
    return limit + GRACE_SECONDS if limit > 0 else NO_LIMIT_SECONDS
