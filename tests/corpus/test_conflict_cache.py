"""The list of numbers that disagree is kept in the store and read back while the set of
articles (and the finder's code) is unchanged; a new article, or new rules, compute it again.
On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conflicts_fixtures import Fig, article, conflict_store, conflicts_postgres_url, save_all

from presslens.corpus import conflict_cache, conflicts
from presslens.corpus.conflicts import Conflict, find_conflicts

__all__ = ["conflict_store", "conflicts_postgres_url"]  # fixtures used by name

JOBS = "The economy added {} jobs in August, the Labor Department said on Friday."


def jobs(text: str, value: float, published: str = "2016-09-02") -> object:
    fig = Fig(text, "count", value, "job", period="August", concept="jobs")
    return article(
        JOBS.format(text), [fig], actors={"Labor Department": "ORG"}, published=published
    )


def forbid_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    def computed(*args: object, **kwargs: object) -> list:
        raise AssertionError("the list was computed again")

    monkeypatch.setattr(conflicts, "rank_conflicts", computed)


def test_the_list_is_read_back_while_the_articles_are_the_same(conflict_store, monkeypatch):
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    first = find_conflicts(conflict_store)
    assert len(first) == 1
    forbid_computing(monkeypatch)
    again = find_conflicts(conflict_store)
    assert [c.to_dict() for c in again] == [c.to_dict() for c in first]
    assert find_conflicts(conflict_store, top=0) == []


def test_a_new_article_computes_the_list_again(conflict_store) -> None:
    save_all(conflict_store, [jobs("151,000", 151000), jobs("151,000", 151000, "2016-09-03")])
    assert find_conflicts(conflict_store) == []
    conflict_store.save(jobs("190,000", 190000, "2016-09-04"), sha256="a-later-article")
    assert {c.right.text for c in find_conflicts(conflict_store)} == {"190,000"}


def test_new_rules_compute_the_list_again(conflict_store, monkeypatch) -> None:
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    find_conflicts(conflict_store)
    monkeypatch.setattr(conflict_cache, "finder_version", lambda: "other rules")
    monkeypatch.setattr(conflicts, "rank_conflicts", lambda readings, **options: [])
    assert find_conflicts(conflict_store) == []


def test_another_minimum_score_is_never_read_from_the_store(conflict_store, monkeypatch):
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    find_conflicts(conflict_store)
    forbid_computing(monkeypatch)
    with pytest.raises(AssertionError, match="computed again"):
        find_conflicts(conflict_store, min_score=0.0)


def test_a_stored_conflict_reads_back_as_it_was_written(conflict_store) -> None:
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    (conflict,) = find_conflicts(conflict_store)
    data = conflict.to_dict()
    again = Conflict.from_dict(data)
    assert again.to_dict() == data
    assert again.left.published == conflict.left.published
    assert again.left.sentence == JOBS.format(again.left.text)


def test_a_damaged_stored_list_is_computed_again(conflict_store) -> None:
    save_all(conflict_store, [jobs("151,000", 151000), jobs("190,000", 190000)])
    find_conflicts(conflict_store)
    with conflict_store.transaction():
        conflict_store.run("UPDATE meta SET value = ? WHERE key = ?", ("{not json", "conflicts"))
    assert len(find_conflicts(conflict_store)) == 1


def test_a_long_list_is_read_back_whole(conflict_store, monkeypatch) -> None:
    """Past the first HEAD pairs (what a page shows) the rest is read from its own value."""
    monkeypatch.setattr(conflict_cache, "HEAD", 1)
    rounds = [("151,000", "190,000", "2016-09-02"), ("80,000", "95,000", "2016-10-07")]
    for first, second, day in rounds:
        for n, text in enumerate((first, second)):
            value = float(text.replace(",", ""))
            conflict_store.save(jobs(text, value, day), sha256=f"{day}-{n}")
    computed = [c.to_dict() for c in find_conflicts(conflict_store, top=None)]
    assert len(computed) == 2
    forbid_computing(monkeypatch)
    assert [c.to_dict() for c in find_conflicts(conflict_store, top=None)] == computed
    assert [c.to_dict() for c in find_conflicts(conflict_store, top=1)] == computed[:1]


def test_the_finder_version_needs_no_source_files(monkeypatch, tmp_path) -> None:
    conflict_cache.finder_version.cache_clear()
    monkeypatch.setattr(conflict_cache, "CODE", (tmp_path / "conflicts.py",))
    try:
        assert len(conflict_cache.finder_version()) == 16
    finally:
        conflict_cache.finder_version.cache_clear()
