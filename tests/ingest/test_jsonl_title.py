"""A JSON line's `title` field (issue 18, dates): the article's title whether or not the text
repeats it, the text's first paragraph kept when it does not, a title that is no text ignored;
the content key still the text's alone, so a corpus ingested before keeps its keys and a rerun
adds nothing twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.ingest.identity import content_key
from presslens.ingest.sources import iter_documents, load_document
from presslens.model import Article
from presslens.store import open_store

BODY = "The council met on Monday and agreed the budget for next year after a long debate."
LATER = "Its members will meet again in the spring to see how the money has been spent so far."
TITLE = "Council agrees the budget"


def read_one(tmp_path: Path, record: dict) -> Article:
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [document] = iter_documents([str(path)])
    return load_document(document)


CASES = [
    # (fields, title, the text starts with)
    ({"title": TITLE, "text": f"{BODY}\n\n{LATER}"}, TITLE, BODY),  # the text holds no title
    ({"title": TITLE, "text": f"{TITLE}\n\n{BODY}\n\n{LATER}"}, TITLE, BODY),  # read once
    ({"title": TITLE, "text": f"COUNCIL AGREES THE BUDGET.\n\n{BODY}"}, TITLE, BODY),
    ({"title": f"  {TITLE}\n ", "text": f"{BODY}\n\n{LATER}"}, TITLE, BODY),
    # a lead the text route would take for a headline stays the body's first paragraph
    ({"title": TITLE, "text": f"Budget agreed.\n\n{BODY} {LATER}"}, TITLE, "Budget agreed."),
    # no title field, or one that is no text: the text's first line, as before
    ({"text": f"{TITLE}\n\n{BODY}"}, TITLE, BODY),
    ({"title": 12, "text": f"{TITLE}\n\n{BODY}"}, TITLE, BODY),
    ({"title": ["a", "b"], "text": f"{TITLE}\n\n{BODY}"}, TITLE, BODY),
    ({"title": " ", "text": f"{TITLE}\n\n{BODY}"}, TITLE, BODY),
    ({"title": "x" * 5000, "text": f"{TITLE}\n\n{BODY}"}, TITLE, BODY),
    # a page's own title gives way to the field's
    (
        {
            "title": TITLE,
            "html": f"<html><head><title>Home | Gazette</title></head><body><article>"
            f"<p>{BODY}</p><p>{LATER}</p></article></body></html>",
        },
        TITLE,
        BODY,
    ),
    # markup in a title is text
    ({"title": "Budget <script>x()</script>", "text": BODY}, "Budget <script>x()</script>", BODY),
]


@pytest.mark.parametrize(("fields", "title", "start"), CASES)
def test_a_json_line_title(tmp_path: Path, fields: dict, title: str, start: str) -> None:
    article = read_one(tmp_path, fields)
    assert article.title == title
    assert article.text.startswith(start)
    assert not [w for w in article.warnings if "no title line" in w.message]


def test_the_title_leaves_the_content_key_alone(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    text = f"{BODY}\n\n{LATER}"
    path.write_text(json.dumps({"title": TITLE, "text": text}) + "\n", encoding="utf-8")
    [document] = iter_documents([str(path)])
    assert content_key(document.data or b"") == content_key(text.encode("utf-8"))


def test_a_rerun_adds_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = [
        {"title": TITLE, "text": f"{BODY}\n\n{LATER}", "date": "2017-03-03"},
        {"title": "Ferry sails again", "text": f"{LATER}\n\n{BODY} The ferry sails."},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = str(tmp_path / "corpus.db")
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(path), "--db", db, "-q"])
        assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        titles = [item["title"] for item in store.articles()["items"]]
    assert titles == [TITLE, "Ferry sails again"]
