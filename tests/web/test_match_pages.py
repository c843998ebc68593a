"""/match, /match.json and /article/{id}/matches.json: the best fact-checks for a claim, hostile
fact-check text kept inert (in the HTML and in the real browser's DOM), links only to http(s)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient
from test_security import assert_inert

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import PAYLOAD_IMG, PAYLOAD_LINK, PAYLOAD_SCRIPT, budget  # noqa: E402

from presslens.corpus.factchecks import FactCheck, save_factchecks  # noqa: E402
from presslens.store import open_store  # noqa: E402

FACTCHECKS = [
    FactCheck(
        "The harbour works will cost 40 million dollars.",
        "True",
        "https://checks.example/harbour",
        "2025-01-05",
        "Harbour Facts",
    ),
    FactCheck(
        f"Tram fares {PAYLOAD_SCRIPT} rose {PAYLOAD_IMG} by 40 percent.",
        f"False {PAYLOAD_LINK}",
        "javascript:window.__pwned=7",
        "2025-02-01",
        f"Desk {PAYLOAD_SCRIPT}",
    ),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from presslens.web.app import create_app

    db = str(tmp_path_factory.mktemp("match") / "corpus.db")
    with open_store(db) as store:
        save_factchecks(store, FACTCHECKS)
        store.save(budget(), sha256="budget")
    with TestClient(create_app(db, hosts=["testserver"])) as opened:
        yield opened


def test_match_json_gives_the_best_fact_checks(client: Any) -> None:
    found = client.get("/match.json?q=" + quote("the harbour will cost $40 million") + "&top=1")
    assert found.status_code == 200
    body = found.json()
    assert body["q"] == "the harbour will cost $40 million" and body["top"] == 1
    (best,) = body["matches"]
    assert best["claim"] == FACTCHECKS[0].claim and best["verdict"] == "True"
    assert 0 < best["score"] <= 1


@pytest.mark.parametrize("query", ["", "top=abc", "q=%00%00&top=-3", "q=" + "x" * 5000])
def test_odd_parameters_are_bounded(client: Any, query: str) -> None:
    for path in ("/match.json?", "/match?"):
        assert client.get(path + query).status_code == 200


def test_the_page_escapes_fact_check_text_and_links_only_to_the_web(client: Any) -> None:
    page = client.get("/match?q=" + quote("tram fares rose by 40 percent")).text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert PAYLOAD_SCRIPT not in page and PAYLOAD_IMG not in page and PAYLOAD_LINK not in page
    assert 'href="javascript:' not in page
    assert 'href="https://checks.example/harbour"' in page


def test_article_claims_get_their_matches(client: Any) -> None:
    found = client.get("/article/1/matches.json").json()
    assert found["article_id"] == 1
    assert found["claims"][0]["matches"][0]["claim"] == FACTCHECKS[0].claim
    assert client.get("/article/999/matches.json").status_code == 404
    assert client.get("/article/x/matches.json").status_code == 404


def test_the_page_is_inert_in_the_browser(browser: Any, site: Any) -> None:
    with open_store(site.db) as store:
        save_factchecks(store, FACTCHECKS[1:])
    browser.get(site.url("/match?q=" + quote("tram fares rose by 40 percent")))
    assert_inert(browser)
