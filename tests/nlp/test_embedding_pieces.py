"""`embeddings.tokenized` and `embed(texts, pieces)`: piece ids read ahead are used for the very
texts they were read from, and only for those."""

import numpy as np
import pytest

from presslens.nlp import embeddings

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="wordllama not installed")
TEXTS = ["Prices rose 5% in 2024.", "", "O’Reilly said so."]


def test_tokenized_keeps_the_texts_and_their_ids() -> None:
    pieces = embeddings.tokenized(TEXTS)
    assert pieces.texts == TEXTS and pieces.ids == embeddings.piece_ids(TEXTS)


def test_embed_uses_the_ids_read_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = embeddings.tokenized(TEXTS)
    expected = embeddings.embed(TEXTS)
    monkeypatch.setattr(embeddings, "piece_ids", lambda texts: pytest.fail("tokenized again"))
    assert embeddings.embed(list(TEXTS), pieces).tobytes() == expected.tobytes()


def test_embed_reads_again_for_other_texts() -> None:
    pieces = embeddings.tokenized(["Something else entirely.", "", "Yes."])
    got = embeddings.embed(TEXTS, pieces)
    assert got.tobytes() == embeddings.embed(TEXTS).tobytes()
    assert not np.array_equal(got, embeddings.embed(pieces.texts))
