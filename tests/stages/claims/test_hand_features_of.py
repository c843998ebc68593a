"""`checkworthy.hand_features_of`: each cue pattern searches an article's sentences at once
(`match_counts`), with the very counts of a search of each sentence alone."""

import pytest

from presslens.stages.claims import checkworthy

# sentences whose edges meet the patterns' look-arounds: apostrophes, digits, capitals,
# spaces and line breaks at either end, and letters whose lower case depends on their place
EDGES = [
    "",
    " ",
    "\n",
    "I said we would.",
    "'90s sales fell 5%, and we'll see",
    "O’Reilly's 45% of $2 billion",
    "NATO and the U.N. met in 1990s",
    "they\nsaid  it   would rise\n",
    "ΟΔΟΣ ΣΑΣ",
    "İstanbul grew per cent by 2,000",
    "Thank you",
    "let's vote!",
    "we",
    "? I think so; Mr Smith Said No",
    "  percentage points more than 20",
]


def searched_alone(pattern, text: str) -> int:
    return len(pattern.findall(text))


def per_sentence(sentence: str) -> list[float]:
    """hand_features of one sentence with each pattern searching that sentence alone."""
    return checkworthy.hand_features_of([sentence])[0]


@pytest.mark.parametrize("name", sorted(checkworthy.cues()))
def test_match_counts_equal_each_text_searched_alone(name: str) -> None:
    pattern = checkworthy.cues()[name]
    lowered = [text.lower() for text in EDGES]
    joined = [a + b for a, b in zip(lowered, lowered[1:], strict=False)]
    for texts in (lowered, lowered[::-1], joined):
        found = checkworthy.match_counts(pattern, texts)
        assert found == [searched_alone(pattern, text) for text in texts]


@pytest.mark.parametrize(
    "pattern",
    [checkworthy.CURRENCY, checkworthy.YEAR, checkworthy.INNER_CAPITAL, checkworthy.ACRONYM],
)
def test_match_counts_of_the_case_sensitive_patterns(pattern) -> None:
    joined = [a + " " + b for a, b in zip(EDGES, EDGES[1:], strict=False)]
    for texts in (EDGES, EDGES[::-1], joined):
        found = checkworthy.match_counts(pattern, texts)
        assert found == [searched_alone(pattern, text) for text in texts]


def test_a_sentence_gets_the_same_features_alone_and_among_others() -> None:
    together = checkworthy.hand_features_of(EDGES)
    assert together == [per_sentence(s) for s in EDGES]
    assert together[::-1] == checkworthy.hand_features_of(EDGES[::-1])
    assert all(len(row) == checkworthy.HAND_FEATURE_COUNT for row in together)


def test_counts_at_the_edges_of_the_next_sentence() -> None:
    # "we" ends one sentence and "'90s" opens the next: neither is read across the break
    rows = checkworthy.hand_features_of(["Then came we", "'90s", "1990s"])
    first_person, years = 8, 4
    assert rows[0][first_person] > 0 and rows[1][years] == 0.0 and rows[2][years] == 0.5
