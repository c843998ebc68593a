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


def titled_page(title: str, head: str = "", h1: str | None = None) -> str:
    """A page whose <title> and og:title are `title`, with more head elements and an h1."""
    heading = f"<h1>{html.escape(h1)}</h1>" if h1 else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{html.escape(title)}</title>"
        f'<meta property="og:title" content="{html.escape(title)}">{head}</head>'
        f"<body><article>{heading}{body}</article></body></html>"
    )


SITE_NAME = '<meta property="og:site_name" content="The Gazette">'
APPLICATION = '<meta name="application-name" content="Harbour Times">'
JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "NewsArticle", "headline": "Quay to open late", '
    '"publisher": {"@type": "Organization", "name": "Coast News"}}</script>'
)


@pytest.mark.parametrize(
    ("title", "head", "h1", "expected"),
    [
        # the site's name, as the page's metadata gives it, leaves the title
        ("Quay to open late - The Gazette", SITE_NAME, None, "Quay to open late"),
        ("Quay to open late | Gazette", SITE_NAME, None, "Quay to open late"),
        ("Quay to open late — Harbour Times", APPLICATION, None, "Quay to open late"),
        ("Quay to open late – Coast News", JSON_LD, None, "Quay to open late"),
        # or the headline itself is shown elsewhere (the h1)
        ("Quay to open late | Port News", "", "Quay to open late", "Quay to open late"),
        ("Opinion | Quay to open late", "", "Quay to open late", "Quay to open late"),
        # a dash inside the headline stays, site name cut or not
        ("Biden - the early years", "", None, "Biden - the early years"),
        (
            "Biden - the early years",
            SITE_NAME,
            "Biden - the early years",
            "Biden - the early years",
        ),
        ("Biden - the early years - The Gazette", SITE_NAME, None, "Biden - the early years"),
        ("Biden - the early years | Port News", "", None, "Biden - the early years | Port News"),
        # an h1 holding the site's name confirms nothing
        ("The Gazette - Quay to open late", SITE_NAME, "The Gazette", "Quay to open late"),
    ],
)
def test_site_name_leaves_the_title(title: str, head: str, h1: str | None, expected: str) -> None:
    assert load(titled_page(title, head, h1)).title == expected


def test_site_name_from_the_pages_address() -> None:
    page = titled_page("Quay to open late - Gazette.example", "").replace(
        "<head>", '<head><link rel="canonical" href="https://www.gazette.example/quay">'
    )
    assert load(page).title == "Quay to open late"


def test_title_tag_alone_is_cut_only_when_shown() -> None:
    page = "<html><head><title>{}</title></head><body>{}{}</body></html>"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    shown = load(page.format("Quay to open late - The Gazette", "<h1>Quay to open late</h1>", body))
    assert shown.title == "Quay to open late"
    unknown = load(page.format("Biden - the early years", "", body))
    assert unknown.title == "Biden - the early years"


def test_malformed_json_ld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"publisher": </script>' + SITE_NAME
    assert load(titled_page("Quay to open late | The Gazette", head)).title == "Quay to open late"
