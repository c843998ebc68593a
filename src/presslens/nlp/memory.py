"""Giving memory back to the system between documents of a long run."""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def give_back_memory() -> None:
    """Return the heap's free pages to the system. A long article's parse leaves a peak of
    freed memory that glibc keeps: without this a worker's RSS steps up with the largest
    article so far. Dask's own workers do the same (MALLOC_TRIM_THRESHOLD_)."""
    trim = malloc_trim()
    if trim is not None:
        trim(0)
