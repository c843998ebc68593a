"""The word-list file of the figures stage and its parser (figures/lexicon.py)."""

from __future__ import annotations

import dataclasses

import pytest

from presslens.stages.figures.lexicon import SETS, TABLES, figure_words, parse_words

# (file text, section, what that section reads as)
READ = [
    ("[change_skips]\nby\nabout\n", "change_skips", {"by", "about"}),
    ("# a note\n\n[time_rates]\nday  # comment\n  year \n", "time_rates", {"day", "year"}),
    ("[after_pronoun_one]\n?\n.\n,\n", "after_pronoun_one", {"?", ".", ","}),
    ("[many_words]\nPeople\n", "many_words", {"People"}),  # kept as written, not lower-cased
    ("[time_rates]\nday\n[time_rates]\nweek\n", "time_rates", {"day", "week"}),
    ("[age_units]\nyear year of age\nday  day of age\n", "age_units", {"year": "year of age"}),
    ("[change_skips]\nby\n", "length_words", set()),  # a section left out is empty
]


@pytest.mark.parametrize(("raw", "section", "expected"), READ)
def test_entries_are_read(raw: str, section: str, expected: set[str] | dict[str, str]) -> None:
    got = getattr(parse_words(raw), section)
    if isinstance(expected, dict):
        assert all(got[word] == value for word, value in expected.items())
    else:
        assert got == frozenset(expected)


REFUSED = [
    ("[colours]\nred\n", "unknown section"),
    ("[Change_Skips]\nby\n", "unknown section"),
    ("by\n[change_skips]\n", "before any"),
    ("[age_units]\nyear\n", "no value"),
]


@pytest.mark.parametrize(("raw", "message"), REFUSED)
def test_bad_files_are_refused(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_words(raw)


def test_shipped_file_fills_every_section() -> None:
    words = figure_words()
    assert {f.name for f in dataclasses.fields(words)} == {*SETS, *TABLES}
    for name in (*SETS, *TABLES):
        assert getattr(words, name), name
    assert words.age_units["year"] == "year of age"
    assert "sharply" in words.change_skips and "?" in words.after_pronoun_one
