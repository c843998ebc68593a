"""Claim matching: for a claim, the verified claims (fact-checks) that say the same thing.

Two scores for every (query, verified claim) pair, combined linearly:

- lexical: BM25 over words (lower-cased, stop words out, plural endings off), written here on a
  scipy sparse matrix; divided by the query's own best possible score, so it lies in [0, 1] and
  means the same for every collection;
- contextual: the cosine of the two sentence vectors of `presslens.nlp.encoder`, clipped at 0.

The query is read twice, differently for each score (chosen on CheckThat! 2020 task 2 train,
dev held out; eval/claim_matching.py's docstring has the table): hashtags and @handles are split
into their words for both ("#VoterFraud" -> "Voter Fraud": +2.9 points of train MAP@5 for BM25),
and a tweet's embed signature ("— Name (@handle) Month D, YYYY") is cut to the name for the
encoder only (the name is part of what a fact-check states, the handle and date are noise to the
encoder, while BM25 does best with the whole signature; with the split, +0.9 for the encoder).
A fact-check's title (its headline) joins its claim's words for BM25, and the encoder compares
the query with the claim and with the title and keeps the closer (+1.7 points of train MAP@5 for
the encoder, +0.7 combined, over the claim alone).

`DENSE_WEIGHT` is the one free number, fitted on train (0.15 to 0.3 lie within 0.4 points of
the best, 0.25). Tried and not kept (eval/claim_matching.py's docstring gives the figures):
reciprocal rank fusion, per-query z-score or min-max scaling and a logistic re-ranker (train
MAP@5 within 0.6 point of the linear mix, and their scores mean nothing across queries), other
BM25 k1 and b (within half a point), word bigrams (2.6 points worse), the encoder reading claim
and title as one text, and a late-interaction re-rank of the top 20 (MaxSim over the encoder's
piece vectors: worse on train at every weight). When the encoder cannot run, matching is lexical
only and says so with a RuntimeWarning.

A store's fact-checks are matched through corpus/lookup.py, which keeps their vectors.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from presslens.nlp import encoder
from presslens.resources import parse_sections, read_text

DENSE_WEIGHT = 0.25  # share of the encoder's cosine in the combined score (fitted on train)
K1, B = 1.2, 0.75  # BM25's usual term saturation and length normalisation
ENCODE_CHUNK = 256  # fact-checks encoded and written per round at import
URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"[#@](\w+)")  # a hashtag or an @handle (tweets run them together: "a#b#c")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # where a run-together tag's next word starts
MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a tweet's embed signature at its end: "— Name (@handle) Month D, YYYY", the name caught
SIGNATURE = re.compile(
    rf"\s*\u2014\s*([^\u2014]*?)\s*\(@\w+\)\s*{MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$"
)
LEXICAL_ONLY = "the sentence encoder cannot run here ({}): claim matching is lexical only"

Matches = list[list[tuple[int, float]]]


@cache
def stop_words() -> frozenset[str]:
    return frozenset(parse_sections(read_text("match_stop_words.txt"), ("stop",), "stop")["stop"])


def stem(word: str) -> str:
    """A plural's singular ("claims" -> "claim", "policies" -> "policy"), roughly: enough for
    a claim and its fact-check to share their nouns; anything subtler is the encoder's job."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words BM25 compares: links out, lower-cased, stop words and lone letters (the s of
    "Obama's") out, plurals stemmed."""
    stop = stop_words()
    found = WORD.findall(URL.sub(" ", text).lower())
    return [stem(word) for word in found if word not in stop and (len(word) > 1 or word.isdigit())]


def cleaned(text: str) -> str:
    """The text the encoder reads: links out (they carry no meaning it can use)."""
    return " ".join(URL.sub(" ", text).split())


def split_tags(text: str) -> str:
    """Hashtags and @handles as the words they run together ("#VoterFraud" -> "Voter Fraud",
    "@RealJohnDoe" -> "Real John Doe"): a fact-check spells the words out."""
    return TAG.sub(lambda found: " " + CAMEL.sub(" ", found.group(1)), text)


def lexical_query(text: str) -> str:
    """The query as BM25 reads it: links out, then tags split (a link can hold a # or an @)."""
    return split_tags(URL.sub(" ", text))


def encoder_query(text: str) -> str:
    """The query as the encoder reads it: a tweet's embed signature cut to the name, links out,
    tags split."""
    signed = SIGNATURE.sub(lambda found: f" \u2014 {found.group(1)}", text)
    return cleaned(split_tags(URL.sub(" ", signed)))


class Lexical:
    """BM25 over a fixed list of texts: a (texts x words) sparse matrix of term weights."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.vocabulary: dict[str, int] = {}
        rows, columns, counts = [], [], []
        lengths = np.zeros(len(texts), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = words(text)
            lengths[row] = len(tokens)
            for word, count in Counter(tokens).items():
                column = self.vocabulary.setdefault(word, len(self.vocabulary))
                rows.append(row)
                columns.append(column)
                counts.append(count)
        shape = (len(texts), len(self.vocabulary))
        tf = sparse.csr_matrix((np.asarray(counts, np.float32), (rows, columns)), shape=shape)
        frequency = np.bincount(np.asarray(columns, dtype=np.int64), minlength=shape[1])
        self.idf = np.log1p((len(texts) - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
        self.rarest = float(np.log1p((len(texts) + 0.5) / 0.5))  # a word in no text
        norm = K1 * (1 - B + B * lengths / max(float(lengths.mean()) if len(texts) else 1, 1))
        weights = tf.tocoo()
        saturated = weights.data * (K1 + 1) / (weights.data + norm[weights.row])
        weights.data = saturated * self.idf[weights.col]
        self.weights = weights.tocsr().T.tocsr()  # words x texts: a query reads its words' rows

    def scores(self, queries: Sequence[str]) -> np.ndarray:
        """(queries x texts) BM25, each divided by the highest score the query's words could
        reach (every word present, saturated; a word no text holds counts as the rarest): in
        [0, 1], and lower for a query much of which nothing matches."""
        rows, columns = [], []
        unknown = np.zeros(len(queries), dtype=np.float32)
        for row, query in enumerate(queries):
            for word in set(words(query)):
                if word in self.vocabulary:
                    rows.append(row)
                    columns.append(self.vocabulary[word])
                else:
                    unknown[row] += 1
        ones = np.ones(len(rows), dtype=np.float32)
        shape = (len(queries), len(self.vocabulary))
        asked = sparse.csr_matrix((ones, (rows, columns)), shape=shape)
        found = (asked @ self.weights).toarray()
        best = (asked @ self.idf + unknown * self.rarest) * (K1 + 1)
        return found / np.maximum(best, 1e-9)[:, None]


def lexical_only() -> bool:
    """True when the encoder cannot run here, so matching is BM25 alone."""
    return not encoder.available()


def encoder_ready(stacklevel: int = 3, message: str = LEXICAL_ONLY) -> bool:
    """Whether the encoder runs here; a RuntimeWarning saying matching (or what `message`
    names, with a {} for the reason) is lexical only when it does not."""
    if encoder.available():
        return True
    try:
        encoder.session()
        reason = "it is switched off"
    except encoder.EncoderUnavailable as exc:
        reason = str(exc)
    warnings.warn(message.format(reason), RuntimeWarning, stacklevel=stacklevel)
    return False


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    return encoder.sentence_vectors([cleaned(text) for text in texts])


@dataclass
class ClaimIndex:
    """Verified claims ready to be matched: their BM25 matrix and, when the encoder runs, their
    unit sentence vectors (claims x width) and those of their titles (a claim's own where it has
    no title)."""

    lexical: Lexical
    vectors: np.ndarray | None
    title_vectors: np.ndarray | None = None

    @classmethod
    def build(
        cls,
        claims: Sequence[str],
        vectors: np.ndarray | None = None,
        titles: Sequence[str] | None = None,
        title_vectors: np.ndarray | None = None,
    ) -> ClaimIndex:
        """The index of `claims` with their `vectors`; a claim's title (a fact-check's
        headline), when given, joins its words for BM25 (on CheckThat! 2020 train +4.5 points
        of MAP@5 for BM25), and `title_vectors`, when given, are compared with the query beside
        the claims' vectors (the encoder reads each apart: one text of both is worse)."""
        if titles is not None:
            claims = [
                f"{claim} {title}" if title else claim
                for claim, title in zip(claims, titles, strict=True)
            ]
        return cls(Lexical(claims), vectors, title_vectors)

    def lexical_scores(self, queries: Sequence[str]) -> np.ndarray:
        """(queries x claims) BM25 in [0, 1], the queries' tags split."""
        return self.lexical.scores([lexical_query(query) for query in queries])

    def dense_scores(self, queries: Sequence[str]) -> np.ndarray:
        """(queries x claims) cosine in [0, 1] (clipped at 0): the closer of claim and title."""
        assert self.vectors is not None
        asked = encoder.sentence_vectors([encoder_query(query) for query in queries])
        cosine = asked @ self.vectors.T
        if self.title_vectors is not None:
            cosine = np.maximum(cosine, asked @ self.title_vectors.T)
        return np.clip(cosine, 0, 1)

    def scores(self, queries: Sequence[str], *, dense: bool = True) -> np.ndarray:
        """(queries x claims) combined scores in [0, 1]; lexical only without vectors."""
        lexical = self.lexical_scores(queries)
        if self.vectors is None or not dense:
            return lexical
        return DENSE_WEIGHT * self.dense_scores(queries) + (1 - DENSE_WEIGHT) * lexical

    def search(self, queries: Sequence[str], top_k: int = 5) -> Matches:
        return best_of(self.scores(queries), top_k)


def best_of(scores: np.ndarray, top_k: int) -> Matches:
    """Each row's `top_k` (column, score) pairs, best first (ties: lower column first)."""
    found: Matches = []
    count = min(max(0, top_k), scores.shape[1])
    for row in scores:
        if count == 0:
            found.append([])
            continue
        picked = np.argpartition(-row, count - 1)[:count] if count < len(row) else np.arange(count)
        ordered = sorted(picked, key=lambda i: (-row[i], i))
        found.append([(int(i), round(float(min(max(row[i], 0.0), 1.0)), 4)) for i in ordered])
    return found


def match_claims(queries: list[str], claims: list[str], top_k: int = 5) -> Matches:
    """For each query, the `top_k` claims that say the same thing: (index into `claims`, score
    in [0, 1]) pairs, best first. BM25 and the sentence encoder combined; BM25 alone, with a
    RuntimeWarning, when the encoder cannot run."""
    if not queries:
        return []
    if not claims:
        return [[] for _ in queries]
    vectors = sentence_vectors(claims) if encoder_ready() else None
    return ClaimIndex.build(claims, vectors).search(queries, top_k)
