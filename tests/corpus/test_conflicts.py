"""Numbers that disagree: stored hand-written articles whose figures truly disagree, differ only
by rounding, bounds or ranges, or are about other things (a change beside a level, another
period, unit, pollster or place); on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from conflicts_fixtures import Fig, article, conflict_store, conflicts_postgres_url, save_all
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus.conflicts import find_conflicts
from presslens.corpus.values import Reading, value_interval, written_step

__all__ = ["conflict_store", "conflicts_postgres_url"]  # fixtures used by name

JOBS = "The economy added {} jobs in August, the Labor Department said on Friday."
LABOR = {"Labor Department": "ORG"}


def jobs(text: str, value: float, bound: str = "exact", **extra: object) -> object:
    fig = Fig(text, "count", value, "job", bound=bound, period="August", concept="jobs")
    return article(JOBS.format(text), [fig], actors=LABOR, **extra)  # type: ignore[arg-type]


def poll(sentence: str, figures: list[Fig], **extra: object) -> object:
    actors = {"Clinton": "PERSON", "Trump": "PERSON", **extra.pop("more_actors", {})}  # type: ignore[dict-item]
    return article(sentence, figures, actors=actors, **extra)  # type: ignore[arg-type]


def pct(text: str, value: float, **extra: object) -> Fig:
    return Fig(text, "percent", value, "percent", **extra)  # type: ignore[arg-type]


CASES = [
    # (what, two articles, number of conflicts expected)
    ("true disagreement", [jobs("151,000", 151000), jobs("190,000", 190000)], 1),
    ("same number", [jobs("151,000", 151000), jobs("151,000", 151000)], 0),
    ("rounded", [jobs("150,000", 150000), jobs("151,000", 151000)], 0),
    ("about", [jobs("about 3 million", 3e6, "approx"), jobs("2.96 million", 2.96e6)], 0),
    ("words vs digits", [jobs("three million", 3e6), jobs("2.96 million", 2.96e6)], 0),
    ("more than", [jobs("more than 150,000", 150000, "over"), jobs("161,000", 161000)], 0),
    ("more than, below", [jobs("more than 150,000", 150000, "over"), jobs("120,000", 120000)], 1),
    ("fewer than", [jobs("fewer than 150,000", 150000, "under"), jobs("120,000", 120000)], 0),
    ("a third more", [jobs("151,000", 151000), jobs("210,000", 210000)], 1),
    ("twice as many: two measures", [jobs("151,000", 151000), jobs("302,000", 302000)], 0),
]


@pytest.mark.parametrize(("what", "dossiers", "expected"), CASES, ids=[c[0] for c in CASES])
def test_jobs_figures(conflict_store, what: str, dossiers: list, expected: int) -> None:
    save_all(conflict_store, dossiers)
    assert len(find_conflicts(conflict_store, min_score=0.0)) == expected, what


def test_true_disagreement_is_shown_with_both_sides(conflict_store) -> None:
    first, second = save_all(
        conflict_store,
        [jobs("151,000", 151000, published="2016-09-02"), jobs("190,000", 190000)],
    )
    (conflict,) = find_conflicts(conflict_store)
    assert {conflict.left.article_id, conflict.right.article_id} == {first, second}
    assert {conflict.left.text, conflict.right.text} == {"151,000", "190,000"}
    assert conflict.left.sentence == JOBS.format(conflict.left.text)
    assert conflict.left.published.isoformat() == "2016-08-05"  # the earlier article first
    assert "job" in conflict.shared
    assert conflict.score > 0.6


def test_named_periods_must_match(conflict_store) -> None:
    july = article(
        "The economy added 255,000 jobs in July, the Labor Department said on Friday.",
        [Fig("255,000", "count", 255000, "job", period="July", concept="jobs")],
        actors=LABOR,
    )
    save_all(conflict_store, [jobs("151,000", 151000), july])
    assert find_conflicts(conflict_store, min_score=0.0) == []


def test_far_apart_in_time_without_period(conflict_store) -> None:
    text = "Donors gave the Clinton campaign {} last month, its staff said."
    dossiers = [
        article(
            text.format(v), [Fig(v, "money", n, "USD")], actors={"Clinton": "PERSON"}, published=d
        )
        for v, n, d in (("$90 million", 9e7, "2016-08-01"), ("$60 million", 6e7, "2016-10-01"))
    ]
    save_all(conflict_store, dossiers)
    assert find_conflicts(conflict_store, min_score=0.0) == []


RANGE = "Between {} people were hurt in the Dayton storm, the Red Cross said."


def hurt(text: str, fig: Fig) -> object:
    return article(RANGE.format(text), [fig], actors={"Red Cross": "ORG"})


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (Fig("60", "count", 60, "people", concept="people"), 0),
        (Fig("90", "count", 90, "people", concept="people"), 1),
    ],
)
def test_ranges_are_overlap_checked(conflict_store, other: Fig, expected: int) -> None:
    ranged = Fig("50 and 70", "count", None, "people", "range", low=50, high=70, concept="people")
    save_all(conflict_store, [hurt("50 and 70", ranged), hurt(other.text, other)])
    assert len(find_conflicts(conflict_store, min_score=0.0)) == expected


def test_change_is_never_compared_with_a_level(conflict_store) -> None:
    sentence = "Unemployment among young workers {} in July, the Labor Department said."
    level = article(
        sentence.format("stood at 4.9%"),
        [pct("4.9%", 4.9, period="July", concept="Unemployment")],
        actors=LABOR,
    )
    change = article(
        sentence.format("rose by 0.3%"),
        [pct("0.3%", 0.3, change="up", period="July", concept="Unemployment")],
        actors=LABOR,
    )
    save_all(conflict_store, [level, change])
    assert find_conflicts(conflict_store, min_score=0.0) == []


def test_a_rise_and_a_fall_disagree(conflict_store) -> None:
    sentence = "Unemployment {} 0.3% in July, the Labor Department said."
    rise, fall = (
        article(
            sentence.format(verb),
            [pct("0.3%", 0.3, change=change, period="July", concept="Unemployment")],
            actors=LABOR,
        )
        for verb, change in (("rose", "up"), ("fell", "down"))
    )
    save_all(conflict_store, [rise, fall])
    assert len(find_conflicts(conflict_store, min_score=0.0)) == 1


def test_different_units_are_different_things(conflict_store) -> None:
    sentence = "The Clinton campaign raised {} in July from small donors, aides said."
    dollars = article(
        sentence.format("$90 million"),
        [Fig("$90 million", "money", 9e7, "USD", period="July")],
        actors={"Clinton": "PERSON"},
    )
    euros = article(
        sentence.format("€70 million"),
        [Fig("€70 million", "money", 7e7, "EUR", period="July")],
        actors={"Clinton": "PERSON"},
    )
    save_all(conflict_store, [dollars, euros])
    assert find_conflicts(conflict_store, min_score=0.0) == []


def test_two_pollsters_are_two_polls(conflict_store) -> None:
    sentence = "Clinton leads Trump {} to 41 percent in the new {} poll of likely voters."
    dossiers = [
        poll(
            sentence.format(f"{value} percent", who),
            [pct(f"{value} percent", value, concept="Clinton")],
            sources={f"{who} poll": "poll"},
        )
        for value, who in ((46, "Quinnipiac"), (44, "Monmouth"))
    ]
    save_all(conflict_store, dossiers)
    assert find_conflicts(conflict_store, min_score=0.0) == []


def test_same_pollster_disagreeing_is_shown(conflict_store) -> None:
    sentence = "Clinton leads Trump {} to 41 percent in the new Quinnipiac poll of likely voters."
    dossiers = [
        poll(
            sentence.format(f"{value} percent"),
            [pct(f"{value} percent", value, concept="Clinton")],
            sources={"Quinnipiac poll": "poll"},
        )
        for value in (46, 49)
    ]
    save_all(conflict_store, dossiers)
    (conflict,) = find_conflicts(conflict_store)
    assert conflict.left.sources == ("Quinnipiac poll",)


@pytest.mark.parametrize(("places", "expected"), [(("Ohio", "Florida"), 0), (("Ohio", "Ohio"), 1)])
def test_two_states_are_two_polls(conflict_store, places: tuple[str, str], expected: int) -> None:
    sentence = "Clinton leads Trump by {} to 41 percent among likely voters in {}."
    dossiers = [
        poll(
            sentence.format(f"{value} percent", place),
            [pct(f"{value} percent", value, concept="Clinton")],
            more_actors={place: "GPE"},
        )
        for value, place in zip((46, 40), places, strict=True)
    ]
    save_all(conflict_store, dossiers)
    assert len(find_conflicts(conflict_store, min_score=0.0)) == expected


def test_figures_are_matched_one_to_one(conflict_store) -> None:
    """46-41 beside 46-44: the 46s agree, so 41 vs 44 is the one disagreement (never 46 vs
    44 or 41 vs 46)."""
    sentence = "Clinton leads Trump {} to {} in the new Quinnipiac poll of likely voters."
    dossiers = [
        poll(
            sentence.format("46 percent", f"{trump} percent"),
            [
                pct("46 percent", 46, concept="Clinton"),
                pct(f"{trump} percent", trump, concept="Clinton"),
            ],
            sources={"Quinnipiac poll": "poll"},
        )
        for trump in (41, 44)
    ]
    save_all(conflict_store, dossiers)
    found = find_conflicts(conflict_store, min_score=0.0)
    assert [{c.left.value, c.right.value} for c in found] == [{41.0, 44.0}]


def test_figures_of_one_article_are_not_compared(conflict_store) -> None:
    both = article(
        "The economy added 151,000 jobs in August. The economy added 190,000 jobs in August.",
        [
            Fig("151,000", "count", 151000, "job", period="August", concept="jobs"),
            Fig("190,000", "count", 190000, "job", period="August", concept="jobs"),
        ],
    )
    save_all(conflict_store, [both])
    assert find_conflicts(conflict_store, min_score=0.0) == []


def test_lexical_overlap_stands_in_for_the_encoder(conflict_store, monkeypatch) -> None:
    from presslens.nlp import encoder

    monkeypatch.setattr(encoder, "available", lambda: False)
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    (conflict,) = find_conflicts(conflict_store, min_score=0.0)
    assert conflict.similarity == pytest.approx(1.0)


def test_ranking_puts_the_closer_story_first(conflict_store) -> None:
    loose = article(
        "Some 300,000 jobs were lost across the region in August as factories closed.",
        [Fig("300,000", "count", 300000, "job", period="August", concept="jobs")],
        actors=LABOR,
    )
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000), loose])
    found = find_conflicts(conflict_store, min_score=0.0)
    assert {found[0].left.value, found[0].right.value} == {151000.0, 190000.0}
    assert found == sorted(found, key=lambda c: -c.score)
    assert len(find_conflicts(conflict_store, top=1, min_score=0.0)) == 1


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        ("2.96 million", 2.96e6, 1e4),
        ("151,000", 151000, 1000),
        ("150,000", 150000, 10000),
        ("3 million", 3e6, 1e6),
        ("40 percent", 40, 1),
        ("three million", 3e6, 1e6),
        ("4.9%", 4.9, 0.1),
    ],
)
def test_written_step(text: str, value: float, step: float) -> None:
    assert written_step(text, value) == pytest.approx(step)


def test_nearly_fifty_meets_forty_nine_point_six() -> None:
    nearly = Reading(
        1,
        "f1",
        "nearly 50%",
        50.0,
        None,
        None,
        "percent",
        "percent",
        "approx",
        None,
        None,
        None,
        0,
        5,
    )
    low, high = value_interval(nearly)
    assert low <= 49.6 <= high


def test_cli_lists_conflicts_as_text_and_json(conflict_store, tmp_path) -> None:
    if conflict_store.dialect != "sqlite":
        pytest.skip("the command is the same on both stores; the store itself is tested above")
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    location = conflict_store.url or str(tmp_path / "conflicts.db")
    runner = CliRunner()
    shown = runner.invoke(app, ["conflicts", "--db", location])
    assert shown.exit_code == 0, shown.output
    assert "[151,000]" in shown.output and "[190,000]" in shown.output
    as_json = runner.invoke(app, ["conflicts", "--db", location, "-f", "json", "--top", "5"])
    document = json.loads(as_json.stdout)
    assert document["total"] == 1
    assert {document["conflicts"][0][side]["text"] for side in ("left", "right")} == {
        "151,000",
        "190,000",
    }


def test_two_polls_with_nothing_in_common_but_the_subject(conflict_store) -> None:
    """No named source, no named period and sentences that do not retell each other: two
    measurements of one kind, not one measurement reported two ways."""
    dossiers = [
        poll(
            "Clinton won 46 percent of young voters in the spring, the campaign recalled.",
            [pct("46 percent", 46, concept="voters")],
        ),
        poll(
            "A survey of suburban voters put support for Clinton at 40 percent.",
            [pct("40 percent", 40, concept="voters")],
        ),
    ]
    save_all(conflict_store, dossiers)
    assert find_conflicts(conflict_store, min_score=0.0) == []


def test_now_in_two_articles_months_apart_is_not_one_time(conflict_store) -> None:
    sentence = "Clinton now has {} delegates, the Associated Press count shows."
    dossiers = [
        article(
            sentence.format(text),
            [Fig(text, "count", value, "delegate", period="now", concept="delegates")],
            actors={"Clinton": "PERSON"},
            sources={"Associated Press": "media"},
            published=day,
        )
        for text, value, day in (("1,200", 1200, "2016-03-01"), ("1,700", 1700, "2016-05-01"))
    ]
    save_all(conflict_store, dossiers)
    assert find_conflicts(conflict_store, min_score=0.0) == []
