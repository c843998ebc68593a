"""What every benchmark shares: the median wall time of repeated runs of an action."""

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
