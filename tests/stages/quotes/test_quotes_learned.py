"""The learned attribution tagger: BIO decoding and assembling on hand-made tags, and the
shipped head on hand-written sentences (skipped when the encoder cannot run here)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from presslens.model import Span
from presslens.nlp import encoder
from presslens.stages.quotes import learned
from presslens.stages.quotes.learned import Segment, Tagged

needs_model = pytest.mark.skipif(
    not (encoder.available() and learned.available()),
    reason="the encoder or the tagger's head cannot run here",
)


def tag(name: str) -> int:
    return learned.TAGS.index(name)


def test_viterbi_never_opens_a_run_with_the_wrong_inside_tag() -> None:
    scores = np.full((3, len(learned.TAGS)), -5.0)
    scores[0, tag("O")] = -0.1
    scores[1, tag("I-CUE")] = -0.1  # I-CUE after O is not allowed: the best allowed path wins
    scores[1, tag("B-CUE")] = -0.5
    scores[2, tag("I-CUE")] = -0.1
    assert learned.viterbi(scores) == [tag("O"), tag("B-CUE"), tag("I-CUE")]


def test_a_sentence_may_open_inside_a_content() -> None:
    scores = np.full((2, len(learned.TAGS)), -5.0)
    scores[:, tag("I-CONTENT")] = -0.1
    assert learned.viterbi(scores) == [tag("I-CONTENT")] * 2


def test_the_design_reads_neighbours_the_mean_and_the_flags() -> None:
    vectors = np.arange(12, dtype=np.float32).reshape(3, 4)
    rows = learned.design(vectors, np.array([0.0, 1.0, 0.0]), window=1)
    assert rows.shape == (3, 4 * 4 + learned.FLAGS)
    assert rows[0, 4:8].tolist() == [0, 0, 0, 0]  # nothing before the first piece
    assert rows[0, 8:12].tolist() == vectors[1].tolist()
    assert rows[1, 12:16].tolist() == vectors.mean(axis=0).tolist()
    assert rows[:, -3:].tolist() == [[0, 1, 0], [1, 0, 0], [0, 0, 1]]


def test_inside_a_quotation_is_read_over_the_whole_text() -> None:
    text = 'He said: "We will win. We will fight." Then he left.'
    quoted = learned.quoted_intervals(text)
    offsets = np.array([text.index("We"), text.index("fight"), text.index("Then")])
    assert learned.inside(quoted, offsets).tolist() == [1.0, 1.0, 0.0]


def segments_of(text: str, marked: list[tuple[str, str, int]]) -> list[Segment]:
    """Segments for (role, surface, sentence) triples, found in order in the text."""
    found, at = [], 0
    for role, surface, sentence in marked:
        start = text.index(surface, at)
        at = start + len(surface)
        found.append(Segment(role, start, at, sentence, sentence, [0.9]))
    return found


def surfaces(text: str, item: Tagged) -> tuple[list[str], str | None, list[str]]:
    cue = item.cue.of(text) if item.cue else None
    return [s.of(text) for s in item.content], cue, [s.of(text) for s in item.sources]


ASSEMBLED = [
    (
        '"We will win," she said, "whatever it takes."',
        [
            ("CONTENT", '"We will win,"', 0),
            ("SOURCE", "she", 0),
            ("CUE", "said", 0),
            ("CONTENT", '"whatever it takes."', 0),
        ],
        [(['"We will win,"', '"whatever it takes."'], "said", ["she"])],
    ),
    (
        "Smith said taxes rose. Jones said they fell.",
        [
            ("SOURCE", "Smith", 0),
            ("CUE", "said", 0),
            ("CONTENT", "taxes rose", 0),
            ("SOURCE", "Jones", 1),
            ("CUE", "said", 1),
            ("CONTENT", "they fell", 1),
        ],
        [(["taxes rose"], "said", ["Smith"]), (["they fell"], "said", ["Jones"])],
    ),
    (
        "The plan will fail, according to aides.",
        [("CONTENT", "The plan will fail", 0), ("CUE", "according to", 0), ("SOURCE", "aides", 0)],
        [(["The plan will fail"], "according to", ["aides"])],
    ),
    (
        "She said:\nPrices will fall.",
        [("SOURCE", "She", 0), ("CUE", "said", 0), ("CONTENT", "Prices will fall", 1)],
        [(["Prices will fall"], "said", ["She"])],
    ),
    (
        "She spoke. Prices will fall.",  # no lead-in: the next sentence is not the cue's
        [("SOURCE", "She", 0), ("CUE", "spoke", 0), ("CONTENT", "Prices will fall", 1)],
        [(["Prices will fall"], None, [])],
    ),
]


@pytest.mark.parametrize(("text", "marked", "expected"), ASSEMBLED)
def test_assemble(text: str, marked: list, expected: list) -> None:
    found = learned.assemble(text, segments_of(text, marked))
    assert [surfaces(text, item) for item in found] == expected


def test_a_content_that_runs_on_joins_the_one_before() -> None:
    text = '"We will win. We will fight," he said.'
    first = Segment("CONTENT", 0, 13, 0, 0, [0.8])
    second = Segment("CONTENT", 14, 29, 1, 1, [0.6], continues=True)
    source = Segment("SOURCE", 30, 32, 1, 1, [0.9])
    cue = Segment("CUE", 33, 37, 1, 1, [0.9])
    [item] = learned.assemble(text, [first, second, source, cue])
    assert item.content == (Span(0, 29),)
    assert item.score == pytest.approx(0.7)


def test_a_content_no_cue_took_needs_the_score() -> None:
    text = "Prices will fall."
    alone = [Segment("CONTENT", 0, 16, 0, 0, [0.9])]
    assert len(learned.assemble(text, alone, uncued_score=0.8)) == 1
    assert learned.assemble(text, alone, uncued_score=0.95) == ()


def test_marks_alone_are_no_content() -> None:
    text = '"Prices will fall," she said.'
    runs = [Segment("CONTENT", 18, 19, 0, 0, [0.9]), Segment("CUE", 24, 28, 0, 0, [0.9])]
    assert learned.assemble(text, runs) == ()


def tagged(text: str) -> tuple[Tagged, ...]:
    vectors = encoder.encode_sentences(text, [(0, len(text))])
    return learned.tag_attributions(text, vectors)


@needs_model
def test_a_noun_cue_and_according_to_are_attributions() -> None:
    text = "The senator's letter opposed the bill, according to aides."
    [item] = tagged(text)
    assert item.cue is not None
    assert "opposed the bill" in item.span.of(text)


@needs_model
def test_a_reported_clause_with_its_speaker() -> None:
    text = "The mayor said on Monday that the bridge would reopen in May."
    [item] = tagged(text)
    assert "bridge would reopen" in item.span.of(text)
    assert [s.of(text) for s in item.sources] == ["The mayor"]
    assert item.cue is not None and item.cue.of(text).startswith("said")


@needs_model
@pytest.mark.parametrize(
    "text",
    ["The river rose two feet overnight.", "Tickets cost twelve dollars at the door."],
)
def test_a_sentence_without_attribution_gets_none(text: str) -> None:
    assert tagged(text) == ()


def best_by_search(log_probs: np.ndarray) -> float:
    """The best allowed path's score, by trying every path (a few pieces only)."""
    moves = learned.transitions()
    paths = itertools.product(range(len(learned.TAGS)), repeat=len(log_probs))
    return max(
        sum(log_probs[i, t] for i, t in enumerate(path))
        + sum(moves[a, b] for a, b in itertools.pairwise(path))
        for path in paths
    )


