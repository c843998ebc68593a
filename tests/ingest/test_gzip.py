"""Gzipped pages (`page.html.gz`, as web archives ship them) are read decompressed, within the
size limit: a few KB that inflate past it are refused after reading about the limit, and a
damaged file is a clear error, never a traceback."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from pathlib import Path

import pytest

from presslens.errors import InputError, InputTooLargeError
from presslens.ingest import load
from presslens.ingest.detect import load_location
from presslens.ingest.sources import iter_documents, load_document
from presslens.settings import Settings

PAGE = (
    "<html><head><title>Ferry strike ends</title></head><body><article>"
    "<p>The ferry strike ended on Monday, the union said after a long night of talks.</p>"
    "<p>Crews return to work this week and the first sailing leaves at nine on Tuesday.</p>"
    "</article></body></html>"
)
LIMIT = 1_000_000


def zeros_gzip(megabytes: int) -> bytes:
    """A gzip member of a page start and then `megabytes` MB of zero bytes (small on disk)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    parts = [compressor.compress(b"<html><body><p>")]
    parts += [compressor.compress(bytes(1 << 20)) for _ in range(megabytes)]
    return b"".join([*parts, compressor.flush()])


@pytest.fixture
def gzipped(tmp_path: Path) -> Path:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    return path


def test_a_gzipped_page_file_is_read(gzipped: Path) -> None:
    article = load_location(str(gzipped))
    assert article.origin.kind == "html"
    assert article.text.startswith("The ferry strike ended on Monday")
    assert article.origin.sha256 == load(PAGE.encode("utf-8")).origin.sha256  # the same page


def test_gzipped_bytes_are_read() -> None:
    article = load(gzip.compress(PAGE.encode("utf-8")))
    assert "Crews return to work" in article.text


def test_a_folder_of_gzipped_pages_is_ingested(gzipped: Path) -> None:
    documents = list(iter_documents([str(gzipped.parent)]))
    assert [(d.id, d.kind, d.error) for d in documents] == [(str(gzipped), "html", None)]
    assert "Crews return to work" in load_document(documents[0]).text


def test_a_gzip_bomb_is_refused_within_the_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(zeros_gzip(64))
    assert bomb.stat().st_size < 400_000
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match="once decompressed"):
            load(bomb, settings=Settings(max_bytes=LIMIT))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * LIMIT  # 64 MB inflated; about the limit read
    [document] = iter_documents([str(bomb)], settings=Settings(max_bytes=LIMIT))
    assert document.error and "size limit" in document.error


def test_a_damaged_gzip_file_is_a_clear_error(tmp_path: Path) -> None:
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(PAGE.encode("utf-8") * 20)[:-30])
    with pytest.raises(InputError, match="damaged gzip"):
        load(cut)
    [document] = iter_documents([str(cut)])
    assert document.error and "damaged gzip" in document.error
