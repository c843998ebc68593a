"""Reports inside reports in the corpus (Quote.within): the store keeps which quote holds which,
an older store gains it from its stored dossiers when opened, and an actor's lists, the
timeline (store and CLI), the search hits (store and `presslens search`) and the exports say
whose words hold the quote ("as Ann Roe tells it"): a fact-checker must not read Tom Ray's quote
as his own words on the record. SQLite and PostgreSQL both (conftest.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpus_articles import FARM_BILL, said, told
from typer.testing import CliRunner

from presslens.cli import app
from presslens.store import Store, open_store
from presslens.store.exports import COLUMNS
from presslens.store.schema import SCHEMA_VERSION

RAY = "Tom Ray"


def stored_withins(store: Store) -> list[tuple[str, str | None]]:
    rows = store.all("SELECT quote_id, within FROM quotes ORDER BY quote_id")
    return [(row["quote_id"], row["within"]) for row in rows]


def test_the_quote_holding_a_report_is_stored_once(store: Store) -> None:
    first = store.save(told(), sha256="farm")
    assert store.save(told(), sha256="farm") == first  # saved again: nothing added twice
    assert stored_withins(store) == [("q1", None), ("q2", "q1")]
    assert store.counts()["quotes"] == 2


def test_actor_lists_and_timeline_name_the_teller(store: Store) -> None:
    store.save(told(), sha256="farm")
    actor = store.actor(RAY)
    (quote,) = actor["quotes"]
    (dated,) = actor["timeline"]["quotes"]
    for item in (quote, dated):
        assert (item["text"], item["within"], item["teller"]) == (
            "it would hurt farmers",
            "q1",
            "Ann Roe",
        )
    (own,) = store.actor("Ann Roe")["timeline"]["quotes"]  # Roe's own words: nobody tells them
    assert (own["within"], own["teller"]) == (None, None)


def test_an_older_store_gains_within_from_its_dossiers(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save(told(), sha256="farm")
        with store.transaction():  # as schema version 5 left it: no column, an older version
            store.run("ALTER TABLE quotes DROP COLUMN within")
            store.run("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with open_store(store_url) as store:
        assert stored_withins(store) == [("q1", None), ("q2", "q1")]
        version = store.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version == SCHEMA_VERSION == "6"
        assert store.actor(RAY)["quotes"][0]["teller"] == "Ann Roe"
    with open_store(store_url) as store:  # opened again: nothing to fill, nothing changed
        assert stored_withins(store) == [("q1", None), ("q2", "q1")]


def test_exports_name_the_holder_and_the_teller(store: Store) -> None:
    store.save(told(), sha256="farm")
    rows = list(store.export("quotes"))
    assert [(row["quote_id"], row["within"], row["teller"]) for row in rows] == [
        ("q1", None, None),
        ("q2", "q1", "Ann Roe"),
    ]
    assert ("within", "str") in COLUMNS["quotes"] and ("teller", "str") in COLUMNS["quotes"]


def test_timeline_cli_says_whose_words_hold_the_quote(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save(told(), sha256="farm")
        store.save(told("Eve \x1b[31mRed", published="2017-04-03"), sha256="escape")
    runner = CliRunner()
    shown = runner.invoke(app, ["timeline", RAY, "--db", store_url])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.splitlines()[1::2] == [
        "    [indirect, as Ann Roe tells it] it would hurt farmers",
        "    [indirect, as Eve [31mRed tells it] it would hurt farmers",  # no escape reaches it
    ]
    lines = runner.invoke(app, ["timeline", RAY, "--db", store_url, "--json"]).stdout
    first = json.loads(lines.splitlines()[0])
    assert (first["within"], first["teller"]) == ("q1", "Ann Roe")


def test_search_hits_name_the_teller(store: Store) -> None:
    store.save(told(), sha256="farm")
    hits = store.find("farmers", sort="oldest")["results"]
    told_by = {(hit["kind"], hit["ref"]): (hit["within"], hit["teller"]) for hit in hits}
    assert told_by == {
        ("quote", "q2"): ("q1", "Ann Roe"),  # Ray's words, as Roe tells them
        ("quote", "q1"): (None, None),  # Roe's own words
        ("article", None): (None, None),
    }
    (hit,) = store.find("", speaker=RAY)["results"]
    assert (hit["speaker"], hit["within"], hit["teller"]) == (RAY, "q1", "Ann Roe")


def test_search_cli_says_whose_words_hold_the_quote(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save(told(), sha256="farm")
        store.save(told("Eve \x1b[31mRed", published="2017-04-03"), sha256="escape")
        own = said("Ray speaks", "farmers come first", "2017-06-01", speaker=RAY)
        store.save(own, sha256="own")
    runner = CliRunner()
    shown = runner.invoke(app, ["search", "--speaker", RAY, "--sort", "oldest", "--db", store_url])
    assert shown.exit_code == 0, shown.output
    heads = [re.sub(r"#\d+ ", "", line) for line in shown.stdout.splitlines()[::2]]
    assert heads == [
        "[quote] Farm bill fails — Tom Ray, as Ann Roe tells it",
        "[quote] Farm bill fails — Tom Ray, as Eve [31mRed tells it",  # no escape reaches it
        "[quote] Ray speaks — Tom Ray",  # his own words
    ]
    lines = runner.invoke(app, ["search", "--speaker", RAY, "--db", store_url, "--json"]).stdout
    by_date = {
        hit["date"]: (hit["within"], hit["teller"]) for hit in map(json.loads, lines.splitlines())
    }
    assert by_date == {
        "2017-04-02": ("q1", "Ann Roe"),
        "2017-04-03": ("q1", "Eve \x1b[31mRed"),
        "2017-06-01": (None, None),
    }


@pytest.mark.e2e
def test_an_ingested_article_lists_the_report_as_its_teller_tells_it(
    store: Store, tmp_path: Path
) -> None:
    from presslens.batch.ingest import ingest

    path = tmp_path / "farm-bill.txt"
    path.write_text(f"Farm bill fails\n\n{FARM_BILL}\n", encoding="utf-8")
    assert ingest([str(path)], store, show_progress=False).stored == 1
    counts = store.counts()
    assert ingest([str(path)], store, show_progress=False).stored == 0  # again: nothing twice
    assert store.counts() == counts
    (quote,) = store.actor(RAY)["timeline"]["quotes"]
    assert (quote["text"], quote["teller"]) == ("it would hurt farmers", "Ann Roe")
    (hit,) = store.find("", speaker=RAY)["results"]
    assert (hit["snippet"], hit["teller"]) == ("it would hurt farmers", "Ann Roe")
