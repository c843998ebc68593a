from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from presslens.errors import PresslensError
from presslens.ingest.sources import estimate_total, iter_documents, load_document

BODY = "The council met on Monday and agreed the budget for next year after a long debate."
FEED = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Gazette</title>
<item><title>Budget agreed</title><link>https://example.org/budget</link>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/empty</link><description></description></item>
</channel></rss>"""


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = f"<html><head><title>Budget</title></head><body><p>{BODY}</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://example.org/w",
            "response",
            payload=io.BytesIO(page.encode()),
            http_headers=headers,
        )
        writer.write_record(record)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(f"Budget agreed\n\n{BODY}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    lines = [
        json.dumps({"id": "x1", "text": f"Budget\n\n{BODY}"}),
        "{not json",
        json.dumps({"n": 1}),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "d.rss").write_text(FEED, encoding="utf-8")
    write_warc(tmp_path / "e.warc.gz")
    return tmp_path


def test_a_folder_yields_every_document_in_order(corpus: Path) -> None:
    docs = list(iter_documents([str(corpus)]))
    names = [(Path(d.id.split("#")[0]).name, d.error is None) for d in docs]
    assert names == [
        ("a.txt", True),
        ("c.jsonl", True),
        ("c.jsonl", False),  # not JSON
        ("c.jsonl", False),  # no text field
        ("d.rss", True),
        ("d.rss", False),  # entry with no text
        ("e.warc.gz", True),
        ("b.html", True),
    ]
    assert docs[2].id.endswith("#L2")


def test_every_good_document_loads(corpus: Path) -> None:
    for doc in iter_documents([str(corpus)]):
        if doc.error is None:
            article = load_document(doc)
            assert BODY in article.text, doc.id
            assert article.origin.kind in ("text", "html", "jsonl", "feed", "warc")


def test_missing_paths_become_error_documents(tmp_path: Path) -> None:
    docs = list(iter_documents([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert [d.error is not None for d in docs] == [True, True]
    with pytest.raises(PresslensError):
        load_document(docs[0])


@pytest.mark.parametrize("name", ["corpus.jsonl.gz", "corpus.ndjson.gz"])
def test_gzipped_jsonl_is_read_line_by_line(tmp_path: Path, name: str) -> None:
    lines = [json.dumps({"id": n, "text": f"Budget {n}\n\n{BODY}"}) for n in (1, 2)]
    path = tmp_path / name
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    docs = list(iter_documents([str(path)]))
    assert [d.id for d in docs] == [f"{path}#L1", f"{path}#L2"]
    assert all(d.error is None for d in docs)
    assert BODY in load_document(docs[0]).text
    assert estimate_total([str(path)]) == 2
