"""`presslens export` as a pandas user reads it: every table, real lists, typed dates, and a CSV
that Excel opens in UTF-8."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from corpus_articles import budget, ferry
from typer.testing import CliRunner

from presslens.cli import app
from presslens.model import ActorTone, Dossier
from presslens.store import Store

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

TABLES = ("articles", "actors", "quotes", "figures", "claims", "sources", "tones")
CURLY_TITLE = "Council “approves” the harbour’s budget — café owners cheer"


def budget_with_tone() -> Dossier:
    dossier = budget()
    article = dataclasses.replace(
        dossier.article, title=CURLY_TITLE, published="2024-03-05T10:30:00+01:00"
    )
    first = dossier.sentences[0]
    tone = ActorTone("a1", -0.4, "negative", {"negative": 2, "neutral": 1, "positive": 0}, (first,))
    return dataclasses.replace(dossier, article=article, tones=(tone,))


def feed_dated_ferry() -> Dossier:
    dossier = ferry()
    article = dataclasses.replace(dossier.article, published="2024-03-06")
    return dataclasses.replace(dossier, article=article)


@pytest.fixture
def filled(store: Store) -> Store:
    store.save(budget_with_tone(), sha256="budget")
    store.save(feed_dated_ferry(), sha256="ferry")
    return store


def export(store: Store, out: Path, fmt: str) -> Path:
    result = CliRunner().invoke(app, ["export", "-o", str(out), "-f", fmt, "--db", store.url])
    assert result.exit_code == 0, result.output
    return out


def test_every_table_is_exported(filled: Store, tmp_path: Path) -> None:
    out = export(filled, tmp_path / "out", "jsonl")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.jsonl" for t in TABLES)
    actors = pd.read_json(out / "actors.jsonl", lines=True)
    assert set(actors["name"]) == {"Jane Smith", "John Doe", "Statistics Office", "O'Brien"}
    sources = pd.read_json(out / "sources.jsonl", lines=True)
    assert sources.loc[0, "name"] == "Statistics Office" and sources.loc[0, "claim_ids"] == ["c1"]
    tones = pd.read_json(out / "tones.jsonl", lines=True)
    assert tones.loc[0, ["actor", "label", "negative"]].tolist() == ["Jane Smith", "negative", 2]
    assert tones.loc[0, "evidence"][0].startswith("The mayor, Jane Smith, said")


def test_lists_are_lists_in_jsonl_and_parquet(filled: Store, tmp_path: Path) -> None:
    jsonl = export(filled, tmp_path / "j", "jsonl")
    claims = [json.loads(line) for line in (jsonl / "claims.jsonl").read_text().splitlines()]
    assert claims[0]["sources"] == ["Statistics Office"]
    assert claims[1]["sources"] == []
    parquet = export(filled, tmp_path / "p", "parquet")
    frame = pd.read_parquet(parquet / "claims.parquet")
    assert list(frame.loc[0, "sources"]) == ["Statistics Office"]
    assert list(frame.loc[0, "actors"]) == ["Statistics Office"]
    assert list(frame.loc[1, "sources"]) == []
    assert list(pd.read_parquet(parquet / "actors.parquet")["aliases"].map(list)) == [[]] * 4


def test_dates_are_typed(filled: Store, tmp_path: Path) -> None:
    parquet = export(filled, tmp_path / "p", "parquet")
    articles = pd.read_parquet(parquet / "articles.parquet").set_index("id")
    assert str(articles["published"].dtype) == "datetime64[us, UTC]"
    assert str(articles["ingested_at"].dtype) == "datetime64[us, UTC]"
    published = articles["published"].tolist()
    assert published[0] == pd.Timestamp("2024-03-05T09:30:00Z")  # its +01:00, in UTC
    assert published[1] == pd.Timestamp("2024-03-06T00:00:00Z")  # a day alone: its midnight
    assert articles["published_text"].tolist() == ["2024-03-05T10:30:00+01:00", "2024-03-06"]
    jsonl = export(filled, tmp_path / "j", "jsonl")
    rows = [json.loads(line) for line in (jsonl / "articles.jsonl").read_text().splitlines()]
    assert [row["published"] for row in rows] == ["2024-03-05T09:30:00+00:00", "2024-03-06"]


def test_csv_has_a_byte_order_mark_and_joined_lists(filled: Store, tmp_path: Path) -> None:
    out = export(filled, tmp_path / "c", "csv")
    raw = (out / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the file as UTF-8
    articles = pd.read_csv(out / "articles.csv", encoding="utf-8-sig")
    assert articles.loc[0, "title"] == CURLY_TITLE
    assert list(articles.columns)[0] == "id"
    claims = pd.read_csv(out / "claims.csv", encoding="utf-8-sig")
    assert claims.loc[0, "sources"] == "Statistics Office"
    tones = (out / "tones.csv").read_text(encoding="utf-8-sig")
    assert tones.splitlines()[0].startswith("article_id,actor_id,actor,tone,label")


def test_empty_table_keeps_its_columns(store: Store, tmp_path: Path) -> None:
    store.save(feed_dated_ferry(), sha256="ferry")
    out = export(store, tmp_path / "p", "parquet")
    tones = pd.read_parquet(out / "tones.parquet")
    assert len(tones) == 0 and "evidence" in tones.columns


def test_store_export_reads_in_pages(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.store.exports as exports

    monkeypatch.setattr(exports, "ARTICLES_PER_READ", 1)
    assert [row["id"] for row in filled.export("articles")] == [1, 2]
    assert len(list(filled.export("figures"))) == 3
    assert isinstance(next(filled.export("articles", with_dossier=True))["dossier"], dict)


def test_span_offsets_hold(filled: Store) -> None:
    text = budget().article.text
    for quote in filled.export("quotes"):
        if quote["article_id"] == 1:
            assert text[quote["start_char"] : quote["end_char"]] == quote["text"]


def test_exports_read_dates_as_the_search_does() -> None:
    """One date reader for the store: a page's "March 3, 2017" is a date in the exports too."""
    from datetime import UTC, date, datetime

    from presslens.store.dates import typed_date

    assert typed_date("2017-03-03") == date(2017, 3, 3)
    assert typed_date("March 3, 2017") == datetime(2017, 3, 3, tzinfo=UTC)
    assert typed_date("Fri, 03 Mar 2017 12:00:00 +0100") == datetime(2017, 3, 3, 11, tzinfo=UTC)
    assert typed_date("soon") is None


def test_a_future_date_is_exported_as_undated(store: Store, tmp_path: Path) -> None:
    """As every list has it: kept as written, with no typed date (issue 18, dates)."""
    dossier = ferry()
    article = dataclasses.replace(dossier.article, published="2999-01-01")
    store.save(dataclasses.replace(dossier, article=article), sha256="future")
    rows = [
        json.loads(line)
        for line in (export(store, tmp_path / "f", "jsonl") / "articles.jsonl")
        .read_text()
        .splitlines()
    ]
    assert [(row["published"], row["published_text"]) for row in rows] == [(None, "2999-01-01")]
    assert store.articles()["items"][0]["date"] is None
