"""The sex a given name usually says, read off the encoder's own word embeddings.

A pronoun must agree with the person it takes up ("she said" is not Denis McDonough), but an
article often shows no one's sex in so many words (no "Mrs.", no "he said" right after the name).
The shipped encoder (nlp/encoder.py) learned, from the text it was trained on, that "Wendy" keeps
the company of "she" and "Denis" that of "he": the first name's word-piece vector, projected on
the direction from the mean of male words to the mean of female words (WORDS below), says which.
No list of names: a name the encoder keeps as one word piece gets a score, any other none.

Measured against the articles' own evidence (a first name beside the surname that "Mr." or
"Mrs."/"Ms." precedes elsewhere in the same article), on all 1,028 PolNeAR texts: of 264 first
names, 162 get a sex, 155 of them the article's (0.957; most of the rest are slips of that
evidence, such as "Because Cruz"); `python eval/firstnames.py` reproduces it.

The thresholds leave a name the encoder is unsure of ("Jason", "Harry", words such as "Hope")
without a sex; callers use it only when the article itself says nothing.
"""

from __future__ import annotations

import json
from functools import cache

import numpy as np

from presslens.nlp.encoder import FOLDER, WEIGHTS_FILE

EMBEDDINGS = "lower/embeddings.word_embeddings.weight"
WORDS = {
    "f": "she her herself woman women mrs ms female girl mother daughter sister wife queen",
    "m": "he his himself man men mr male boy father son brother husband king",
}
FEMALE_FROM = 0.10  # cosine with the direction at or above which a name is a woman's
MALE_UNTIL = -0.04  # at or below which a man's (male names sit closer to the middle)


@cache
def embeddings() -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray] | None:
    """The encoder's vocabulary, its word-piece embeddings (int8) with their per-row scales, and
    the unit male-to-female direction; None when the encoder's files are missing."""
    tokenizer, weights = FOLDER / "tokenizer.json", FOLDER / WEIGHTS_FILE
    if not (tokenizer.is_file() and weights.is_file()):
        return None
    vocab: dict[str, int] = json.loads(tokenizer.read_text(encoding="utf-8"))["model"]["vocab"]
    with np.load(weights, allow_pickle=False) as stored:
        rows, scale = stored[EMBEDDINGS], stored[f"{EMBEDDINGS}.scale"]
    female = mean_direction(rows, scale, [vocab[w] for w in WORDS["f"].split()])
    male = mean_direction(rows, scale, [vocab[w] for w in WORDS["m"].split()])
    return vocab, rows, scale, (female - male) / np.linalg.norm(female - male)


def unit_rows(rows: np.ndarray, scale: np.ndarray, ids: list[int]) -> np.ndarray:
    chosen = rows[ids].astype(np.float32) * scale[ids][:, None]
    return chosen / np.maximum(np.linalg.norm(chosen, axis=1, keepdims=True), 1e-9)


def mean_direction(rows: np.ndarray, scale: np.ndarray, ids: list[int]) -> np.ndarray:
    return unit_rows(rows, scale, ids).mean(axis=0)


@cache
def first_name_sex(name: str) -> str | None:
    """'f', 'm' or None for a given name ('Wendy' -> 'f')."""
    loaded = embeddings()
    word = name.strip(".").lower()
    if loaded is None or len(word) < 2 or not word.isalpha() or word not in loaded[0]:
        return None
    vocab, rows, scale, direction = loaded
    score = float(unit_rows(rows, scale, [vocab[word]])[0] @ direction)
    if score >= FEMALE_FROM:
        return "f"
    return "m" if score <= MALE_UNTIL else None
