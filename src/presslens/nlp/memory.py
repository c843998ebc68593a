"""Giving memory back to the system between documents of a long run."""

from __future__ import annotations

import ctypes
import functools
import gc
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


def set_aside_loaded() -> None:
    """Take every object alive now out of the garbage collector's sight (gc.freeze); called
    once, when the model is loaded. The spaCy pipeline, its vocabulary and the imports are
    ~110,000 objects that live as long as the process, and every full collection walked them
    all again: 50-100 ms, about every tenth fast analysis of the showcase, ~10 ms an article on
    average; set aside, ~2-3 ms. The young collections (~30 an article) take half as long too.
    What is frozen is never collected as a cycle (reference counting still frees it), so the
    garbage is collected first (~50 ms, once); a cycle among objects alive now that becomes
    garbage later stays until the process ends or `gc.unfreeze()`. Python's documentation
    suggests the same for a process that loads once and then works, and for workers forked
    from it, whose shared pages the collector then leaves untouched."""
    gc.collect()
    gc.freeze()
