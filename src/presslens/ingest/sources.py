"""Many documents from many inputs: directories, globs, JSONL, WARC, RSS/Atom feeds, URLs.

`iter_documents` yields one `InputDocument` per article, in a stable order, each with an id
that names where it came from (`path`, `path#L12`, `path#record-3`, `feed#entry-5`). A document
that cannot be read becomes an `InputDocument` with `error` set, never an exception, so that a
batch can record it and go on: an unreadable line or record is one error document and the file
goes on; a file that yields nothing yields one error document saying why; a FIFO or a device is
refused rather than opened (it may never end).
"""

from __future__ import annotations

import glob
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from presslens.errors import PresslensError
from presslens.ingest.detect import URL, from_bytes, read_limited
from presslens.ingest.feeds import feed_documents, looks_like_feed
from presslens.ingest.inputs import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    InputDocument,
    is_gzip,
    is_supported,
    not_a_file,
    suffix_of,
)
from presslens.ingest.jsonl import LineTooLong, jsonl_documents, lines
from presslens.ingest.published import with_given
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
    """The documents of one file; whatever goes wrong becomes an error document."""
    return guarded(documents_of_file(path, settings), str(path))


def guarded(documents: Iterator[InputDocument], uri: str) -> Iterator[InputDocument]:
    """`documents`, then an error document if reading them raised, or if there was none."""
    count = 0
    try:
        for document in documents:
            count += 1
            yield document
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the inputs after it
        count += 1
        doc_id = uri if count == 1 else f"{uri}#after-{count - 1}"
        reason = f"cannot read {uri}: {exc.__class__.__name__}: {exc}"
        yield InputDocument(doc_id, "text", uri, error=reason)
    if count == 0:
        yield InputDocument(uri, "text", uri, error=f"{uri} holds no document")


def documents_of_file(path: Path, settings: Settings) -> Iterator[InputDocument]:
    suffix = suffix_of(path)
    uri = str(path)
    if suffix in JSONL_SUFFIXES or suffix.removesuffix(".gz") in JSONL_SUFFIXES:
        yield from jsonl_documents(path, settings)
    elif suffix in (".warc", ".warc.gz"):
        yield from warc_documents(path, settings.max_bytes)
    else:
        try:
            data = read_limited(path, settings.max_bytes)
        except PresslensError as exc:
            yield InputDocument(uri, "text", uri, error=str(exc))
            return
        if suffix in FEED_SUFFIXES and looks_like_feed(data[:2048]):
            yield from feed_documents(data, uri)
        else:
            kind = "html" if suffix.removesuffix(".gz") in HTML_SUFFIXES else "text"
            yield InputDocument(uri, kind, uri, data=data)


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
                yield from guarded(url_documents(item, settings), item)
            elif not item.exists():
                yield InputDocument(str(item), "text", str(item), error=f"{item} does not exist")
            elif reason := not_a_file(item):
                yield InputDocument(str(item), "text", str(item), error=reason)
            else:
                yield from file_documents(item, settings)


def load_document(document: InputDocument, *, settings: Settings | None = None) -> Article:
    """The Article of one input document, with the date and author its feed entry or JSON line
    gives, and the title a JSON line gives; raises PresslensError when it cannot be read."""
    if document.error or document.data is None:
        raise PresslensError(document.error or f"{document.id} has no content")
    origin = Origin(
        kind=document.kind, uri=document.uri, fetched_at=document.meta.get("fetched_at")
    )
    notes = (document.warning,) if document.warning else ()
    settings = settings or Settings()
    title = document.meta.get("title")
    article = from_bytes(document.data, origin=origin, settings=settings, notes=notes, title=title)
    return with_given(article, document.meta)


def estimate_total(locations: list[str], settings: Settings | None = None) -> int | None:
    """How many documents the inputs hold, when cheap to know (files and JSONL lines), else None."""
    limit = (settings or Settings()).max_bytes
    total = 0
    for location in locations:
        for item in expand(location):
            if isinstance(item, str):
                return None
            suffix = suffix_of(item)
            if suffix in JSONL_SUFFIXES or suffix.removesuffix(".gz") in JSONL_SUFFIXES:
                total += count_lines(item, limit)
            elif suffix in FEED_SUFFIXES or suffix in (".warc", ".warc.gz"):
                return None  # counting the records of a WARC or a feed means reading it all
            else:
                total += 1
    return total


def count_lines(path: Path, limit: int) -> int:
    """Non-blank lines of a JSONL file, i.e. its documents (ingest skips blank lines), read in
    pieces like ingest reads them; at least 1 (a file with none is one error row)."""
    if not_a_file(path):
        return 1
    count = 0
    try:
        with path.open("rb") as raw:
            handle = gzip.GzipFile(fileobj=raw) if is_gzip(raw) else raw
            for line in lines(handle, limit):
                count += isinstance(line, LineTooLong) or bool(line.strip())
    except Exception:  # noqa: BLE001 - unreadable from here on: one more error row
        count += 1
    return max(count, 1)
