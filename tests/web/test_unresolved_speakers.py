"""A quote whose speaker resolves to no actor ("he", "the mayor of the town") must not break the
dossier page or its JSON twin: quotes are grouped by speaker in one place (render.speakers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from presslens.batch.ingest import ingest
from presslens.render.speakers import group_by_speaker
from presslens.store import open_store
from presslens.web.app import create_app

pytestmark = pytest.mark.e2e

ONLY_HE = 'Harbour delays\n\n"We will not open the harbour before May," he said.\n'
DESCRIBED = (
    "Harbour delays\n\nThe mayor of the town spoke on Monday. "
    '"We will not open the harbour before May," he said.\n'
)


@pytest.mark.parametrize("text", [ONLY_HE, DESCRIBED], ids=["only-he", "described"])
def test_dossier_page_with_an_unresolved_speaker(tmp_path: Path, text: str) -> None:
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        report = ingest([str(tmp_path / "article.txt")], store, show_progress=False)
        assert report.stored == 1
        article_id = store.all("SELECT id FROM articles")[0]["id"]
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    twin = client.get(f"/article/{article_id}.json")
    assert twin.status_code == 200
    quotes = twin.json()["dossier"]["quotes"]
    assert quotes and all(q["speaker_actor_id"] is None for q in quotes)
    page = client.get(f"/article/{article_id}")
    assert page.status_code == 200
    assert "before May" in page.text
    assert client.get("/articles").status_code == 200  # the next request is served as well


def test_every_quote_has_exactly_one_speaker_group() -> None:
    from presslens import analyse

    dossier = analyse(DESCRIBED)
    groups = group_by_speaker(dossier)
    assert sum(len(group.quotes) for group in groups) == len(dossier.quotes)
    assert [group.colour for group in groups] == list(range(len(groups)))
    assert all(group.name for group in groups)
