"""numpy's BLAS threads. numpy's OpenBLAS runs a product on every core, which pays on the parse's
large products on an idle machine, but the stages' products are small (a few hundred rows
against a few hundred columns), and on a busy machine each one waits for a second thread to be
scheduled: the learned quote tagger's took 112 ms on the showcase with two threads at load 6,
41 ms with one. So the stages run with one BLAS thread (`one_blas_thread`); OpenBLAS splits a
product between threads by rows and columns, never along the sum, so the results are the same
to the bit (doc.tensor and every annotation of 22 parses, and the dossiers of 114 articles in
both modes, were compared). The parse too runs on one thread (`pipeline.parse_within`): at load 3
on this project's two-core machine the accurate `analyse()` of the showcase took 2.62x the stock
parse with one thread against 3.18x with numpy's two, fast mode 1.14x against 1.46x. The limit is
the process's: two analyses in two threads share it (a speed matter only, the bits are the same).
"""

from __future__ import annotations

import functools
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
