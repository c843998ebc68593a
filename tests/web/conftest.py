"""A real server on 127.0.0.1 over a small SQLite corpus, and Debian's headless Chromium driven
by Selenium through chromedriver (no browser download). Without Chromium the browser tests skip,
except under CI, where .ci/services installs it and they must run."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus_articles import corpus  # noqa: E402
from serving import serving  # noqa: E402

from presslens.store import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHOWCASE = ROOT.parent / "shared" / "articles" / "imperialists-peace.txt"
OUTPUT = ROOT / "tests" / "output"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
]


class Site:
    def __init__(self, base: str, db: Path, ids: dict[str, int]) -> None:
        self.base = base
        self.db = db
        self.ids = ids

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from presslens.web.app import create_app

    db = tmp_path_factory.mktemp("site") / "corpus.db"
    ids: dict[str, int] = {}
    with open_store(db) as store:
        for number, dossier in enumerate(corpus()):
            ids[dossier.article.title] = store.save(dossier, sha256=f"k{number}")
        if SHOWCASE.is_file():
            from presslens import pipeline

            # Unwrapped: the root conftest's schema check belongs to the stage tests; this
            # article is here for its picture.
            analyse = getattr(pipeline.analyse, "__wrapped__", pipeline.analyse)
            ids["showcase"] = store.save(analyse(SHOWCASE), sha256="showcase")
    with serving(create_app(str(db)), stop_seconds=10) as base:
        yield Site(base, db, ids)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        reason = "Debian's chromium and chromium-driver are not installed (run .ci/services)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT
