"""`presslens articles` and `presslens timeline` (issue 18, dates): the list newest published
first with --from/--to, an actor's quotes in date order, a bound that is no date refused; and
dates read at ingest (a JSON line's fields, a text's dateline) kept all the way to the list."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from corpus_articles import build
from typer.testing import CliRunner

from presslens.cli import app
from presslens.model import Dossier
from presslens.store import open_store

runner = CliRunner()
SMITH = "Jane Smith"


def said(title: str, words: str, published: str | None) -> Dossier:
    paragraph = f'The council met again. Jane Smith said "{words}" to the press.'
    dossier = build(title, [paragraph], actors={SMITH: "PERSON"}, quotes=[(SMITH, words, "direct")])
    return dataclasses.replace(
        dossier, article=dataclasses.replace(dossier.article, published=published)
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timeline-cli") / "corpus.db"
    with open_store(path) as store:
        store.save(said("Spring budget", "we cut the tax", "2017-03-03"), sha256="a")
        store.save(said("Undated budget", "no comment", None), sha256="b")
        store.save(said("Winter budget", "the tax stays", "2016-12-30T09:00:00Z"), sha256="c")
    return path


def run(*args: str) -> list[str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_articles_newest_first(db: Path) -> None:
    lines = run("articles", "--db", str(db))
    assert [line.split("  ")[0] for line in lines] == ["2017-03-03", "2016-12-30", "undated"]
    assert lines[0].endswith("Spring budget")
    dated = [
        json.loads(line) for line in run("articles", "--db", str(db), "--json", "--to", "2016")
    ]
    assert [(item["title"], item["date"]) for item in dated] == [("Winter budget", "2016-12-30")]


def test_timeline_in_date_order(db: Path) -> None:
    lines = run("timeline", SMITH, "--db", str(db))
    assert lines[0].startswith("2016-12-30  #") and lines[1] == "    [direct] the tax stays"
    assert lines[4].startswith("undated")
    found = [
        json.loads(line)
        for line in run("timeline", "jane smith", "--db", str(db), "--json", "--from", "2017-03")
    ]
    assert [q["text"] for q in found] == ["we cut the tax"]


def test_a_bound_that_is_no_date_is_refused(db: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(db), "--from", "soonish"])
    assert result.exit_code == 2
    assert "is no date" in result.output


def test_dates_read_at_ingest_reach_the_list(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "The council met on Monday and agreed the budget after a long debate in the hall."
    lines = [
        {
            "text": f"Budget agreed\n\n{body}",
            "published_at": "2017-03-03T12:00:00Z",
            "authors": ["Jane Doe"],
        },
        {"text": f"Budget queried\n\n{body} Critics objected.", "date": "2999-01-01"},
    ]
    (folder / "lines.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    (folder / "wire.txt").write_text(f"Budget spent\n\nWASHINGTON, July 4, 2017 — {body}\n")
    db = tmp_path / "corpus.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in run("articles", "--db", str(db), "--json")]
    assert [
        (item["title"], item["date"], item["published"], item["byline"]) for item in listed
    ] == [
        ("Budget spent", "2017-07-04", "July 4, 2017", None),
        ("Budget agreed", "2017-03-03", "2017-03-03T12:00:00Z", "Jane Doe"),
        ("Budget queried", None, "2999-01-01", None),  # in the future: kept, undated
    ]
