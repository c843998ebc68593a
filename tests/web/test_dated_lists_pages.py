"""Date ranges and orders on the lists made across articles (issue 18, dates), over SQLite and
PostgreSQL: /claims, /claim/{id} and /conflicts with `from`, `to` and `sort`, their JSON twins,
the undated articles a range left out said on the page, and a bad date refused with 400; then
the same on the command line (`presslens claims`, `presslens conflicts`, `presslens search`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from browsing import served_corpus
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from claim_group_fixtures import claims_article  # noqa: E402
from conflicts_fixtures import Fig, article  # noqa: E402

from presslens.cli import app  # noqa: E402
from presslens.model import Dossier  # noqa: E402
from presslens.store import open_store  # noqa: E402

SCHEMA = "presslens_web_dated_lists"
ROSE = "Unemployment rose to 5 percent in March, the Labor Department said on Friday."
JOBS = "The economy added {} jobs in August, the Labor Department said on Friday."


def jobs(text: str, value: float, published: str | None) -> Dossier:
    fig = Fig(text, "count", value, "job", period="August", concept="jobs")
    labor = {"Labor Department": "ORG"}
    return article(JOBS.format(text), [fig], actors=labor, published=published, title=text)


def articles() -> list[Dossier]:
    return [
        claims_article("April jobs", [ROSE], "2016-04-01"),
        claims_article("May jobs", [ROSE], "2016-05-02"),
        claims_article("Undated jobs", [ROSE], None),
        jobs("151,000", 151000, "2016-08-05"),
        jobs("190,000", 190000, "2016-08-06"),
    ]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from presslens.corpus import claimgroups

    claimgroups.KEPT.clear()
    folder = tmp_path_factory.mktemp("dated-lists")
    yield from served_corpus(request.param, folder, f"{SCHEMA}_{request.param}", articles())
    claimgroups.KEPT.clear()


def get(client: Any, path: str) -> Any:
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def test_claims_within_a_range(client: Any) -> None:
    whole = get(client, "/claims.json").json()
    (group,) = whole["groups"]
    assert (group["n_articles"], group["dated"], group["last"]) == (3, "2016-04-01", "2016-05-02")
    may = get(client, "/claims.json?from=2016-05&to=2016-05").json()
    assert [g["n_in_range"] for g in may["groups"]] == [1]
    assert (may["from"], may["to"], may["undated_left_out"]) == ("2016-05-01", "2016-05-31", 0)
    later = get(client, "/claims.json?from=2017").json()
    assert (later["total"], later["undated_left_out"]) == (0, 1)  # one article has no date
    html = get(client, "/claims?from=2017").text
    assert 'id="undated-left-out"' in html and "1 claim of undated articles left out" in html
    assert 'name="from" value="2017-01-01"' in html


def test_a_claim_page_within_a_range(client: Any) -> None:
    (group,) = get(client, "/claims.json").json()["groups"]
    page = get(client, f"/claim/{group['id']}.json?from=2016-05&sort=date").json()
    assert [c["title"] for c in page["claims"]] == ["May jobs"]
    assert (page["n_shown"], page["n_claims"], page["undated_left_out"]) == (1, 3, 1)
    whole = get(client, f"/claim/{group['id']}.json?sort=date").json()
    assert [c["date"] for c in whole["claims"]] == ["2016-05-02", "2016-04-01", None]
    html = get(client, f"/claim/{group['id']}?from=2016-05").text
    assert "1 of its 3 appearances published from 2016-05-01" in html
    assert "1 appearance in undated articles left out" in html
    assert f"/claim/{group['id']}.json?from=2016-05-01" in html


def test_conflicts_within_a_range_and_by_date(client: Any) -> None:
    (pair,) = get(client, "/conflicts.json").json()["conflicts"]
    assert (pair["left"]["date"], pair["right"]["date"]) == ("2016-08-05", "2016-08-06")
    # a pair is in a range when one of its articles is
    assert get(client, "/conflicts.json?from=2016-08-06&sort=date").json()["total"] == 1
    none = get(client, "/conflicts.json?from=2016-09").json()
    assert (none["total"], none["conflicts"], none["undated_left_out"]) == (0, [], 0)
    html = get(client, "/conflicts?to=2016-08-05&sort=oldest").text
    assert "the pair with the oldest article first" in html and 'class="date">2016-08-05' in html


@pytest.mark.parametrize("path", ["/claims", "/conflicts", "/search?q=jobs"])
def test_a_bad_date_is_refused(client: Any, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    page = client.get(f"{path}{joiner}from=2016-04-31")
    assert page.status_code == 400 and "from &#39;2016-04-31&#39; is no date" in page.text
    twin = path.replace("?", ".json?", 1) if "?" in path else f"{path}.json"
    answer = client.get(f"{twin}{joiner}to=2016&from=2017")
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "the date range ends (2016-12-31) before it starts (2017-01-01)"
    }


def test_search_within_a_range(client: Any) -> None:
    found = get(client, "/search.json?q=unemployment&kind=article&from=2016-04&sort=oldest").json()
    assert [hit["title"] for hit in found["results"]] == ["April jobs", "May jobs"]
    assert (found["from"], found["undated_left_out"]) == ("2016-04-01", 1)
    html = get(client, "/search?q=unemployment&kind=article&from=2016-05").text
    assert "1 result of undated articles left out by the date range." in html
    assert "from=2016-05" in html.split('id="search"')[1] or 'value="2016-05-01"' in html


runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from presslens.corpus import claimgroups

    claimgroups.KEPT.clear()
    path = tmp_path_factory.mktemp("dated-cli") / "corpus.db"
    with open_store(path) as store:
        for number, dossier in enumerate(articles()):
            store.save(dossier, sha256=f"cli-{number}")
    return str(path)


def run(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_cli_claims_and_conflicts_within_a_range(db: str) -> None:
    listing = json.loads(run("claims", "--db", db, "--json", "--from", "2016-05").stdout)
    assert [g["n_in_range"] for g in listing["groups"]] == [1]
    shown = run("claims", "--db", db, "--from", "2017")
    assert "0 claims made by several articles, made from 2017-01-01" in shown.stderr
    assert "1 claim of undated articles left out by the date range" in shown.stderr
    group = listing["groups"][0]["id"]
    page = json.loads(run("claims", group, "--db", db, "--json", "--to", "2016-04").stdout)
    assert [c["title"] for c in page["claims"]] == ["April jobs"]
    pairs = json.loads(run("conflicts", "--db", db, "-f", "json", "--sort", "date").stdout)
    assert pairs["total"] == 1 and pairs["sort"] == "date"
    text = run("conflicts", "--db", db, "--from", "2016-09")
    assert "0 pairs of figures disagree published from 2016-09-01" in text.stderr


def test_cli_search_within_a_range(db: str) -> None:
    found = run("search", "unemployment", "--db", db, "--kind", "article", "--to", "2016-04")
    assert "April jobs" in found.stdout and "May jobs" not in found.stdout
    assert "1 results published to 2016-04-30, page 1 of 1" in found.stderr
    assert "1 result of undated articles left out by the date range" in found.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["search", "jobs", "--from", "soon"],
        ["claims", "--to", "2016-13"],
        ["conflicts", "--from", "2017", "--to", "2016"],
        ["articles", "--from", "x" * 60],
        ["timeline", "Jane Smith", "--to", "yesterday"],
    ],
)
def test_cli_bad_dates_are_one_line_errors(db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()  # one line, no traceback
    assert line.startswith("presslens: error: ")
    assert "is no date: write 2017, 2017-03 or 2017-03-03" in line or "before it starts" in line
