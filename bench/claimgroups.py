"""How grouping the same claim across the corpus (`find_groups`) grows with the corpus, and what
one claim's vector search against 10k stored claims costs.

    python bench/claimgroups.py [--sizes 250 500 1000 2000] [--runs 3] [--lexical]

The corpora are made of real sentences: the PolNeAR texts (../shared/data/attribution/polnear,
train and dev, read at run time) cut into sentences, ten consecutive sentences of one text to an
article (the ingested PolNeAR store holds 10.6 claims an article), dated by their text. Ingesting
2,000 articles would take over half an hour on this machine, and the analysis is not what is
timed: the articles are stored as finished dossiers whose every sentence is a claim, and their
vectors, encoded once (cached in the temporary folder, keyed by the encoder and the sentences),
written in as `encode_claims` would. Timed: `find_groups` from a new process's point of view
(nothing kept), which reads the claims and their vectors, forms the pairs above the threshold
(one blocked matrix product) and links them. The growth exponent is the slope of log seconds
on log articles. --lexical times the word-overlap fallback instead.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_seconds  # noqa: E402

from presslens.corpus import claimgroups  # noqa: E402
from presslens.model import Article, Claim, Dossier, Origin, Span  # noqa: E402
from presslens.store import Store, open_store  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear"
CLAIMS_PER_ARTICLE = 10
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])")
DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
SEARCH_CLAIMS = 10_000
WRITE_VECTOR = "UPDATE claims SET vector = ?, encoder = ? WHERE article_id = ? AND claim_id = ?"


def sentences() -> list[tuple[str, str]]:
    """(date, sentence) of every PolNeAR text, in file order; sentences of 8 to 60 words."""
    found = []
    for path in sorted(POLNEAR.glob("*/text/*")):
        dated = DATE.search(path.name)
        when = dated.group(1) if dated else "2016-01-01"
        for piece in SENTENCE_END.split(path.read_text("utf-8", errors="replace")):
            piece = " ".join(piece.split())
            if 8 <= len(piece.split()) <= 60:
                found.append((when, piece))
    return found


def vectors_of(texts: list[str]) -> np.ndarray:
    """The texts' sentence vectors, from the cache when this encoder made them before."""
    from presslens.corpus.lookup import encoder_identity
    from presslens.corpus.matching import sentence_vectors

    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    cache = (
        Path(tempfile.gettempdir()) / f"presslens-bench-claims-{encoder_identity()}-{digest}.npy"
    )
    if cache.is_file():
        return np.load(cache)
    started = time.perf_counter()
    vectors = sentence_vectors(texts)
    seconds = time.perf_counter() - started
    print(f"encoded {len(texts)} claims in {seconds:.0f} s ({len(texts) / seconds:.0f} a second)")
    np.save(cache, vectors)
    return vectors


def dossier(number: int, when: str, claims: list[str]) -> Dossier:
    """An article whose every sentence is a claim."""
    text = " ".join(claims)
    records, at = [], 0
    for rank, sentence in enumerate(claims, start=1):
        span = Span(at, at + len(sentence))
        records.append(Claim(f"c{rank}", sentence, span, 0.9, rank))
        at = span.end + 1
    article = Article(text=text, title=f"Article {number}", published=when, origin=Origin("text"))
    return Dossier(article, claims=tuple(records))


def fill(store: Store, dated: list[tuple[str, str]], vectors: np.ndarray, articles: int) -> None:
    """Store `articles` articles of the sentences and write their claims' vectors."""
    from presslens.corpus.lookup import encoder_identity

    identity = encoder_identity()
    for number in range(articles):
        chunk = dated[number * CLAIMS_PER_ARTICLE : (number + 1) * CLAIMS_PER_ARTICLE]
        article_id = store.save(
            dossier(number, chunk[0][0], [s for _, s in chunk]), sha256=f"b{number}"
        )
        first = number * CLAIMS_PER_ARTICLE
        rows = [
            (vectors[first + n].astype(np.float16).tobytes(), identity, article_id, f"c{n + 1}")
            for n in range(len(chunk))
        ]
        with store.transaction():
            store.conn.executemany(store.sql(WRITE_VECTOR), rows)


def grouping_seconds(location: str, runs: int) -> tuple[float, int, int]:
    """(median seconds of `find_groups` with nothing kept, groups, claims in them)."""
    with open_store(location) as store:

        def group() -> list[claimgroups.ClaimGroup]:
            claimgroups.KEPT.clear()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                return claimgroups.find_groups(store)

        seconds = median_seconds(group, runs)
        groups = group()
    return seconds, len(groups), sum(len(g.claims) for g in groups)


def search_seconds(vectors: np.ndarray, texts: list[str]) -> tuple[float, float]:
    """(median seconds of one claim's search among SEARCH_CLAIMS stored vectors, of encoding
    that claim first)."""
    from presslens.corpus.matching import sentence_vectors

    stored = vectors[:SEARCH_CLAIMS]
    stored = stored / np.linalg.norm(stored, axis=1, keepdims=True)
    claims = [claimgroups.StoredClaim(0, "c", t, 0, None, None, None, "", None, ()) for t in texts]
    query = stored[-1]
    search = median_seconds(lambda: claimgroups.nearest(stored, query, claims, 10), 200)
    encode = median_seconds(lambda: sentence_vectors([texts[-1]]), 20)
    return search, encode


def growth(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log seconds on log size (1: linear, 2: quadratic)."""
    x, y = np.log(np.asarray(sizes, float)), np.log(np.asarray(seconds, float))
    return float(np.polyfit(x, y, 1)[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lexical", action="store_true", help="time the word-overlap fallback")
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"no PolNeAR texts at {POLNEAR}: nothing to time")
        return 0
    dated = sentences()
    needed = max(args.sizes) * CLAIMS_PER_ARTICLE
    if len(dated) < max(needed, SEARCH_CLAIMS):
        print(f"{len(dated)} sentences: too few for {max(args.sizes)} articles")
        return 1
    texts = [s for _, s in dated[: max(needed, SEARCH_CLAIMS)]]
    vectors = vectors_of(texts)
    if args.lexical:
        from presslens.nlp import encoder

        encoder.available = lambda: False  # type: ignore[assignment]
    print(f"{'articles':>9}{'claims':>8}{'seconds':>9}{'groups':>8}{'grouped':>9}")
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            location = str(Path(folder) / f"claims-{size}.db")
            with open_store(location) as store:
                fill(store, dated, vectors, size)
            taken, groups, grouped = grouping_seconds(location, args.runs)
            seconds.append(taken)
            line = f"{size:>9}{size * CLAIMS_PER_ARTICLE:>8}{taken:>9.2f}{groups:>8}{grouped:>9}"
            print(line, flush=True)
    if len(args.sizes) > 1:
        print(f"growth exponent (log-log slope): {growth(args.sizes, seconds):.2f}")
    if not args.lexical:
        search, encode = search_seconds(vectors, texts)
        print(
            f"one claim against {min(len(texts), SEARCH_CLAIMS)} stored vectors: "
            f"{search * 1000:.2f} ms search (matrix product and top 10), "
            f"{encode * 1000:.0f} ms to encode the claim"
        )
    if math.isnan(sum(seconds)):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
