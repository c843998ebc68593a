"""/claims and /claim/{id} with their JSON twins, over a store where one claim is made by two
articles and every piece of text a page shows carries markup: the group listed and linked, the
articles first appearance first with their speaker, the fact-check matched (its javascript: link
not given), the article page linking to its claim's group, and the markup kept as text in the
browser's DOM."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from claim_group_fixtures import claims_article, save_all  # noqa: E402
from test_security import PAYLOAD_IMG, PAYLOAD_SCRIPT, assert_inert  # noqa: E402

from presslens.store import open_store  # noqa: E402

ROSE = f"Unemployment rose to 5 percent in March {PAYLOAD_SCRIPT}, the Labor Department said."
ROSE_AGAIN = f"The Labor Department said unemployment rose to 5 percent in March {PAYLOAD_SCRIPT}."
SPEAKER = f"Mallory {PAYLOAD_IMG}"
TITLE = f"Jobs {PAYLOAD_SCRIPT} report"


@pytest.fixture(scope="module")
def claim_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[int]]]:
    from serving import serving

    from presslens.corpus import claimgroups
    from presslens.corpus.factchecks import FactCheck, save_factchecks
    from presslens.web.app import create_app

    db = tmp_path_factory.mktemp("claims") / "corpus.db"
    with open_store(db) as store:
        ids = save_all(
            store,
            [
                claims_article(TITLE, [ROSE], "2016-04-02"),
                claims_article(TITLE, [ROSE_AGAIN], "2016-04-01", quoted={ROSE_AGAIN: SPEAKER}),
            ],
        )
        check = FactCheck(
            f"Unemployment rose to 5 percent in March {PAYLOAD_IMG}",
            verdict=f"True {PAYLOAD_SCRIPT}",
            url="javascript:window.__pwned = 9",
            publisher=f"Checker {PAYLOAD_IMG}",
        )
        save_factchecks(store, [check])
    claimgroups.KEPT.clear()
    with serving(create_app(str(db)), stop_seconds=10) as base:
        yield base, ids
    claimgroups.KEPT.clear()


def test_list_and_twin_name_the_group(claim_site: tuple[str, list[int]]) -> None:
    import httpx

    base, (later, earlier) = claim_site
    twin = httpx.get(base + "/claims.json", timeout=120).json()
    assert twin["total"] == 1 and twin["top"] == 50
    (group,) = twin["groups"]
    assert group["id"] == f"{earlier}-c1" and group["first"] == "2016-04-01"
    page = httpx.get(base + "/claims", timeout=120)
    assert page.status_code == 200
    assert f'href="/claim/{earlier}-c1"' in page.text
    assert "<script>window" not in page.text and "&lt;script&gt;" in page.text


def test_claim_page_lists_articles_first_appearance_first(
    claim_site: tuple[str, list[int]],
) -> None:
    import httpx

    base, (later, earlier) = claim_site
    page = httpx.get(base + f"/claim/{earlier}-c1", timeout=120)
    assert page.status_code == 200
    first = page.text.index(f'href="/article/{earlier}#claim-c1"')
    assert first < page.text.index(f'href="/article/{later}#claim-c1"')
    assert "2016-04-01" in page.text and "first appearance" in page.text
    assert 'href="javascript' not in page.text and "Checker" in page.text
    twin = httpx.get(base + f"/claim/{earlier}-c1.json", timeout=120).json()
    assert [c["article_id"] for c in twin["claims"]] == [earlier, later]
    assert twin["claims"][0]["speaker"] == SPEAKER
    (match,) = twin["factchecks"]
    assert match["verdict"] == f"True {PAYLOAD_SCRIPT}"


@pytest.mark.parametrize("wanted", ["999-c1", "x" * 500, "%00", "1-c1%2Fmore"])
def test_unknown_groups_are_not_found(claim_site: tuple[str, list[int]], wanted: str) -> None:
    import httpx

    base, _ = claim_site
    assert httpx.get(base + f"/claim/{wanted}", timeout=120).status_code == 404
    assert httpx.get(base + f"/claim/{wanted}.json", timeout=120).status_code == 404


def test_article_page_links_its_claim_to_the_group(claim_site: tuple[str, list[int]]) -> None:
    import httpx

    base, (later, earlier) = claim_site
    httpx.get(base + "/claims.json", timeout=120)  # the groups are known from here on
    page = httpx.get(base + f"/article/{later}", timeout=120)
    assert f'class="same-claim" href="/claim/{earlier}-c1"' in page.text


def test_claim_pages_keep_hostile_text_inert(
    browser: Any, claim_site: tuple[str, list[int]]
) -> None:
    base, (_, earlier) = claim_site
    for path in ("/claims", f"/claim/{earlier}-c1"):
        browser.get(base + path)
        assert_inert(browser)
