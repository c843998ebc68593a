"""Many documents from many inputs: directories, globs, JSONL, WARC, RSS/Atom feeds, URLs.

`iter_documents` yields one `InputDocument` per article, in a stable order, each with an id
that names where it came from (`path`, `path#L12`, `path#record-3`, `feed#entry-5`). A document
that cannot be read becomes an `InputDocument` with `error` set, never an exception, so that a
batch can record it and go on.
"""

from __future__ import annotations

import glob
import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from presslens.errors import PresslensError
from presslens.ingest.detect import URL, from_bytes
from presslens.model import Article, Origin
from presslens.settings import Settings

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


def expand(location: str) -> Iterator[Path | str]:
    """A location as files (directories walked recursively, globs expanded) or a URL."""
    if URL.match(location) or location == "-":
        yield location
        return
    path = Path(location)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p))
    elif any(ch in location for ch in "*?["):
        yield from sorted(Path(p) for p in glob.glob(location, recursive=True) if Path(p).is_file())
    else:
        yield path


def file_documents(path: Path, settings: Settings) -> Iterator[InputDocument]:
    suffix = suffix_of(path)
    uri = str(path)
    try:
        if suffix in JSONL_SUFFIXES or suffix.removesuffix(".gz") in JSONL_SUFFIXES:
            yield from jsonl_documents(path)
        elif suffix in (".warc", ".warc.gz"):
            yield from warc_documents(path)
        elif path.stat().st_size > settings.max_bytes:
            yield InputDocument(uri, "text", uri, error=f"{uri} is over the size limit")
        else:
            data = path.read_bytes()
            if suffix in FEED_SUFFIXES and looks_like_feed(data[:2048]):
                yield from feed_documents(data, uri)
            else:
                kind = "html" if suffix in HTML_SUFFIXES else "text"
                yield InputDocument(uri, kind, uri, data=data)
    except (OSError, ValueError) as exc:
        yield InputDocument(uri, "text", uri, error=f"cannot read {uri}: {exc}")


def jsonl_documents(path: Path) -> Iterator[InputDocument]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            doc_id = f"{path}#L{number}"
            try:
                record = json.loads(line)
                body = next((record[k] for k in JSON_TEXT_FIELDS if record.get(k)), None)
                if not isinstance(body, str):
                    raise ValueError(f"no text field ({', '.join(JSON_TEXT_FIELDS)})")
            except (ValueError, TypeError, AttributeError) as exc:
                yield InputDocument(doc_id, "jsonl", doc_id, error=f"line {number}: {exc}")
                continue
            meta = {k: str(record[k]) for k in ("id", "url", "title") if record.get(k)}
            uri = meta.get("url", doc_id)
            yield InputDocument(doc_id, "jsonl", uri, data=body.encode("utf-8"), meta=meta)


def warc_documents(path: Path) -> Iterator[InputDocument]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            if record.rec_type != "response":
                continue
            content_type = (
                record.http_headers and record.http_headers.get_header("Content-Type")
            ) or ""
            if "html" not in content_type and "text" not in content_type:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#record-{number}"
            doc_id = f"{path}#record-{number}"
            yield InputDocument(doc_id, "warc", uri, data=record.content_stream().read())


def looks_like_feed(head: bytes) -> bool:
    lowered = head.lower()
    return b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered


def feed_documents(data: bytes, uri: str) -> Iterator[InputDocument]:
    import feedparser

    parsed = feedparser.parse(data)
    for number, entry in enumerate(parsed.entries, start=1):
        doc_id = f"{uri}#entry-{number}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        title = entry.get("title", "")
        if not body.strip():
            yield InputDocument(
                doc_id, "feed", entry.get("link", doc_id), error="feed entry has no text"
            )
            continue
        head = f"<title>{escape(title)}</title>"
        html = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
        meta = {k: str(entry[k]) for k in ("link", "published", "author") if entry.get(k)}
        yield InputDocument(
            doc_id, "feed", entry.get("link", doc_id), data=html.encode(), meta=meta
        )


def url_documents(url: str, settings: Settings) -> Iterator[InputDocument]:
    from presslens.ingest.fetch import fetch_url

    try:
        data, fetched_at = fetch_url(url, settings=settings)
    except PresslensError as exc:
        yield InputDocument(url, "url", url, error=str(exc))
        return
    if looks_like_feed(data[:2048]):
        yield from feed_documents(data, url)
    else:
        yield InputDocument(url, "url", url, data=data, meta={"fetched_at": fetched_at})


def iter_documents(
    locations: Iterable[str], *, settings: Settings | None = None
) -> Iterator[InputDocument]:
    """Every document named by `locations`, in order; unreadable ones carry an `error`."""
    settings = settings or Settings()
    for location in locations:
        items = list(expand(location))
        if not items:
            yield InputDocument(location, "text", location, error=f"{location} matches no file")
        for item in items:
            if isinstance(item, str):
                yield from url_documents(item, settings)
            elif not item.exists():
                yield InputDocument(str(item), "text", str(item), error=f"{item} does not exist")
            else:
                yield from file_documents(item, settings)


def load_document(document: InputDocument, *, settings: Settings | None = None) -> Article:
    """The Article of one input document; raises PresslensError when it cannot be read."""
    if document.error or document.data is None:
        raise PresslensError(document.error or f"{document.id} has no content")
    origin = Origin(
        kind=document.kind, uri=document.uri, fetched_at=document.meta.get("fetched_at")
    )
    return from_bytes(document.data, origin=origin, settings=settings or Settings())


def estimate_total(locations: list[str]) -> int | None:
    """How many documents the inputs hold, when cheap to know (files and JSONL lines), else None."""
    total = 0
    for location in locations:
        for item in expand(location):
            if isinstance(item, str):
                return None
            suffix = suffix_of(item)
            if suffix in JSONL_SUFFIXES or suffix.removesuffix(".gz") in JSONL_SUFFIXES:
                total += count_lines(item)
            elif suffix in FEED_SUFFIXES or suffix in (".warc", ".warc.gz"):
                return None  # counting the records of a WARC or a feed means reading it all
            else:
                total += 1
    return total


def count_lines(path: Path) -> int:
    """Non-blank lines of a JSONL file, i.e. its documents (ingest skips blank lines)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # unreadable: it will be one error row
