"""Whole runs over a folder of bad inputs with good ones among them: `ingest` and `batch` never
stop on a bad file, every bad record or line is one error row, every good document is stored,
and a rerun of ingest stores nothing twice and skips nothing it should read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hostile_inputs import ARTICLE, PAGE, warc_record

from presslens.batch.ingest import ingest
from presslens.batch.run import run_batch
from presslens.store import open_store

pytestmark = pytest.mark.hostile

SURROGATE_LINE = '{"id": "2", "text": "Storm\\n\\nThe storm \\ud800 closed the port on Monday."}'


def bad_folder(folder: Path) -> dict[str, int]:
    """Bad and good inputs, named so that the bad ones come first; -> good documents per file."""
    folder.mkdir()
    (folder / "a-garbage.warc.gz").write_bytes(gzip.compress(bytes(range(256)) * 40))
    good = warc_record("https://example.org/ferry", PAGE)
    (folder / "b-cut.warc.gz").write_bytes(good + good[:40])
    (folder / "c-empty.warc").write_bytes(b"")
    lines = [
        json.dumps({"id": "1", "text": "Bridge\n\nThe bridge reopens in June, engineers said."}),
        SURROGATE_LINE,
        "{not json",
        json.dumps({"id": "4", "text": ARTICLE}),
    ]
    (folder / "d-lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = json.dumps({"text": ARTICLE.replace("Monday", "Friday")}).encode() + b"\n"
    (folder / "e-cut.jsonl.gz").write_bytes(gzip.compress(line)[:20])  # no line read whole
    (folder / "z-good.txt").write_text(ARTICLE.replace("May", "June"), encoding="utf-8")
    return {"b-cut.warc.gz": 1, "d-lines.jsonl": 3, "z-good.txt": 1}


def test_ingest_goes_on_past_every_bad_input_and_reruns_cleanly(tmp_path: Path) -> None:
    stored = bad_folder(tmp_path / "in")
    with open_store(tmp_path / "corpus.db") as store:
        first = ingest([str(tmp_path / "in")], store, show_progress=False)
        rows = store.all("SELECT input_id, dossier FROM articles ORDER BY input_id")
        errors = store.all("SELECT input_id, reason FROM errors ORDER BY input_id")
        again = ingest([str(tmp_path / "in")], store, show_progress=False)
    by_file: dict[str, int] = {}
    for row in rows:
        name = Path(row["input_id"].split("#")[0]).name
        by_file[name] = by_file.get(name, 0) + 1
    assert by_file == stored
    failed = sorted(Path(e["input_id"]).name for e in errors)
    assert failed == [
        "a-garbage.warc.gz#record-1",
        "b-cut.warc.gz#record-2",
        "c-empty.warc",
        "d-lines.jsonl#L3",
        "e-cut.jsonl.gz#L1",
    ]
    assert all("\n" not in e["reason"] for e in errors)
    storm = next(json.loads(r["dossier"]) for r in rows if r["input_id"].endswith("#L2"))
    assert any("surrogate" in w["message"] for w in storm["warnings"])
    assert (first.stored, first.failed) == (5, 5)
    assert (again.stored, again.failed, again.skipped) == (0, 0, 10)


def test_batch_writes_a_row_for_every_document_of_every_bad_input(tmp_path: Path) -> None:
    stored = bad_folder(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(tmp_path / "in")], str(out), workers=1, partition_size=4)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (summary.done, summary.failed) == (sum(stored.values()), 5)
    assert len(rows) == summary.done + summary.failed
    assert rows[-1]["id"].endswith("z-good.txt") and rows[-1]["status"] == "ok"
