"""The process's memory settings: freed memory kept for reuse, the loaded model frozen."""

from __future__ import annotations

import gc

import pytest

from presslens import nlp
from presslens.nlp import memory


def recorded_mallopt(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    calls: list[tuple[int, int]] = []

    def record(parameter: int, value: int) -> int:
        calls.append((parameter, value))
        return 1

    monkeypatch.setattr(memory, "mallopt", lambda: record)
    for name in memory.MALLOC_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return calls


def test_freed_memory_is_kept_below_the_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = recorded_mallopt(monkeypatch)
    memory.keep_freed_memory()
    assert calls == [
        (memory.M_MMAP_THRESHOLD, 32 * 2**20),
        (memory.M_TRIM_THRESHOLD, 128 * 2**20),
    ]


@pytest.mark.parametrize("name", memory.MALLOC_ENVIRONMENT)
def test_the_users_own_malloc_settings_stay(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    calls = recorded_mallopt(monkeypatch)
    monkeypatch.setenv(name, "65536")
    memory.keep_freed_memory()
    assert calls == []


def test_no_mallopt_no_change(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "mallopt", lambda: None)
    memory.keep_freed_memory()  # macOS, musl: nothing to set, nothing raised


def test_the_loaded_model_is_out_of_the_collectors_sight() -> None:
    nlp.get_model()
    assert gc.get_freeze_count() > 50_000
