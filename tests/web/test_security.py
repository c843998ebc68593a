"""Markup inside an article stays text on every page and in the standalone report: checked in
the real browser's DOM, not only in the HTML string."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browsing import navigate
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import PAYLOAD_IMG, PAYLOAD_LINK, PAYLOAD_SCRIPT, hostile  # noqa: E402

HOSTILE_TITLE = hostile().article.title
HOSTILE_ACTOR = hostile().actors[0].name

# Elements or attributes that would exist only if article text had become markup.
DOM_PROBE = """
const all = Array.from(document.querySelectorAll('*'));
return {
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img').length,
  handlers: all.filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
  js_links: Array.from(document.querySelectorAll('[href], [src], [action]')).filter(e =>
      ['href', 'src', 'action'].some(n => (e.getAttribute(n) || '').trim().toLowerCase()
          .startsWith('javascript:'))).length,
  pwned: window.__pwned === undefined ? null : window.__pwned,
  text: document.body.innerText,
};
"""


def assert_inert(browser: Any, *, shows_payload: bool = True) -> None:
    found = browser.execute_script(DOM_PROBE)
    where = browser.current_url
    assert found["scripts"] == 0, where
    assert found["images"] == 0, where
    assert found["handlers"] == 0, where
    assert found["js_links"] == 0, where
    assert found["pwned"] is None, where
    if shows_payload:
        assert "<script>" in found["text"], where


def hostile_pages(site: Any) -> list[str]:
    article = site.ids[HOSTILE_TITLE]
    return [
        "/",
        f"/article/{article}",
        f"/article/{article}/report",
        f"/actor/{quote(HOSTILE_ACTOR, safe='')}",
        # the timeline and the lists in date order (ranges: tests/web/test_timeline_pages.py)
        f"/actor/{quote(HOSTILE_ACTOR, safe='')}?sort=date",
        "/?sort=oldest",
        f"/search?q={quote('script pwned')}",
        f"/search?q={quote('script pwned')}&sort=oldest",
        f"/search?q={quote(PAYLOAD_IMG)}&speaker={quote('mallory')}",
        f"/search?q={quote(PAYLOAD_SCRIPT)}",
    ]


def test_every_page_keeps_hostile_text_inert(browser: Any, site: Any) -> None:
    for path in hostile_pages(site):
        browser.get(site.url(path))
        assert_inert(browser)


def test_date_bounds_that_are_markup_get_an_inert_refusal(browser: Any, site: Any) -> None:
    """A bound that is markup is no date: the page refuses it (400) and shows it as text."""
    bounds = f"from={quote(PAYLOAD_IMG)}&to={quote(PAYLOAD_SCRIPT)}"
    for path in (
        f"/actor/{quote(HOSTILE_ACTOR, safe='')}?{bounds}",
        f"/?to={quote(PAYLOAD_LINK)}",
        f"/search?q=pwned&{bounds}",
        f"/claims?{bounds}",
        f"/conflicts?{bounds}",
    ):
        browser.get(site.url(path))
        assert_inert(browser, shows_payload=False)
        message = browser.find_element(By.ID, "message").text
        assert "is no date" in message and "window.__pwned" in message, path


def test_hostile_page_shows_the_markup_as_text(browser: Any, site: Any) -> None:
    browser.get(site.url(f"/article/{site.ids[HOSTILE_TITLE]}"))
    text = browser.find_element(By.ID, "text").text
    for payload in (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_LINK):
        assert payload in text
    assert browser.find_element(By.ID, "title").text == HOSTILE_TITLE
    assert "source" not in [a.text for a in browser.find_elements(By.CSS_SELECTOR, "header a")]


def test_standalone_report_file_is_inert(browser: Any, tmp_path: Path) -> None:
    from presslens.render.html import render_html

    report = tmp_path / "report.html"
    report.write_text(render_html(hostile()), encoding="utf-8")
    browser.get(report.as_uri())
    assert_inert(browser)


@pytest.mark.parametrize("as_html", [False, True])
def test_analyse_form_result_is_inert(browser: Any, site: Any, as_html: bool) -> None:
    body = "\n\n".join(
        [f"Pasted {PAYLOAD_SCRIPT} title", f"Words {PAYLOAD_IMG} and {PAYLOAD_LINK} here."]
    )
    if as_html:
        body = f"<html><body><article><h1>Pasted</h1><p>{body}</p></article></body></html>"
    browser.get(site.url("/analyse"))
    field = browser.find_element(By.NAME, "text")
    browser.execute_script("arguments[0].value = arguments[1];", field, body)
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#analyse button").click)
    assert_inert(browser, shows_payload=not as_html)
