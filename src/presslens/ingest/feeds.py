"""RSS and Atom feeds: one document per entry, its fullest content wrapped as a small HTML page
with the entry's title; its date (RSS pubDate, Atom published, else updated) and author (RSS
author or dc:creator, Atom author) go with it in `meta`, as written."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from presslens.ingest.inputs import InputDocument
from presslens.ingest.published import author_names


def looks_like_feed(head: bytes) -> bool:
    lowered = head.lower()
    return b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered


def feed_documents(data: bytes, uri: str) -> Iterator[InputDocument]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"{uri} is a feed with no entry"
        yield InputDocument(uri, "feed", uri, error=reason)
        return
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
        meta = {k: str(entry[k]) for k in ("link",) if entry.get(k)}
        meta.update(entry_dates(entry))
        yield InputDocument(
            doc_id, "feed", entry.get("link", doc_id), data=html.encode(), meta=meta
        )


def entry_dates(entry: dict) -> dict[str, str]:
    """The entry's publication date (else the date it was updated: many feeds give only
    that) and its authors, joined with "; ", as `meta` entries."""
    found: dict[str, str] = {}
    when = entry.get("published") or entry.get("updated") or entry.get("created")
    if isinstance(when, str) and when.strip():
        found["published"] = when.strip()
    names = author_names(entry.get("authors")) or author_names(entry.get("author"))
    if names:
        found["author"] = "; ".join(dict.fromkeys(names))
    return found
