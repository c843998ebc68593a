"""/search and /search.json over SQLite and PostgreSQL: pages and their links, the any-word
offer, date order, highlighted snippets (escaped before they are marked) and hostile
parameters; and one look in the real browser."""

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

from corpus_articles import (  # noqa: E402
    build,
    hostile,
)

SCHEMA = f"presslens_web_search_{os.getpid()}"  # PostgreSQL: this run's own tables
HOSTILE_TITLE = hostile().article.title


def ferries() -> list[Any]:
    """Twelve articles about ferries, one about a strike: enough for pages of five."""
    found = [
        build(f"Ferry timetable {n}", [f"The ferry number {n} leaves the harbour at dawn."])
        for n in range(12)
    ]
    found.append(build("Strike talks", ["Crew on strike; talks on Monday with the union."]))
    return [*found, hostile()]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("search")
    yield from served_corpus(request.param, folder, SCHEMA, ferries())


def get_json(client: Any, path: str) -> dict[str, Any]:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.json()


def test_json_pages(client: Any) -> None:
    first = get_json(client, "/search.json?q=ferry&limit=5")
    assert (first["total"], first["page"], first["pages"], first["per_page"]) == (12, 1, 3, 5)
    assert first["previous"] is None and first["next"] == "/search.json?q=ferry&page=2&limit=5"
    ids = []
    for number in (1, 2, 3):
        page = get_json(client, f"/search.json?q=ferry&limit=5&page={number}")
        ids += [hit["article_id"] for hit in page["results"]]
    assert len(ids) == len(set(ids)) == 12
    assert page["next"] is None and page["previous"] == "/search.json?q=ferry&page=2&limit=5"


def test_json_page_past_the_last(client: Any) -> None:
    past = get_json(client, "/search.json?q=ferry&limit=5&page=40")
    assert (past["results"], past["total"], past["pages"], past["page"]) == ([], 12, 3, 40)
    assert past["previous"] == "/search.json?q=ferry&page=3&limit=5" and past["next"] is None


def test_json_says_how_the_query_was_read(client: Any) -> None:
    found = get_json(client, "/search.json?q=the+ferry+-strike+OR+union")
    # an OR next to an exclusion joins nothing: "union" is a word to find like "ferry"
    assert (found["understood"], found["ignored"]) == ("ferry union -strike", ["the"])
    offered = get_json(client, "/search.json?q=ferry+strike")
    assert offered["match"] == "any" and offered["total"] == 13
    strict = get_json(client, "/search.json?q=ferry+strike&match=all")
    assert (strict["match"], strict["total"]) == ("all", 0)


def test_json_highlights(client: Any) -> None:
    [hit] = get_json(client, "/search.json?q=strike+talks+monday&kind=article")["results"]
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["strike; talks", "Monday"]


BAD_PARAMETERS = [
    "q=ferry&page=abc&limit=-4&sort=nonsense&match=%00&kind=x",
    "q=ferry&page=99999999999999999999999&limit=99999999999",
    "q=%22&page=0",
    "q=-",
    "q=NEAR(ferry%20harbour)&sort=date",
    "q=ferry%00harbour",
    "q=%5C%27%3B--&speaker=%00",
]


@pytest.mark.parametrize("query", BAD_PARAMETERS)
def test_odd_parameters_get_an_answer(client: Any, query: str) -> None:
    for path in ("/search", "/search.json"):
        assert client.get(f"{path}?{query}").status_code == 200, query


def test_page_lists_marks_and_links(client: Any) -> None:
    page = client.get("/search?q=ferry+dawn&limit=5&page=2").text
    assert "12 results · page 2 of 3" in page
    assert page.count('class="hit"') == 5
    assert "<mark>dawn</mark>" in page
    assert 'href="/search?q=ferry+dawn&amp;limit=5" rel="prev"' in page
    assert 'href="/search?q=ferry+dawn&amp;page=3&amp;limit=5" rel="next"' in page
    assert 'href="/search?q=ferry+dawn&amp;sort=date&amp;limit=5">newest' in page


def test_page_past_the_last_says_so(client: Any) -> None:
    page = client.get("/search?q=ferry&limit=5&page=9").text
    assert "12 results on 3 pages" in page and 'id="past-last"' in page
    assert 'href="/search?q=ferry&amp;page=3&amp;limit=5">Go to page 3' in page
    assert 'class="hit"' not in page


def test_page_says_how_the_query_was_read(client: Any) -> None:
    page = client.get("/search?q=" + quote("the ferry -strike OR union")).text
    assert "Read as: <code>ferry union -strike</code>" in page
    assert "Common words left out: the." in page
    assert 'id="understood"' not in client.get("/search?q=ferry+dawn").text


def test_page_offers_any_word(client: Any) -> None:
    page = client.get("/search?q=ferry+strike").text
    assert 'id="any-word"' in page and "13 results" in page
    assert 'id="any-word"' not in client.get("/search?q=ferry+dawn").text


def test_hostile_text_is_escaped_before_it_is_marked(client: Any) -> None:
    page = client.get(f"/search?q={quote('plain words')}&kind=article").text
    [snippet] = re.findall(r'<div class="small snippet">(.*?)</div>', page)
    assert "<script>" not in snippet and "<img" not in snippet
    escaped = "&lt;script&gt;window.__pwned = 1&lt;/script&gt;"
    assert f"<mark>Plain words</mark> then {escaped}" in snippet
    assert set(re.findall(r"<(/?\w+)", snippet)) == {"mark", "/mark"}


def test_browser_shows_marks_and_pages(browser: Any, site: Any) -> None:
    browser.get(site.url("/search?q=" + quote('"harbour will cost" OR ferry') + "&limit=1"))
    marks = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, "#results mark")]
    assert marks and set(marks) <= {"harbour will cost", "ferry", "Ferry"}
    assert "page 1 of" in browser.find_element(By.ID, "result-count").text
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#pager a[rel=next]").click)
    assert "page 2 of" in browser.find_element(By.ID, "result-count").text
    assert HOSTILE_TITLE not in browser.find_element(By.ID, "results").text
