"""JSON Lines (optionally gzipped): one article a line, its text in the first of the fields
html, text, content, body; a bad line is an error document and the file goes on."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from presslens.ingest.inputs import JSON_TEXT_FIELDS, InputDocument


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
