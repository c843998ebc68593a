"""The ingest loop on real files through the real pipeline: every input ends stored or as an
error record, reruns add nothing, and a run killed with SIGKILL is completed by the next one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presslens.batch.ingest import ingest
from presslens.errors import MissingInputError
from presslens.ingest.identity import content_key
from presslens.store import open_store

ARTICLE = "Harbour vote\n\nThe mayor, Jane Smith, said the harbour would open in May.\n"


def write_inputs(folder: Path) -> None:
    """Two articles, the first again with CRLF line ends, an empty file, and a JSONL file."""
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "a-windows.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    (folder / "b.html").write_text(
        "<html><head><title>Ferry news</title></head><body><article><p>The ferry strike ended "
        "on Monday, the union said.</p><p>Crews return to work this week.</p></article></body>"
        "</html>"
    )
    (folder / "empty.txt").write_text("")
    lines = [
        {"id": "1", "text": "Bridge repairs\n\nThe bridge reopens in June, engineers said."},
        {"id": "2", "title": "no body"},
    ]
    (folder / "more.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (b"Title\n\nBody text.\n", b"Title\r\n\r\nBody text.\r\n", True),
        (b"Title\n\nBody text.", b"  Title  \n\nBody text.   \n\n", True),
        ("Caf\u00e9".encode(), "Cafe\u0301".encode(), True),
        (b"Title\n\nBody text.", b"Title\n\nOther text.", False),
    ],
)
def test_content_key_ignores_only_layout(left: bytes, right: bytes, same: bool) -> None:
    assert (content_key(left) == content_key(right)) is same


def test_ingest_stores_everything_once(store_url: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_inputs(inputs)
    locations = [str(inputs)]
    with open_store(store_url) as store:
        with pytest.raises(MissingInputError, match="missing.txt"):  # a typo stores nothing
            ingest([*locations, str(tmp_path / "missing.txt")], store, show_progress=False)
        assert store.counts()["errors"] == 0
        first = ingest(locations, store, show_progress=False)
        assert (first.stored, first.failed, first.duplicates, first.skipped) == (3, 2, 1, 0)
        failed = {Path(e["input_id"].split("#")[0]).name: e["reason"] for e in store.errors()}
        assert set(failed) == {"empty.txt", "more.jsonl"}
        assert "empty" in failed["empty.txt"]
        counts = store.counts()
        second = ingest(locations, store, show_progress=False)
        assert (second.stored, second.failed, second.skipped) == (0, 0, 5)
        assert store.counts() == counts
        assert {hit["title"] for hit in store.search("ferry")} == {"Ferry news"}


def test_killed_ingest_completes_on_rerun(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(12):
        (inputs / f"{number:02}.txt").write_text(
            f"Report {number}\n\nOfficials in town {number} said the road would reopen soon. "
            f"The council approved {number + 2} new buses, the mayor said.\n"
        )
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    command = [sys.executable, "-m", "presslens.cli", "ingest", str(inputs), "-q", "--db"]
    process = subprocess.Popen([*command, str(killed)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None and stored < 3:
        time.sleep(0.05)
        if killed.exists():
            with open_store(killed) as store:
                stored = store.counts()["articles"]
    if process.poll() is not None:
        pytest.fail("the ingest finished before it could be killed")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with open_store(killed) as store:
        assert 0 < store.counts()["articles"] < 12
    subprocess.run([*command, str(killed)], check=True, stderr=subprocess.DEVNULL)
    with open_store(clean) as store:
        ingest([str(inputs)], store, show_progress=False)
        expected = store.counts()
    with open_store(killed) as store:
        assert store.counts() == expected
        assert expected["articles"] == 12


def test_a_document_that_hangs_becomes_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presslens import pipeline

    def stuck(*args: object, **kw: object) -> None:
        time.sleep(5)

    monkeypatch.setattr(pipeline, "analyse", stuck)
    (tmp_path / "slow.txt").write_text(ARTICLE)
    with open_store(tmp_path / "corpus.db") as store:
        report = ingest([str(tmp_path / "slow.txt")], store, show_progress=False, timeout=0.3)
        assert report.failed == 1
        assert "longer than 0.3 s" in store.errors()[0]["reason"]
