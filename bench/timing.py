"""What every benchmark shares: the median wall (or CPU) time of repeated runs of an action."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls of `action` (the machine is shared: never one run)."""
    samples = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def median_cpu_seconds(action: Callable[[], object], runs: int) -> float:
    """Median CPU time of this process (all its threads) over `runs` calls of `action`: less
    moved by other programs on a busy machine than the wall time, though not immune (a shared
    cache, a slower clock)."""
    samples = []
    for _ in range(max(1, runs)):
        started = time.process_time()
        action()
        samples.append(time.process_time() - started)
    return statistics.median(samples)
