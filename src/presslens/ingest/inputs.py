"""Input documents: one article's bytes (or why they could not be read) and where they came from,
the file suffixes that say how a file is read, and reading within a size limit."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from presslens.errors import InputTooLargeError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_TEXT_FIELDS = ("html", "text", "content", "body")


@dataclass(frozen=True, slots=True)
class InputDocument:
    id: str
    kind: str  # text | html | jsonl | warc | feed | url
    uri: str
    data: bytes | None = None
    error: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    warning: str | None = None  # something replaced or dropped while reading; the dossier says so


# gzipped pages as web archives ship them ("page.html.gz"): read decompressed, within the limit
COMPRESSED_SUFFIXES = {
    ".warc.gz",
    *(suffix + ".gz" for suffix in JSONL_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES),
}


def suffix_of(path: Path) -> str:
    """The suffix that says how to read a file; a gzipped WARC or JSONL keeps both parts."""
    name = path.name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def is_supported(path: Path) -> bool:
    known = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | COMPRESSED_SUFFIXES
    known.add(".warc")
    return suffix_of(path) in known


READ_CHUNK_BYTES = 1 << 16


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def megabytes(size: int) -> str:
    value = size / 1e6
    return f"{value:.0f} MB" if value >= 100 else f"{value:.3g} MB"


def too_large(name: str, limit: int, *, note: str = "") -> InputTooLargeError:
    return InputTooLargeError(
        f"{name} is over the {megabytes(limit)} size limit{note}: split it or raise max_bytes"
    )


def read_bounded(stream: Readable, limit: int, name: str, *, note: str = "") -> bytes:
    """All of `stream`, read in chunks; refused (InputTooLargeError) as soon as it passes `limit`
    bytes, so a stream that inflates to gigabytes costs no more memory than the limit."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(READ_CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise too_large(name, limit, note=note)
        chunks.append(chunk)
    return b"".join(chunks)


SPECIAL_FILES = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


def not_a_file(path: Path) -> str | None:
    """Why `path` must not be opened (a FIFO blocks until a writer comes, /dev/zero never ends),
    or None for a regular file or a directory. Follows symlinks; a missing path is None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    for test, what in SPECIAL_FILES:
        if test(mode):
            return (
                f"{path} is a {what}, not a regular file: save the article to a file "
                "(or pipe it to `presslens analyze -`)"
            )
    return None


def is_gzip(handle: BinaryIO) -> bool:
    """Does the stream start with the gzip magic bytes? Leaves the position at the start."""
    magic = handle.read(2)
    handle.seek(0)
    return magic == b"\x1f\x8b"
