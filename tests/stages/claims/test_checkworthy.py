"""The check-worthiness scorer: calibrated scores for single sentences, and its command."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from importlib import resources

import numpy as np
import pytest

from presslens import score_checkworthiness
from presslens.nlp import embeddings
from presslens.resources import read_json
from presslens.stages.claims import checkworthy

CHECK_WORTHY = [
    "Unemployment fell from 8 percent to 5 percent between 2010 and 2015.",
    "The company reported a loss of $3 billion last year, according to its annual filing.",
    "Since 2019 the city has built 4,000 new homes.",
    "The minister signed the treaty in March.",
]
NOT_CHECK_WORTHY = [
    "What is the alternative?",
    "Join us and fight for a better world!",
    "Thank you very much.",
    "I think we can do better than this.",
    "We must stand together.",
    "Good evening, everyone.",
]


MODES = ["accurate", "fast"]


@pytest.mark.parametrize("mode", MODES)
def test_scores_are_probabilities_in_input_order(mode: str) -> None:
    sentences = CHECK_WORTHY + NOT_CHECK_WORTHY
    scores = score_checkworthiness(sentences, mode=mode)
    assert len(scores) == len(sentences)
    assert all(isinstance(score, float) and 0.0 <= score <= 1.0 for score in scores)
    assert scores == score_checkworthiness(sentences, mode=mode)  # deterministic
    backwards = score_checkworthiness(list(reversed(sentences)), mode=mode)
    assert backwards == pytest.approx(list(reversed(scores)), abs=1e-5)


@pytest.mark.parametrize("mode", MODES)
def test_no_sentences_no_scores(mode: str) -> None:
    assert score_checkworthiness([], mode=mode) == []


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="accurate"):
        score_checkworthiness(["The tax rose by 4%."], mode="quick")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sentence", CHECK_WORTHY)
def test_factual_claims_are_check_worthy(sentence: str, mode: str) -> None:
    assert score_checkworthiness([sentence], mode=mode)[0] >= 0.5


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sentence", NOT_CHECK_WORTHY)
def test_questions_calls_and_opinions_are_not(sentence: str, mode: str) -> None:
    assert score_checkworthiness([sentence], mode=mode)[0] < 0.5


@pytest.mark.parametrize(
    ("sentence", "feature", "expected"),
    [
        ("Prices rose 5% in 2024.", 2, 0.5),  # percent
        ("Prices rose 5% in 2024.", 4, 0.5),  # one year
        ("Is this fair?", 16, 1.0),  # question
        ("Vote for change!", 17, 1.0),  # exclamation
        ("Vote for change!", 18, 1.0),  # imperative opener
        ("We must act now.", 11, 0.5),  # modal
        ("It may perhaps happen.", 6, 0.5),  # one hedge ("may" is not listed)
    ],
)
def test_hand_features(sentence: str, feature: int, expected: float) -> None:
    features = checkworthy.hand_features(sentence)
    assert len(features) == checkworthy.HAND_FEATURE_COUNT
    assert all(0.0 <= value <= 1.0 for value in features)
    assert features[feature] == pytest.approx(expected)


def plain_cue_pattern(words: list[str]) -> re.Pattern[str]:
    """A cue list as one whole-word alternation, the form `cue_pattern` must match like."""
    return re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])")


# words at the start, the end and inside others, apostrophes, a listed word that is a prefix of
# another ("per" / "percent"), numbers, and what only .match reads (a sentence's opener)
CUE_SENTENCES = [
    "I'm sure i think I'd say: 'we said' it's 3,000.5 per cent, percentage points of 12.",
    "someone said no one says; nobody's n't don't isn't' it was-was 2024s said",
    "percentage point percentage points per cent percent perhaps",
    "thanks, well: yes no; let's go! i'll we'll won't they're they've",
    "x",
    "",
]
TOY_LISTS = [
    ["per", "percent", "per ?cent"],  # a word that is a prefix of a later one
    ["percent", "per"],
    ["\\d[\\d,.]*", "one", "ones?"],  # a pattern of another shape first
    ["one", "\\d+"],  # ... and later: no grouping
    ["one", "[a-z ]+"],  # ... even when it matches where a word does
    ["i", "i'm", "me", "i think"],  # an empty rest after the letter
    ["a?n", "and"],  # a letter made optional is no plain letter
]


SHIPPED_LISTS = [
    words for name, words in read_json(checkworthy.CUES_FILE).items() if name[0] != "_"
]


@pytest.mark.parametrize("words", TOY_LISTS + SHIPPED_LISTS)
@pytest.mark.parametrize("sentence", CUE_SENTENCES)
def test_cue_patterns_match_like_the_plain_alternation(words: list[str], sentence: str) -> None:
    text = sentence.lower()
    faster, plain = checkworthy.cue_pattern(words), plain_cue_pattern(words)
    assert [m.span() for m in faster.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text)):  # every position: .match reads one
        found, expected = faster.match(text, start), plain.match(text, start)
        assert (found and found.span()) == (expected and expected.span())


def test_cue_patterns_are_grouped_by_letter() -> None:
    assert checkworthy.cue_pattern(["said", "says", "one"]).pattern == (
        "(?:s(?<![\\w']s)(?:aid|ays)|o(?<![\\w']o)(?:ne))(?![\\w'])"
    )
    assert (
        checkworthy.cue_pattern(["\\d+", "one"]).pattern == "(?<![\\w'])(?:\\d+|o(?:ne))(?![\\w'])"
    )
    assert (
        checkworthy.cue_pattern(["one", "\\d+"]).pattern
        == plain_cue_pattern(["one", "\\d+"]).pattern
    )


def test_shipped_model_is_small_and_matches_the_features() -> None:
    folder = resources.files("presslens.resources")
    size = folder.joinpath(checkworthy.MODEL_FILE).read_bytes()
    assert len(size) < 20_000_000
    scorer = checkworthy.load_scorer()
    assert scorer.coef.shape == (
        checkworthy.WORD_FEATURES
        + checkworthy.HAND_FEATURE_COUNT
        + checkworthy.PARSE_FEATURE_COUNT,
    )
    assert scorer.hidden.shape[0] == (
        embeddings.DIMENSIONS + checkworthy.HAND_FEATURE_COUNT + checkworthy.PARSE_FEATURE_COUNT
    )
    assert scorer.blend[0] > 0 and scorer.blend[1] > 0  # both parts carry weight
    assert scorer.meta["trained_with"] == "python train/checkworthy.py"


def test_parse_features_see_entities_tense_and_modals() -> None:
    (past, modal) = checkworthy.parse_sentences(
        ["Exports fell by 12% in 2024.", "We should cut taxes."]
    )
    features = checkworthy.parse_features(past)
    assert len(features) == checkworthy.PARSE_FEATURE_COUNT
    named = dict(zip(checkworthy.ENTITY_TYPES, features, strict=False))
    assert named["PERCENT"] > 0 and named["DATE"] > 0
    tense = len(checkworthy.ENTITY_TYPES)
    assert features[tense] == 1.0  # root verb in the past tense
    modal_features = checkworthy.parse_features(modal)
    assert modal_features[tense + 5] == 1.0  # a modal on the root
    assert modal_features[tense + 11] == 1.0  # first-person subject


def test_given_parses_give_the_same_scores_as_parsing_here() -> None:
    sentences = CHECK_WORTHY[:2] + NOT_CHECK_WORTHY[:2]
    docs = checkworthy.parse_sentences(sentences)
    fast = score_checkworthiness(sentences, mode="fast")
    assert score_checkworthiness(sentences, docs, mode="fast") == fast
    with pytest.raises(ValueError, match="parsed sentences"):
        score_checkworthiness(sentences, docs[:1], mode="fast")


def test_a_model_of_the_wrong_shape_is_refused() -> None:
    buffer = io.BytesIO()
    np.savez(
        buffer,
        word_idf=np.ones(3, np.float32),
        coef=np.ones(7, np.float32),
        embedding_mean=np.zeros(4, np.float32),
        hidden=np.ones((5, 2), np.float32),
        hidden_bias=np.zeros(2, np.float32),
        out=np.ones(2, np.float32),
        scalars=np.zeros(5),
    )
    buffer.seek(0)
    with pytest.raises(ValueError, match="retrain"):
        checkworthy.read_scorer(buffer, "{}")


def run_cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presslens.cli", "checkworthy", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def test_command_writes_score_tab_sentence() -> None:
    result = run_cli("-", stdin=f"{CHECK_WORTHY[0]}\n\n{NOT_CHECK_WORTHY[0]}\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("\t", 1)[1] for line in lines] == [CHECK_WORTHY[0], NOT_CHECK_WORTHY[0]]
    high, low = (float(line.split("\t", 1)[0]) for line in lines)
    assert high >= 0.5 > low


def test_command_json_and_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sentences.txt"
    path.write_text(CHECK_WORTHY[2] + "\n", encoding="utf-8")
    result = run_cli(str(path), "--json", stdin="")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["sentence"] == CHECK_WORTHY[2] and rows[0]["score"] >= 0.5
    missing = run_cli(str(tmp_path / "absent.txt"), stdin="")
    assert missing.returncode != 0
    assert "absent.txt" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize(
    "sentence",
    [
        "The deficit grew by 3% in 2023, the minister said.",
        "",
        "a",
        "  odd   spacing\tand\nnew lines ",
        "Ünïcode café naïve — “quoted” words",
    ],
)
def test_hashing_matches_sklearn(sentence: str) -> None:
    """Our start-up-cheap hashing gives sklearn's HashingVectorizer indices exactly."""
    from sklearn.feature_extraction.text import HashingVectorizer

    from presslens.stages.claims import checkworthy as cw

    common = {"alternate_sign": False, "norm": None, "lowercase": True}
    word = HashingVectorizer(
        ngram_range=cw.WORD_NGRAMS,
        n_features=cw.WORD_FEATURES,
        token_pattern=r"(?u)\b\w+\b",
        **common,
    )
    assert abs(cw.counts([sentence]) - word.transform([sentence])).sum() == 0


