"""Damaged archives and JSONL: every unreadable record or line is one error document, the rest
of the file goes on where it can, a file that yields nothing yields one error document saying
why, and the input after it is always read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hostile_inputs import ARTICLE, PAGE, warc_record, write_jsonl

from presslens.ingest.sources import iter_documents, load_document

pytestmark = pytest.mark.hostile

GOOD = warc_record("https://example.org/good", PAGE)
GOOD_PLAIN = warc_record("https://example.org/good", PAGE, gzip=False)


def damaged_member() -> bytes:
    record = bytearray(warc_record("https://example.org/x", PAGE))
    record[30:60] = bytes(30)  # inside the deflate data: the member no longer inflates
    return bytes(record)


def image_record() -> bytes:
    return warc_record("https://example.org/i.png", b"\x89PNG", content_type="image/png")


# name -> (file bytes, expected documents: (id suffix, None if good else words of the error))
ARCHIVES: dict[str, tuple[bytes, list[tuple[str, str | None]]]] = {
    "garbage.warc": (bytes(range(256)) * 40, [("garbage.warc#record-1", "damaged")]),
    "garbage.warc.gz": (
        gzip.compress(bytes(range(256)) * 40),
        [("#record-1", "damaged")],
    ),
    "cut-early.warc.gz": (GOOD[:40], [("#record-1", "damaged")]),
    "cut-headers.warc.gz": (gzip.compress(GOOD_PLAIN[:150]), [("#record-1", "damaged")]),
    "no-length.warc": (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/n\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE,
        [("#record-1", "Content-Length")],
    ),
    "cut-content.warc.gz": (
        GOOD + gzip.compress(GOOD_PLAIN[:-40]),
        [("#record-1", None), ("#record-2", "truncated")],
    ),
    "cut-content.warc": (
        GOOD_PLAIN + GOOD_PLAIN[:-40],
        [("#record-1", None), ("#record-2", "truncated")],
    ),
    "damaged-member.warc.gz": (
        GOOD + damaged_member() + GOOD,
        [("#record-1", None), ("#record-2", "damaged"), ("#record-3", None)],
    ),
    "junk-between.warc": (
        GOOD_PLAIN + b"junk line\r\nmore junk\r\n" * 3 + GOOD_PLAIN,
        [("#record-1", None), ("#record-2", "damaged"), ("#record-3", None)],
    ),
    # fifty places that look like a gzip member and are not: one damaged stretch, one error
    "stuffed.warc.gz": (
        GOOD + (b"\x1f\x8b\x08" + b"x" * 20) * 50 + GOOD,
        [("#record-1", None), ("#record-2", "damaged"), ("#record-3", None)],
    ),
    # a fake member whose first line has the five fields of an old ARC header: warcio reads it
    # as an ARC record, which swallowed the good record after it (seen with random gzip bytes)
    "arc-looking.warc.gz": (
        GOOD + b"\x1f\x8b\x08x a b c d\n" * 3 + GOOD,
        [("#record-1", None), ("#record-2", "damaged"), ("#record-3", None)],
    ),
    "empty.warc": (b"", [("empty.warc", "no HTML or text response record")]),
    "images-only.warc.gz": (image_record(), [("images-only.warc.gz", "no HTML or text")]),
}


def read_with_next(path: Path, tmp_path: Path) -> list[tuple[str, str | None]]:
    """The documents of `path` (id, error), after checking that a plain article named after it
    is still read."""
    after = tmp_path / "zz-after.txt"
    after.write_text(ARTICLE, encoding="utf-8")
    documents = list(iter_documents([str(path), str(after)]))
    assert documents[-1].id == str(after) and documents[-1].error is None
    return [(d.id, d.error) for d in documents[:-1]]


def check(found: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]) -> None:
    assert len(found) == len(expected), found
    for (doc_id, error), (suffix, words) in zip(found, expected, strict=True):
        assert doc_id.endswith(suffix), doc_id
        if words is None:
            assert error is None
        else:
            assert error is not None and words in error, error
            assert "\n" not in error and len(error) < 400


@pytest.mark.parametrize("name", list(ARCHIVES))
def test_damaged_archive_gives_error_documents_and_goes_on(tmp_path: Path, name: str) -> None:
    data, expected = ARCHIVES[name]
    path = tmp_path / name
    path.write_bytes(data)
    check(read_with_next(path, tmp_path), expected)


def test_lone_surrogate_line_loads_with_a_warning_and_the_file_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "1", "text": "Bridge\n\nThe bridge reopens in June, engineers said."}),
        '{"id": "2", "text": "Storm\\n\\nThe storm \\ud800 closed the port on Monday."}',
        json.dumps({"id": "3", "text": ARTICLE}),
    ]
    path = tmp_path / "surrogate.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = list(iter_documents([str(path)]))
    assert [d.id.rsplit("#", 1)[1] for d in documents] == ["L1", "L2", "L3"]
    assert all(d.error is None for d in documents)
    article = load_document(documents[1])
    assert "\ufffd" in article.text
    assert any("surrogate" in w.message for w in article.warnings)
    assert "harbour" in load_document(documents[2]).text


BAD_LINES: dict[str, tuple[bytes, str]] = {
    "not an object": (b"[1, 2, 3]\n", "not an object"),
    "nested too deep": (b"[" * 100_000 + b"]" * 100_000 + b"\n", "line 2"),
    "not JSON": (b'{"text": \n', "line 2"),
    "invalid UTF-8": (b'{"text": "caf\xe9 \xff"}\n', ""),
}


@pytest.mark.parametrize("case", list(BAD_LINES))
def test_a_bad_jsonl_line_never_stops_the_file(tmp_path: Path, case: str) -> None:
    line, words = BAD_LINES[case]
    good = json.dumps({"text": ARTICLE}).encode() + b"\n"
    path = tmp_path / "lines.jsonl"
    path.write_bytes(good + line + good)
    found = [(d.id, d.error) for d in iter_documents([str(path)])]
    assert [doc_id.rsplit("#", 1)[1] for doc_id, _ in found] == ["L1", "L2", "L3"]
    assert found[0][1] is None and found[2][1] is None
    assert words in (found[1][1] or ""), found[1]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("blank.jsonl", b"\n  \n", [("blank.jsonl", "holds no JSON line")]),
        (
            "cut.jsonl.gz",
            gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode() * 3)[:-12],
            [("#L1", None), ("#L2", "EOFError")],
        ),
        ("not-gzip.jsonl.gz", b"\x1f\x8bnot really gzip", [("#L1", "BadGzipFile")]),
        ("feed.rss", b"<rss version='2.0'><channel></channel></rss>", [("feed.rss", "no entry")]),
    ],
)
def test_a_file_that_yields_nothing_says_why(
    tmp_path: Path, name: str, data: bytes, expected: list[tuple[str, str | None]]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    check(read_with_next(path, tmp_path), expected)


def test_jsonl_with_nothing_but_documents_is_counted_like_ingest_reads_it(tmp_path: Path) -> None:
    from presslens.ingest.sources import estimate_total

    path = write_jsonl(tmp_path / "two.jsonl", [{"text": ARTICLE}, {"text": ARTICLE}])
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(path.read_bytes())[:-12])
    assert estimate_total([str(path)]) == 2
    assert estimate_total([str(cut)]) >= 1  # no traceback from a truncated gzip
