"""The target-dependent tone classifier on hand-written sentences."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from presslens import nlp, tone_toward
from presslens.stages.tone import model as tone_model


def item(sentence: str, mention: str) -> tuple[str, int, int]:
    start = sentence.index(mention)
    return sentence, start, start + len(mention)


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("Critics blasted Smith as a corrupt liar who betrayed the voters.", "Smith", "negative"),
        ("The disgraced Senator Brown was indicted on fraud charges.", "Brown", "negative"),
        (
            "Jones was hailed as a hero after she saved the children from the fire.",
            "Jones",
            "positive",
        ),
        ("Green arrived in Ohio on Tuesday.", "Green", "neutral"),
    ],
)
def test_clear_cases(sentence: str, mention: str, expected: str) -> None:
    [result] = tone_toward([item(sentence, mention)])
    assert result["label"] == expected


def test_results_are_distributions() -> None:
    results = tone_toward(
        [item("Smith met Jones in Paris.", "Smith"), item("Smith met Jones in Paris.", "Jones")]
    )
    assert len(results) == 2
    for result in results:
        probabilities = result["probabilities"]
        assert set(probabilities) == set(tone_model.LABELS)
        assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-3)
        assert result["score"] == max(probabilities.values())
        assert result["label"] == max(probabilities, key=probabilities.get)


def test_empty_input() -> None:
    assert tone_toward([]) == []


@pytest.mark.parametrize(
    ("sentence", "mention", "feature"),
    [
        ("Critics blasted Smith yesterday.", "Smith", "p-1=blast"),
        ("Critics blasted Smith yesterday.", "Smith", "dep=dobj"),
        ("Smith failed the test.", "Smith", "dh=nsubj_fail"),
        ('He said "Smith is a fraud" on Monday.', "Smith", "target-quoted"),
        ("Smith is not a good leader.", "Smith", "negation"),
        ("Critics blasted Smith yesterday.", "Smith", "Lu=blast"),
        ("Critics blasted Smith yesterday.", "Smith", "Ru=yesterday"),
        ("He said Smith lied to voters.", "Smith", "anc0=ccomp_lie"),
        ("He said Smith lied to voters.", "Smith", "anc1=ROOT_say"),
    ],
)
def test_features_are_target_aware(sentence: str, mention: str, feature: str) -> None:
    doc = nlp.get_model()(sentence)
    start = sentence.index(mention)
    assert feature in tone_model.features(doc[:], start, start + len(mention))


def test_mention_between_tokens_gives_no_features() -> None:
    doc = nlp.get_model()("Smith met Jones.")
    assert tone_model.features(doc[:], 5, 5) == set()


def test_model_is_loaded_once_and_small() -> None:
    assert tone_model.load_model() is tone_model.load_model()
    folder = resources.files("presslens.resources")
    names = (tone_model.FEATURES_FILE, tone_model.WEIGHTS_FILE)
    size = sum(len(folder.joinpath(name).read_bytes()) for name in names)
    assert size < 30 * 1024 * 1024
    with folder.joinpath(tone_model.WEIGHTS_FILE).open("rb") as handle:
        arrays = np.load(handle, allow_pickle=False)  # plain arrays, no pickle
        assert arrays["weights"].shape[1] == len(tone_model.LABELS)


def test_word_lists_come_from_the_data_file() -> None:
    lists = tone_model.word_lists()
    assert {"not", "never"} <= lists["negations"]
    assert {"say", "tweet"} <= lists["reporting_verbs"]


def test_context_vector_is_target_specific() -> None:
    doc = nlp.get_model()("Critics blasted Smith, but voters praised Jones.")
    smith = tone_model.context_vector(doc[:], 16, 21)
    jones = tone_model.context_vector(doc[:], 43, 48)
    assert smith is not None and jones is not None
    assert smith.shape == jones.shape
    assert not np.allclose(smith, jones)


def test_context_vectors_add_the_mention_embedding() -> None:
    doc = nlp.get_model()("Critics blasted Smith, but voters praised Jones.")
    smith, jones = tone_model.context_vectors([(doc[:], 16, 21), (doc[:], 43, 48)])
    tensor = tone_model.context_vector(doc[:], 16, 21)
    assert smith is not None and jones is not None and tensor is not None
    assert smith.shape == jones.shape == tone_model.load_model().dense.mean.shape
    assert np.allclose(smith[: len(tensor)], tensor)
    assert not np.allclose(smith[len(tensor) :], jones[len(tensor) :])


def test_dense_part_is_skipped_without_a_vector() -> None:
    model = tone_model.load_model()
    assert model.dense is not None  # the shipped model matches the installed spaCy model
    with_none = model.probabilities([{"u=blast"}], [None])
    sparse_only = tone_model.ToneModel(model.index, model.weights, model.bias)
    assert np.allclose(with_none, sparse_only.probabilities([{"u=blast"}]))


def test_dense_part_reads_only_docs_of_the_model_it_was_trained_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check is made on the model that parsed the doc, not on the default model."""
    model = tone_model.load_model()
    text = "Critics blasted Smith, but voters praised Jones."
    ours = nlp.parse(text)
    assert nlp.model_id_of(ours) == model.spacy_model
    foreign = nlp.parse(text)
    foreign.user_data[nlp.MODEL_KEY] = "en_core_web_lg-3.8.0"
    on_foreign = tone_model.classify_spans([(foreign[:], 16, 21)])
    on_ours = tone_model.classify_spans([(ours[:], 16, 21)])
    sparse_only = tone_model.ToneModel(model.index, model.weights, model.bias)
    monkeypatch.setattr(tone_model, "load_model", lambda: sparse_only)
    assert on_foreign == tone_model.classify_spans([(foreign[:], 16, 21)])
    assert on_ours != on_foreign


def test_token_readings_are_kept_across_docs_and_stay_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = ["Critics blasted Smith as a liar.", "Smith was not hailed as a hero, critics said."]
    docs = list(nlp.get_model().pipe(texts))
    fresh = [tone_model.TokenTable.of(doc) for doc in docs]
    monkeypatch.setattr(tone_model, "READINGS_LIMIT", 3)
    longest = 0
    for doc, expected in zip(docs, fresh, strict=True):
        longest = max(longest, len(doc))
        assert tone_model.TokenTable.of(doc) == expected  # read from the kept readings
        assert len(tone_model.READINGS) <= 3 + longest
    assert fresh[1].forms[:4] == ["smith", "be", "not", "hail"]
    assert fresh[1].negation[2] and fresh[1].text == texts[1]
