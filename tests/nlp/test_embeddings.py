"""Static embeddings read offline from the wordllama wheel."""

import numpy as np

from presslens.nlp import embeddings


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_related_sentences_are_closer_than_unrelated_ones() -> None:
    rows = embeddings.embed(
        [
            "Factory output rose by four percent last quarter.",
            "Industrial production grew 4% in the last three months.",
            "My grandmother keeps three cats in her garden.",
        ]
    )
    assert rows.shape == (3, embeddings.DIMENSIONS)
    assert rows.dtype == np.float32
    assert cosine(rows[0], rows[1]) > cosine(rows[0], rows[2]) + 0.2


def test_empty_text_is_a_zero_row_and_loading_needs_no_network() -> None:
    rows = embeddings.embed(["", "word"])
    assert not rows[0].any() and rows[1].any()
    assert embeddings.available()
    # The loader reads the wheel's files itself; the package's own loader (which may try
    # Hugging Face) is never imported.
    import sys

    assert "wordllama.wordllama" not in sys.modules
