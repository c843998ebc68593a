"""The web server under hostile requests: pages keep answering while an analysis runs (it runs in
a worker process), an analysis stops when its client goes away and when the server gets
SIGTERM, cross-site posts and unknown hosts are refused, and odd ids and NUL characters in
filters give a page, not a 500. The real app on 127.0.0.1 under uvicorn, as in tests/web."""

from __future__ import annotations

import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from serving import free_port, serving

from presslens.store import open_store

pytestmark = pytest.mark.hostile

ARTICLE = (
    "Harbour vote\n\nThe mayor, Jane Smith, said on Monday that the harbour would open in May. "
    '"We are ready," she told the council.\n'
)
READ_PATHS = ("/", "/search?q=harbour", "/analyse", "/articles.json")


def long_article(paragraphs: int) -> str:
    """Distinct paragraphs of prose (ingest drops repeated ones): slow to analyse whole."""
    body = [
        f"On day {n} the council of Port {n} met for {n + 2} hours. The mayor said that "
        f"{n * 3} ferries would run, and the union said {n % 7 + 1} more were needed."
        for n in range(paragraphs)
    ]
    return "Harbour diary\n\n" + "\n\n".join(body) + "\n"


def make_store(folder: Path) -> str:
    from presslens import pipeline

    db = folder / "corpus.db"
    analyse = getattr(pipeline.analyse, "__wrapped__", pipeline.analyse)
    with open_store(db) as store:
        store.save(analyse(ARTICLE), sha256="harbour")
    return str(db)


class Running:
    def __init__(self, base: str, app: Any) -> None:
        self.base = base
        self.app = app

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def busy(self) -> set[Any]:
        return self.app.state.workers.busy


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    from presslens.web.app import create_app

    app = create_app(make_store(tmp_path_factory.mktemp("server")))
    with serving(app) as base:
        yield Running(base, app)


def wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_pages_answer_while_a_run_of_quotes_is_analysed(server: Running) -> None:
    answer: dict[str, httpx.Response] = {}

    def post() -> None:
        text = "Title\n\n" + '"' * 60_000 + "\n"
        answer["post"] = httpx.post(server.url("/analyse.json"), data={"text": text}, timeout=120)

    poster = threading.Thread(target=post)
    poster.start()
    assert wait_for(lambda: server.busy, 30), "the analysis did not start"
    latencies: list[float] = []
    during = 0
    with httpx.Client(timeout=10) as client:
        while poster.is_alive() or len(latencies) < 40:
            for path in READ_PATHS:
                started = time.perf_counter()
                response = client.get(server.url(path))
                latencies.append(time.perf_counter() - started)
                during += bool(server.busy)
                assert response.status_code == 200, path
            time.sleep(0.01)
    poster.join()
    assert answer["post"].status_code == 200
    assert any("quotation marks" in w["message"] for w in answer["post"].json()["warnings"])
    assert during >= 20, "too few pages were read while the analysis ran"
    p95 = statistics.quantiles(latencies, n=20)[-1]
    assert p95 < 0.2, f"p95 {p95 * 1000:.0f} ms over {len(latencies)} reads"


def test_a_client_that_goes_away_stops_its_analysis(server: Running) -> None:
    def post() -> None:
        text = long_article(2500)
        timeout = httpx.Timeout(60, read=10)  # the client gives up and closes the connection
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(server.url("/analyse.json"), data={"text": text}, timeout=timeout)

    poster = threading.Thread(target=post)
    poster.start()
    assert wait_for(lambda: server.busy, 30), "the analysis did not start"
    [worker] = list(server.busy)
    poster.join()
    assert wait_for(lambda: not worker.process.is_alive(), 10), "the worker went on"
    assert not server.busy


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Origin": "http://evil.example"}, 403),
        ({"Origin": "null"}, 403),
        ({"Referer": "http://evil.example/page"}, 403),
        ({"Sec-Fetch-Site": "cross-site"}, 403),
        ({}, 200),  # no browser headers: a script, which no page can make a visitor send
        ({"Origin": "SELF", "Sec-Fetch-Site": "same-origin"}, 200),
    ],
)
def test_cross_site_posts_are_refused(
    server: Running, headers: dict[str, str], status: int
) -> None:
    headers = {k: v.replace("SELF", server.base) for k, v in headers.items()}
    response = httpx.post(
        server.url("/analyse.json"), data={"text": ARTICLE}, headers=headers, timeout=60
    )
    assert response.status_code == status


@pytest.mark.parametrize(
    ("host", "status"),
    [("evil.example", 400), ("localhost", 200), ("127.0.0.1", 200)],
)
def test_only_the_allowed_hosts_are_served(server: Running, host: str, status: int) -> None:
    port = server.base.rsplit(":", 1)[1]
    response = httpx.get(server.url("/"), headers={"Host": f"{host}:{port}"})
    assert response.status_code == status


ODD_REQUESTS = [
    "/article/99999999999999999999999",
    "/article/99999999999999999999999.json",
    "/article/99999999999999999999999/report",
    "/article/-3",
    "/search?q=a%00b&speaker=x%00y&actor=%00&source=%00",
    "/search.json?q=a%00b&speaker=x%00y&kind=quote",
    "/actor/a%00b",
    "/actor/a%00b.json",
    "/?page=1000000000000000000000000",
    "/articles.json?page=-99999999999999999999",
]


def test_odd_ids_and_nul_in_filters_get_a_page_not_a_500(hostile_store_url: str) -> None:
    from fastapi.testclient import TestClient

    from presslens.web.app import create_app

    client = TestClient(create_app(hostile_store_url), base_url="http://127.0.0.1")
    for path in ODD_REQUESTS:
        assert client.get(path).status_code in (200, 404, 422), path


SERVE = (
    "import sys, uvicorn\n"
    "from presslens.web.app import create_app\n"
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning')\n"
)


def test_sigterm_stops_a_busy_server(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([sys.executable, "-c", SERVE, make_store(tmp_path), str(port)])
    try:
        assert wait_for(lambda: reachable(base), 30), "the server did not start"
        answer: dict[str, Any] = {}

        def post() -> None:
            data = {"text": long_article(2500)}
            try:
                answer["post"] = httpx.post(base + "/analyse.json", data=data, timeout=60)
            except httpx.HTTPError as exc:
                answer["post"] = exc

        poster = threading.Thread(target=post)
        poster.start()
        time.sleep(4)  # the analysis is under way
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        process.wait(timeout=20)
        assert time.monotonic() - started < 10
        poster.join(timeout=10)
        got = answer["post"]
        assert isinstance(got, httpx.HTTPError) or got.status_code == 503
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def reachable(base: str) -> bool:
    try:
        return httpx.get(base + "/", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
