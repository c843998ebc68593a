"""/conflicts and /conflicts.json over a store whose disagreeing figures sit in hostile text:
both sides shown, linked, and every piece of markup kept as text (checked in the browser's DOM
as tests/web/test_security.py does for the other pages)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from conflicts_fixtures import Fig, article, save_all  # noqa: E402
from test_security import PAYLOAD_IMG, PAYLOAD_SCRIPT, assert_inert  # noqa: E402

from presslens.store import open_store  # noqa: E402

SENTENCE = "The economy added {} jobs in August, the Labor Department {} said."
TITLE = f"Jobs {PAYLOAD_SCRIPT} report"


def jobs_report(text: str, value: float, published: str) -> Any:
    fig = Fig(text, "count", value, "job", period="August", concept="jobs")
    return article(
        SENTENCE.format(text, PAYLOAD_IMG),
        [fig],
        title=TITLE,
        published=published,
        actors={"Labor Department": "ORG"},
        sources={f"Labor Department {PAYLOAD_IMG}": "organisation"},
    )


@pytest.fixture(scope="module")
def conflict_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[int]]]:
    from serving import serving

    from presslens.web.app import create_app

    db = tmp_path_factory.mktemp("conflicts") / "corpus.db"
    with open_store(db) as store:
        ids = save_all(
            store,
            [
                jobs_report("151,000", 151000, "2016-09-02"),
                jobs_report("190,000", 190000, "2016-09-03"),
            ],
        )
    with serving(create_app(str(db)), stop_seconds=10) as base:
        yield base, ids


def test_page_and_twin_show_both_sides(conflict_site: tuple[str, list[int]]) -> None:
    import httpx

    base, ids = conflict_site
    page = httpx.get(base + "/conflicts")
    assert page.status_code == 200
    for number in ids:
        assert f'href="/article/{number}"' in page.text
    assert "151,000" in page.text and "190,000" in page.text
    assert "<script>window" not in page.text and "&lt;script&gt;" in page.text
    twin = httpx.get(base + "/conflicts.json?top=5").json()
    assert twin["top"] == 5 and twin["total"] == 1
    pair = twin["conflicts"][0]
    assert [pair["left"]["published"], pair["right"]["published"]] == ["2016-09-02", "2016-09-03"]
    assert PAYLOAD_IMG in pair["left"]["sentence"]


@pytest.mark.parametrize("top", ["0", "-3", "abc", "99999999999999999999"])
def test_odd_top_values_are_bounded(conflict_site: tuple[str, list[int]], top: str) -> None:
    import httpx

    base, _ = conflict_site
    assert 1 <= httpx.get(base + f"/conflicts.json?top={top}").json()["top"] <= 500


def test_conflicts_page_keeps_hostile_text_inert(
    browser: Any, conflict_site: tuple[str, list[int]]
) -> None:
    base, _ = conflict_site
    browser.get(base + "/conflicts")
    assert_inert(browser)
