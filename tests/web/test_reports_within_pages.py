"""The actor page, the search page and their JSON twins say when a quote is a report inside
another speaker's words (Quote.within): Tom Ray's words as Ann Roe tells them are listed "as Ann
Roe tells it", not as his own on the record; a teller's name full of markup stays text. SQLite
and PostgreSQL."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from browsing import served_corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import PAYLOAD_IMG, said, told  # noqa: E402

SCHEMA = f"presslens_web_within_{os.getpid()}"
MALLORY = f"Mallory {PAYLOAD_IMG}"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("within")
    dossiers = [
        told(),
        told(MALLORY, published="2017-05-01"),
        said("Ray speaks", "farmers come first", "2017-06-01", speaker="Tom Ray"),
    ]
    yield from served_corpus(request.param, folder, SCHEMA, dossiers)


def test_actor_twin_names_the_teller(client: Any) -> None:
    actor = client.get("/actor/Tom%20Ray.json").json()
    tellers = [(q["date"], q["within"], q["teller"]) for q in actor["timeline"]["quotes"]]
    assert tellers == [
        ("2017-04-02", "q1", "Ann Roe"),
        ("2017-05-01", "q1", MALLORY),
        ("2017-06-01", None, None),  # his own words
    ]
    assert [q["teller"] for q in actor["quotes"]] == ["Ann Roe", MALLORY, None]


def test_actor_page_says_as_whom_tells_it(client: Any) -> None:
    response = client.get("/actor/Tom%20Ray")
    assert response.status_code == 200
    html = response.text
    told_by = re.findall(r'<span class="small teller">as (.*?) tells it:</span>', html)
    assert told_by == [
        "Ann Roe",
        "Mallory &#34;&gt;&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;",
    ]
    assert "<img" not in html  # the hostile name is text, never an element
    assert "quoted 3 times (2 as others tell it)" in html
    timeline = html[html.index('id="timeline"') : html.index('id="claims"')]
    items = timeline.split('<li class="hit">')[1:]
    assert ["tells it" in item for item in items] == [True, True, False]
    assert "farmers come first" in items[2]  # his own words, told by nobody


def test_search_twin_names_the_teller(client: Any) -> None:
    found = client.get("/search.json", params={"speaker": "Tom Ray", "sort": "oldest"}).json()
    tellers = [(hit["date"], hit["within"], hit["teller"]) for hit in found["results"]]
    assert tellers == [
        ("2017-04-02", "q1", "Ann Roe"),
        ("2017-05-01", "q1", MALLORY),
        ("2017-06-01", None, None),  # his own words
    ]
    words = client.get("/search.json", params={"q": "farmers", "kind": "quote"}).json()
    roe = [hit for hit in words["results"] if hit["speaker"] == "Ann Roe"]
    assert [(hit["within"], hit["teller"]) for hit in roe] == [(None, None)]  # her own words


def test_search_page_says_as_whom_tells_it(client: Any) -> None:
    response = client.get("/search", params={"speaker": "Tom Ray", "sort": "oldest"})
    assert response.status_code == 200
    html = response.text
    teller = r'<span class="small teller">, as <a href="/actor/[^"]*">(.*?)</a> tells it'
    told_by = re.findall(teller, html)
    assert told_by == [
        "Ann Roe",
        "Mallory &#34;&gt;&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;",
    ]
    assert "<img" not in html  # the hostile name is text, never an element
    results = html[html.index('id="results"') :]
    hits = results.split('<div class="hit">')[1:]
    assert ["tells it" in hit for hit in hits] == [True, True, False]
    assert "farmers come first" in hits[2]  # his own words, told by nobody
