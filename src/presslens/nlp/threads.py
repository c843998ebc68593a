"""numpy's BLAS threads. numpy's OpenBLAS runs a product on every core, which pays on the parse's
large products on an idle machine, but the stages' products are small (a few hundred rows
against a few hundred columns), and on a busy machine each one waits for a second thread to be
scheduled: the learned quote tagger's took 112 ms on the showcase with two threads at load 6,
41 ms with one. So the stages run with one BLAS thread (`one_blas_thread`); OpenBLAS splits a
product between threads by rows and columns, never along the sum, so the results are the same
to the bit (doc.tensor and every annotation of 22 parses, and the dossiers of 114 articles in
both modes, were compared). The parse too runs on one thread by default (`parse_blas_threads`,
used by `pipeline.parse_within`): at load 3 on this project's two-core machine the accurate
`analyse()` of the showcase took 2.62x the stock parse with one thread against 3.18x with
numpy's two, fast mode 1.14x against 1.46x. On an idle machine the second thread shortens the
parse; PRESSLENS_BLAS_THREADS=N lets the parse use N threads (0: numpy's own number). The limit
is the process's: two analyses in two threads share it (a speed matter only, the bits are the
same).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController


@functools.cache
def controller() -> ThreadpoolController:
    """The BLAS libraries loaded (numpy's, loaded with presslens), found once: 1 ms."""
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """A block whose BLAS products run on one thread; the previous limits come back after."""
    with controller().limit(limits=1, user_api="blas"):
        yield


def parse_threads() -> int:
    """The parse's BLAS threads: PRESSLENS_BLAS_THREADS (0: numpy's own number), else 1."""
    raw = os.environ.get("PRESSLENS_BLAS_THREADS", "")
    return int(raw) if raw.isdigit() else 1


@contextmanager
def parse_blas_threads() -> Iterator[None]:
    """A block (the parse) whose BLAS products run on `parse_threads()` threads."""
    threads = parse_threads()
    if threads <= 0:
        yield
        return
    with controller().limit(limits=threads, user_api="blas"):
        yield
