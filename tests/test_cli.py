"""The command line, run as a user runs it: a real process, exit codes and stderr checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslens.render.json import validate


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
