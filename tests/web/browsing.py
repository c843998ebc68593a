"""Waiting for the browser to replace one page with another, shared by the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
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


def served_corpus(backend: str, folder: Path, schema: str, dossiers: list[Any]) -> Iterator[Any]:
    """For a module fixture: a test client of the site over a corpus of `dossiers`, stored in
    SQLite under `folder` or in PostgreSQL in this run's `schema` (`backend`), dropped after."""
    from corpus_articles import schema_of_this_run
    from starlette.testclient import TestClient

    from presslens.store import open_store
    from presslens.web.app import create_app

    locations = iter([str(folder / "corpus.db")])
    if backend == "postgres":
        locations = schema_of_this_run(schema)
    location = next(locations)
    with open_store(location) as store:
        for number, dossier in enumerate(dossiers):
            store.save(dossier, sha256=f"d{number}")
    with TestClient(create_app(location, hosts=["testserver"])) as opened:
        yield opened
    next(locations, None)  # drops the PostgreSQL schema
