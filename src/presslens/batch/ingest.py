"""The ingest loop: many inputs -> analysed dossiers in a store, with a progress bar.

Idempotent by content: each document is keyed by the sha256 of its normalised text (decoded,
Unicode NFC, LF line ends, trailing blanks dropped), so the same article saved twice, or with
other line endings, is stored once and a rerun skips what is stored. Every input ends as a
stored dossier or a stored error with the reason. Each document is committed on its own, so a
run killed at any point (Ctrl-C, kill -9) loses at most the document in hand, and the next run
completes the corpus with no duplicate. Two runs writing the same article at once store it once
and record no failure (`Store.save` is safe against that race). A URL is fetched before its
document's time limit starts, so `timeout` also caps the fetch.
"""

from __future__ import annotations

import contextlib
import glob
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from presslens import nlp, pipeline
from presslens.errors import MissingInputError, PresslensError
from presslens.ingest.detect import URL
from presslens.ingest.identity import content_key
from presslens.ingest.inputs import InputDocument
from presslens.ingest.sources import estimate_total, iter_documents, load_document
from presslens.settings import Settings
from presslens.store.base import Store


@dataclass
class IngestReport:
    stored: int = 0  # new dossiers written
    failed: int = 0  # new error records written
    skipped: int = 0  # already stored (or already failed) before this run
    duplicates: int = 0  # the same content seen twice within this run
    seconds: float = 0.0
    # (input id, reason) of the first FAILURES_KEPT inputs that failed in this run
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.failed + self.skipped + self.duplicates

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (
            f"{self.seen} inputs: {self.stored} stored, {self.failed} failed, "
            f"{self.skipped} already in the store, {self.duplicates} duplicates "
            f"in {self.seconds:.1f} s ({rate:.2f} articles/s)"
        )


FAILURES_KEPT = 10


def missing_locations(locations: Iterable[str]) -> list[str]:
    """The locations that name no file: a path that does not exist, or a glob matching none.
    Checked before anything is stored, so that a mistyped path is a one-line error instead of
    an error record listed on every later run."""
    missing = []
    for location in locations:
        if location == "-" or URL.match(location):
            continue
        if any(ch in location for ch in "*?["):
            if not glob.glob(location, recursive=True):
                missing.append(location)
        elif not Path(location).exists():
            missing.append(location)
    return missing


def check_locations(locations: Iterable[str]) -> None:
    """Raise MissingInputError naming every location that names no file."""
    missing = missing_locations(locations)
    if missing:
        raise MissingInputError(
            f"{', '.join(missing)}: no such file or directory (nothing was analysed or stored)"
        )


def error_key(document: InputDocument) -> str:
    """Key of an input that could not even be read: its id (a path, a URL, a line)."""
    return f"input:{document.id}"


DOCUMENT_TIMEOUT_SECONDS = 300.0


class DocumentTimeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Stop the work inside after `seconds` (main thread only: SIGALRM), so one pathological
    document becomes an error record instead of stalling the whole run."""
    main = threading.current_thread() is threading.main_thread()
    if seconds is None or seconds <= 0 or not main:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Ingest:
    """One run over many inputs into one store."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        retry_errors: bool = False,
        timeout: float | None = DOCUMENT_TIMEOUT_SECONDS,
    ) -> None:
        self.store = store
        self.settings = settings
        self.retry_errors = retry_errors
        self.timeout = timeout
        self.stored_keys, self.failed_keys = store.known_keys()
        self.seen_now: set[str] = set()
        self.report = IngestReport()

    def known(self, key: str) -> bool:
        return key in self.stored_keys or (key in self.failed_keys and not self.retry_errors)

    def add(self, document: InputDocument) -> str:
        """Store one document (or its error); returns what happened to it."""
        key = content_key(document.data) if document.data is not None else None
        key = key or error_key(document)
        if key in self.seen_now:
            self.report.duplicates += 1
            return "duplicate"
        self.seen_now.add(key)
        if self.known(key):
            self.report.skipped += 1
            return "skipped"
        reason = document.error
        if reason is None:
            reason = self.analyse_and_save(document, key)
        if reason is None:
            self.stored_keys.add(key)
            self.report.stored += 1
            return "stored"
        self.store.save_error(key=key, reason=reason, input_id=document.id, uri=document.uri)
        self.failed_keys.add(key)
        self.report.failed += 1
        if len(self.report.failures) < FAILURES_KEPT:
            self.report.failures.append((document.id, reason))
        return "failed"

    def analyse_and_save(self, document: InputDocument, key: str) -> str | None:
        """None when stored, else the reason it could not be."""
        try:
            # what spaCy and the heap keep of this document goes with it
            with nlp.transient(self.settings), time_limit(self.timeout):
                article = load_document(document, settings=self.settings)
                dossier = pipeline.analyse(article, settings=self.settings)
            self.store.save(dossier, sha256=key, input_id=document.id, uri=document.uri)
        except (PresslensError, DocumentTimeout) as exc:
            return str(exc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            # (a store that is down fails again on save_error, which does stop the run)
            return f"{exc.__class__.__name__}: {exc}"
        return None


def fetch_settings(settings: Settings, timeout: float | None) -> Settings:
    """The settings to read inputs with: a URL is fetched before its document's time limit
    starts, so the limit caps the fetch's own timeout too."""
    if timeout is None or timeout <= 0 or timeout >= settings.url_timeout_seconds:
        return settings
    return settings.replace(url_timeout_seconds=timeout)


def progress_bar(console: Console, *, show: bool) -> Progress:
    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "[green]{task.fields[stored]} stored [red]{task.fields[failed]} failed"
            " [dim]{task.fields[skipped]} skipped"
        ),
        TextColumn("{task.fields[rate]:.2f}/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not show,
    )


def ingest(
    locations: list[str],
    store: Store,
    *,
    settings: Settings | None = None,
    retry_errors: bool = False,
    timeout: float | None = DOCUMENT_TIMEOUT_SECONDS,
    show_progress: bool = True,
    console: Console | None = None,
) -> IngestReport:
    """Analyse and store every document named by `locations`; see the module docstring.
    Raises MissingInputError, before storing anything, when a location names no file."""
    check_locations(locations)
    settings = settings or Settings()
    run = Ingest(store, settings, retry_errors=retry_errors, timeout=timeout)
    start = time.perf_counter()
    console = console or Console(stderr=True)
    total = estimate_total(locations, settings)
    with progress_bar(console, show=show_progress) as bar:
        task = bar.add_task("ingest", total=total, stored=0, failed=0, skipped=0, rate=0.0)
        for document in iter_documents(locations, settings=fetch_settings(settings, timeout)):
            run.add(document)
            report = run.report
            elapsed = time.perf_counter() - start
            if total is not None and report.seen > total:
                total = report.seen
            bar.update(
                task,
                completed=report.seen,
                total=total,
                stored=report.stored,
                failed=report.failed,
                skipped=report.skipped + report.duplicates,
                rate=report.seen / elapsed if elapsed else 0.0,
            )
    run.report.seconds = time.perf_counter() - start
    return run.report
