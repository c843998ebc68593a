"""Batch runs give the same dossiers as `analyse()`, one error row per bad input, and resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import presslens
from presslens.batch.run import run_batch
from presslens.cli import app
from presslens.ingest.sources import iter_documents, load_document

pytestmark = pytest.mark.e2e

ARTICLES = {
    "a1.txt": "Council approves new bridge\n\nThe city council voted 7 to 2 on Tuesday to build a "
    'new bridge over the river. "This will cut commutes by ten minutes," said Mayor Ana Ruiz.',
    "a2.txt": "Bakery closes after 40 years\n\nThe Miller family said on Friday that their bakery "
    "on Elm Street will close in March. Sales fell 15 percent last year, according to the family.",
    "a3.txt": "School starts later\n\nStudents at Hill Park School will start at 9 a.m. from "
    "September. The head teacher, Tom Baker, said pupils would sleep longer.",
    "a5.txt": "Rain floods the market\n\nHeavy rain flooded the Saturday market. Traders said "
    "they lost about $2,000 each. The weather office expects more rain next week.",
    "a6.txt": "Library adds a film club\n\nThe town library will host a film club every Thursday. "
    '"Anyone can come," the librarian, Sara Lund, told residents.',
}
CORRUPT = "a4.txt"  # sorts into the middle of the inputs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / CORRUPT).write_bytes(bytes(range(256)) * 8)
    return folder


def comparable(dossier: dict[str, Any]) -> dict[str, Any]:
    """A dossier without the fields that may differ between two runs of the same input."""
    dossier = dict(dossier)
    dossier["source"] = {k: v for k, v in dossier["source"].items() if k != "fetched_at"}
    return dossier


@pytest.fixture(scope="module")
def expected(corpus: Path) -> dict[str, dict[str, Any]]:
    return {
        doc.id: comparable(presslens.analyse(load_document(doc)).to_dict())
        for doc in iter_documents([str(corpus)])
        if not doc.id.endswith(CORRUPT)
    }


def read_rows(out: Path) -> list[dict[str, Any]]:
    if out.suffix == ".db":
        from presslens.store import open_store

        with open_store(out) as store:
            articles = store.all("SELECT input_id, dossier FROM articles")
            errors = store.all("SELECT input_id, reason FROM errors")
        rows = [
            {"id": a["input_id"], "status": "ok", "dossier": json.loads(a["dossier"])}
            for a in articles
        ]
        for error in errors:
            stage, message = error["reason"].split(": ", 1)
            rows.append(
                {"id": error["input_id"], "status": "error", "stage": stage, "message": message}
            )
        return rows
    if out.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out).to_pylist()
        return [row | {"dossier": row["dossier"] and json.loads(row["dossier"])} for row in table]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("engine", "out_name"),
    [("local", "out.jsonl"), ("dask", "out.parquet"), ("local", "store.db")],
)
def test_engine_matches_analyse(
    engine: str, out_name: str, corpus: Path, expected: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / out_name
    summary = run_batch([str(corpus)], str(out), engine=engine, workers=2, partition_size=2)
    rows = read_rows(out)
    assert (summary.done, summary.failed) == (len(ARTICLES), 1)
    errors = [row for row in rows if row["status"] == "error"]
    assert [(Path(row["id"]).name, row["stage"]) for row in errors] == [(CORRUPT, "ingest")]
    assert "binary" in errors[0]["message"]
    dossiers = {row["id"]: comparable(row["dossier"]) for row in rows if row["status"] == "ok"}
    assert dossiers == expected


def test_resume_after_interruption(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"

    def interrupt(row: Any) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], str(out), workers=1, partition_size=2, on_row=interrupt)
    first = read_rows(out)
    assert 0 < len(first) < len(ARTICLES) + 1
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "torn line of a killed wri')  # a write cut short by kill -9

    result = CliRunner().invoke(
        app, ["batch", str(corpus), "--out", str(out), "--resume", "-w", "1"]
    )
    assert result.exit_code == 0, result.output
    ids = [row["id"] for row in read_rows(out)]
    assert len(ids) == len(set(ids)) == len(ARTICLES) + 1
    assert f"{len(first)} skipped" in result.output
