"""The process's memory: given back to the system between documents of a long run, kept for
reuse within one (`keep_freed_memory`), and the loaded model out of the garbage collector's
sight (`set_aside_loaded`)."""

from __future__ import annotations

import ctypes
import functools
import gc
import os
from collections.abc import Callable

# glibc's mallopt parameters, and the values `keep_freed_memory` sets
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 2**20  # the largest glibc takes on 64-bit systems
TRIM_THRESHOLD = 128 * 2**20
# a user's own malloc settings, which keep_freed_memory leaves in force
MALLOC_ENVIRONMENT = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES")


@functools.cache
def malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


@functools.cache
def mallopt() -> Callable[[int, int], int] | None:
    """glibc's mallopt, or None where the C library has none (macOS, musl)."""
    try:
        function = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def keep_freed_memory() -> None:
    """Let the heap keep and reuse what an analysis frees, up to 128 MB, rather than hand it
    back to the system and fault it in again page by page for the next one; called once, when
    the model is loaded. By default glibc serves a large block (the networks' arrays: a few MB
    each) with a fresh mapping and returns it when freed, and trims the heap's free top: a fast
    analysis of the showcase took ~27,000 page faults and ~40 ms of system time (the stock
    spaCy parse ~14,000 and ~20 ms). With blocks up to 32 MB taken from the heap and 128 MB of
    free top kept, both fall to nearly nothing, and fast mode's cost against the stock parse in
    the same process fell ~0.03x (CPU and wall, load 4). The cost is memory: the heap stays at
    its high-water mark (~570 MB after the showcase against ~430 MB) until `give_back_memory`
    trims it, which a long text's analysis and every batch partition (`nlp.transient`) do.
    Settings of the user's own (MALLOC_*_THRESHOLD_, GLIBC_TUNABLES) are left in force."""
    function = mallopt()
    if function is None or any(name in os.environ for name in MALLOC_ENVIRONMENT):
        return
    function(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    function(M_TRIM_THRESHOLD, TRIM_THRESHOLD)


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
