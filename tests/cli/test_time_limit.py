"""`presslens analyze --time-limit SECONDS`: the per-article time limit (Settings.analysis_seconds)
from the command line. A limit too short for the analysis still gives a dossier, exit 0, whose
warnings name each stage left out; a negative limit is a user's mistake. The spaCy model loads
before the limit starts: a limit shorter than the load once stopped it inside spaCy's loader,
which then said no model was installed (one run in ten)."""

from __future__ import annotations

import json

from test_analyze_cli import run  # tests/cli/test_analyze_cli.py: a real `presslens` process

from presslens.model import validate

ARTICLE = (
    "Harbour vote\n\nThe mayor, Jane Smith, said on Monday that the harbour would open in May. "
    '"We are ready," she told the council. Fees rose by 12% to $40 million last year.\n'
)
STAGES = ("encoder", "entities", "quotes", "figures", "sources", "claims", "tone")


def dossier_with(*args: str) -> dict:
    result = run("analyze", "-", "--format", "json", *args, stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)
    return data


def test_a_tiny_limit_gives_a_dossier_naming_the_stages_left_out() -> None:
    data = dossier_with("--time-limit", "0.001")
    assert data["article"]["title"] == "Harbour vote"
    assert data["settings"]["analysis_seconds"] == 0.001
    skipped = {w["stage"] for w in data["warnings"] if "time limit of 0.001 s" in w["message"]}
    assert skipped == set(STAGES)
    [parse] = [w["message"] for w in data["warnings"] if w["stage"] == "parse"]
    assert parse.startswith("only the first 0 of ") and "time limit" in parse
    assert data["quotes"] == [] and data["figures"] == [] and data["actors"] == []


def test_no_limit_analyses_the_whole_article_without_time_warnings() -> None:
    data = dossier_with("--time-limit", "0")
    assert data["settings"]["analysis_seconds"] == 0
    assert not [w for w in data["warnings"] if "time limit" in w["message"]]
    assert data["quotes"] and data["figures"]


def test_the_limit_shows_in_the_markdown_warnings() -> None:
    result = run("analyze", "-", "--time-limit", "0.001", stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "- quotes: skipped: the article's time limit of 0.001 s had run out" in out


def test_a_negative_limit_is_refused() -> None:
    result = run("analyze", "-", "--time-limit", "-1", stdin=ARTICLE.encode())
    assert result.returncode == 2
    assert b"--time-limit must be 0 (no limit) or a positive number" in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout == b""
