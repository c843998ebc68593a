"""Hostile servers and long runs: a URL that drips its body is cut off at the fetch timeout (and
at ingest's --timeout), Parquet output reaches the disk within seconds rather than every 2,000
rows, and the Dask dashboard answers on this machine only."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens.batch.work import Row
from presslens.errors import FetchError
from presslens.ingest.fetch import fetch_url
from presslens.settings import Settings

pytestmark = pytest.mark.hostile

DRIP_SECONDS = 20.0  # how long the server would take to send its whole body


def drip(connection: socket.socket, stop: threading.Event) -> None:
    """Answer with headers at once, then one byte of body every 0.1 s."""
    with connection:
        connection.recv(65536)
        body_length = int(DRIP_SECONDS * 10)
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body_length}\r\n\r\n"
        )
        connection.sendall(head.encode())
        for _ in range(body_length):
            if stop.wait(0.1):
                return
            try:
                connection.sendall(b"a")
            except OSError:
                return


@pytest.fixture
def slow_url() -> Iterator[str]:
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=drip, args=(connection, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/article"
    stop.set()
    thread.join(timeout=5)
    server.close()


def test_a_dripping_url_is_cut_off_at_the_timeout(slow_url: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="longer than 1 s"):
        fetch_url(slow_url, settings=Settings(url_timeout_seconds=1.0))
    assert time.monotonic() - start < 3.0


def test_ingest_timeout_caps_the_fetch(slow_url: str, tmp_path: Path) -> None:
    from presslens.batch.ingest import ingest
    from presslens.store import open_store

    start = time.monotonic()
    with open_store(tmp_path / "corpus.db") as store:
        report = ingest([slow_url], store, timeout=1.0, show_progress=False)
        errors = store.errors()
    assert time.monotonic() - start < 4.0
    assert (report.stored, report.failed) == (0, 1)
    assert "longer than 1 s" in errors[0]["reason"]


def row(number: int) -> Row:
    return Row(f"doc-{number}", f"doc-{number}", "error", stage="read", message="x")


def test_parquet_rows_reach_the_disk_within_seconds(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from presslens.batch.sinks import PARQUET_SECONDS_PER_PART, ParquetSink

    now = [0.0]
    sink = ParquetSink(tmp_path / "out.parquet", resume=False, clock=lambda: now[0])
    sink.write([row(1), row(2)])
    assert list((tmp_path / "out.parquet").glob("part-*.parquet")) == []
    now[0] += PARQUET_SECONDS_PER_PART
    sink.write([row(3)])  # a kill -9 from here on loses nothing written so far
    parts = list((tmp_path / "out.parquet").glob("part-*.parquet"))
    assert len(parts) == 1
    resumed = ParquetSink(tmp_path / "out.parquet", resume=True)
    assert resumed.existing_ids() == {"doc-1", "doc-2", "doc-3"}


def test_the_dask_dashboard_listens_on_this_machine_only(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    from presslens.batch.engines import run_dask

    seen: dict[str, object] = {}

    class Stop(Exception):
        pass

    def local_cluster(**kwargs: object) -> None:
        seen.update(kwargs)
        raise Stop

    monkeypatch.setattr(distributed, "LocalCluster", local_cluster)
    with pytest.raises(Stop):
        list(run_dask([], settings=Settings(), workers=1))
    address = str(seen.get("dashboard_address", ":8787"))
    assert address.startswith(("127.0.0.1:", "localhost:"))
    assert seen.get("host") in ("127.0.0.1", "localhost")
