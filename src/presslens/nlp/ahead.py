"""A call started in a thread before its result is needed, so that it runs beside other work.

The accurate mode's sentence encoder needs only the sentences, which the dependency parser
sets; the entity recogniser runs after it and changes none. So `analyse()` starts the encoder
(`Ahead(nlp.encode_sentences, ...)`) as soon as the parser has run, and the entity recogniser
runs beside it: both spend their time in C with the GIL released (onnxruntime's runs, spaCy's
transition loop and numpy's products), so the encoder fills the core the recogniser leaves
idle. The encoder stage then takes the result (`Ahead.result`), under the stage's own time
limit as before. A result nobody wants is stopped (`Ahead.stop`) at the call's next bytecode,
as `presslens.nlp.deadline` stops a stage.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from presslens.nlp.deadline import raise_in_thread, start_thread

T = TypeVar("T")
POLL_SECONDS = 0.05  # how often a waiting thread runs a bytecode (a time limit lands there)


class Stopped(BaseException):
    """Raised inside a call whose result is no longer wanted."""


class Ahead(Generic[T]):
    """`call(*args)` running in a daemon thread from construction on."""

    def __init__(self, call: Callable[..., T], *args: Any) -> None:
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.finished = False  # set under the lock: from then on the call cannot be stopped
        self.stopped = False
        self.value: T | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(
            target=self.run, args=(call, args), name="presslens-ahead", daemon=True
        )
        start_thread(self.thread)  # no time limit may land in its bootstrap

    def run(self, call: Callable[..., T], args: tuple[Any, ...]) -> None:
        try:
            try:
                self.value = call(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller of result()
                self.error = exc
            with self.lock:
                self.finished = True
        except Stopped:
            pass  # stopped just as the call ended: the stop lands inside this block
        finally:
            self.done.set()

    def result(self) -> T:
        """Wait for the call's result (or raise its exception). The wait runs a bytecode every
        POLL_SECONDS, so a time limit on the waiting thread lands; it then stops the call."""
        try:
            while not self.done.wait(POLL_SECONDS):
                pass
        except BaseException:
            self.stop()
            raise
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]

    def stop(self) -> None:
        """Stop the call at its next bytecode, if it is still running."""
        with self.lock:
            if self.finished or self.stopped or self.thread.ident is None:
                return
            self.stopped = True
            raise_in_thread(self.thread.ident, Stopped)
