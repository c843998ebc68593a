"""A time limit on one article's analysis, enforced inside the thread that runs it.

A stage is plain Python that cannot be asked to stop, and a thread cannot be killed; but
CPython can raise an exception in another thread at that thread's next bytecode
(`PyThreadState_SetAsyncExc`). `Deadline.enforced()` arms an alarm that raises `TimeLimit` in
the calling thread when the deadline passes, and leaving the block disarms it. One watchdog
thread per process rings every alarm (`Watchdog`): a timer thread started for each block cost
0.2 ms on an idle machine and, at load 3, a wait for the new thread to be scheduled, eight
times an article (the parse and each stage). `TimeLimit` is a
BaseException, so a stage's own `except Exception` does not swallow it. A single long call into
C (one regular expression over a huge string, one pass of a network) finishes before the
exception lands: `presslens.nlp.pieces` keeps those calls short. This works in any thread: the
web server's workers, a Dask worker's threads, the CLI's main thread.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


class TimeLimit(BaseException):
    """Raised inside a block that outlived its deadline."""


# held while a thread starts and while an exception is raised in a thread: CPython (3.11) may
# hand an exception raised in a thread that is starting another to the new thread's bootstrap,
# which then dies before it says it has started, and the starter waits for it forever (a
# 1 ms time limit hung one CLI run in six at load 2)
STARTING = threading.Lock()


def start_thread(thread: threading.Thread) -> None:
    """Start the thread with no exception raised in any thread meanwhile."""
    with STARTING:
        thread.start()


def raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> int:
    """Raise `exception` in the thread at its next bytecode (None withdraws one not yet
    raised); the number of threads it reached. Never while a thread starts (`STARTING`)."""
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    target = ctypes.py_object(exception) if exception is not None else None
    with STARTING:
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


class Watchdog:
    """One daemon thread that rings each armed alarm at its time (time.monotonic()); started at
    the first alarm, and again in a forked child (which has no threads but the forking one)."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.due: list[tuple[float, int, Alarm]] = []  # a heap by time
        self.order = itertools.count()  # ties in time ring in arming order
        self.thread: threading.Thread | None = None

    def arm(self, when: float, alarm: Alarm) -> None:
        with self.condition:
            heapq.heappush(self.due, (when, next(self.order), alarm))
            if self.thread is None:
                self.thread = threading.Thread(target=self.watch, name="presslens-deadline")
                self.thread.daemon = True
                start_thread(self.thread)
            elif self.due[0][2] is alarm:
                self.condition.notify()  # the earliest now: wake the watch to wait less

    def watch(self) -> None:
        while True:
            with self.condition:
                while self.due and not self.due[0][2].armed:
                    heapq.heappop(self.due)  # disarmed: forgotten without waiting for it
                if not self.due:
                    self.condition.wait()
                    continue
                wait = self.due[0][0] - time.monotonic()
                if wait > 0:
                    self.condition.wait(wait)
                    continue
                alarm = heapq.heappop(self.due)[2]
            alarm.ring()


WATCHDOG = Watchdog()


def _new_watchdog() -> None:
    global WATCHDOG
    WATCHDOG = Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_watchdog)


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
        WATCHDOG.arm(self.started + self.seconds, alarm)
        try:
            yield
        finally:
            alarm.disarm()
