"""presslens.nlp.deadline: one watchdog thread rings every armed alarm, in time order."""

from __future__ import annotations

import os
import threading
import time

import pytest

from presslens.nlp import deadline
from presslens.nlp.deadline import Deadline, TimeLimit


def test_a_later_block_armed_first_does_not_delay_an_earlier_one() -> None:
    outer = Deadline(30.0)
    with outer.enforced():
        started = time.monotonic()
        with pytest.raises(TimeLimit), Deadline(0.2).enforced():
            while time.monotonic() - started < 5:
                time.sleep(0.01)  # a limit lands between two sleeps, not inside one
        assert time.monotonic() - started < 2


def test_limits_in_several_threads_land_in_their_own_thread() -> None:
    stopped: dict[str, bool] = {}

    def worker(name: str, seconds: float) -> None:
        try:
            with Deadline(seconds).enforced():
                end = time.monotonic() + 3
                while time.monotonic() < end:
                    pass
            stopped[name] = False
        except TimeLimit:
            stopped[name] = True

    threads = [threading.Thread(target=worker, args=(str(s), s)) for s in (0.1, 0.3, 10.0)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert stopped == {"0.1": True, "0.3": True, "10.0": False}


def test_disarmed_alarms_are_forgotten_and_the_watchdog_is_one_thread() -> None:
    for _ in range(200):
        with Deadline(0.05).enforced():
            pass
    time.sleep(0.2)
    with Deadline(0.05).enforced():
        time.sleep(0.01)
    watchdogs = [t for t in threading.enumerate() if t.name == "presslens-deadline"]
    assert len(watchdogs) == 1
    time.sleep(0.2)
    assert not [due for due in deadline.WATCHDOG.due if due[2].armed]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_gets_its_own_watchdog() -> None:
    with Deadline(30.0).enforced():  # the parent's watchdog is running
        pass
    pid = os.fork()
    if pid == 0:  # the child: a limit still lands
        code = 1
        try:
            with Deadline(0.1).enforced():
                end = time.monotonic() + 3
                while time.monotonic() < end:
                    time.sleep(0.01)
        except TimeLimit:
            code = 0
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def start_threads_until_the_limit(tries: int) -> int:
    """Start helper threads in a loop under a tiny time limit, `tries` times; how many limits
    landed in this thread."""
    from presslens.nlp.ahead import Ahead

    landed = 0
    for _ in range(tries):
        try:
            with Deadline(0.0002).enforced():
                while True:
                    Ahead(int, 1).result()
        except TimeLimit:
            landed += 1
    return landed


def test_a_limit_landing_while_a_thread_starts_never_strands_the_starter() -> None:
    """A time limit raised in a thread that is starting another went, now and then, to the
    new thread's bootstrap: the new thread died unstarted and the starter waited forever."""
    result: list[int] = []
    worker = threading.Thread(
        target=lambda: result.append(start_threads_until_the_limit(300)), daemon=True
    )
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "a thread start was left waiting forever"
    assert result == [300]
