"""The corpus in time (issue 18, dates), on SQLite and PostgreSQL: the article list newest
published first with undated articles last, date ranges, and an actor's quotes in date order
with the sentence each stands in."""

from __future__ import annotations

import re

import pytest
from corpus_articles import build, dated, said

from presslens.model import Dossier
from presslens.store import Store
from presslens.store.ranges import DateRangeError
from presslens.store.timeline import bound, holding

SMITH = "Jane Smith"


def articles() -> list[Dossier]:
    return [
        said("Spring budget", "we will cut the tax", "2017-03-03T12:00:00Z"),
        said("Winter budget", "the tax stays", "Fri, 30 Dec 2016 09:00:00 GMT"),
        said("Summer budget", "the tax was cut", "July 4, 2017"),
        said("Undated budget", "no comment on the tax", None),
        said("Future budget", "the tax is gone", "2999-01-01"),  # no key: undated
        said("Vague budget", "ask me later", "last Tuesday"),  # unreadable: undated
        dated(build("Ferry news", ["The ferry sails at dawn."]), "2017-03-10", "Jo Roe"),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    for number, dossier in enumerate(articles()):
        store.save(dossier, sha256=f"t{number}")
    return store


def titles(listing: dict) -> list[str]:
    return [item["title"] for item in listing["items"]]


def test_list_newest_published_first_undated_last(filled: Store) -> None:
    listing = filled.articles()
    assert titles(listing)[:4] == ["Summer budget", "Ferry news", "Spring budget", "Winter budget"]
    # undated ones (no date, a future one, an unreadable one) follow, newest added first
    assert titles(listing)[4:] == ["Vague budget", "Future budget", "Undated budget"]
    assert [item["date"] for item in listing["items"]][:4] == [
        "2017-07-04",
        "2017-03-10",
        "2017-03-03",
        "2016-12-30",
    ]
    assert {item["date"] for item in listing["items"][4:]} == {None}
    assert listing["items"][1]["byline"] == "Jo Roe"
    assert listing["items"][4]["published"] == "last Tuesday"  # kept as written


RANGES = [
    # (from, to, titles, range as read)
    ("2017", None, ["Summer budget", "Ferry news", "Spring budget"], ("2017-01-01", None)),
    ("2017-03", "2017-03", ["Ferry news", "Spring budget"], ("2017-03-01", "2017-03-31")),
    (None, "2017-03-03", ["Spring budget", "Winter budget"], (None, "2017-03-03")),
    ("March 4, 2017", "2017-03-10", ["Ferry news"], ("2017-03-04", "2017-03-10")),
    ("2018", None, [], ("2018-01-01", None)),
    ("", " ", None, (None, None)),  # blank bounds: no range
]


@pytest.mark.parametrize(("since", "until", "expected", "shown"), RANGES)
def test_list_within_a_date_range(
    filled: Store, since: str | None, until: str | None, expected: list[str] | None, shown: tuple
) -> None:
    listing = filled.articles(since=since, until=until)
    assert (listing["from"], listing["to"]) == shown
    if expected is None:
        assert (listing["total"], listing["undated_left_out"]) == (len(articles()), 0)
    else:
        assert (titles(listing), listing["total"]) == (expected, len(expected))
        # no date, a future one and an unreadable one: three undated articles left out, said so
        assert listing["undated_left_out"] == 3


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("soon", None, "from 'soon' is no date: write 2017, 2017-03 or 2017-03-03"),
        (None, "2017-13", "to '2017-13' is no date"),
        ("2017-06", "2017-03", "the date range ends (2017-03-31) before it starts (2017-06-01)"),
    ],
)
def test_a_bad_range_is_refused(filled: Store, since: str, until: str, message: str) -> None:
    with pytest.raises(DateRangeError, match=re.escape(message)):
        filled.articles(since=since, until=until)
    with pytest.raises(DateRangeError):
        filled.actor(SMITH, since=since, until=until)


def test_list_oldest_first_keeps_undated_last(filled: Store) -> None:
    listing = filled.articles(sort="oldest")
    assert titles(listing)[:4] == ["Winter budget", "Spring budget", "Ferry news", "Summer budget"]
    assert {item["date"] for item in listing["items"][4:]} == {None}
    assert listing["sort"] == "oldest"