def test_sentences_decoded_together_get_their_best_paths() -> None:
    rng = np.random.default_rng(3)
    sentences = [np.log(rng.dirichlet(np.ones(7), size=n)) for n in (3, 1, 4, 2)]
    for scores, tags in zip(sentences, learned.viterbi_many(sentences), strict=True):
        assert len(tags) == len(scores)
        found = sum(scores[i, t] for i, t in enumerate(tags))
        found += sum(learned.transitions()[a, b] for a, b in itertools.pairwise(tags))
        assert found == pytest.approx(best_by_search(scores))


@needs_model
def test_the_article_product_equals_the_design_matrix_product() -> None:
    text = (
        'The mayor said on Monday that the bridge would reopen. "It is safe," she added.\n\n'
        "Engineers disagreed. The river rose two feet overnight, according to the county."
    )
    spans = [(0, 54), (55, 79), (81, 101), (102, 162)]
    vectors = encoder.encode_sentences(text, spans)
    weights = learned.head()
    quoted = learned.quoted_intervals(text)
    _offsets, inputs = learned.piece_inputs(vectors, quoted, weights)
    expected = learned.log_probabilities(np.concatenate(inputs), weights)
    _offsets, found = learned.article_log_probabilities(vectors, quoted, weights)
    np.testing.assert_allclose(found, expected, atol=1e-4)
