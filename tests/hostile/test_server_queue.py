"""The web server's analysis queue (web/workers.py): with two workers, three analyses posted at
once all get their own dossier page, never more than two running at a time (the third waits
for a free worker); and a request that finds every worker busy for the whole queue wait gets
503 at the end of it, not before. The real app under uvicorn, as in test_server.py, with the
queue wait set short (`create_app(queue_seconds=...)`) so the test does not wait 30 s."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from serving import serving
from test_server import ARTICLE, Running, long_article, make_store, wait_for

from presslens.web.app import create_app

pytestmark = pytest.mark.hostile

TITLES = ("Harbour vote", "Ferry strike", "Bridge repairs")


@contextmanager
def running(app: FastAPI) -> Iterator[Running]:
    with serving(app) as base:
        yield Running(base, app)


def titled(title: str) -> str:
    return ARTICLE.replace("Harbour vote", title, 1)


def test_three_analyses_at_once_on_two_workers_all_get_their_page(tmp_path: Path) -> None:
    app = create_app(make_store(tmp_path), analyses=2, queue_seconds=120)
    answers: dict[str, httpx.Response] = {}
    most_busy = 0

    def post(title: str) -> None:
        data = {"text": titled(title)}
        answers[title] = httpx.post(server.url("/analyse"), data=data, timeout=150)

    with running(app) as server:
        posters = [threading.Thread(target=post, args=(title,)) for title in TITLES]
        for poster in posters:
            poster.start()
        while any(poster.is_alive() for poster in posters):
            most_busy = max(most_busy, len(server.busy))
            time.sleep(0.01)
    assert most_busy == 2, "two analyses should run at once, and never three"
    for title in TITLES:
        page = answers[title]
        assert page.status_code == 200, page.text[:300]
        assert f'<h1 id="title">{title}</h1>' in page.text
        assert "Jane Smith" in page.text


def test_a_request_that_finds_every_worker_busy_gets_503_after_the_wait(tmp_path: Path) -> None:
    app = create_app(make_store(tmp_path), analyses=1, queue_seconds=1.0)

    held: list[Exception] = []

    def hold_the_worker() -> None:
        timeout = httpx.Timeout(60, read=8)  # then goes away, which stops its analysis
        data = {"text": long_article(2500)}
        try:
            httpx.post(server.url("/analyse.json"), data=data, timeout=timeout)
        except httpx.ReadTimeout as exc:
            held.append(exc)

    with running(app) as server:
        holder = threading.Thread(target=hold_the_worker)
        holder.start()
        assert wait_for(lambda: server.busy, 30), "the long analysis did not start"
        started = time.monotonic()
        refused = httpx.post(server.url("/analyse.json"), data={"text": ARTICLE}, timeout=30)
        waited = time.monotonic() - started
        page = httpx.post(server.url("/analyse"), data={"text": ARTICLE}, timeout=30)
        still_busy = bool(server.busy)
        holder.join()
        assert wait_for(lambda: not server.busy, 10), "the abandoned analysis went on"
    assert held, "the long analysis ended within 8 s: it did not hold the worker"
    assert still_busy, "the long analysis ended before the queued requests were refused"
    assert refused.status_code == 503
    assert "busy" in refused.json()["error"]
    assert 1.0 <= waited < 5.0, f"refused after {waited:.1f} s, not after the 1 s wait"
    assert page.status_code == 503
    assert "The server is busy with other analyses" in page.text
