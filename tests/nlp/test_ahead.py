"""presslens.nlp.ahead: a call run in a thread before its result is wanted, and stopped when
it is no longer wanted."""

from __future__ import annotations

import threading
import time

import pytest

from presslens import nlp
from presslens.nlp.deadline import Deadline, TimeLimit


def test_the_result_and_the_error_come_back_to_the_caller() -> None:
    assert nlp.Ahead(sum, [1, 2, 3]).result() == 6

    def broken() -> None:
        raise ValueError("no vectors")

    with pytest.raises(ValueError, match="no vectors"):
        nlp.Ahead(broken).result()


def test_the_call_runs_in_another_thread_at_once() -> None:
    started = threading.Event()
    job = nlp.Ahead(lambda: (started.set(), threading.get_ident())[1])
    assert started.wait(5)
    assert job.result() != threading.get_ident()


def spin(flag: list[bool]) -> None:
    while True:  # plain bytecode: a stop lands between two of them
        flag[0] = True


def test_a_call_nobody_wants_is_stopped() -> None:
    flag = [False]
    job = nlp.Ahead(spin, flag)
    while not flag[0]:
        time.sleep(0.01)
    job.stop()
    assert job.done.wait(5)
    job.stop()  # twice, or after the end: nothing happens
    assert not job.thread.is_alive() or job.thread.join(5) is None


def test_a_time_limit_on_the_waiting_thread_stops_the_call() -> None:
    flag = [False]
    job = nlp.Ahead(spin, flag)
    with pytest.raises(TimeLimit), Deadline(0.2).enforced():
        job.result()
    assert job.done.wait(5)


def test_stopping_a_finished_call_keeps_its_result() -> None:
    job = nlp.Ahead(lambda: "done")
    assert job.done.wait(5)
    job.stop()
    assert job.result() == "done"
