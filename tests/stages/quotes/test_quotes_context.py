"""Span helpers of the quotes stage's shared context: no model needed."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from presslens.model import Span
from presslens.stages.quotes.context import naming, trim, word_count
from presslens.stages.reporting import load_lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  that wages rose, ", "that wages rose"),
        ("; the plan failed:", "the plan failed"),
        ("a plan —", "a plan"),
        (" “no” ", "“no”"),
        (",;", ""),
        ("", ""),
    ],
)
def test_trim(text: str, expected: str) -> None:
    assert trim(text, Span(0, len(text))).of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("that wages rose", 3), ("“no” — never", 2), ("— , ;", 0), ("", 0)],
)
def test_word_count_counts_words_with_letters_or_digits(text: str, expected: int) -> None:
    assert word_count(text) == expected


def naming_parse(words: list[str], heads: list[int], deps: list[str], person: bool) -> bool:
    """`naming` of "called" (the third word) in a hand-made parse."""
    from spacy.vocab import Vocab

    ents = ["B-PERSON" if person and i == 1 else "O" for i in range(len(words))]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)
    for token in doc:
        token.lemma_ = "call" if token.text == "called" else token.text.lower()
    return naming(doc[2], load_lexicon())


def test_a_participle_naming_a_thing_is_no_cue_but_one_hung_on_a_person_is() -> None:
    # "a PAC called Future": the participle names its noun
    assert naming_parse(
        ["a", "PAC", "called", "Future"], [1, 1, 1, 2], ["det", "ROOT", "acl", "oprd"], False
    )
    # "Tim Rook called 'crap'" misread as a participle on the name: a saying
    assert not naming_parse(
        ["Tim", "Rook", "called", "crap"], [1, 1, 1, 2], ["compound", "ROOT", "acl", "dobj"], True
    )
