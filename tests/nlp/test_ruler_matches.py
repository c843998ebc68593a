"""The indexed attribute ruler (`fastparse.IndexedMatcher`) returns spaCy's own match list:
sorted by rule, then start and end, with no duplicate, where one rule's patterns hit a token
twice, rules overlap, and longer patterns share a start with one-token hits."""

import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from presslens.nlp import fastparse

WORDS = ["They", "gon", "na", "say", "it", "'s", "gon", "na", "rain", "again", "."]
TAGS = ["PRP", "VBG", "TO", "VB", "PRP", "VBZ", "VBG", "TO", "VB", "RB", "."]


def ruler_with(patterns: list[dict]) -> tuple[AttributeRuler, Doc]:
    model = spacy.blank("en")
    ruler = model.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return ruler, Doc(model.vocab, words=WORDS, tags=TAGS)


PATTERNS = [
    # one rule, two patterns of other columns, both hitting "gon": one match, not two
    {"patterns": [[{"LOWER": "gon"}], [{"TAG": "VBG"}]], "attrs": {"LEMMA": "go"}},
    # a two-token pattern starting where the one-token ones hit, and a three-token one
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "going"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}, {"TAG": "VB"}]], "attrs": {"POS": "AUX"}},
    # rules in another order over the same tokens, by IN, NOT_IN and a regex
    {"patterns": [[{"TAG": {"IN": ["VB", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["VB", "."]}, "LOWER": "it"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^ag"}}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"LOWER": "gon"}]], "attrs": {"TAG": "VBG"}},
]


def test_the_indexed_matches_are_spacys() -> None:
    ruler, doc = ruler_with(PATTERNS)
    theirs = AttributeRuler.match(ruler, doc)
    ours = fastparse.IndexedMatcher(ruler)(doc)
    assert ours == theirs and len(ours) == len(set(ours))
    assert ours == sorted(ours)


def test_a_second_call_reads_the_planned_rows_and_finds_the_same() -> None:
    ruler, doc = ruler_with(PATTERNS)
    matcher = fastparse.IndexedMatcher(ruler)
    first = matcher(doc)
    assert matcher.plans and matcher(doc) == first == AttributeRuler.match(ruler, doc)
