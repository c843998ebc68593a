"""The reporting-cue lexicon: every section loads, and a malformed file names its problem."""

from __future__ import annotations

import pytest

from presslens.stages.quotes.lexicon import load_lexicon, parse_lexicon


def test_lexicon_loads_every_section() -> None:
    lexicon = load_lexicon()
    assert {"say", "argue", "warn"} <= lexicon.clause
    assert {"claim", "boast"} <= lexicon.nouns
    assert "want" in lexicon.intent and "show" in lexicon.document
    assert "call for" in lexicon.preposition


@pytest.mark.parametrize(
    ("raw", "error"),
    [("say\n", "before any"), ("[verbs]\nsay\n", "unknown section")],
)
def test_lexicon_errors_name_the_problem(raw: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_lexicon(raw)
