"""Hostile inputs, built small at run time: gzip bombs of zero bytes, WARC records that lie about
their length or inflate past any limit, damaged archives, and a plain article to follow them
(the check that reading goes on after the bad input)."""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path

ARTICLE = (
    "Harbour vote\n\nThe mayor, Jane Smith, said on Monday that the harbour would open in May.\n"
)
PAGE = (
    b"<html><head><title>Ferry strike ends</title></head><body><article><p>The ferry strike "
    b"ended on Monday, the union said.</p><p>Crews return to work this week.</p></article>"
    b"</body></html>"
)
MEGABYTE = 1 << 20


def gzip_of(prefix: bytes, zero_megabytes: int, suffix: bytes = b"") -> bytes:
    """One gzip member: `prefix`, that many megabytes of zero bytes, `suffix` (about 4.5 KB
    compressed per megabyte at level 1, so 96 MB of zeros is some 440 KB)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    parts = [compressor.compress(prefix)]
    block = bytes(MEGABYTE)
    parts += [compressor.compress(block) for _ in range(zero_megabytes)]
    parts += [compressor.compress(suffix), compressor.flush()]
    return b"".join(parts)


def warc_record(
    uri: str,
    body: bytes,
    *,
    headers: tuple[tuple[str, str], ...] = (),
    content_type: str = "text/html",
    gzip: bool = True,
) -> bytes:
    """One response record (its own gzip member when `gzip`), written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", content_type), *headers], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return out.getvalue()


def warc_head(uri: str, declared: int) -> bytes:
    """A response record's WARC and HTTP headers declaring `declared` bytes of content."""
    return (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {declared}\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    ).encode()


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def dossier(title: str, text: str, *, quote: str = "", speaker: str = "Jane Smith") -> dict:
    """A small dossier record (the JSON form), enough for the store and its derived rows."""
    quotes = []
    if quote:
        start = text.index(quote)
        quotes.append(
            {
                "id": "q1",
                "kind": "direct",
                "text": quote,
                "span": {"start": start, "end": start + len(quote)},
                "speaker": speaker,
                "speaker_actor_id": "a1",
                "confidence": 0.9,
            }
        )
    return {
        "schema": "presslens.dossier/1",
        "source": {"kind": "text", "uri": "hostile.txt"},
        "article": {"title": title, "text": text, "word_count": len(text.split())},
        "actors": [{"id": "a1", "name": speaker, "type": "PERSON", "aliases": [], "mentions": []}],
        "quotes": quotes,
        "figures": [],
        "claims": [],
        "sources": [],
        "warnings": [],
    }


def save_in_step(url: str, barrier: object, rounds: int, results: object) -> None:
    """Run in a process of its own: save the same dossier as the other process, at the same
    moment (`barrier`), `rounds` times under new keys; put each id, or the error, on `results`."""
    from presslens.store import open_store

    record = dossier("Race", "Both writers store this very article at the same moment.")
    with open_store(url) as store:
        for number in range(rounds):
            barrier.wait()  # type: ignore[attr-defined]
            try:
                outcome: object = store.save(record, sha256=f"race-{number}", input_id="race")
            except Exception as exc:  # noqa: BLE001 - the test reports it
                outcome = f"{exc.__class__.__name__}: {exc}"
            results.put((number, outcome))  # type: ignore[attr-defined]