def test_list_pages_do_not_overlap(filled: Store) -> None:
    pages = [filled.articles(limit=3, offset=offset) for offset in (0, 3, 6)]
    listed = [title for listing in pages for title in titles(listing)]
    assert listed == titles(filled.articles())


def test_actor_timeline_in_date_order(filled: Store) -> None:
    timeline = filled.actor(SMITH)["timeline"]
    assert timeline["total"] == 6
    quotes = timeline["quotes"]
    assert [q["title"] for q in quotes][:3] == ["Winter budget", "Spring budget", "Summer budget"]
    assert [q["date"] for q in quotes] == [
        "2016-12-30",
        "2017-03-03",
        "2017-07-04",
        None,
        None,
        None,
    ]
    first = quotes[0]
    assert first["text"] == '"the tax stays"'
    # the quote stands in the second sentence (the test's sentences start at the space before)
    assert first["sentence"] == len("The council met again.")


def test_actor_timeline_within_a_range(filled: Store) -> None:
    timeline = filled.actor("jane smith", since="2017-01-01", until="2017-06-30")["timeline"]
    assert [q["title"] for q in timeline["quotes"]] == ["Spring budget"]
    assert (timeline["from"], timeline["to"], timeline["total"]) == ("2017-01-01", "2017-06-30", 1)
    assert timeline["undated_left_out"] == 3  # the three undated articles' quotes
    assert filled.actor("Nobody Here")["timeline"] == {
        "from": None,
        "to": None,
        "sort": "oldest",
        "total": 0,
        "undated_left_out": 0,
        "quotes": [],
    }


def test_actor_timeline_newest_first(filled: Store) -> None:
    quotes = filled.actor(SMITH, sort="date")["timeline"]["quotes"]
    assert [q["date"] for q in quotes] == [
        "2017-07-04",
        "2017-03-03",
        "2016-12-30",
        None,
        None,
        None,
    ]


def test_every_list_of_the_actor_page_keeps_to_the_range(filled: Store) -> None:
    actor = filled.actor(SMITH, since="2017-03", until="2017-07")
    assert [(row["title"], row["date"]) for row in actor["articles"]] == [
        ("Spring budget", "2017-03-03"),
        ("Summer budget", "2017-07-04"),
    ]
    assert [row["date"] for row in actor["quotes"]] == ["2017-03-03", "2017-07-04"]
    assert (actor["from"], actor["to"], actor["undated_left_out"]) == (
        "2017-03-01",
        "2017-07-31",
        3,
    )
    whole = filled.actor(SMITH)
    assert (len(whole["articles"]), whole["undated_left_out"]) == (6, 0)
    assert {row["date"] for row in whole["articles"]} >= {"2016-12-30", None}


BOUNDS = [
    # (text, as a start, as an end)
    ("2017", "2017-01-01 00:00:00", "2017-12-31 23:59:59"),
    ("2016-12", "2016-12-01 00:00:00", "2016-12-31 23:59:59"),
    ("2016-02", "2016-02-01 00:00:00", "2016-02-29 23:59:59"),
    ("2017-03-03", "2017-03-03 00:00:00", "2017-03-03 23:59:59"),
    ("March 3, 2017", "2017-03-03 00:00:00", "2017-03-03 23:59:59"),
    ("2017-03-03T12:00:00Z", "2017-03-03 12:00:00", "2017-03-03 12:00:00"),
    ("2017-02-30", None, None),
    ("'; DROP TABLE articles; --", None, None),
    ("", None, None),
    (None, None, None),
]


@pytest.mark.parametrize(("text", "start", "end"), BOUNDS)
def test_bounds(text: str | None, start: str | None, end: str | None) -> None:
    assert (bound(text), bound(text, end=True)) == (start, end)


@pytest.mark.parametrize(
    ("start", "expected"),
    [(0, 0), (9, 0), (10, None), (12, 12), (30, 12), (40, None), (None, None)],
)
def test_holding_sentence(start: int | None, expected: int | None) -> None:
    assert holding([(0, 10), (12, 40)], start) == expected
