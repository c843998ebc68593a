"""Input documents: one article's bytes (or why they could not be read) and where they came from,
and the file suffixes that say how a file is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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


COMPRESSED_SUFFIXES = {".warc.gz", *(suffix + ".gz" for suffix in JSONL_SUFFIXES)}


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
