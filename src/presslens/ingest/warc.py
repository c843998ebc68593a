"""Web archives (WARC, optionally gzipped): one document per HTML or text response record.

Archives come from crawls, so they are read as hostile input, within bounds:

- a record's content is read in chunks, after its Content-Encoding is undone, up to
  `Settings.max_bytes` and refused past it (an error document naming the limit), so a small
  record that inflates to gigabytes costs no more memory than the limit;
- the lines warcio reads between two records (record and HTTP headers, blank lines) are capped at
  HEADER_LIMIT_BYTES, so a gzipped run of zeros is refused instead of read as one header line;
- a damaged record (not WARC, headers cut off, gzip that does not inflate) becomes one error
  document and reading resumes at the next record start (the next gzip member, or the next
  `WARC/` line of an uncompressed archive), one error document per damaged stretch; a record
  shorter than its declared length is an error document too;
- an archive that yields nothing yields one error document saying why.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from presslens.ingest.decode import scrub
from presslens.ingest.inputs import InputDocument, is_gzip, megabytes, read_bounded

HEADER_LIMIT_BYTES = 1_000_000
SCAN_CHUNK_BYTES = 1 << 20
# Places that look like a record start but do not read, tried in a row before the rest of the
# file is given up (a file stuffed with gzip magic bytes would otherwise cost one try each).
MAX_RESUMES = 100
MESSAGE_CHARS = 200


class HeadersTooLong(ValueError):
    pass


def bound_readline(reader: Any, limit: int) -> Callable[[], None]:
    """Cap the bytes warcio's `reader.readline` returns, summed until the returned reset is
    called, at `limit`: past it readline raises HeadersTooLong instead of reading on."""
    original = reader.readline
    used = 0

    def readline(length: int | None = None) -> bytes:
        nonlocal used
        room = limit - used
        line: bytes = original(room if length is None else min(length, room))
        used += len(line)
        if used >= limit and not line.endswith(b"\n"):
            raise HeadersTooLong(
                f"headers run past {megabytes(limit)} without an end: not a WARC record"
            )
        return line

    def reset() -> None:
        nonlocal used
        used = 0

    reader.readline = readline
    return reset


def describe(exc: BaseException) -> str:
    """A short one-line form of an error from warcio (whose messages can quote a whole line)."""
    text = " ".join(scrub(str(exc))[0].split())
    text = text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + "…"
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    # warcio writes its warnings (a bad Content-Length, gzip that does not inflate) to stderr;
    # they become error documents here instead
    with contextlib.redirect_stderr(io.StringIO()):
        yield


class ArchiveReader:
    """The documents of one open archive, resuming past damaged records."""

    def __init__(self, path: Path, handle: BinaryIO, limit: int) -> None:
        self.path = path
        self.handle = handle
        self.limit = limit
        self.gzipped = is_gzip(handle)
        self.size = os.fstat(handle.fileno()).st_size
        self.records = 0  # records read or found damaged
        self.documents = 0  # documents and error documents yielded
        self.failed_resumes = 0  # places tried since the last record that read

    def all_documents(self) -> Iterator[InputDocument]:
        start: int | None = 0
        while start is not None:
            start = yield from self.documents_from(start)
        if self.documents == 0:
            reason = (
                f"{self.path} holds no HTML or text response record ({self.records} records "
                "read): is it a WARC archive, and complete?"
            )
            yield InputDocument(str(self.path), "warc", str(self.path), error=reason)

    def documents_from(self, start: int) -> Generator[InputDocument, None, int | None]:
        """Documents from the record at byte `start` on; returns where to resume after a
        damaged record, or None at the end of the file."""
        from warcio.archiveiterator import ArchiveIterator

        self.handle.seek(start)
        archive = ArchiveIterator(self.handle)
        reset = bound_readline(archive.reader, HEADER_LIMIT_BYTES)
        records = iter(archive)
        while True:
            try:
                with quiet():
                    record = next(records, None)
            except Exception as exc:  # noqa: BLE001 - any damage: report it, resume past it
                return (yield from self.damaged(max(start, archive.offset), describe(exc)))
            if record is None:
                if archive.offset >= self.size:
                    return None
                # warcio stops quietly at gzip data that does not inflate: what is left is damage
                reason = "data that does not inflate or is not WARC: a cut or damaged archive?"
                return (yield from self.damaged(archive.offset, reason))
            if record.format != "warc":
                # warcio reads a line it cannot take for WARC as an old ARC header: here that is
                # damage (gzip data that did not inflate, read as text), and it may have
                # swallowed the good record after it
                reason = "a header line that is not WARC: a cut or damaged archive?"
                return (yield from self.damaged(archive.offset, reason))
            self.records += 1
            self.failed_resumes = 0
            reset()
            document = self.document(record)
            if document is not None:
                self.documents += 1
                yield document

    def damaged(self, offset: int, reason: str) -> Generator[InputDocument, None, int | None]:
        """One error document for damage at byte `offset` (none for more damage before the
        next good record: one damaged stretch, one error); returns where the next record may
        start, or None after MAX_RESUMES tries in a row found none that reads."""
        resume = self.next_start(offset + 1)
        self.failed_resumes += 1
        if self.failed_resumes > MAX_RESUMES:
            return None
        if self.failed_resumes == 1:
            self.records += 1
            self.documents += 1
            doc_id = f"{self.path}#record-{self.records}"
            after = "went on after it" if resume is not None else "found no record after it"
            message = (
                f"record {self.records} at byte {offset} is damaged ({reason}); reading {after}"
            )
            yield InputDocument(doc_id, "warc", doc_id, error=message)
        return resume

    def document(self, record: Any) -> InputDocument | None:
        """The document of an HTML or text response record; an error document when a record's
        content cannot be read or is cut short (whatever its type); else None."""
        http = record.http_headers
        content_type = (http and http.get_header("Content-Type")) or ""
        wanted = record.rec_type == "response" and (
            "html" in content_type or "text" in content_type
        )
        doc_id = f"{self.path}#record-{self.records}"
        uri = scrub(record.rec_headers.get_header("WARC-Target-URI") or doc_id)[0]
        try:
            with quiet():
                data = self.content(record, doc_id) if wanted else None
                check_complete(record)
        except Exception as exc:  # noqa: BLE001 - one bad record is an error document
            return InputDocument(doc_id, "warc", uri, error=f"record {self.records}: {exc}")
        return InputDocument(doc_id, "warc", uri, data=data) if wanted else None

    def content(self, record: Any, doc_id: str) -> bytes:
        """The record's payload, refused past the limit (counted after Content-Encoding)."""
        encoded = record.http_headers.get_header("Content-Encoding")
        note = " (its content, once inflated)" if encoded else ""
        return read_bounded(record.content_stream(), self.limit, doc_id, note=note)

    def next_start(self, position: int) -> int | None:
        """Where the next record may start at or after `position`: the next gzip member, or
        the next `WARC/` line; None when there is none."""
        marker, skip = (b"\x1f\x8b\x08", 0) if self.gzipped else (b"\nWARC/", 1)
        self.handle.seek(position)
        carry = b""
        block_start = position
        while block := self.handle.read(SCAN_CHUNK_BYTES):
            data = carry + block
            found = data.find(marker)
            if found >= 0:
                return block_start - len(carry) + found + skip
            carry = data[-(len(marker) - 1) :]
            block_start += len(block)
        return None


def warc_documents(path: Path, limit: int) -> Iterator[InputDocument]:
    with path.open("rb") as handle:
        yield from ArchiveReader(path, handle, limit).all_documents()


def check_complete(record: Any) -> None:
    """Read what is left of the record (what the content decoder left, or all of a record not
    read) and raise when the archive ends before the record's declared length."""
    if record.length is None:  # WARC requires it: the headers were cut before it
        raise ValueError("its headers end without a Content-Length: a cut or damaged record")
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        raise ValueError(
            f"truncated: {missing} of its declared {record.length} bytes are missing "
            "(an interrupted download?)"
        )
