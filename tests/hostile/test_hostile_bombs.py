"""Compression bombs and records that inflate or lie about their size: each is refused after
reading at most about the size limit (an error document naming the limit), peak memory grows by
far less than the bomb's size, and the documents after the bomb are still read.

Every bomb here is a few hundred KB of gzip that inflates to 96 MB of zero bytes, read at a
1 MB limit in a fresh process (`read_within_bounds.py`) that measures its own peak memory."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_inputs import ARTICLE, PAGE, gzip_of, warc_head, warc_record

pytestmark = pytest.mark.hostile

LIMIT = 1_000_000
BOMB_MEGABYTES = 96
MAX_GROWTH_MB = 48  # the bombs inflate to 96 MB; reading them whole grows the peak past that
GOOD_LINE = json.dumps({"id": "after", "text": ARTICLE}).encode() + b"\n"


def bomb_files(folder: Path) -> dict[str, bytes]:
    zeros = BOMB_MEGABYTES
    return {
        # a gzipped JSONL line of zeros with no line end: refused, the lines before it kept
        "zeros.jsonl.gz": gzip.compress(GOOD_LINE) + gzip_of(b'{"text": "', zeros),
        # a line three times the limit, then a good line: the line refused, the file goes on
        "long-line.jsonl.gz": gzip_of(b'{"text": "', 3, b'"}\n') + gzip.compress(GOOD_LINE),
        # a gzip member of zeros between two good records: not read as one header line
        "zeros.warc.gz": (
            warc_record("https://example.org/1", PAGE)
            + gzip_of(b"", zeros)
            + warc_record("https://example.org/2", PAGE)
        ),
        # a record whose Content-Encoding gzip payload inflates past the limit
        "inflating.warc.gz": (
            warc_record(
                "https://example.org/bomb",
                gzip_of(b"<html><body><p>", zeros),
                headers=(("Content-Encoding", "gzip"),),
            )
            + warc_record("https://example.org/2", PAGE)
        ),
        # a record declaring a terabyte, holding 96 MB of zeros
        "huge-length.warc.gz": (
            gzip_of(warc_head("https://example.org/huge", 10**12), zeros)
            + warc_record("https://example.org/2", PAGE)
        ),
    }


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("bombs")
    after = folder / "after.txt"
    after.write_text(ARTICLE, encoding="utf-8")
    spec = {}
    for name, data in bomb_files(folder).items():
        (folder / name).write_bytes(data)
        assert len(data) < 1_000_000  # small on disk: the bomb is in the inflating
        spec[name] = [str(folder / name), str(after)]
    (folder / "spec.json").write_text(json.dumps(spec))
    script = Path(__file__).with_name("read_within_bounds.py")
    done = subprocess.run(
        [sys.executable, str(script), str(LIMIT), str(folder / "spec.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout))


# case -> the documents expected: (id suffix, None for a good document or words of its error)
EXPECTED = {
    "zeros.jsonl.gz": [("#L1", None), ("#L2", "over the 1 MB size limit")],
    "long-line.jsonl.gz": [("#L1", "over the 1 MB size limit"), ("#L2", None)],
    "zeros.warc.gz": [("#record-1", None), ("#record-2", "damaged"), ("#record-3", None)],
    "inflating.warc.gz": [("#record-1", "over the 1 MB size limit"), ("#record-2", None)],
    "huge-length.warc.gz": [("#record-1", "over the 1 MB size limit"), ("#record-2", None)],
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_bomb_is_refused_within_bounds(results: dict[str, Any], name: str) -> None:
    result = results[name]
    assert result["raised"] is None
    documents = result["documents"]
    *from_bomb, after = documents
    assert after[0].endswith("after.txt") and after[1] is None  # the next input is still read
    assert len(from_bomb) == len(EXPECTED[name]), from_bomb
    for (doc_id, error, _size), (suffix, words) in zip(from_bomb, EXPECTED[name], strict=True):
        assert doc_id.endswith(suffix)
        if words is None:
            assert error is None
        else:
            assert error is not None and words in error, error
            assert "\n" not in error and len(error) < 400
    assert result["growth_mb"] < MAX_GROWTH_MB
