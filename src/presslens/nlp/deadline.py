"""A time limit on one article's analysis, enforced inside the thread that runs it.

A stage is plain Python that cannot be asked to stop, and a thread cannot be killed; but
CPython can raise an exception in another thread at that thread's next bytecode
(`PyThreadState_SetAsyncExc`). `Deadline.enforced()` arms a timer that raises `TimeLimit` in
the calling thread when the deadline passes, and leaving the block disarms it. `TimeLimit` is a
BaseException, so a stage's own `except Exception` does not swallow it. A single long call into
C (one regular expression over a huge string, one pass of a network) finishes before the
exception lands: `presslens.nlp.pieces` keeps those calls short. This works in any thread: the
web server's workers, a Dask worker's threads, the CLI's main thread.
"""

from __future__ import annotations

import ctypes
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


class TimeLimit(BaseException):
    """Raised inside a block that outlived its deadline."""


def raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> int:
    """Raise `exception` in the thread at its next bytecode (None withdraws one not yet
    raised); the number of threads it reached."""
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    target = ctypes.py_object(exception) if exception is not None else None
    return int(set_async(ctypes.c_ulong(thread_id), target))


class Alarm:
    """Raises TimeLimit once in one thread, unless disarmed first."""

    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.armed = True
        self.rang = False

    def ring(self) -> None:
        with self.lock:
            if self.armed:
                self.rang = raise_in_thread(self.thread_id, TimeLimit) == 1

    def disarm(self) -> None:
        with self.lock:
            self.armed = False
            if self.rang:
                # the block ended just as the alarm rang: the exception must not escape it
                raise_in_thread(self.thread_id, None)


@dataclass(slots=True)
class Deadline:
    """`seconds` from `started` (time.monotonic())."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def of(cls, seconds: float) -> Deadline:
        """A deadline `seconds` from now; none (infinitely far) for zero or less."""
        return cls(seconds if seconds > 0 else math.inf)

    def remaining(self) -> float:
        return self.started + self.seconds - time.monotonic()

    def passed(self) -> bool:
        return self.remaining() <= 0

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def within_share(self, share: float) -> Callable[[], bool]:
        """A test that holds while less than `share` of the time is spent."""
        return lambda: self.elapsed() < self.seconds * share

    def share(self, parts: int) -> Deadline:
        """A deadline for one of `parts` steps still to run: twice an equal share of what is
        left (so a quick step leaves its time to the next), never past this one."""
        remaining = max(0.0, self.remaining())
        return Deadline(min(remaining, 2 * remaining / max(1, parts)))

    @contextmanager
    def enforced(self) -> Iterator[None]:
        """Run the block, raising TimeLimit inside it when the deadline passes."""
        if self.passed():
            raise TimeLimit
        if math.isinf(self.seconds):
            yield
            return
        alarm = Alarm(threading.get_ident())
        timer = threading.Timer(self.remaining(), alarm.ring)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()
            alarm.disarm()
