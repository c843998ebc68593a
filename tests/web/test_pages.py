"""The site in a real browser: list, dossier, search, analyse form; and every page's JSON twin."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from browsing import navigate
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

BUDGET = "Council approves the harbour budget"


def count(browser: Any, selector: str) -> int:
    return len(browser.find_elements(By.CSS_SELECTOR, selector))


def submit_and_wait(browser: Any, button: str) -> None:
    navigate(browser, browser.find_element(By.CSS_SELECTOR, button).click)


def test_list_then_dossier_with_highlights(browser: Any, site: Any) -> None:
    browser.get(site.url("/"))
    assert count(browser, "#articles tbody tr") == len(site.ids)
    navigate(browser, browser.find_element(By.LINK_TEXT, BUDGET).click)
    assert browser.find_element(By.ID, "title").text == BUDGET
    quotes = browser.find_elements(By.CSS_SELECTOR, "#text span.quote")
    colours = {c for q in quotes for c in q.get_attribute("class").split() if c.startswith("sp")}
    assert colours == {"sp0", "sp1"}  # two speakers, two colours
    assert count(browser, "#text span.figure") == 2
    claims = browser.find_elements(By.CSS_SELECTOR, "#text span.claim")
    # A mark is cut where another starts, so count the claims by their titles.
    assert len({claim.get_attribute("title") for claim in claims}) == 2
    bars = browser.find_elements(By.CSS_SELECTOR, "#claims .bar")
    assert [bar.get_attribute("style") for bar in bars] == ["width: 90%;", "width: 40%;"]
    assert "Statistics Office" in browser.find_element(By.ID, "claims").text
    assert count(browser, "#actors tr") == 4
    assert count(browser, "#mentions .strip") == 3  # one strip per actor (test_pictures.py)
    assert count(browser, "#quotes .swatch") == 2


def test_page_without_stage_results_still_works(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/article/{site.ids['Quiet day at the library']}"))
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "No quotes found." in text and "No claims ranked." in text
    assert "No actors to draw." in text


def test_search_from_the_navigation(browser: Any, site: Any) -> None:
    browser.get(site.url("/"))
    box = browser.find_element(By.CSS_SELECTOR, "nav input[name=q]")
    navigate(browser, lambda: box.send_keys("taxes", Keys.ENTER))
    hits = browser.find_elements(By.CSS_SELECTOR, "#results .hit")
    assert len(hits) == 2
    assert "taxes will rise" in hits[0].text
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#results .hit a").click)
    assert browser.find_element(By.ID, "title").text == BUDGET


@pytest.mark.parametrize(
    "query", ["taxes' OR '1'='1", "taxes'; DROP TABLE articles; --", 'taxes" -- %_*:()']
)
def test_search_with_sql_metacharacters(browser: Any, site: Any, query: str) -> None:
    browser.get(site.url("/search"))
    box = browser.find_element(By.CSS_SELECTOR, "#search input[name=q]")
    navigate(browser, lambda: box.send_keys(query, Keys.ENTER))
    assert count(browser, "#results .hit") >= 1
    assert BUDGET in browser.find_element(By.ID, "results").text
    browser.get(site.url("/"))
    assert count(browser, "#articles tbody tr") == len(site.ids)


def test_search_by_speaker_form(browser: Any, site: Any) -> None:
    browser.get(site.url("/search"))
    browser.find_element(By.CSS_SELECTOR, "#search input[name=speaker]").send_keys("doe")
    submit_and_wait(browser, "#search button")
    [hit] = browser.find_elements(By.CSS_SELECTOR, "#results .hit")
    assert "the plan was rushed" in hit.text and "John Doe" in hit.text


def test_analyse_form(browser: Any, site: Any) -> None:
    browser.get(site.url("/analyse"))
    browser.find_element(By.NAME, "text").send_keys(
        "Tram line opens\n\nThe new tram line opened on Sunday in Leeds, the council said."
    )
    submit_and_wait(browser, "#analyse button")
    assert browser.find_element(By.ID, "title").text == "Tram line opens"
    assert "Analysed just now" in browser.find_element(By.TAG_NAME, "header").text


def test_upload_limit_in_the_browser(browser: Any, site: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024 + 1000))  # just over 5 MB
    browser.get(site.url("/analyse"))
    browser.find_element(By.NAME, "file").send_keys(str(big))
    submit_and_wait(browser, "#analyse button")
    assert "over the 5 MB limit" in browser.find_element(By.TAG_NAME, "body").text


def test_upload_limit_without_a_declared_length(site: Any) -> None:
    def chunks() -> Any:  # a pasted text field of 6 MB, sent chunked with no length
        yield b'--zzz\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
        for _ in range(6):
            yield b"x" * (1024 * 1024)
        yield b"\r\n--zzz--\r\n"

    response = httpx.post(
        site.url("/analyse"),
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=zzz"},
        timeout=30,
    )
    assert response.status_code == 413


def test_every_page_has_a_json_twin(site: Any) -> None:
    budget = site.ids[BUDGET]
    twins = {
        "/articles.json": lambda data: data["total"] == len(site.ids),
        f"/article/{budget}.json": lambda data: data["dossier"]["article"]["title"] == BUDGET,
        f"/actor/{quote('Jane Smith')}.json": lambda data: len(data["quotes"]) == 1,
        "/search.json?q=taxes": lambda data: len(data["results"]) == 2,
        "/analyse.json": lambda data: data["limit_bytes"] == 5 * 1024 * 1024,
    }
    for path, check in twins.items():
        response = httpx.get(site.url(path))
        assert response.status_code == 200, path
        assert check(response.json()), path
    posted = httpx.post(
        site.url("/analyse.json"), data={"text": "Title\n\nA short article."}, timeout=60
    )
    assert posted.json()["schema"] == "presslens.dossier/1"
    assert httpx.get(site.url("/article/999999.json")).status_code == 404


def test_server_binds_loopback_only_by_default() -> None:
    import inspect

    from presslens.cli.corpus import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_showcase_screenshot(browser: Any, site: Any, output_dir: Path) -> None:
    if "showcase" not in site.ids:
        pytest.skip("../shared/articles/imperialists-peace.txt is absent")
    browser.get(site.url(f"/article/{site.ids['showcase']}"))
    assert count(browser, "#text p") > 5
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path = output_dir / "showcase-dossier.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 20_000
