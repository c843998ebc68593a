"""The contextual encoder: one pass per sentence, pooled for a sentence or a mention inside it."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from presslens.nlp import encoder

SENTENCES = [
    "The council raised the parking fee to four dollars an hour.",
    "Parking in town now costs four dollars an hour after the council's vote.",
    "The striker scored twice in the second half.",
]


def test_each_text_gets_its_pieces_and_their_places() -> None:
    [first, second] = encoder.encode(SENTENCES[:2])
    assert first.vectors.shape[1] == encoder.WIDTH
    assert first.vectors.shape[0] == first.offsets.shape[0]
    assert first.vectors.shape[0] != second.vectors.shape[0]  # no padding left in
    text = SENTENCES[0]
    spans = [text[a:b] for a, b in first.offsets.tolist() if b > a]
    assert spans[:3] == ["The", "council", "raised"]


def test_results_do_not_depend_on_the_batch() -> None:
    alone = encoder.encode([SENTENCES[2]])[0].vectors
    together = encoder.encode(SENTENCES)[2].vectors
    assert np.allclose(alone, together, atol=1e-4)


def test_a_paraphrase_is_nearer_than_another_topic() -> None:
    vectors = encoder.sentence_vectors(SENTENCES)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_a_mention_is_pooled_from_its_own_pieces() -> None:
    text = "Smith praised Jones for the rescue."
    [encoded] = encoder.encode([text])
    smith, jones = encoded.span(0, 5), encoded.span(14, 19)
    assert not np.allclose(smith, jones)
    assert np.allclose(encoded.span(500, 510), encoded.sentence())  # cut off: the sentence


def test_sentence_vectors_find_a_mention_by_article_offsets() -> None:
    text = "First sentence here. Smith praised Jones. Last one."
    vectors = encoder.encode_sentences(text, [(0, 20), (21, 41), (42, 51)])
    assert vectors.index_of(21, 26) == 1
    assert vectors.index_of(15, 25) is None  # across two sentences
    found = vectors.mention(35, 40)  # "Jones"
    assert found is not None
    [alone] = encoder.encode(["Smith praised Jones."])
    assert np.allclose(found[0], alone.span(14, 19), atol=1e-4)
    assert np.allclose(found[1], alone.sentence(), atol=1e-4)


def test_no_sentences() -> None:
    assert encoder.sentence_vectors([]).shape == (0, encoder.WIDTH)
    assert encoder.encode_sentences("", []).encoded == ()


def test_missing_files_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(encoder, "FOLDER", tmp_path)
    encoder.session.cache_clear()
    try:
        assert not encoder.available()
        with pytest.raises(encoder.EncoderUnavailable, match="missing"):
            encoder.encode(["A sentence."])
    finally:
        encoder.session.cache_clear()


def test_threads_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLENS_ENCODER_THREADS", "1")
    assert encoder.threads() == 1
    monkeypatch.setenv("PRESSLENS_ENCODER_THREADS", "many")
    assert 1 <= encoder.threads() <= 2


def test_matching_reads_the_base_models_vectors_not_the_heads() -> None:
    # the fine-tuned top serves the heads; claim matching reads all-MiniLM-L6-v2's own top
    tuned = encoder.encode(SENTENCES[:1])[0].sentence()
    tuned /= np.linalg.norm(tuned)
    similar = encoder.sentence_vectors(SENTENCES[:1])[0]
    assert 0.0 < float(tuned @ similar) < 0.99


def test_int8_weights_come_back_as_their_rows_times_their_scales() -> None:
    stored = {
        "g/w": np.array([[2, -4], [127, 0]], dtype=np.int8),
        "g/w.scale": np.array([0.5, 0.01], dtype=np.float32),
    }
    weights = encoder.dequantized(stored)
    assert list(weights) == ["g/w"]
    assert weights["g/w"].dtype == np.float32
    np.testing.assert_allclose(weights["g/w"], [[1.0, -2.0], [1.27, 0.0]], rtol=1e-6)


def test_each_graph_loads_only_when_it_first_runs() -> None:
    # an article's analysis never reads the matcher's top, a match never the heads' top
    encoder.session.cache_clear()
    try:
        encoder.encode(SENTENCES[:1])
        runners, _ = encoder.session()
        assert sorted(runners.loaded) == ["lower", "tuned"]
        encoder.session.cache_clear()
        encoder.sentence_vectors(SENTENCES[:1])
        runners, _ = encoder.session()
        assert sorted(runners.loaded) == ["lower", "similar"]
        encoder.warm(["tuned"])
        assert sorted(runners.loaded) == ["lower", "similar", "tuned"]
    finally:
        encoder.session.cache_clear()


def test_a_graph_asked_for_by_two_threads_loads_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    made: list[str] = []

    def slow_load(self: encoder.Graphs, graph: str) -> str:
        time.sleep(0.05)
        made.append(graph)
        return f"session of {graph}"

    monkeypatch.setattr(encoder.Graphs, "load", slow_load)
    graphs = encoder.Graphs(tmp_path)
    found: list[str] = []
    workers = [threading.Thread(target=lambda: found.append(graphs["lower"])) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert made == ["lower"]
    assert found == ["session of lower"] * 4


def test_a_graphs_weights_are_read_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "weights.npz"
    one = np.array([[1, 2]], dtype=np.int8)
    scale = np.array([0.5], dtype=np.float32)
    np.savez(path, **{"a/w": one, "a/w.scale": scale, "b/w": one * 2, "b/w.scale": scale})
    assert list(encoder.read_weights(path, "b")) == ["b/w"]
    np.testing.assert_allclose(encoder.read_weights(path, "b")["b/w"], [[1.0, 2.0]])
    assert sorted(encoder.read_weights(path)) == ["a/w", "b/w"]
