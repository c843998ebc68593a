"""Main text of HTML pages (issue 19): every piece of the article's text is kept, apart from its
neighbours, and link widgets stay out. Pages are small and hand-written; each case failed
before its fix."""

from __future__ import annotations

import html

from presslens.ingest import load

PARAGRAPHS = [
    "The harbour authority said on Friday that the new quay would open in spring, two months late.",
    "Engineers found weak ground under the northern end and had to sink deeper piles than planned.",
    "Shipping firms welcomed the news but asked for lower fees during the first year of operation.",
    "The council will vote on the fees in June, after a public meeting at the town hall in May.",
]
MENU = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ["Home", "News", "Sport", "Weather"])


def page(body: str, *, title: str = "Quay to open late", head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>{head}</head><body>"
        f"<header><ul class='menu'>{MENU}</ul></header>"
        f"<main><article><h1>{html.escape(title)}</h1>{body}</article></main>"
        "<footer><p>Copyright The Gazette. All rights reserved.</p></footer></body></html>"
    )


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]


def test_one_paragraph_page_keeps_its_text_not_the_menus() -> None:
    """A page whose article is one block of text with <br><br> between its paragraphs: the
    body is that text, split at the breaks, and not every paragraph of the page (the ticker,
    the menus) in its place."""
    ticker = "".join(f"<p>{w} shares rose by two per cent today.</p>" for w in ["Acme", "Bolt"])
    body = "<br><br>".join(html.escape(p) for p in PARAGRAPHS)
    article = load(
        page(f"<div class='story'>{body}</div>").replace(
            "<main>", f"<div class='ticker'>{ticker}</div><main>"
        )
    )
    assert paragraphs(article.text) == PARAGRAPHS
    assert "shares rose" not in article.text
    assert not any("every paragraph" in w.message for w in article.warnings)


def test_table_cells_are_kept_apart() -> None:
    rows = [("1", "Ana Ruiz", "48", "390"), ("2", "Tom Berg", "45", "371")]
    table = "<table><tr><th>Pos</th><th>Driver</th><th>Laps</th><th>Points</th></tr>"
    table += "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    table += "</table>"
    article = load(page(f"<p>{PARAGRAPHS[0]}</p>{table}<p>{PARAGRAPHS[1]}</p>"))
    assert "1 | Ana Ruiz | 48 | 390" in paragraphs(article.text)
    assert "1Ana" not in article.text and "Ruiz48" not in article.text


def test_list_items_and_line_breaks_are_kept_apart() -> None:
    items = ["two ripe pears", "one lemon", "a cup of sugar"]
    recipe = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    address = "<p>Write to the harbour office:<br>12 Quay Street<br>Porthaven</p>"
    article = load(page(f"<p>{PARAGRAPHS[0]}</p>{recipe}{address}<p>{PARAGRAPHS[1]}</p>"))
    for item in items:
        assert item in paragraphs(article.text)
    assert "pearsone" not in article.text and "lemona" not in article.text
    assert "Write to the harbour office: 12 Quay Street Porthaven" in article.text


def test_a_page_laid_out_in_a_table_keeps_headings_and_paragraphs() -> None:
    """Old sites set the whole article in a layout table: its headings and paragraphs are
    blocks of their own, not one paragraph glued together."""
    cell = f"<h2>Delays at the north end</h2><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    layout = f"<table><tr><td></td><td><p>{PARAGRAPHS[0]}</p>{cell}</td></tr></table>"
    article = load(page(f"{layout}<p>{PARAGRAPHS[3]}</p>"))
    assert [s.heading for s in article.sections] == [None, "Delays at the north end"]
    assert [p.of(article.text) for p in article.paragraphs] == PARAGRAPHS


def test_text_after_a_heading_is_kept() -> None:
    """Words set straight after a heading, outside any paragraph element, are body text."""
    body = (
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        f"<div><h2>What happens next</h2>{PARAGRAPHS[2]}</div><p>{PARAGRAPHS[3]}</p>"
    )
    article = load(page(body))
    assert PARAGRAPHS[2] in paragraphs(article.text)
    assert [s.heading for s in article.sections] == [None, "What happens next"]


def test_repeated_recipe_lines_and_list_items_stay() -> None:
    step = "Stir the jam and let it simmer for five more minutes."
    again = "<li>Skim off the foam with a wide metal spoon as it rises to the top</li>"
    body = (
        f"<p>{PARAGRAPHS[0]}</p><h2>The pear jam</h2><p>Cut the pears into small cubes.</p>"
        f"<p>{step}</p><ul>{again}<li>Pour into warm jars</li></ul><h2>The plum jam</h2>"
        f"<p>Cut the plums in half.</p><p>{step}</p><ul>{again}<li>Seal the jars</li></ul>"
    )
    article = load(page(body))
    assert article.text.count(step) == 2
    assert article.text.count("Skim off the foam") == 2
    assert not [r for r in article.removed if r.kind == "duplicate" and "Stir" in r.text]


