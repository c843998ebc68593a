"""The reporting-cue lexicon: every section loads, and a malformed file names its problem."""

from __future__ import annotations

import pytest

from presslens.stages.reporting import load_lexicon, parse_lexicon
from presslens.stages.roles import load_roles, parse_roles


def test_lexicon_loads_every_section() -> None:
    lexicon = load_lexicon()
    assert {"say", "argue", "warn"} <= lexicon.clause
    assert {"claim", "boast"} <= lexicon.nouns
    assert "want" in lexicon.intent and "show" in lexicon.document
    assert "call for" in lexicon.preposition and "accuse of" in lexicon.accusation
    assert {"oppose", "seek"} <= lexicon.stance and "decline" in lexicon.refusal
    assert "could" in lexicon.modal and "elaborate" in lexicon.speech


@pytest.mark.parametrize(
    ("lemma", "kind", "gender"),
    [
        ("candidate", "PERSON", None),
        ("congresswoman", "PERSON", "f"),
        ("campaign", "ORG", None),
        ("poll", "DOCUMENT", None),
        ("spokesman", "PERSON", "m"),  # gendered, and resolved only to one named as such
        ("table", None, None),
        # from the WordNet catalogue: a noun's most frequent sense decides
        ("economist", "PERSON", None),
        ("prosecutor", "PERSON", None),
        ("widower", "PERSON", "m"),
        ("ministry", "ORG", None),
        ("figure", None, None),  # a diagram first, a person only in a later sense
        ("house", None, None),  # a dwelling first
    ],
)
def test_roles(lemma: str, kind: str | None, gender: str | None) -> None:
    roles = load_roles()
    assert (roles.kind(lemma), roles.gender(lemma)) == (kind, gender)


@pytest.mark.parametrize(
    ("lemma", "relational"),
    [("spokesman", True), ("lawyer", True), ("wife", True), ("aide", True), ("senator", False)],
)
def test_relational_roles(lemma: str, relational: bool) -> None:
    assert load_roles().relational(lemma) is relational


@pytest.mark.parametrize(
    ("lemma", "thing"),
    [("climate", True), ("border", True), ("invasion", False), ("governor", False)],
)
def test_things_a_place_may_own(lemma: str, thing: bool) -> None:
    assert load_roles().thing(lemma) is thing


def test_roles_refuse_unknown_sections() -> None:
    with pytest.raises(ValueError, match="unknown section"):
        parse_roles("[people]\ncandidate\n")


@pytest.mark.parametrize(
    ("raw", "error"),
    [("say\n", "before any"), ("[verbs]\nsay\n", "unknown section")],
)
def test_lexicon_errors_name_the_problem(raw: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_lexicon(raw)
