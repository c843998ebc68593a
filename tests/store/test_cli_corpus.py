"""`presslens ingest | search | export` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "in").mkdir()
    (folder / "in" / "a.txt").write_text(
        'Harbour vote\n\nThe mayor, Jane Smith, said "the harbour will open in May".\n'
    )
    (folder / "in" / "b.txt").write_text(
        "Bridge works\n\nThe bridge costs $4 million, they said.\n"
    )
    db = folder / "corpus.db"
    result = runner.invoke(app, ["ingest", str(folder / "in"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "2 stored, 0 failed" in result.output
    return db


def test_search_json_lines(corpus_db: Path) -> None:
    result = runner.invoke(app, ["search", "harbour; DROP TABLE", "--db", str(corpus_db), "--json"])
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and all(hit["title"] == "Harbour vote" for hit in hits)


def test_search_kind_filter(corpus_db: Path) -> None:
    result = runner.invoke(app, ["search", "bridge", "--kind", "article", "--db", str(corpus_db)])
    assert result.exit_code == 0
    assert "[article]" in result.stdout and "Bridge works" in result.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_every_table(corpus_db: Path, tmp_path: Path, fmt: str) -> None:
    result = runner.invoke(
        app, ["export", "-o", str(tmp_path), "--format", fmt, "--db", str(corpus_db)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    tables = ("articles", "actors", "quotes", "figures", "claims", "sources", "tones")
    assert names == sorted(f"{t}.{fmt}" for t in tables)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text().splitlines()]
        assert {row["title"] for row in rows} == {"Harbour vote", "Bridge works"}


def test_export_unknown_table_is_one_line(corpus_db: Path, tmp_path: Path) -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "presslens.cli",
            "export",
            "-o",
            str(tmp_path),
            "--table",
            "users",
            "--db",
            str(corpus_db),
        ],
        capture_output=True,
        text=True,
    )
    assert process.returncode == 2
    assert process.stderr.strip().startswith("presslens: error: cannot export users")
    assert "Traceback" not in process.stderr
