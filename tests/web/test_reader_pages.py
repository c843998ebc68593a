"""What a reader meets on the site (issue 19, pages): the strips of mentions and the tone panel
with their links into the text, the "check first" list, a figures table that stays in its panel,
and 404s that say what is missing."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from selenium.webdriver.common.by import By

BUDGET = "Council approves the harbour budget"


def showcase(site: Any) -> int:
    if "showcase" not in site.ids:
        pytest.skip("../shared/articles/imperialists-peace.txt is absent")
    return site.ids["showcase"]


def target(browser: Any) -> Any:
    return browser.execute_script("return document.querySelector(':target')")


def follow(browser: Any, link: Any) -> Any:
    """Click an in-page link and return the element it targets."""
    href = link.get_attribute("href")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert browser.current_url.endswith("#" + href.split("#", 1)[1])
    return target(browser)


def csp_violations(browser: Any) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if "Content Security" in e["message"]]


def test_mentions_strips_link_each_tick_to_the_mention(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/article/{showcase(site)}"))
    strips = browser.find_elements(By.CSS_SELECTOR, "#mentions .strip")
    assert len(strips) == 12  # the most mentioned actors
    first = strips[0]
    ticks = first.find_elements(By.CSS_SELECTOR, "a.tick")
    assert str(len(ticks)) in first.find_element(By.CSS_SELECTOR, ".who").text
    lefts = [float(t.get_attribute("style").split("left:")[1].split("%")[0]) for t in ticks]
    assert lefts == sorted(lefts) and 0 <= lefts[0] and lefts[-1] <= 100
    assert first.find_elements(By.CSS_SELECTOR, "a.tick.neg, a.tick.pos")  # tone evidence
    mention = follow(browser, ticks[len(ticks) // 2])
    assert "mention" in mention.get_attribute("class")
    assert mention.find_element(By.XPATH, "ancestor::article").get_attribute("id") == "text"
    assert csp_violations(browser) == []


def test_tone_panel_on_the_page_with_evidence_in_the_text(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/article/{showcase(site)}"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#tone details.tone")
    assert len(rows) >= 5
    first = rows[0]  # the most negative
    first.find_element(By.TAG_NAME, "summary").click()
    evidence = first.find_element(By.CSS_SELECTOR, "li")
    sentence = follow(browser, evidence.find_element(By.CSS_SELECTOR, "a.goto"))
    assert sentence.text[:60] in evidence.text.replace("\n", " ")


def test_check_first_lists_ten_then_a_toggle(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/article/{showcase(site)}"))
    top = browser.find_elements(By.CSS_SELECTOR, "#claims > ol > li")
    assert len(top) == 10
    scores = [float(li.find_element(By.CSS_SELECTOR, ".small").text) for li in top]
    assert scores == sorted(scores, reverse=True)
    badges = browser.find_elements(By.CSS_SELECTOR, "#text .claim[data-badge]")
    assert sorted(int(b.get_attribute("data-badge")) for b in badges) == list(range(1, 11))
    toggle = browser.find_element(By.CSS_SELECTOR, "#claims details.more-claims")
    assert not toggle.find_element(By.CSS_SELECTOR, "li").is_displayed()
    toggle.find_element(By.TAG_NAME, "summary").click()
    later = toggle.find_elements(By.CSS_SELECTOR, "li")[-1]
    sentence = follow(browser, later.find_element(By.CSS_SELECTOR, "a.goto"))
    assert sentence.text[:50] in later.text.replace("\n", " ")


def test_report_figures_table_stays_in_its_panel(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/article/{showcase(site)}/report"))
    widths = browser.execute_script(
        "const p = document.getElementById('figures');"
        "return [p.scrollWidth, p.clientWidth, document.documentElement.scrollWidth,"
        " document.documentElement.clientWidth];"
    )
    panel_scroll, panel_client, page_scroll, page_client = widths
    assert panel_scroll <= panel_client + 1
    assert page_scroll <= page_client + 1
    text = browser.find_element(By.ID, "figures").text
    assert "$1 trillion" in text and "1e+12" not in text
    assert browser.find_element(By.ID, "legend").is_displayed()
    assert csp_violations(browser) == []


def test_screenshot_of_the_pictures(browser: Any, site: Any, output_dir: Path) -> None:
    browser.get(site.url(f"/article/{showcase(site)}"))
    panel = browser.find_element(By.ID, "mentions")
    browser.execute_script("arguments[0].scrollIntoView()", panel)
    path = output_dir / "showcase-mentions.png"
    path.write_bytes(base64.b64decode(panel.screenshot_as_base64))
    assert path.stat().st_size > 5_000


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/actor/Nobody%20Anywhere", "html"),
        ("/actor/Nobody%20Anywhere.json", "json"),
        ("/article/abc", "html"),
        ("/article/abc/report", "html"),
        ("/article/abc.json", "json"),
        ("/article/%C2%B2", "html"),
        ("/article/999999", "html"),
    ],
)
def test_missing_things_are_404s_of_their_kind(site: Any, path: str, kind: str) -> None:
    response = httpx.get(site.url(path))
    assert response.status_code == 404, path
    if kind == "json":
        assert response.json() == {"error": "not found"}
    else:
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>Not found</h1>" in response.text
        assert 'href="/"' in response.text


def test_a_known_actor_is_still_found(site: Any) -> None:
    assert httpx.get(site.url(f"/actor/{quote('Jane Smith')}")).status_code == 200
    assert httpx.get(site.url(f"/actor/{quote('Jane Smith')}.json")).status_code == 200


def test_a_page_past_the_last(site: Any) -> None:
    response = httpx.get(site.url("/?page=99"))
    assert response.status_code == 404
    assert "Page 99 of 1" in response.text
    assert 'href="/?page=1"' in response.text
    assert "corpus is empty" not in response.text
    assert f"{len(site.ids)} articles in the corpus" in response.text
