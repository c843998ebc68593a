"""Claims looked up among a store's fact-checks: each fact-check's vectors are made once and kept
beside it (`factchecks.vector`, float16: its claim's and then its title's, the claim's again
when it has no title) with their identity (the encoder's, a hash of its files, and the layout):
vectors made by another encoder, or the claim's alone as stores made before December 2026 hold,
are made again. The matrices built from the store are kept per
store in the process until the fact-checks change, so a server answers a query with one encoder
pass and one matrix product. The matching itself is corpus/matching.py's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

from presslens.corpus.factchecks import factchecks_version, stored_factchecks
from presslens.corpus.matching import ClaimIndex, encoder_ready, sentence_vectors
from presslens.nlp import encoder
from presslens.store import Store

ENCODE_CHUNK = 256  # fact-checks encoded and written per round at import

# The encoder's files that decide its sentence vectors (its heads and calibration do not).
VECTOR_FILES = ("lower.onnx", "similar.onnx", "weights.npz", "tokenizer.json")


@cache
def encoder_identity() -> str:
    """What names the encoder's vectors: a hash of the files that make them, and of how long a
    text it reads (a retrained encoder makes other vectors, so stored vectors of another
    identity are made again)."""
    digest = hashlib.sha256(f"pieces:{encoder.MAX_PIECES}".encode())
    for name in VECTOR_FILES:
        path = encoder.FOLDER / name
        if not path.is_file():
            continue
        digest.update(name.encode())
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return f"encoder-{digest.hexdigest()[:16]}"


def factcheck_identity() -> str:
    """What names a fact-check's stored vectors: the encoder's identity and their layout (the
    claim's vector, then the title's)."""
    return f"{encoder_identity()}+title"


def encode_factchecks(store: Store) -> int:
    """Make and store the vectors of every fact-check without those of this encoder and layout;
    how many. Nothing (0) when the encoder cannot run."""
    if not encoder.available():
        return 0
    identity = factcheck_identity()
    done = 0
    while True:
        rows = store.all(
            "SELECT id, claim, title FROM factchecks WHERE encoder IS NULL OR encoder <> ? "
            "ORDER BY id LIMIT ?",
            (identity, ENCODE_CHUNK),
        )
        if not rows:
            return done
        claims = sentence_vectors([row["claim"] for row in rows])
        titles = sentence_vectors([row["title"] or row["claim"] for row in rows])
        vectors = np.hstack([claims, titles]).astype(np.float16)
        with store.transaction():
            for row, vector in zip(rows, vectors, strict=True):
                store.run(
                    "UPDATE factchecks SET vector = ?, encoder = ? WHERE id = ?",
                    (vector.tobytes(), identity, row["id"]),
                )
        done += len(rows)


INDEXES: dict[str, tuple[tuple[str, str | None], ClaimIndex, list[dict[str, Any]]]] = {}


def factcheck_index(store: Store) -> tuple[ClaimIndex, list[dict[str, Any]]]:
    """The store's fact-checks (id order) and their index, built once per store and process
    and again when the fact-checks change (meta's `factchecks_version`) or the encoder does;
    the vectors still missing are made first."""
    dense = encoder_ready(stacklevel=4)
    signature = (factchecks_version(store), factcheck_identity() if dense else None)
    kept = INDEXES.get(store.url)
    if kept is not None and kept[0] == signature:
        return kept[1], kept[2]
    if dense:
        encode_factchecks(store)
    factchecks = stored_factchecks(store)
    vectors = stored_vectors(store, len(factchecks)) if dense else None
    claims = [row["claim"] for row in factchecks]
    titles = [row["title"] or "" for row in factchecks]
    claim_vectors, title_vectors = vectors if vectors is not None else (None, None)
    index = ClaimIndex.build(claims, claim_vectors, titles, title_vectors)
    if vectors is not None or not dense:  # else a write came between: build again next time
        INDEXES[store.url] = (signature, index, factchecks)
    return index, factchecks


def stored_vectors(store: Store, count: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The stored unit vectors of every fact-check's claim and title (each count x width) in id
    order, or None when any is missing (or there are none)."""
    identity = factcheck_identity()
    rows = store.all("SELECT vector, encoder FROM factchecks ORDER BY id")
    if not rows or len(rows) != count or any(row["encoder"] != identity for row in rows):
        return None
    blobs = b"".join(bytes(row["vector"]) for row in rows)
    both = np.frombuffer(blobs, dtype=np.float16).reshape(count, 2, -1).astype(np.float32)
    claims, titles = both[:, 0], both[:, 1]
    return unit(claims), unit(titles)


def unit(vectors: np.ndarray) -> np.ndarray:
    """The rows at length 1 (float16 storage moves them off it a little)."""
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def match_text(store: Store, texts: Sequence[str], top_k: int = 5) -> list[list[dict[str, Any]]]:
    """For each text, the store's `top_k` best fact-checks, best first: each a dict of the
    fact-check's fields (id, claim, verdict, url, published, publisher, title) and its
    `score`."""
    if not texts:
        return []
    index, factchecks = factcheck_index(store)
    if not factchecks:
        return [[] for _ in texts]
    found = index.search(texts, top_k)
    return [[{**factchecks[i], "score": score} for i, score in matches] for matches in found]


def matches_for_article(store: Store, article_id: int, top_k: int = 3) -> list[dict[str, Any]]:
    """Each stored claim of an article (by rank) with its best fact-checks: {claim_id, text,
    score, matches: [fact-check fields + score]}. Empty for an unknown article."""
    claims = store.all(
        "SELECT claim_id, text, score FROM claims WHERE article_id = ? ORDER BY rank, claim_id",
        (article_id,),
    )
    found = match_text(store, [row["text"] or "" for row in claims], top_k)
    return [{**claim, "matches": matches} for claim, matches in zip(claims, found, strict=True)]
