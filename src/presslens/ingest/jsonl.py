"""JSON Lines (optionally gzipped): one article a line, its text in the first of the fields
html, text, content, body; its title in `title` (the text need not hold it; when its first line
is that title again, it is not read twice: ingest/text.py); its date and author in the fields
ingest/published.py names (`published`, `published_at`, `date`..., `author`, `authors`...).

Every line ends as one document or one error document, and the file goes on: a line that is not
JSON, has no text field, or holds a lone surrogate escape ("\\ud800", replaced by U+FFFD with a
warning) never stops the lines after it. Lines are read in bounded pieces: a line longer than
`max_bytes` is refused with an error naming the limit, without holding it in memory (a gzipped
line of zeros that would inflate to gigabytes costs no more than the limit), and the file goes on
at the next line end. A file whose data cannot be read further (a truncated or corrupt gzip)
ends with an error document saying where; a file with no line at all yields one error document.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from presslens.ingest.decode import scrub
from presslens.ingest.inputs import JSON_TEXT_FIELDS, InputDocument, is_gzip, megabytes
from presslens.ingest.published import record_author, record_published
from presslens.settings import Settings

# How far past the limit an over-long line is read while looking for its end; past that the rest
# of the file is refused too (a gzipped run of zeros has no line end for gigabytes).
SKIP_FACTOR = 4
META_FIELDS = ("id", "url")
MAX_TITLE_CHARS = 1000  # a longer `title` is no headline (text put in the wrong field): unused


class LineTooLong(ValueError):
    pass


class NoLineEnd(ValueError):
    pass


def lines(handle: BinaryIO | gzip.GzipFile, limit: int) -> Iterator[bytes | LineTooLong]:
    """Each line of `handle` (blank ones too), or LineTooLong in place of a line over `limit`
    bytes; raises NoLineEnd when a line runs on past SKIP_FACTOR times the limit."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        skipped = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(limit + 1)
            if not line:
                break
            skipped += len(line)
            if skipped > (SKIP_FACTOR + 1) * limit:
                raise NoLineEnd(
                    f"a line over the {megabytes(limit)} size limit has no end in its first "
                    f"{megabytes(skipped)}: the rest of the file is not read"
                )
        yield LineTooLong(f"over the {megabytes(limit)} size limit: split it or raise max_bytes")


def jsonl_documents(path: Path, settings: Settings | None = None) -> Iterator[InputDocument]:
    limit = (settings or Settings()).max_bytes
    number = found = 0
    with path.open("rb") as raw:
        handle = gzip.GzipFile(fileobj=raw) if is_gzip(raw) else raw
        try:
            for number, line in enumerate(lines(handle, limit), start=1):
                if isinstance(line, LineTooLong) or line.strip():
                    found += 1
                    yield line_document(path, number, line)
        except Exception as exc:  # noqa: BLE001 - a damaged file ends with one error, not a crash
            doc_id = f"{path}#L{number + 1}"
            reason = f"cannot read {path} from line {number + 1}: {exc.__class__.__name__}: {exc}"
            yield InputDocument(doc_id, "jsonl", doc_id, error=reason)
            return
    if found == 0:
        reason = f"{path} holds no JSON line (it is empty or blank)"
        yield InputDocument(str(path), "jsonl", str(path), error=reason)


def line_document(path: Path, number: int, line: bytes | LineTooLong) -> InputDocument:
    """The document of one line, or an error document saying what is wrong with it."""
    doc_id = f"{path}#L{number}"
    try:
        if isinstance(line, LineTooLong):
            raise line
        record = json.loads(line.decode("utf-8", errors="replace"))
        if not isinstance(record, dict):
            raise ValueError(f"a JSON {type(record).__name__}, not an object")
        body = next((record[k] for k in JSON_TEXT_FIELDS if record.get(k)), None)
        if not isinstance(body, str):
            raise ValueError(f"no text field ({', '.join(JSON_TEXT_FIELDS)})")
    except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested too deep
        return InputDocument(doc_id, "jsonl", doc_id, error=f"line {number}: {exc}")
    body, notes = scrub(body)
    meta = {k: scrub(str(record[k]))[0] for k in META_FIELDS if record.get(k)}
    title = record.get("title")
    if isinstance(title, str) and title.strip() and len(title) <= MAX_TITLE_CHARS:
        meta["title"] = scrub(" ".join(title.split()))[0]
    dates = {"published": record_published(record), "author": record_author(record)}
    meta.update({k: scrub(value)[0] for k, value in dates.items() if value})
    uri = meta.get("url", doc_id)
    warning = f"line {number}: {'; '.join(notes)}" if notes else None
    return InputDocument(
        doc_id, "jsonl", uri, data=body.encode("utf-8"), meta=meta, warning=warning
    )
