"""Web archives (WARC, optionally gzipped): one document per HTML or text response record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from presslens.ingest.inputs import InputDocument


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
