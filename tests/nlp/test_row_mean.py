"""`embeddings.row_mean`: numpy's mean over rows to the bit, without its Python wrapper (the
WordLlama embeddings and tone's context vectors average a few rows at a time)."""

import numpy as np
import pytest

from presslens.nlp import embeddings


@pytest.mark.parametrize("rows", [1, 2, 3, 7, 40])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_row_mean_is_numpys_mean(rows: int, dtype: type) -> None:
    generator = np.random.default_rng(rows)
    for scale in (1e-3, 1.0, 1e4):
        values = (generator.standard_normal((rows, 96)) * scale).astype(dtype)
        got = embeddings.row_mean(values)
        assert got.dtype == dtype and got.tobytes() == values.mean(axis=0).tobytes()


def test_row_mean_of_a_gathered_view_leaves_the_rows_alone() -> None:
    table = np.arange(12, dtype=np.float32).reshape(4, 3)
    assert embeddings.row_mean(table[[0, 2]]).tolist() == [3.0, 4.0, 5.0]
    assert embeddings.row_mean(table[1:2]).tolist() == [3.0, 4.0, 5.0]
    assert table.tolist() == np.arange(12, dtype=np.float32).reshape(4, 3).tolist()
