"""presslens.nlp.threads: numpy's BLAS threads in the parse and the stages."""

from __future__ import annotations

import pytest

from presslens import nlp


def test_the_parse_runs_on_one_blas_thread_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    def blas_threads() -> int:
        return max(info["num_threads"] for info in nlp.threads.controller().info())

    monkeypatch.delenv("PRESSLENS_BLAS_THREADS", raising=False)
    with nlp.parse_blas_threads():
        assert blas_threads() == 1
    monkeypatch.setenv("PRESSLENS_BLAS_THREADS", "0")
    outside = blas_threads()
    with nlp.parse_blas_threads():
        assert blas_threads() == outside
    with nlp.one_blas_thread():
        assert blas_threads() == 1
