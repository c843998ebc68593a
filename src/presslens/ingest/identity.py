"""Content keys: one key per article whatever its line ends, encoding or trailing blanks.

A document is keyed by the sha256 of its normalised text (decoded, Unicode NFC, LF line ends,
trailing blanks dropped), so the same article saved twice is stored once, whichever command
(`ingest` or `batch`) brought it in.
"""

from __future__ import annotations

import hashlib
import unicodedata

from presslens.errors import PresslensError
from presslens.ingest.decode import decode_bytes


def normalise(data: bytes) -> str | None:
    """The text that identifies a document; None when it cannot be decoded (empty, binary)."""
    try:
        text = decode_bytes(data)
    except PresslensError:
        return None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def content_key(data: bytes) -> str | None:
    text = normalise(data)
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()
