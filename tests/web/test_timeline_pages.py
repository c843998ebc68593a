"""Dates on the site (issue 18), over SQLite and PostgreSQL: the article list newest published
first with a date range (`from`, `to`), the actor page's timeline of quotes with links into the
sentence, hostile text and hostile bounds kept inert; and one click in the real browser."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browsing import navigate, served_corpus
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import (
    PAYLOAD_IMG,
    PAYLOAD_LINK,
    PAYLOAD_SCRIPT,
    dated,
    hostile,
    said,  # noqa: E402
)

from presslens.model import Dossier  # noqa: E402

SCHEMA = f"presslens_web_timeline_{os.getpid()}"
SMITH = "Jane Smith"
MALLORY = hostile().actors[0].name


def articles() -> list[Dossier]:
    return [
        said("Spring budget", "we will cut the tax", "2017-03-03T12:00:00Z"),
        said("Winter budget", "the tax stays", "Fri, 30 Dec 2016 09:00:00 GMT"),
        said("Undated budget", "no comment", None),
        said("Summer budget", "the tax was cut", "July 4, 2017"),
        dated(hostile(), "2017-05-01"),  # markup in its title, quote and speaker's name
    ]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("timeline")
    yield from served_corpus(request.param, folder, SCHEMA, articles())


def get(client: Any, path: str) -> Any:
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def test_list_json_newest_published_first(client: Any) -> None:
    listing = get(client, "/articles.json").json()
    assert [item["title"] for item in listing["items"]] == [
        "Summer budget",
        hostile().article.title,
        "Spring budget",
        "Winter budget",
        "Undated budget",
    ]
    assert [item["date"] for item in listing["items"]][-2:] == ["2016-12-30", None]


def test_list_json_in_a_range(client: Any) -> None:
    listing = get(client, "/articles.json?from=2017&to=2017-06").json()
    assert (listing["from"], listing["to"], listing["total"]) == ("2017-01-01", "2017-06-30", 2)
    assert [item["title"] for item in listing["items"]][1] == "Spring budget"
    assert listing["undated_left_out"] == 1  # "Undated budget", said so
    blank = get(client, "/articles.json?from=&to=%00").json()  # blank bounds: no range
    assert (blank["from"], blank["to"], blank["total"], blank["undated_left_out"]) == (
        None,
        None,
        5,
        0,
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (f"/articles.json?from={quote(PAYLOAD_SCRIPT)}", "from '<script>window.__pwned = 1</scr"),
        ("/articles.json?to=2017-13", "to '2017-13' is no date: write 2017, 2017-03 or 2017-03-03"),
        ("/articles.json?from=2018&to=2017", "ends (2017-12-31) before it starts (2018-01-01)"),
        (f"/actor/{quote(SMITH)}.json?from=soon", "from 'soon' is no date"),
    ],
)
def test_a_bad_date_gets_400_with_a_message(client: Any, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert message in response.json()["error"]
    page = client.get(path.replace(".json", "", 1))
    assert page.status_code == 400
    assert "is no date" in page.text or "before it starts" in page.text
    assert "<script>window" not in page.text  # the bound is shown as text


def test_list_page_in_a_range(client: Any) -> None:
    html = get(client, "/?from=2017-03-01&to=2017-03-31").text
    assert re.findall(r'class="article-link" href="/article/\d+">([^<]*)<', html) == [
        "Spring budget"
    ]
    assert '<time datetime="2017-03-03">2017-03-03</time>' in html
    assert 'name="from" value="2017-03-01"' in html
    assert "/articles.json?page=1&amp;from=2017-03-01&amp;to=2017-03-31" in html
    empty = get(client, "/?from=1990&to=1991").text
    assert 'id="none-in-range"' in empty


def test_actor_json_timeline(client: Any) -> None:
    actor = get(client, f"/actor/{quote(SMITH)}.json").json()
    quotes = actor["timeline"]["quotes"]
    assert [q["date"] for q in quotes] == ["2016-12-30", "2017-03-03", "2017-07-04", None]
    assert quotes[0]["text"] == '"the tax stays"' and quotes[0]["title"] == "Winter budget"
    narrowed = get(client, f"/actor/{quote(SMITH)}.json?from=2017-03-03&to=2017-03-03").json()
    assert [q["title"] for q in narrowed["timeline"]["quotes"]] == ["Spring budget"]


def test_actor_page_links_each_quote_to_its_sentence(client: Any) -> None:
    html = get(client, f"/actor/{quote(SMITH)}").text
    links = re.findall(r'<a class="said" href="(/article/\d+)#(s\d+)">([^<]*)</a>', html)
    assert [text for _, _, text in links] == [
        "&#34;the tax stays&#34;",
        "&#34;we will cut the tax&#34;",
        "&#34;the tax was cut&#34;",
        "&#34;no comment&#34;",
    ]
    page, anchor, _ = links[0]
    assert anchor == f"s{len('The council met again.')}"  # the quote's own sentence
    assert re.search(rf'<span class="sentence[^"]*"[^>]* id="{anchor}"', get(client, page).text)
    narrowed = get(client, f"/actor/{quote(SMITH)}?from=2017-07-01").text
    assert narrowed.count('class="said"') == 1 and "Not quoted" not in narrowed
    none = get(client, f"/actor/{quote(SMITH)}?to=2000").text
    assert "Not quoted in that range." in none


def test_timeline_keeps_hostile_text_inert(client: Any) -> None:
    html = get(client, f"/actor/{quote(MALLORY, safe='')}?from=2017-05&to=2017-12-31").text
    timeline = html[
        html.index('id="timeline"') : html.index("</section>", html.index('id="timeline"'))
    ]
    for payload in (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_LINK):
        assert payload not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in timeline  # the title, as text
    assert "&lt;a href=&#34;javascript:window.__pwned = 3&#34;&gt;" in timeline  # the quote
    assert 'name="from" value="2017-05-01"' in html


def test_timeline_link_lands_on_the_sentence(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/actor/{quote(SMITH)}"))
    said_link = browser.find_element(By.CSS_SELECTOR, "#timeline a.said")
    navigate(browser, said_link.click)
    target = browser.execute_script("return document.querySelector(':target')")
    assert target is not None and "taxes will rise" in target.text


def test_the_date_form_narrows_the_list_and_says_what_it_left_out(browser: Any, site: Any) -> None:
    """The site's corpus is undated: a range leaves every article out, and says so."""
    browser.get(site.url("/"))
    listed = len(browser.find_elements(By.CSS_SELECTOR, "#articles a.article-link"))
    field = browser.find_element(By.CSS_SELECTOR, "#dates input[name=from]")
    field.send_keys("2000")
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#dates button").click)
    assert "from=2000" in browser.current_url
    note = browser.find_element(By.ID, "undated-left-out").text
    assert note.startswith(f"{listed} undated articles left out by the date range")
    field = browser.find_element(By.CSS_SELECTOR, "#dates input[name=to]")
    field.send_keys("1999")  # before it starts
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#dates button").click)
    message = browser.find_element(By.ID, "message").text
    assert "ends (1999-12-31) before it starts (2000-01-01)" in message


