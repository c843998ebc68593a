"""Waiting for the browser to replace one page with another, shared by the browser tests."""

from __future__ import annotations

from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def navigate(browser: Any, action: Any) -> None:
    """Do what loads another page (a click, Enter) and wait until it has replaced this one.

    While the old document is being torn down Chromium may answer "node does not belong to the
    document" instead of "stale element": both mean the page is going, so keep waiting."""
    old = browser.find_element(By.TAG_NAME, "html")
    action()
    wait = WebDriverWait(browser, 60, ignored_exceptions=(WebDriverException,))
    wait.until(expected_conditions.staleness_of(old))
