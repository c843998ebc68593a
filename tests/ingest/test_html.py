from __future__ import annotations

import html

import pytest

from presslens.ingest import load

PARAGRAPHS = [
    "The harbour authority said on Friday that the new quay would open in spring, two months late.",
    "Engineers found weak ground under the northern end and had to sink deeper piles than planned.",
    "Shipping firms welcomed the news but asked for lower fees during the first year of operation.",
]


def page(title: str, caption: str, blocks: list[tuple[str, str]]) -> str:
    body = "".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in blocks)
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{html.escape(title)} | The Gazette</title>"
        '<meta name="description" content="A quay opens late.">'
        '<meta name="author" content="Ana Lopes">'
        '<meta property="article:published_time" content="2025-03-14T09:00:00Z">'
        "</head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>"
        f'<figure><img src="q.jpg" alt=""><figcaption>{html.escape(caption)}</figcaption></figure>'
        f"{body}</article>"
        "<footer><p>Copyright The Gazette. All rights reserved.</p>"
        "<a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


@pytest.fixture(scope="module")
def article():
    blocks = [("p", PARAGRAPHS[0]), ("h2", "Delays at the north end"), ("p", PARAGRAPHS[1])]
    blocks += [("p", PARAGRAPHS[2])]
    return load(page("Harbour quay to open late", "The quay under construction", blocks))


def test_metadata(article) -> None:
    assert article.title == "Harbour quay to open late"
    assert article.caption == "The quay under construction"
    assert article.byline == "Ana Lopes"
    assert article.published.startswith("2025-03-14")
    assert article.description == "A quay opens late."
    assert article.origin.kind == "html"


def test_structure(article) -> None:
    assert [s.heading for s in article.sections] == [None, "Delays at the north end"]
    assert [p.of(article.text) for p in article.paragraphs] == PARAGRAPHS


def test_boilerplate_is_not_body(article) -> None:
    assert "Copyright" not in article.text
    assert "Home" not in article.text


def test_showcase_through_html_matches_text_route(showcase_path) -> None:
    """Build an HTML page from the showcase article at run time; both routes agree."""
    from_text = load(showcase_path)
    blocks = []
    for section in from_text.sections:
        if section.heading:
            blocks.append(("h2", section.heading))
        blocks += [("p", p.of(from_text.text)) for p in section.paragraphs]
    from_html = load(page(from_text.title, from_text.caption, blocks))
    assert from_html.title == from_text.title
    assert from_html.caption == from_text.caption
    assert [s.heading for s in from_html.sections] == [s.heading for s in from_text.sections]
    assert [p.of(from_html.text) for p in from_html.paragraphs] == [
        p.of(from_text.text) for p in from_text.paragraphs
    ]


def test_html_without_text_warns() -> None:
    article = load("<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>")
    assert article.text == ""
    assert any("no article text" in w.message for w in article.warnings)