def test_list_oldest_first_keeps_its_order_on_every_link(client: Any) -> None:
    html = get(client, "/?sort=oldest").text
    titles = re.findall(r'class="article-link" href="/article/\d+">([^<]*)<', html)
    assert titles[:2] == ["Winter budget", "Spring budget"] and titles[-1] == "Undated budget"
    assert "5 articles in the corpus. Oldest first; undated articles last." in html
    assert "/articles.json?page=1&amp;sort=oldest" in html
    assert '<option value="oldest" selected>' in html


def test_every_list_of_the_actor_page_keeps_to_the_range(client: Any) -> None:
    html = get(client, f"/actor/{quote(SMITH)}?from=2017-03&to=2017-03&sort=date").text
    assert "named in 1 articles" in html
    assert "in articles published from 2017-03-01 to 2017-03-31" in html
    articles = html[html.index('id="articles"') :]
    assert 'Spring budget</a> <span class="small">2017-03-03 · ' in articles
    assert "Winter budget" not in articles
    assert "1 undated article naming Jane Smith left out by the date range." in html
    assert "1 quote of undated articles left out by the date range." in html
    assert f"/actor/{quote(SMITH)}.json?from=2017-03-01&amp;to=2017-03-31&amp;sort=date" in html
    actor = get(client, f"/actor/{quote(SMITH)}.json?from=2017-03&to=2017-03").json()
    assert [row["date"] for row in actor["articles"]] == ["2017-03-03"]
    assert (actor["undated_left_out"], actor["timeline"]["undated_left_out"]) == (1, 1)
