"""Many documents from many inputs: directories, globs, JSONL, WARC, RSS/Atom feeds, URLs.

`iter_documents` yields one `InputDocument` per article, in a stable order, each with an id
that names where it came from (`path`, `path#L12`, `path#record-3`, `feed#entry-5`). A document
that cannot be read becomes an `InputDocument` with `error` set, never an exception, so that a
batch can record it and go on.
"""

from __future__ import annotations

import glob
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from presslens.errors import PresslensError
from presslens.ingest.detect import URL, from_bytes
from presslens.ingest.feeds import feed_documents, looks_like_feed
from presslens.ingest.inputs import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    InputDocument,
    is_supported,
    suffix_of,
)
from presslens.ingest.jsonl import jsonl_documents
from presslens.ingest.warc import warc_documents
from presslens.model import Article, Origin
from presslens.settings import Settings


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
