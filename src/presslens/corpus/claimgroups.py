"""The same claim across the corpus: stored claims of different articles that say the same thing,
grouped, each group listed first appearance first.

**Vectors.** Each claim's sentence vector (`presslens.nlp.encoder.sentence_vectors`, the base
model's top, made for similarity) is made once and kept beside it (`claims.vector`, float16, and
`claims.encoder`, the encoder's identity as corpus/lookup.py names it): `encode_claims` fills the
claims still without one, so grouping again adds nothing twice and a retrained encoder's vectors
are made again. They are made here rather than at ingest: the analysis encodes sentences through
the fine-tuned top, not the similarity one, and the store never analyses.

**Index.** In-process: the stored vectors as one unit float32 matrix, kept per store in the
process until the claims change; a search is one matrix product (bench/claimgroups.py: well
under a millisecond for one claim against 10k). sqlite-vec and pgvector would give the same
answers brute force with an extension to install for each backend (pgvector is not on this
machine's PostgreSQL), and at these sizes there is nothing for an approximate index to save.

**Same claim.** A pair's score is `ENCODER_WEIGHT` x cosine + the rest x the Dice overlap of
their content words (corpus/matching.py's `words`); two claims are one at `SAME_CLAIM` or more,
unless their numbers differ (`numbers_differ`: "unemployment rose to 5%" and "unemployment fell
to 4%" are two claims however alike the sentences), and a claim of fewer than `MIN_WORDS`
content words ("Trump said.") is never compared. The weight is CheckThat! 2020 task 2 train's
best by F1 (tweet -> verified claim pairs, every pair above a threshold counted; dev held out;
eval/claim_groups.py prints the grid and dev's figures). The threshold is not train's best F1
(0.5): news sentences about one story sit closer together than a tweet and the fact-checker's
summary of it. On 130 hand-labelled cross-article claim pairs from PolNeAR, drawn by score band
(eval/gold/claim_pairs, `python eval/claim_groups.py --news`), 0.7 is the best F1: precision
0.88, recall within the sample 0.86; the two halves of that gold choose 0.70 and 0.775. On
CT2020 train precision stops rising at 0.6 (0.79: the rest are mostly verified claims that say
the same as the labelled one), so it cannot choose among higher thresholds, and recall pays
(dev at 0.7: P 0.78, R 0.11). A claim page
that names an article for a claim it did not make misleads; a missed one does not. Without the
encoder, the overlap alone against `SAME_CLAIM_LEXICAL`, where train precision stops rising,
with a RuntimeWarning.

**Groups.** Average link (UPGMA) with the same threshold: a claim joins a group when its mean
score with the group's claims reaches it. Single link chains (A like B, B like C, A nothing like
C, all one "claim": at a threshold of 0.5 on CT2020 dev, tweets and verified claims grouped
together, single link put 44,425 tweet-claim pairs in groups, precision 0.003, where average
link put 156, precision 0.67); complete link splits a group at its one loosest pair. Pairs
whose numbers differ are set so far apart that no average brings them together. Linkage runs
inside the connected parts of the graph of pairs above the threshold, so the work outside the
one blocked matrix product of all vectors grows with the groups, not the corpus. A group needs
claims of two articles or more; its first appearance is its claim from the earliest
`articles.date_key` (ties: the lower article id, then the earlier claim in the text), and its id
is that claim's "ARTICLE-CLAIM" (`12-c3`): the same corpus grouped again gives the same ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from presslens.corpus.lookup import encoder_identity
from presslens.corpus.matching import URL, encoder_ready, sentence_vectors, words
from presslens.nlp import encoder
from presslens.stages.figures.numbers import find_numbers
from presslens.stages.figures.scales import scales
from presslens.store import Store

ENCODER_WEIGHT = 0.8  # share of the cosine in a pair's score (CT2020 train; 0.6-0.8 within 0.01 F1)
SAME_CLAIM = 0.7  # pair score from which two claims are one (news pairs checked by hand: above)
SAME_CLAIM_LEXICAL = 0.5  # the same, by word overlap alone (no encoder; CT2020 train)
ENCODE_CHUNK = 256  # claims encoded and written per round
MIN_WORDS = 4  # content words a claim needs to be compared ("Trump said." is not a claim)
BLOCK = 512  # rows of the all-pairs product computed at once (512 x 30k floats: 60 MB)
LEXICAL_ONLY = "the sentence encoder cannot run here ({}): claims are grouped by shared words only"
YEARS = (1800, 2100)


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """One stored claim with what a claim page shows of its article."""

    article_id: int
    claim_id: str
    text: str
    start: int
    title: str | None
    published: str | None
    date: str | None  # the publication date's key (YYYY-MM-DD), None when undated
    date_key: str  # what first appearance sorts by (store/dates.py)
    speaker: str | None  # the quote's speaker when the claim is a quote
    sources: tuple[str, ...]

    def order(self) -> tuple[str, int, int]:
        """First appearance first: the article's date key, its id, the place in the text."""
        return (self.date_key or "~", self.article_id, self.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "claim_id": self.claim_id,
            "text": self.text,
            "title": self.title,
            "published": self.published,
            "date": self.date,
            "speaker": self.speaker,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims of two articles or more that say the same thing, first appearance first;
    `cohesion` is the mean score of its pairs."""

    id: str
    claims: tuple[StoredClaim, ...]
    cohesion: float

    @property
    def first(self) -> StoredClaim:
        return self.claims[0]

    @property
    def n_articles(self) -> int:
        return len({claim.article_id for claim in self.claims})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.first.text,
            "n_articles": self.n_articles,
            "n_claims": len(self.claims),
            "first": self.first.date,
            "cohesion": round(self.cohesion, 4),
            "claims": [claim.to_dict() for claim in self.claims],
        }


# --- vectors in the store ----------------------------------------------------------------


def encode_claims(store: Store) -> int:
    """Make and store the vector of every claim without one of this encoder; how many. Nothing
    (0) when the encoder cannot run."""
    if not encoder.available():
        return 0
    identity = encoder_identity()
    done = 0
    while True:
        rows = store.all(
            "SELECT article_id, claim_id, text FROM claims WHERE claim_id IS NOT NULL "
            "AND (encoder IS NULL OR encoder <> ?) ORDER BY article_id, claim_id LIMIT ?",
            (identity, ENCODE_CHUNK),
        )
        if not rows:
            return done
        vectors = sentence_vectors([row["text"] or "" for row in rows]).astype(np.float16)
        changed = 0
        with store.transaction():
            for row, vector in zip(rows, vectors, strict=True):
                changed += store.run(
                    "UPDATE claims SET vector = ?, encoder = ? "
                    "WHERE article_id = ? AND claim_id = ?",
                    (vector.tobytes(), identity, row["article_id"], row["claim_id"]),
                ).rowcount
        if changed == 0:  # nothing written (a row no key finds): stop rather than loop
            return done
        done += len(rows)


CLAIM_QUERY = (
    "SELECT c.article_id, c.claim_id, c.text, c.start_char, c.sources, c.vector, c.encoder, "
    "q.speaker, a.title, a.published, a.date_key, a.ingested_at FROM claims c "
    "JOIN articles a ON a.id = c.article_id "
    "LEFT JOIN quotes q ON q.article_id = c.article_id AND q.quote_id = c.quote_id "
    "WHERE c.claim_id IS NOT NULL ORDER BY c.article_id, c.start_char, c.claim_id"
)


def publication_date(row: dict[str, Any]) -> str | None:
    """The day of the article's published date, None when its date key is only the day it was
    added (store/timeline.py tells the two apart the same way)."""
    key = row["date_key"] or ""
    added = (row["ingested_at"] or "")[:19].replace("T", " ")
    return key[:10] if key and key != added else None


def stored_claim(row: dict[str, Any]) -> StoredClaim:
    sources = tuple(name for name in (row["sources"] or "").split("; ") if name)
    return StoredClaim(
        article_id=int(row["article_id"]),
        claim_id=str(row["claim_id"]),
        text=row["text"] or "",
        start=int(row["start_char"] or 0),
        title=row["title"],
        published=row["published"],
        date=publication_date(row),
        date_key=row["date_key"] or "",
        speaker=row["speaker"],
        sources=sources,
    )


def read_claims(store: Store, *, dense: bool) -> tuple[list[StoredClaim], np.ndarray | None]:
    """Every stored claim (article order, then text order) and, with `dense`, their unit
    vectors (claims x width), None when any is missing or of another encoder."""
    rows = store.all(CLAIM_QUERY)
    claims = [stored_claim(row) for row in rows]
    if not dense or not rows:
        return claims, None
    identity = encoder_identity()
    if any(row["encoder"] != identity or row["vector"] is None for row in rows):
        return claims, None
    blobs = b"".join(bytes(row["vector"]) for row in rows)
    vectors = np.frombuffer(blobs, dtype=np.float16).reshape(len(rows), -1).astype(np.float32)
    return claims, vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


# --- what makes two claims one -----------------------------------------------------------


DIGIT = re.compile(r"\d")
WORD = re.compile(r"[a-z]+")


@cache
def number_words() -> frozenset[str]:
    """The words the figures stage reads as (part of) a number: "seven", "half", "million"."""
    table = scales()
    found = (table.small, table.tens, table.multipliers, table.fractions)  # "5m" has a digit
    return frozenset(word for words in found for word in words)


@dataclass(frozen=True, slots=True)
class Numbers:
    """The numbers a claim writes: years (four plain digits, 1800-2100) and the rest."""

    years: frozenset[float]
    others: frozenset[float]


def numbers(text: str) -> Numbers:
    """The numbers a text writes, read as the figures stage reads them (digits, words, scales,
    "seven in 10"): "3.5 million" is 3500000.0 and "2,093" a count, not a year. Vague plurals
    ("dozens") pin no value, and the word "one" is left out ("one of the ...")."""
    years: set[float] = set()
    others: set[float] = set()
    text = URL.sub(" ", text)
    if not DIGIT.search(text) and number_words().isdisjoint(WORD.findall(text.lower())):
        return Numbers(frozenset(), frozenset())  # most claims: the reader's cost saved
    for number in find_numbers(text):
        if number.value is None or (number.words and number.value == 1 and not number.scaled):
            continue
        value = round(number.value, 6)
        plain = number.plain
        if len(plain) == 4 and plain.isdigit() and YEARS[0] <= value <= YEARS[1]:
            years.add(value)
        else:
            others.add(value)
    return Numbers(frozenset(years), frozenset(others))


def numbers_differ(left: Numbers, right: Numbers) -> bool:
    """Whether two claims' numbers set them apart: both name years and none in common, or both
    name other numbers and each names one the other does not. One side's extra detail ("5% in
    March" beside "5%") is no difference; on CT2020 train this rule drops 2 of 100 true pairs
    (a year one side adds, a count the other gives)."""
    if left.years and right.years and not left.years & right.years:
        return True
    if not (left.others and right.others):
        return False
    return not (left.others <= right.others or right.others <= left.others)


def incidence(sets: Sequence[frozenset[float]]) -> sparse.csr_matrix:
    """A binary claims x values matrix of which claim names which value."""
    values: dict[float, int] = {}
    rows, columns = [], []
    for row, found in enumerate(sets):
        for value in found:
            rows.append(row)
            columns.append(values.setdefault(value, len(values)))
    ones = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((ones, (rows, columns)), shape=(len(sets), len(values)))


@dataclass
class Features:
    """What pair scores are computed from, one row per claim: unit vectors (None: lexical
    only), a binary claims x words matrix and each claim's number of distinct words, and which
    years and which other numbers it names (binary claims x values matrices, so that whether
    two claims' numbers differ is a matrix product too)."""

    vectors: np.ndarray | None
    words: sparse.csr_matrix
    lengths: np.ndarray
    years: sparse.csr_matrix
    others: sparse.csr_matrix

    @classmethod
    def build(cls, texts: Sequence[str], vectors: np.ndarray | None) -> Features:
        vocabulary: dict[str, int] = {}
        rows, columns = [], []
        for row, text in enumerate(texts):
            for word in set(words(text)):
                rows.append(row)
                columns.append(vocabulary.setdefault(word, len(vocabulary)))
        ones = np.ones(len(rows), dtype=np.float32)
        matrix = sparse.csr_matrix((ones, (rows, columns)), shape=(len(texts), len(vocabulary)))
        lengths = np.asarray(matrix.sum(axis=1), dtype=np.float32).ravel()
        found = [numbers(text) for text in texts]
        years = incidence([written.years for written in found])
        others = incidence([written.others for written in found])
        return cls(vectors, matrix, lengths, years, others)

    @property
    def threshold(self) -> float:
        return SAME_CLAIM if self.vectors is not None else SAME_CLAIM_LEXICAL

    def scores(self, rows: Sequence[int] | slice, columns: Sequence[int] | slice) -> np.ndarray:
        """Pair scores of `rows` against `columns`, 0 where one of the two has too few words
        to be compared (numbers not considered: `apart`)."""
        shared = (self.words[rows] @ self.words[columns].T).toarray()
        left, right = self.lengths[rows], self.lengths[columns]
        dice = 2 * shared / np.maximum(left[:, None] + right[None, :], 1)
        scores = dice
        if self.vectors is not None:
            cosine = self.vectors[rows] @ self.vectors[columns].T
            scores = ENCODER_WEIGHT * cosine + (1 - ENCODER_WEIGHT) * dice
        too_short = (left < MIN_WORDS)[:, None] | (right < MIN_WORDS)[None, :]
        return np.where(too_short, 0.0, scores)

    def apart(self, rows: Sequence[int] | slice, columns: Sequence[int] | slice) -> np.ndarray:
        """Whether each pair's numbers differ (`numbers_differ`), as a boolean matrix."""
        years = differ(self.years[rows], self.years[columns], subset_ok=False)
        return years | differ(self.others[rows], self.others[columns], subset_ok=True)


def differ(left: sparse.csr_matrix, right: sparse.csr_matrix, *, subset_ok: bool) -> np.ndarray:
    """For each pair of rows: both name values and share none, or (with `subset_ok`) neither
    names all the other's."""
    shared = (left @ right.T).toarray()
    left_count = np.asarray(left.sum(axis=1)).ravel()[:, None]
    right_count = np.asarray(right.sum(axis=1)).ravel()[None, :]
    both = (left_count > 0) & (right_count > 0)
    if not subset_ok:
        return both & (shared == 0)
    return both & (shared < left_count) & (shared < right_count)


def linked_pairs(features: Features) -> list[tuple[int, int]]:
    """Every pair (i < j) scoring at least the threshold whose numbers do not differ: the
    blocked product of all rows against all."""
    count = features.words.shape[0]
    pairs: list[tuple[int, int]] = []
    for start in range(0, count, BLOCK):
        stop = min(start + BLOCK, count)
        linked = features.scores(slice(start, stop), slice(0, count)) >= features.threshold
        linked &= ~features.apart(slice(start, stop), slice(0, count))
        rows, columns = np.nonzero(linked)
        later = columns > rows + start
        pairs.extend(zip((rows[later] + start).tolist(), columns[later].tolist(), strict=True))
    return pairs


def connected_parts(count: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The connected parts of the graph of linked pairs with two claims or more."""
    if not pairs:
        return []
    left, right = (np.asarray(side, dtype=np.int64) for side in zip(*pairs, strict=True))
    graph = sparse.coo_matrix((np.ones(len(pairs)), (left, right)), shape=(count, count))
    _, labels = connected_components(graph, directed=False)
    parts: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        parts.setdefault(label, []).append(index)
    return [members for members in parts.values() if len(members) > 1]


def average_link(features: Features, members: list[int]) -> list[tuple[list[int], float]]:
    """The claims of one connected part cut into groups by average link at the threshold,
    each with its mean pair score; pairs whose numbers differ never end in one group."""
    if len(members) == 2:
        score = float(features.scores(members[:1], members[1:])[0, 0])
        return [(members, score)]
    scores = np.clip(features.scores(members, members), 0.0, 1.0)
    far = float(len(members) ** 2 + 1)  # above any average that could reach the threshold
    distances = np.where(features.apart(members, members), far, 1.0 - scores)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - features.threshold + 1e-9, criterion="distance")
    found = []
    for label in sorted(set(labels.tolist())):
        inside = [i for i, own in enumerate(labels.tolist()) if own == label]
        if len(inside) > 1:
            block = scores[np.ix_(inside, inside)]
            mean = float(block[np.triu_indices(len(inside), 1)].mean())
            found.append(([members[i] for i in inside], mean))
    return found


def group_claims(claims: Sequence[StoredClaim], vectors: np.ndarray | None) -> list[ClaimGroup]:
    """The groups among `claims` (with their unit `vectors`, or None for words alone), the
    most articles first, then the earliest."""
    features = Features.build([claim.text for claim in claims], vectors)
    groups = []
    for part in connected_parts(len(claims), linked_pairs(features)):
        for members, cohesion in average_link(features, part):
            ordered = tuple(sorted((claims[i] for i in members), key=StoredClaim.order))
            if len({claim.article_id for claim in ordered}) < 2:
                continue  # one article restating itself is not a claim across the corpus
            first = ordered[0]
            groups.append(ClaimGroup(f"{first.article_id}-{first.claim_id}", ordered, cohesion))
    return sorted(groups, key=lambda group: (-group.n_articles, group.first.order()))


# --- the store's claims and groups, kept per process ---------------------------------------


@dataclass
class Kept:
    """A store's claims as last read, their vectors (the in-process index) and, once found,
    their groups; valid while `signature` is."""

    signature: tuple[Any, ...]
    claims: list[StoredClaim]
    vectors: np.ndarray | None
    groups: list[ClaimGroup] | None = None


KEPT: dict[str, Kept] = {}


def corpus_signature(store: Store, dense: bool) -> tuple[Any, ...]:
    """What changes when the stored claims do (articles are only added or deleted)."""
    row = store.one(
        "SELECT count(*) AS n, coalesce(max(article_id), 0) AS last, "
        "coalesce(sum(article_id), 0) AS total FROM claims"
    )
    assert row is not None
    return (int(row["n"]), int(row["last"]), int(row["total"]), dense and encoder_identity())


def stored_corpus(store: Store, dense: bool) -> Kept:
    """The store's claims and (with `dense`) vectors, the missing vectors made first; read
    again only when the claims changed."""
    if dense:
        encode_claims(store)
    signature = corpus_signature(store, dense)
    kept = KEPT.get(store.url)
    if kept is None or kept.signature != signature:
        claims, vectors = read_claims(store, dense=dense)
        kept = KEPT[store.url] = Kept(signature, claims, vectors)
    return kept


def find_groups(store: Store) -> list[ClaimGroup]:
    """The store's claim groups, the most articles first. Words alone, with a RuntimeWarning,
    when the encoder cannot run."""
    kept = stored_corpus(store, encoder_ready(stacklevel=3, message=LEXICAL_ONLY))
    if kept.groups is None:
        kept.groups = group_claims(kept.claims, kept.vectors)
    return kept.groups


def find_group(store: Store, group_id: str) -> ClaimGroup | None:
    return next((group for group in find_groups(store) if group.id == group_id), None)


def known_groups(store: Store, article_id: int) -> dict[str, str]:
    """{claim id: group id} for an article's claims, from the groups this process already
    found for the store (nothing is computed: an article page must not pay for grouping the
    corpus); empty when none are known or the claims changed since."""
    kept = KEPT.get(store.url)
    if kept is None or kept.groups is None:
        return {}
    if kept.signature[:3] != corpus_signature(store, False)[:3]:
        return {}
    return {
        claim.claim_id: group.id
        for group in kept.groups
        for claim in group.claims
        if claim.article_id == article_id
    }


def similar_claims(store: Store, text: str, top_k: int = 10) -> list[dict[str, Any]]:
    """The stored claims nearest to `text` by cosine, best first: each claim's fields and its
    `score`. Empty without the encoder or stored claims."""
    if not text.strip() or not encoder_ready(stacklevel=3, message=LEXICAL_ONLY):
        return []
    kept = stored_corpus(store, True)
    if kept.vectors is None:
        return []
    return nearest(kept.vectors, sentence_vectors([text])[0], kept.claims, top_k)


def nearest(
    vectors: np.ndarray, query: np.ndarray, claims: Sequence[StoredClaim], top_k: int
) -> list[dict[str, Any]]:
    """The `top_k` rows of `vectors` nearest to the unit vector `query` (one matrix product),
    as claim dicts with their `score`."""
    scores = vectors @ query
    count = min(max(0, top_k), len(scores))
    if count == 0:
        return []
    picked = np.argpartition(-scores, count - 1)[:count] if count < len(scores) else range(count)
    ordered = sorted(picked, key=lambda i: (-scores[i], i))
    return [{**claims[i].to_dict(), "score": round(float(scores[i]), 4)} for i in ordered]


def group_page(store: Store, group_id: str, top_k: int = 3) -> dict[str, Any] | None:
    """One group as a claim page shows it: the group's fields and `factchecks`, the stored
    fact-checks that best match its first claim (corpus/lookup.py, with their scores); None
    for an unknown id."""
    from presslens.corpus.lookup import match_text

    group = find_group(store, group_id)
    if group is None:
        return None
    return {**group.to_dict(), "factchecks": match_text(store, [group.first.text], top_k)[0]}
