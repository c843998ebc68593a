"""Publication dates and authors from every kind of input (issue 18, dates): feed entries, JSON
lines, HTML metadata (JSON-LD, meta tags, microdata, <time>), web archives, and the article's own
lines (a byline, a "Published:" line, a wire dateline). Each input is small and hand-written."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from presslens.ingest.published import byline_name, date_line, dateline_date
from presslens.ingest.sources import iter_documents, load_document
from presslens.model import Article
from presslens.store.dates import published_key

BODY = "The council met on Monday and agreed the budget for next year after a long debate."
LATER = "Its members will meet again in the spring to see how the money has been spent so far."
WHEN = "2017-03-03 12:00:00"
DAY = "2017-03-03 00:00:00"


def read_all(tmp_path: Path, name: str, content: str) -> list[Article]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return [load_document(document) for document in iter_documents([str(path)])]


def read_one(tmp_path: Path, name: str, content: str) -> Article:
    [article] = read_all(tmp_path, name, content)
    return article


def key(article: Article) -> str | None:
    return published_key(article.published, "2024-01-01T00:00:00+00:00")


LINES = [
    # (line, byline, date line's date, dateline's date)
    ("By Jane Doe", "Jane Doe", None, None),
    ("BY JANE DOE AND JOHN ROE", "JANE DOE AND JOHN ROE", None, None),
    ("By Jane Doe, Associated Press", "Jane Doe, Associated Press", None, None),
    ("By Ludwig van Beethoven", "Ludwig van Beethoven", None, None),
    ("By the end of next week's contests, her lead will be insurmountable.", None, None, None),
    ("Published: March 3, 2017", None, "March 3, 2017", None),
    ("Updated on 3 March 2017, 10:04 GMT", None, "3 March 2017", None),
    ("Posted Friday, Mar. 3rd, 2017", None, "Friday, Mar. 3rd, 2017", None),
    ("Updated rules take effect on Monday", None, None, None),
    ("WASHINGTON, March 3, 2017 — The council met.", None, None, "March 3, 2017"),
    ("PARIS, France, 3 March 2017 (AFP) - The council met.", None, None, "3 March 2017"),
    ("March 3, 2017 -- The council met.", None, None, "March 3, 2017"),
    ("LONDON, March 3 (Reuters) - The council met.", None, None, None),  # no year: no date
    ("WASHINGTON (AP) — The council met.", None, None, None),
]


@pytest.mark.parametrize(("line", "byline", "dated", "dateline"), LINES)
def test_metadata_lines(
    line: str, byline: str | None, dated: str | None, dateline: str | None
) -> None:
    assert byline_name(line) == byline
    assert date_line(line) == dated
    assert dateline_date(line) == dateline


def test_text_dateline(tmp_path: Path) -> None:
    text = f"Council agrees the budget\n\nWASHINGTON, March 3, 2017 — {BODY}\n\n{LATER}\n"
    article = read_one(tmp_path, "dateline.txt", text)
    assert (article.published, key(article)) == ("March 3, 2017", DAY)
    assert article.text.startswith("WASHINGTON, March 3, 2017 —")  # the dateline stays text


def test_text_byline_and_published_line(tmp_path: Path) -> None:
    head = "Council agrees the budget\n\nBy Jane Doe\n\nPublished: March 3, 2017"
    text = f"{head}\n\n{BODY}\n\n{LATER}\n"
    article = read_one(tmp_path, "published.txt", text)
    assert (article.byline, article.published, key(article)) == ("Jane Doe", "March 3, 2017", DAY)
    assert article.caption is None  # a byline is not a picture's caption
    assert article.text.startswith("The council met")
    assert [r.text for r in article.removed] == ["By Jane Doe", "Published: March 3, 2017"]


def test_text_without_a_date_has_none(tmp_path: Path) -> None:
    article = read_one(tmp_path, "plain.txt", f"Council agrees the budget\n\n{BODY}\n\n{LATER}\n")
    assert (article.published, article.byline) == (None, None)


JSON_LINES = [
    # (fields, published, key, byline)
    ({"date": "2017-03-03"}, "2017-03-03", DAY, None),
    (
        {"published": "Fri, 03 Mar 2017 12:00:00 GMT", "author": "Jane Doe"},
        "Fri, 03 Mar 2017 12:00:00 GMT",
        WHEN,
        "Jane Doe",
    ),
    (
        {"published_at": "2017-03-03T12:00:00Z", "authors": ["Jane Doe", {"name": "John Roe"}]},
        "2017-03-03T12:00:00Z",
        WHEN,
        "Jane Doe; John Roe",
    ),
    (
        {"date": 1488542400, "author": {"name": "Jane Doe"}},
        "2017-03-03T12:00:00+00:00",
        WHEN,
        "Jane Doe",
    ),
    ({"date": 1488542400000}, "2017-03-03T12:00:00+00:00", WHEN, None),  # milliseconds
    ({"date": "next Tuesday"}, "next Tuesday", None, None),  # kept as text, no key
    ({"date": "2999-01-01"}, "2999-01-01", None, None),  # in the future: no key
    ({"date": True, "authors": "https://example.org/jane"}, None, None, None),
    ({"date": "9" * 500, "author": "Jane " * 2000}, None, None, None),  # too long to be either
]


@pytest.mark.parametrize(("fields", "published", "dated", "byline"), JSON_LINES)
def test_json_line_fields(
    tmp_path: Path, fields: dict, published: str | None, dated: str | None, byline: str | None
) -> None:
    line = json.dumps(
        {"title": "Council agrees the budget", "text": f"{BODY}\n\n{LATER}", **fields}
    )
    article = read_one(tmp_path, "lines.jsonl", line + "\n")
    assert (article.published, key(article), article.byline) == (published, dated, byline)


def test_json_fields_win_over_the_page(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2010-01-01"></head>'
        f"<body><article><p>{BODY}</p><p>{LATER}</p></article></body></html>"
    )
    line = json.dumps({"html": page, "published": "2017-03-03", "author": "Jane Doe"})
    article = read_one(tmp_path, "pages.jsonl", line + "\n")
    assert (article.published, article.byline) == ("2017-03-03", "Jane Doe")


RSS = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Gazette</title>
<item><title>Budget agreed</title><link>https://example.org/1</link>
<pubDate>Fri, 03 Mar 2017 12:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Budget spent</title><link>https://example.org/2</link>
<author>john@example.org (John Roe)</author>
<description>&lt;p&gt;{LATER}&lt;/p&gt;</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>
<entry><title>Budget agreed</title><link href="https://example.org/1"/><id>a</id>
<published>2017-03-03T12:00:00Z</published><updated>2017-03-09T12:00:00Z</updated>
<author><name>Jane Doe</name></author><author><name>John Roe</name></author>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
<entry><title>Budget spent</title><link href="https://example.org/2"/><id>b</id>
<updated>2017-03-03T12:00:00Z</updated>
<content type="html">&lt;p&gt;{LATER}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_pub_date_and_creator(tmp_path: Path) -> None:
    first, second = read_all(tmp_path, "feed.rss", RSS)
    assert (first.published, key(first), first.byline) == (
        "Fri, 03 Mar 2017 12:00:00 GMT",
        WHEN,
        "Jane Doe",
    )
    assert (second.published, second.byline) == (None, "John Roe")


def test_atom_published_else_updated_and_authors(tmp_path: Path) -> None:
    first, second = read_all(tmp_path, "feed.atom", ATOM)
    assert (first.published, first.byline) == ("2017-03-03T12:00:00Z", "Jane Doe; John Roe")
    assert (second.published, key(second), second.byline) == ("2017-03-03T12:00:00Z", WHEN, None)


def page(head: str = "", top: str = "") -> str:
    return (
        f"<html><head><title>Council agrees the budget</title>{head}</head><body><article>"
        f"<h1>Council agrees the budget</h1>{top}<p>{BODY}</p><p>{LATER}</p>"
        "</article></body></html>"
    )


JSON_LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council agrees the budget",
        "datePublished": "2017-03-03T12:00:00Z",
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "John Roe"},
        ],
    }
)
PAGES = [
    # (page, published, byline)
    (
        page(f'<script type="application/ld+json">{JSON_LD}</script>'),
        "2017-03-03T12:00:00Z",
        "Jane Doe; John Roe",
    ),
    (
        page('<meta property="article:published_time" content="2017-03-03T12:00:00Z">'),
        "2017-03-03T12:00:00Z",
        None,
    ),
    (page('<meta name="DC.date.issued" content="2017-03-03">'), "2017-03-03", None),
    (
        page(top='<meta itemprop="datePublished" content="2017-03-03T12:00:00Z">'),
        "2017-03-03T12:00:00Z",
        None,
    ),
    (
        page(top='<p>Friday <time datetime="2017-03-03T12:00:00Z">3 March</time></p>'),
        "2017-03-03T12:00:00Z",
        None,
    ),
    (page(top="<p>WASHINGTON, March 3, 2017 — The vote came late.</p>"), "March 3, 2017", None),
    # a content system's empty date is no date: the next source is read
    (
        page(
            '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
            '<meta name="DC.date.issued" content="2017-03-03">'
        ),
        "2017-03-03",
        None,
    ),
]


@pytest.mark.parametrize(("html", "published", "byline"), PAGES)
def test_html_metadata(tmp_path: Path, html: str, published: str, byline: str | None) -> None:
    article = read_one(tmp_path, "page.html", html)
    assert (article.published, article.byline) == (published, byline)
    assert key(article) in (WHEN, DAY)


def test_web_archive_page_keeps_its_date(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = page(f'<script type="application/ld+json">{JSON_LD}</script>')
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://example.org/w",
            "response",
            payload=io.BytesIO(html.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    [article] = [load_document(d) for d in iter_documents([str(path)])]
    assert (article.published, article.byline) == ("2017-03-03T12:00:00Z", "Jane Doe; John Roe")
