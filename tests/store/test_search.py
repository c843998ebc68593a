"""Search on SQLite and PostgreSQL alike (see conftest.py): each operator of the query language,
the any-word offer, pages, date order, highlights, hostile queries, and store locations."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from corpus_articles import build, corpus
from typer.testing import CliRunner

from presslens.cli import app
from presslens.model import Dossier
from presslens.store import Store, open_store, store_location
from presslens.store.dates import date_key
from presslens.store.ranges import DateRangeError

PLAN = "Clinton health plan"
TRADE = "Clinton trade speech"
BUDGET = "Health budget rises"
HARBOUR = "Harbour reopens"


def dated(dossier: Dossier, published: str | None) -> Dossier:
    return dataclasses.replace(
        dossier, article=dataclasses.replace(dossier.article, published=published)
    )


def articles() -> list[Dossier]:
    return [
        dated(
            build(PLAN, ["Clinton spoke about health care costs in Ohio on Monday."]),
            "2016-03-01T09:00:00Z",
        ),
        dated(
            build(TRADE, ["Clinton spoke about trade with Canada and the cost of steel."]),
            "Tue, 05 Apr 2016 10:00:00 +0000",  # RFC 822, as feeds write it
        ),
        dated(build(BUDGET, ["The health budget rose again, the ministry said."]), "2015-12-24"),
        dated(
            build(
                HARBOUR,
                ["A well-known harbour in the U.S. reopened, O'Brien said of the care taken."],
                quotes=[("O'Brien", "the care taken", "indirect")],
            ),
            None,  # no published date: sorted by the day it was added (today)
        ),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    for number, dossier in enumerate(articles()):
        store.save(dossier, sha256=f"s{number}")
    return store


def titles(store: Store, query: str, **options: str) -> set[str]:
    return {hit["title"] for hit in store.search(query, match="all", **options)}


OPERATORS = [
    # (query, the titles found when every term must match)
    ("clinton", {PLAN, TRADE}),
    ("clinton health", {PLAN}),  # every word, never any
    ("CLINTON Costs", {PLAN, TRADE}),  # any case; stemmed ("costs" finds "cost")
    ('"health care"', {PLAN}),
    ('"care health"', set()),  # a phrase keeps its order
    ("trade OR budget", {TRADE, BUDGET}),
    ("clinton trade OR ohio", {PLAN, TRADE}),
    ("spoke OR nothing OR budget", {PLAN, TRADE, BUDGET}),
    ("clinton -health", {TRADE}),  # the example
    ('clinton -"health care"', {TRADE}),
    ('health -"health care"', {BUDGET}),
    ('care -"care costs"', {HARBOUR}),
    ('care -"costs care"', {PLAN, HARBOUR}),  # the phrase, not its words
    ("well-known", {HARBOUR}),
    ('"well known"', {HARBOUR}),
    ("O'Brien", {HARBOUR}),
    ("U.S.", {HARBOUR}),
    ("the budget of the ministry", {BUDGET}),  # common words left out on both
    ("-budget", {BUDGET}),  # exclusions only: searched as words
    ("clinton budget", set()),
]


@pytest.mark.parametrize(("query", "expected"), OPERATORS)
def test_operator(filled: Store, query: str, expected: set[str]) -> None:
    assert titles(filled, query) == expected


def test_no_result_with_every_word_offers_any_word(filled: Store) -> None:
    strict = filled.find("clinton budget", match="all")
    assert (strict["total"], strict["match"]) == (0, "all")
    offered = filled.find("clinton budget")
    assert offered["match"] == "any"
    assert {hit["title"] for hit in offered["results"]} == {PLAN, TRADE, BUDGET}
    assert {hit["match"] for hit in filled.search("clinton budget")} == {"any"}
    still_excluded = filled.find("clinton budget -trade")
    assert {hit["title"] for hit in still_excluded["results"]} == {PLAN, BUDGET}
    found = filled.find("clinton health")
    assert (found["match"], found["total"]) == ("all", 1)


def test_filters_narrow_the_query(filled: Store) -> None:
    assert titles(filled, "care", kind="quote") == {HARBOUR}
    assert titles(filled, "care", speaker="o'brien") == {HARBOUR}
    assert titles(filled, "", speaker="o'brien") == {HARBOUR}
    assert titles(filled, "care -taken", kind="quote") == set()


def test_pages_cover_every_hit_once(filled: Store) -> None:
    everything = filled.search_page("said OR spoke", per_page=100)
    assert everything["total"] == 4 and everything["pages"] == 1
    seen = []
    for number in (1, 2, 3, 4):
        one = filled.search_page("said OR spoke", page=number, per_page=1)
        assert (one["total"], one["pages"], one["page"]) == (4, 4, number)
        seen += [(hit["article_id"], hit["kind"], hit["ref"]) for hit in one["results"]]
    assert len(seen) == len(set(seen)) == 4
    ranked = [(h["article_id"], h["kind"], h["ref"]) for h in everything["results"]]
    assert seen == ranked


@pytest.mark.parametrize("number", [5, 10**6, 10**12])
def test_page_past_the_last(filled: Store, number: int) -> None:
    found = filled.search_page("said OR spoke", page=number, per_page=2)
    assert (found["results"], found["total"], found["pages"], found["page"]) == ([], 4, 2, number)


@pytest.mark.parametrize(("page", "per_page", "expected"), [(0, 2, (1, 2)), (-3, 0, (1, 1))])
def test_page_numbers_are_bounded(filled: Store, page: int, per_page: int, expected: tuple) -> None:
    found = filled.search_page("said OR spoke", page=page, per_page=per_page)
    assert (found["page"], found["per_page"]) == expected
    assert len(found["results"]) == expected[1]


def test_date_order(filled: Store) -> None:
    # the undated article comes last in both orders, never dated by the day it was added
    newest = filled.search("said OR spoke", kind="article", sort="date")
    assert [hit["title"] for hit in newest] == [TRADE, PLAN, BUDGET, HARBOUR]
    assert newest[-1]["date"] is None
    oldest = [hit["title"] for hit in filled.search("said OR spoke", kind="article", sort="oldest")]
    assert oldest == [BUDGET, PLAN, TRADE, HARBOUR]
    [trade] = filled.search("trade", sort="date")
    assert trade["date"] == "2016-04-05"


SEARCH_RANGES = [
    # (from, to, titles newest first, range as read, undated left out)
    ("2016", None, [TRADE, PLAN], ("2016-01-01", None), 1),
    ("2016-03-01", "2016-03-31", [PLAN], ("2016-03-01", "2016-03-31"), 1),
    (None, "March 1, 2016", [PLAN, BUDGET], (None, "2016-03-01"), 1),
    ("2020", None, [], ("2020-01-01", None), 1),
    (None, None, [TRADE, PLAN, BUDGET, HARBOUR], (None, None), 0),
]


@pytest.mark.parametrize(("since", "until", "expected", "shown", "undated"), SEARCH_RANGES)
def test_search_within_a_date_range(
    filled: Store,
    since: str | None,
    until: str | None,
    expected: list[str],
    shown: tuple,
    undated: int,
) -> None:
    found = filled.find("said OR spoke", kind="article", sort="date", since=since, until=until)
    assert [hit["title"] for hit in found["results"]] == expected
    assert (found["from"], found["to"], found["total"]) == (*shown, len(expected))
    assert found["undated_left_out"] == undated


def test_search_range_with_other_filters(filled: Store) -> None:
    found = filled.find("care", speaker="O'Brien", since="2016")
    assert (found["total"], found["undated_left_out"]) == (0, 1)  # O'Brien's article is undated
    assert filled.find("care", speaker="O'Brien")["total"] == 1
    page = filled.search_page("clinton", since="2016-04", until="2016-04", per_page=1)
    assert [hit["title"] for hit in page["results"]] == [TRADE]
    assert (page["pages"], page["undated_left_out"]) == (1, 0)


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("soonish", None, "from 'soonish' is no date"),
        (None, "2017-13", "to '2017-13' is no date"),
        ("2017-02-30", None, "is no date"),
        ("2018", "2017", "ends (2017-12-31) before it starts (2018-01-01)"),
        ("x" * 500, None, "is no date"),
    ],
)
def test_a_bad_date_is_refused(filled: Store, since: str, until: str, message: str) -> None:
    with pytest.raises(DateRangeError, match=re.escape(message)):
        filled.find("clinton", since=since, until=until)


DATES = [
    # (published, added, key)
    ("2016-03-01T09:00:00Z", "2024-01-01T00:00:00+00:00", "2016-03-01 09:00:00"),
    ("2016-03-01T11:00:00+02:00", None, "2016-03-01 09:00:00"),
    ("Tue, 05 Apr 2016 10:00:00 +0000", None, "2016-04-05 10:00:00"),
    ("March 3, 2017", None, "2017-03-03 00:00:00"),
    ("3 March 2017", None, "2017-03-03 00:00:00"),
    ("last Tuesday", "2024-01-01T00:00:00+00:00", "2024-01-01 00:00:00"),
    (None, "2024-01-01T00:00:00+00:00", "2024-01-01 00:00:00"),
    ("0001-01-01", None, None),
    (None, None, None),
]


@pytest.mark.parametrize(("published", "added", "key"), DATES)
def test_date_key(published: str | None, added: str | None, key: str | None) -> None:
    assert date_key(published, added) == key


def test_highlights_mark_the_matched_words(filled: Store) -> None:
    [hit] = filled.search('"health care" costs', kind="article")
    marked = [hit["snippet"][a:b] for a, b in hit["highlights"]]
    assert marked == ["health care costs"]  # marks side by side are one
    [quote] = filled.search("care", kind="quote")
    assert [quote["snippet"][a:b] for a, b in quote["highlights"]] == ["care"]
    [plan] = filled.search("clinton OR ohio -trade", kind="article", match="all")
    assert [plan["snippet"][a:b] for a, b in plan["highlights"]] == ["Clinton", "Ohio"]


def test_snippet_window_on_a_long_text(store: Store) -> None:
    filler = " ".join(["words"] * 200)
    store.save(build("Long", [f"{filler} the harbour tax {filler} harbour"]), sha256="long")
    [hit] = store.search("harbour tax")
    assert hit["snippet"].startswith("…") and hit["snippet"].endswith("…")
    assert len(hit["snippet"]) <= 250
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["harbour tax"]


HOSTILE = [
    '"',
    '""',
    '"unbalanced phrase',
    "-",
    "- -",
    '-"',
    "--taxes",
    "OR",
    "OR OR OR",
    "clinton OR",
    "NEAR(clinton health, 2)",
    "clinton*",
    "body:clinton",
    "(clinton",
    "clinton)",
    "{clinton}",
    "^clinton",
    "clinton\x00health",
    "clinton \ud800 health",
    "'; DROP TABLE articles; --",
    "clinton & !health | <-> :* \\",
    "\\",
    "''",
    "%_%",
    "clinton " * 300,
    "\u202e\u200b\ufeff",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_is_text(filled: Store, query: str) -> None:
    before = filled.counts()
    found = filled.search_page(query, page=2, per_page=1)
    assert found["total"] >= len(found["results"])
    for option in ("speaker", "actor", "source"):
        filled.search(query, **{option: query})
    assert filled.counts() == before


def test_random_queries_never_fail(filled: Store) -> None:
    rng = random.Random(11)
    pieces = ['"', "-", " ", "OR", "clinton", "health", "(", ")", "*", ":", "NEAR", "\\", "'"]
    for _ in range(150):
        query = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        filled.search_page(query, sort=rng.choice(["relevance", "date"]))


AGREEMENT = [query for query, _ in OPERATORS] + [
    "clinton budget",
    "clinton budget -trade",
    "said",
    "cost",
    "care taken",
    "spoke -about",
]


def test_both_backends_agree(postgres_url: str, tmp_path: Path) -> None:
    found = {}
    for name, url in (("sqlite", str(tmp_path / "c.db")), ("postgres", postgres_url)):
        with open_store(url) as store:
            store.run("DELETE FROM articles")  # and, by cascade, what derives from them
            for number, dossier in enumerate(articles() + corpus()):
                store.save(dossier, sha256=f"s{number}")
            found[name] = {
                query: sorted((h["kind"], h["title"]) for h in store.search(query, limit=50))
                for query in AGREEMENT
            }
    assert found["sqlite"] == found["postgres"]


def test_stores_before_date_keys_get_them(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save(articles()[0], sha256="a")
        store.run("DROP INDEX articles_date_key")
        store.run("ALTER TABLE articles DROP COLUMN date_key")
    with open_store(store_url) as store:
        [hit] = store.search("ohio", sort="date")
        assert hit["date"] == "2016-03-01"


# --- store locations ---------------------------------------------------------------------------


def test_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///relative.db") as store:
        store.save(articles()[0], sha256="a")
    assert (tmp_path / "relative.db").is_file()
    with open_store(f"sqlite:///{tmp_path}/relative.db") as store:  # four slashes: absolute
        assert store.counts()["articles"] == 1
    monkeypatch.setenv("PRESSLENS_DB", f"sqlite:///{tmp_path}/relative.db")
    with open_store() as store:
        assert store.counts()["articles"] == 1


LOCATIONS = [
    ("corpus.db", ("sqlite", "corpus.db")),
    ("sqlite:///corpus.db", ("sqlite", "corpus.db")),
    ("sqlite:////srv/corpus.db", ("sqlite", "/srv/corpus.db")),
    ("SQLITE:///my%20corpus.db", ("sqlite", "my corpus.db")),
    ("sqlite://", ("sqlite", ":memory:")),
    ("postgresql://u@h/db", ("postgres", "postgresql://u@h/db")),
    ("postgres://u@h/db", ("postgres", "postgresql://u@h/db")),
    ("postgresql+psycopg://u@h/db", ("postgres", "postgresql://u@h/db")),
]


@pytest.mark.parametrize(("location", "expected"), LOCATIONS)
def test_store_location(location: str, expected: tuple[str, str]) -> None:
    assert store_location(location) == expected


@pytest.mark.parametrize("location", ["mysql://u:secret@h/db", "sqlite://host/corpus.db"])
def test_other_urls_are_refused_clearly(location: str) -> None:
    from presslens.errors import PresslensError

    with pytest.raises(PresslensError) as refused:
        open_store(location)
    assert "secret" not in str(refused.value) and "sqlite:///" in str(refused.value)


def test_cli_search_with_a_sqlite_url(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        for number, dossier in enumerate(articles()):
            store.save(dossier, sha256=f"s{number}")
    runner = CliRunner()
    result = runner.invoke(app, ["search", "clinton -health", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 0, result.output
    assert TRADE in result.stdout and PLAN not in result.stdout
    result = runner.invoke(app, ["search", "clinton budget", "--db", f"sqlite:///{db}"])
    assert "no result has every term" in result.stderr
    result = runner.invoke(
        app,
        ["search", "said OR spoke", "--db", str(db), "-n", "1", "--page", "2", "--sort", "date"],
    )
    assert result.exit_code == 0 and "page 2 of 4" in result.stderr
    assert PLAN in result.stdout


def test_text_holding_the_markers_gets_no_false_marks(store: Store) -> None:
    store.save(build("Marker", ["The tax \x01 rose \x02 and the tax fell."]), sha256="m")
    [hit] = store.search("tax rose")
    assert "\x01" in hit["snippet"] and hit["highlights"] == []