def test_network_is_sklearns_forward_pass() -> None:
    """Our numpy forward pass gives the log-odds of sklearn's MLPClassifier."""
    from sklearn.neural_network import MLPClassifier

    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(40, 6))
    labels = inputs[:, 0] + inputs[:, 1] > 0
    network = MLPClassifier((5,), max_iter=2000, random_state=0).fit(inputs, labels)
    (hidden, out), (hidden_bias, out_bias) = network.coefs_, network.intercepts_
    logit = checkworthy.network_logit(inputs, hidden, hidden_bias, out.ravel(), out_bias[0])
    expected = network.predict_proba(inputs)[:, 1]
    assert np.allclose(1 / (1 + np.exp(-logit)), expected, atol=1e-6)


def test_networks_side_by_side_give_the_mean_of_their_log_odds() -> None:
    rng = np.random.default_rng(1)
    inputs = rng.normal(size=(30, 4))
    networks = [
        (rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=3), float(rng.normal()))
        for _ in range(3)
    ]
    mean = np.mean([checkworthy.network_logit(inputs, *net) for net in networks], axis=0)
    together = checkworthy.network_logit(inputs, *checkworthy.side_by_side(networks))
    assert together.shape == (30,)
    assert np.allclose(together, mean)


def test_linear_margins_match_the_training_design_matrix() -> None:
    """Scoring computes the TF-IDF margin with numpy; training fits on design_matrix (scipy):
    the two must stay the same transform."""
    scorer = checkworthy.load_scorer()
    sentences = CHECK_WORTHY + NOT_CHECK_WORTHY + ["Taxes, taxes and taxes rose 3% in 2023."]
    cues = checkworthy.read_cues(sentences, checkworthy.parse_sentences(sentences))
    expected = checkworthy.design_matrix(cues, scorer.word_idf) @ scorer.coef
    assert np.allclose(
        checkworthy.linear_margins(cues, scorer.word_idf, scorer.coef), expected, atol=1e-5
    )
