"""The command line, run as a user runs it: a real process, exit codes and stderr checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslens.model import validate


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "presslens.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("presslens ")


def test_sample_markdown_by_default() -> None:
    result = run("analyze")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# Harbour town votes to rebuild its flooded seafront")
    assert "Read in 1.50 minutes" in out


def test_json_from_stdin_validates() -> None:
    text = "A title for stdin\n\nThe council met on Monday and agreed the budget for next year."
    result = run("analyze", "-", "--format", "json", "--wpm", "100", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)
    assert data["source"]["kind"] == "stdin"
    assert data["article"]["title"] == "A title for stdin"


def test_html_to_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("analyze", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("wpm", ["0", "-5"])
def test_bad_wpm_is_refused(wpm: str) -> None:
    result = run("analyze", "--wpm", wpm)
    assert result.returncode != 0
    assert b"Traceback" not in result.stderr


@pytest.fixture
def local_site(tmp_path: Path):
    """A real HTTP server on loopback serving one article page."""
    import functools
    import http.server
    import threading

    page = (
        "<html><head><title>Quay opens | Gazette</title></head><body><article><h1>Quay opens</h1>"
        "<p>The harbour authority said on Friday that the new quay would open in spring.</p>"
        "<p>Shipping firms welcomed the news but asked for lower fees in the first year.</p>"
        "</article></body></html>"
    )
    (tmp_path / "quay.html").write_text(page, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_is_fetched_and_analysed(local_site: str) -> None:
    result = run("analyze", f"{local_site}/quay.html", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["kind"] == "url"
    assert data["source"]["fetched_at"]
    assert data["article"]["title"] == "Quay opens"


@pytest.mark.parametrize("path", ["/missing.html", "PORT"])
def test_unreachable_url_is_one_line(local_site: str, path: str) -> None:
    url = "http://127.0.0.1:9/x" if path == "PORT" else local_site + path
    result = run("analyze", url)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and url in lines[0]