def test_a_repeated_prose_paragraph_is_still_dropped() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>{PARAGRAPHS[1]}</p>"
    article = load(page(body))
    assert article.text.count(PARAGRAPHS[1]) == 1
    assert ("duplicate", PARAGRAPHS[1]) in [(r.kind, r.text) for r in article.removed]


def test_a_hover_card_of_links_is_not_glued_into_the_sentence() -> None:
    card = (
        "<span class='card'><a href='/people/jane-smith'>Jane Smith</a>"
        "<span class='card-block'><span><a href='/people/jane-smith'>Jane Smith</a>"
        "<a href='/a/1'>Mayor backs the harbour plan</a> <a href='/a/2'>Council meets</a>"
        "<a href='/people/jane-smith'>MORE</a></span></span></span>"
    )
    first = f"<p>The mayor, {card}, said the quay would open in spring, two months late.</p>"
    article = load(page(first + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])))
    assert paragraphs(article.text)[0] == (
        "The mayor, Jane Smith, said the quay would open in spring, two months late."
    )
    assert "Mayor backs" not in article.text


def test_share_buttons_and_read_more_links_stay_out() -> None:
    share = (
        "<span class='tools'><a href='/s/f'>Facebook</a><a href='/s/t'>Twitter</a>"
        "<a href='/s/e'>Email</a></span>"
    )
    read_more = "<p><strong>Read more:</strong> <a href='/other'>Ferry fares to rise in May</a></p>"
    related = "<h3>Related post: <a href='/older'>How the old quay was built</a></h3>"
    body = f"<p>{PARAGRAPHS[0]}{share}</p>{read_more}<p>{PARAGRAPHS[1]}</p>{related}" + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[2:]
    )
    article = load(page(body))
    assert paragraphs(article.text) == PARAGRAPHS
    assert "Ferry fares" not in article.text and "FacebookTwitter" not in article.text
    assert any(r.kind == "chrome" and "Read more" in r.text for r in article.removed)


def test_a_link_in_running_text_stays() -> None:
    body = (
        "<p>The plan, <a href='/plan'>published</a> on <a href='/day'>Friday</a>, was praised by "
        "<a href='/a'>Acme</a> and <a href='/b'>Bolt</a>, the two largest shipping firms.</p>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    )
    article = load(page(body))
    assert paragraphs(article.text)[0].startswith("The plan, published on Friday, was praised by")


def test_an_embedded_post_is_quoted_text() -> None:
    post = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'>"
        "<p lang='en'>Our crews are back at work today and the first ferry leaves at nine.</p>"
        "— Harbour Ferries (@harbourferries) <a href='https://x.example/1'>May 2, 2025</a>"
        "</blockquote><script src='https://platform.example/widgets.js'></script></div>"
    )
    body = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{post}<p>{PARAGRAPHS[2]}</p>"
    article = load(page(body))
    assert "Our crews are back at work today" in article.text
    assert article.text.index("Our crews") < article.text.index(PARAGRAPHS[2])


def test_a_lead_in_and_the_headlines_after_it_stay_out() -> None:
    headlines = "".join(
        f"<p><a href='/s/{i}'>{h}</a></p>"
        for i, h in enumerate(["Ferry fares to rise in May", "How the old quay was built"])
    )
    more = "<h4>More:</h4><ul><li><a href='/s/3'>Harbour dredging starts</a></li></ul>"
    body = (
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
        + f"<p>You may also like...</p>{headlines}<p>{PARAGRAPHS[2]}</p>{more}"
        + f"<p>{PARAGRAPHS[3]}</p>"
    )
    article = load(page(body))
    assert paragraphs(article.text) == PARAGRAPHS


def test_bold_lines_set_between_blocks_are_kept_apart() -> None:
    """A layout cell with bold lines straight in it (no paragraph element): each line is apart
    from the next, while a drop cap inside a paragraph stays part of its word."""
    cell = (
        f"<p><b>T</b>{PARAGRAPHS[0][1:]}</p><p>{PARAGRAPHS[1]}</p>"
        "<b>Partner news</b><b>Ferry fares rise</b>"
        f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"
    )
    layout = f"<table><tr><td></td><td>{cell}</td></tr></table>"
    article = load(f"<html><head><title>Quay</title></head><body>{layout}</body></html>")
    assert "Partner news Ferry fares rise" in paragraphs(article.text)
    assert paragraphs(article.text)[0] == PARAGRAPHS[0]
