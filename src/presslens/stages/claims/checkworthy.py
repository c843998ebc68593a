"""Check-worthiness of single sentences: a calibrated probability that a sentence makes a
factual claim worth checking (a sentence counts as check-worthy at >= 0.5).

Two models blended on the log-odds scale, then put through a sigmoid:
- a logistic regression over hashed word 1-2-grams (TF-IDF weighted, L2-normalised), a few hand
  features (numbers, attribution, hedges, first-person opinion, questions, imperatives, modals,
  tense) and features of the sentence's spaCy parse (entity types such as CARDINAL/PERCENT/
  MONEY/DATE/ORG/PERSON, the root verb's tense and form, modal and first-person subjects,
  superlatives);
- a one-hidden-layer network over the sentence's static WordLlama embedding
  (presslens.nlp.embeddings, weights inside the wordllama wheel) with the same hand and parse
  features, which generalises across wordings the n-grams only see when they recur; five
  such networks, trained from different seeds, averaged into one (`side_by_side`).
The blend weights and the offset come from out-of-fold margins on debates the models had not seen
(train/checkworthy.py): a two-input logistic regression gives the weights, and the offset puts
0.5 at the blended margin with the best F1. The parse comes from the article's own Doc when the
caller has it (the claims stage passes its sentence spans); otherwise the sentences are parsed
here, which costs far more than the scoring. The model ships as a numpy `.npz` (no pickle) and
its settings as JSON; hashing needs no vocabulary, so loading is a few milliseconds (plus the
embedding table's one-off load).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import IO, Any

import numpy as np
from scipy import sparse
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from presslens.nlp import embeddings
from presslens.resources import read_json
from presslens.stages.claims import encoded

MODEL_FILE = "checkworthy_model.npz"
META_FILE = "checkworthy_model.json"
CUES_FILE = "checkworthy_cues.json"

WORD_FEATURES = 2**18
WORD_NGRAMS = (1, 2)
HAND_WEIGHT = 1.0  # scale of the hand features beside the unit-length n-gram block
EMBEDDING_SCALE = 4.0  # length of the embedding beside the hand and parse features (in [0, 1])
RETRAIN = "retrain with `python train/checkworthy.py`"

YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
CURRENCY = re.compile(r"[$€£¥]|%")
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
QUOTE_MARK = re.compile(r"[\"“”]")
INNER_CAPITAL = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")


@functools.cache
def cues() -> dict[str, re.Pattern[str]]:
    """The cue lists of resources/checkworthy_cues.json as whole-word regexes, to be run on
    lower-cased text (faster than re.I on the original; the same hand features on all 28,138
    sentences tried: CT24 train, dev and dev-test, 200 PolNeAR articles, the showcase)."""
    data = read_json(CUES_FILE)
    return {name: cue_pattern(words) for name, words in data.items() if not name.startswith("_")}


def cue_pattern(words: list[str]) -> re.Pattern[str]:
    """`(?<![\\w'])(?:word|word|...)(?![\\w'])`, the whole-word match of any of `words`, in a
    form the regex engine searches faster and that matches the same at every position.

    The words that start with a plain letter are grouped by that letter, in their order:
    `s(?:aid|ays)`. At a given position only the words of the letter there can match, so the
    grouping leaves the order in which they are tried, and so every match, as it was; words
    of other shapes (`\\d[\\d,.]*`) must all come first, where they are tried first as before.
    With none of those, the check of the character before moves after the letter,
    `s(?<![\\w']s)(?:aid|ays)`: the engine then jumps straight to the positions holding one of
    the letters (it cannot when the pattern opens with a look-behind)."""
    first = list(itertools.takewhile(lambda word: not leading_letter(word), words))
    lettered = words[len(first) :]
    if not all(map(leading_letter, lettered)):
        return re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])")
    groups: dict[str, list[str]] = {}
    for word in lettered:
        groups.setdefault(word[0], []).append(word[1:])
    if first:
        branches = first + [f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items()]
        return re.compile(r"(?<![\w'])(?:" + "|".join(branches) + r")(?![\w'])")
    branches = [
        f"{letter}(?<![\\w']{letter})(?:{'|'.join(rests)})" for letter, rests in groups.items()
    ]
    return re.compile("(?:" + "|".join(branches) + r")(?![\w'])")


def leading_letter(word: str) -> bool:
    """Whether a cue's regex starts with one letter matched as itself (not `\\d`, a class, a
    group, or a letter made optional or repeated by what follows it), in one alternative."""
    return word[:1].isalpha() and word[1:2] not in ("?", "*", "+", "{") and "|" not in word


def _capped(count: int, cap: int) -> float:
    return min(count, cap) / cap


def hand_features(sentence: str) -> list[float]:
    """Cheap surface cues that the n-grams see only sparsely; all in [0, 1]."""
    return hand_features_of([sentence])[0]


# the cue lists counted in a sentence, in the order hand_features reads them
COUNTED_CUES = (
    "number_words", "percent", "money", "attribution", "hedges", "opinion", "first_person",
    "second_person", "third_person", "modals", "future", "past", "comparison", "negation",
)  # fmt: skip
PRONOUN_CUES = ("first_person", "second_person", "third_person")


def hand_features_of(sentences: Sequence[str]) -> list[list[float]]:
    """hand_features of each sentence; each pattern searches all of them at once
    (`match_counts`), not each sentence in turn (an article's hundred sentences made ~2,000
    searches)."""
    texts = [sentence.strip() for sentence in sentences]
    lowered = [text.lower() for text in texts]
    cue = cues()
    counted = {name: match_counts(cue[name], lowered) for name in COUNTED_CUES}
    currency, years, inner, acronyms = (
        match_counts(pattern, texts) for pattern in (CURRENCY, YEAR, INNER_CAPITAL, ACRONYM)
    )
    rows = []
    for i, (text, lower) in enumerate(zip(texts, lowered, strict=True)):
        words = max(1, len(text.split()))
        count = {name: found[i] for name, found in counted.items()}
        # pronoun density rather than count, so long sentences are not favoured
        share = {name: min(count[name] / words * 5, 1.0) for name in PRONOUN_CUES}
        rows.append(
            [
                min(np.log1p(words) / 4, 1.0),
                _capped(count["number_words"], 3),
                _capped(count["percent"] + text.count("%"), 2),
                _capped(count["money"] + currency[i], 2),
                _capped(years[i], 2),
                _capped(count["attribution"], 2),
                _capped(count["hedges"], 2),
                _capped(count["opinion"], 2),
                share["first_person"],
                share["second_person"],
                share["third_person"],
                _capped(count["modals"], 2),
                _capped(count["future"], 2),
                _capped(count["past"], 3),
                _capped(count["comparison"], 3),
                _capped(count["negation"], 2),
                float("?" in text),
                float("!" in text),
                float(bool(cue["imperative_openers"].match(lower))),
                float(bool(cue["fillers"].match(lower)) and words < 6),
                _capped(inner[i], 4),
                _capped(acronyms[i], 2),
                float(bool(QUOTE_MARK.search(text))),
            ]
        )
    return rows


def match_counts(pattern: re.Pattern[str], texts: list[str]) -> list[int]:
    """len(pattern.findall(text)) for each text, from one search of the texts joined by line
    breaks. The same matches: no pattern here matches a line break or an empty string (a cue
    is words, spaces, digits and `,.'`, see checkworthy_cues.json), so none runs from one
    text into the next, and to their look-arounds and `\\b` a line break reads as the start
    or end of the text (not a word character, an apostrophe, a space or a letter)."""
    ends = list(itertools.accumulate(len(text) + 1 for text in texts))  # past each break
    found = [0] * len(texts)
    for match in pattern.finditer("\n".join(texts)):
        found[bisect.bisect_right(ends, match.start())] += 1
    return found


HAND_FEATURE_COUNT = len(hand_features("x"))

# Entity types whose counts are features: figures, dates and named actors make claims checkable.
ENTITY_TYPES = (
    "CARDINAL", "PERCENT", "MONEY", "DATE", "GPE", "ORG", "PERSON", "NORP", "QUANTITY",
    "ORDINAL", "TIME", "LAW", "EVENT", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LANGUAGE",
)  # fmt: skip
FIRST_PERSON = ("i", "we")


ENT_B, ENT_I = 3, 1  # ENT_IOB codes of "B" and "I" (Token.iob_strings())
ROOT_MORPHS = ("Tense=Past", "Tense=Pres", "VerbForm=Inf")


@dataclass(frozen=True, slots=True)
class ParseColumns:
    """What the parse features read of one doc, read once as arrays (an article's sentences
    are spans of one doc; `for token in span` builds a Token object per step): per-token flags
    as running counts, so a sentence's count is a difference of two rows."""

    counts: np.ndarray  # (tokens + 1, types + flags): counts before each token
    inside_type: np.ndarray  # the ENTITY_TYPES index of a token inside an entity ("I"), else -1
    roots: list[int]  # tokens labelled ROOT, in order
    root_flags: list[list[float]]  # per root: ROOT_MORPHS in its morphology, tag VB, pos VERB
    base_verb: np.ndarray  # tag VB
    modals: list[tuple[int, int]]  # (token, head) of the tokens tagged MD

    @classmethod
    def of(cls, doc: Doc) -> ParseColumns:
        table = doc.to_array([ENT_IOB, HEAD, ENT_TYPE, TAG, POS, DEP, MORPH, LEMMA])
        iob, head, *columns = table.reshape(len(doc), 8).T
        ent_type, tag, pos, dep, morph, lemma = (by_name(c, doc.vocab.strings) for c in columns)
        names, at = ent_type
        type_of = [ENTITY_TYPES.index(n) if n in ENTITY_TYPES else -1 for n in names]
        types = np.asarray(type_of, dtype=np.int64)[at]  # the ENTITY_TYPES index, else -1
        starts = (iob == ENT_B)[:, None] & (types[:, None] == np.arange(len(ENTITY_TYPES)))
        tags = [flags(tag, [n in group for n in tag[0]]) for group in TAG_GROUPS]
        subject = flags(dep, [n == "nsubj" for n in dep[0]])
        subject &= flags(lemma, [n.lower() in FIRST_PERSON for n in lemma[0]])
        per_token = np.column_stack([starts, *tags, subject]).astype(np.int64)
        counts = np.vstack([np.zeros((1, per_token.shape[1]), np.int64), per_token.cumsum(0)])
        base = flags(tag, [n == "VB" for n in tag[0]])
        roots = np.flatnonzero(flags(dep, [n == "ROOT" for n in dep[0]]))
        root_flags = [flags(morph, [part in n for n in morph[0]]) for part in ROOT_MORPHS]
        root_flags += [base, flags(pos, [n == "VERB" for n in pos[0]])]
        modals = np.flatnonzero(flags(tag, [n == "MD" for n in tag[0]]))
        # HEAD is the offset to the head, stored unsigned: as signed it adds to the index
        modal_heads = modals + head[modals].astype(np.int64)
        return cls(
            counts,
            np.where(iob == ENT_I, types, -1),
            roots.tolist(),
            np.column_stack(root_flags)[roots].astype(float).tolist(),
            base,
            list(zip(modals.tolist(), modal_heads.tolist(), strict=True)),
        )


def by_name(column: np.ndarray, strings: Any) -> tuple[list[str], np.ndarray]:
    """The distinct strings of a column of string ids, and each token's index among them."""
    values, inverse = np.unique(column, return_inverse=True)
    return [strings[value] for value in values.tolist()], inverse.reshape(-1)


def flags(named: tuple[list[str], np.ndarray], verdicts: list[bool]) -> np.ndarray:
    """Each token's verdict, given the verdict on each distinct string of `by_name`."""
    return np.asarray(verdicts, dtype=bool)[named[1]]


# tag groups counted or tested over a sentence, in the order of ParseColumns.counts' flags
TAG_GROUPS = (("VBD", "VBN"), ("CD",), ("PRP",), ("NNP",), ("JJS", "RBS"), ("JJR", "RBR"))


def parse_features(tokens: Doc | SpacySpan) -> list[float]:
    """Cues from the spaCy parse of one sentence (a Doc or a Span); all in [0, 1]."""
    return parse_features_of([tokens])[0]


def parse_features_of(parses: Sequence[Doc | SpacySpan]) -> list[list[float]]:
    """parse_features of each sentence, the columns of each doc read once."""
    columns: dict[int, ParseColumns] = {}
    found = []
    for tokens in parses:
        doc = tokens if isinstance(tokens, Doc) else tokens.doc
        table = columns.get(id(doc))
        if table is None:
            table = columns[id(doc)] = ParseColumns.of(doc)
        start, end = (0, len(doc)) if isinstance(tokens, Doc) else (tokens.start, tokens.end)
        found.append(sentence_parse_features(table, start, end))
    return found


def sentence_parse_features(table: ParseColumns, start: int, end: int) -> list[float]:
    """The parse features of tokens [start, end) of a doc.

    Entities are counted by their first token in the sentence (a B tag, or an I tag on the
    sentence's first token). The root is the first token labelled ROOT, as a sentence parsed
    alone has one; a span of an article parse may hold two when the segmentation differs, and
    the first one leads.
    """
    counts = (table.counts[end] - table.counts[start]).tolist()
    types = len(ENTITY_TYPES)
    entities = counts[:types]
    if start < end and (inside := int(table.inside_type[start])) >= 0:
        entities[inside] += 1
    features = [_capped(count, 2) for count in entities]
    at = bisect.bisect_left(table.roots, start)
    if at == len(table.roots) or table.roots[at] >= end:
        return features + [0.0] * 14
    root = table.roots[at]
    past, number, pronoun, proper, superlative, comparative, first_person = counts[types:]
    modals = table.modals[bisect.bisect_left(table.modals, (start, -1)) :]
    governs_modal = any(
        head == root for i, head in itertools.takewhile(lambda m: m[0] < end, modals)
    )
    features += table.root_flags[at]
    features += [
        float(governs_modal),
        _capped(past, 3),
        _capped(number, 3),
        _capped(pronoun, 3),
        _capped(proper, 4),
        float(table.base_verb[start]),
        float(first_person > 0),
        float(superlative > 0),
        float(comparative > 0),
    ]
    return features


PARSE_FEATURE_COUNT = 32


def parse_sentences(sentences: list[str]) -> list[Any]:
    """Each sentence parsed alone (as at training time) when no article parse is at hand."""
    from presslens.nlp import get_model  # spaCy loads only when needed

    return list(get_model().pipe(sentences, batch_size=256))


WORD_TOKEN = re.compile(r"(?u)\b\w+\b")


def word_ngrams(text: str) -> list[str]:
    """Lower-cased word 1- and 2-grams, as sklearn's word analyzer makes them."""
    tokens = WORD_TOKEN.findall(text.lower())
    low, high = WORD_NGRAMS
    grams = list(tokens) if low == 1 else []
    for n in range(max(2, low), high + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def hashed_columns(grams: list[str], n_features: int) -> list[int]:
    """Feature columns of n-grams: MurmurHash3 (32-bit, seed 0), |h| mod n_features, as
    sklearn's HashingVectorizer(alternate_sign=False) picks them."""
    import mmh3

    return [abs(mmh3.hash(gram, 0, True)) % n_features for gram in grams]


def hashed(rows: list[list[str]], n_features: int) -> sparse.csr_matrix:
    """Counts of hashed features (hashed_columns: sklearn's columns without importing sklearn,
    which costs a third of a second at start-up)."""
    row_index: list[int] = []
    columns: list[int] = []
    for number, grams in enumerate(rows):
        columns += hashed_columns(grams, n_features)
        row_index += [number] * len(grams)
    data = np.ones(len(columns), dtype=np.float64)
    shape = (len(rows), n_features)
    matrix = sparse.csr_matrix((data, (row_index, columns)), shape=shape)
    matrix.sum_duplicates()
    return matrix


def counts(sentences: list[str]) -> sparse.csr_matrix:
    """Raw hashed word n-gram counts."""
    return hashed([word_ngrams(s) for s in sentences], WORD_FEATURES)


def tfidf(block: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF times IDF, each row scaled to unit length (as sklearn's TfidfVectorizer)."""
    weighted = block.astype(np.float32, copy=True)
    weighted.data = 1.0 + np.log(weighted.data)
    weighted = weighted @ sparse.diags(idf.astype(np.float32))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


@dataclass(frozen=True, slots=True)
class Cues:
    """The per-sentence inputs both parts of the model share."""

    sentences: list[str]
    hand: np.ndarray  # (n, HAND_FEATURE_COUNT)
    parsed: np.ndarray  # (n, PARSE_FEATURE_COUNT)
    embedded: np.ndarray  # (n, embeddings.DIMENSIONS), raw mean piece vectors


def read_cues(
    sentences: list[str],
    parses: Sequence[Doc | SpacySpan],
    pieces: embeddings.Pieces | None = None,
) -> Cues:
    """Hand features, parse features and embeddings of the sentences; `pieces`, the
    sentences' WordLlama piece ids when tokenized already (`embeddings.tokenized`)."""
    n = len(sentences)
    hand = np.array(hand_features_of(sentences), dtype=np.float32) * HAND_WEIGHT
    parsed = np.array(parse_features_of(parses), dtype=np.float32)
    return Cues(
        list(sentences),
        hand.reshape(n, HAND_FEATURE_COUNT),
        parsed.reshape(n, PARSE_FEATURE_COUNT),
        embeddings.embed(list(sentences), pieces),
    )


def design_matrix(cues: Cues, word_idf: np.ndarray) -> sparse.csr_matrix:
    """The linear part's features: word TF-IDF | hand features | parse features."""
    blocks = [
        tfidf(counts(cues.sentences), word_idf),
        sparse.csr_matrix(cues.hand),
        sparse.csr_matrix(cues.parsed),
    ]
    return sparse.hstack(blocks, format="csr")


def linear_margins(cues: Cues, word_idf: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """design_matrix(cues, word_idf) @ coef without building the sparse matrix (scipy's
    machinery costs more than the arithmetic for an article's hundred sentences)."""
    n = len(cues.sentences)
    grams = [word_ngrams(s) for s in cues.sentences]
    columns = np.array(
        hashed_columns([g for row in grams for g in row], WORD_FEATURES), dtype=np.int64
    )
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(row) for row in grams])
    # count each (sentence, column) pair once: sublinear TF of the count, times IDF
    pairs, count = np.unique(rows * WORD_FEATURES + columns, return_counts=True)
    rows, columns = pairs // WORD_FEATURES, pairs % WORD_FEATURES
    weights = (1.0 + np.log(count)) * word_idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n))
    norms[norms == 0] = 1.0
    words = np.bincount(rows, weights=weights * coef[columns], minlength=n) / norms
    hand_end = WORD_FEATURES + HAND_FEATURE_COUNT
    # einsum: a sentence's score must not depend on the rows beside it, which BLAS's blocking
    # of `@` does not promise
    hand = np.einsum("ij,j->i", cues.hand, coef[WORD_FEATURES:hand_end])
    return words + hand + np.einsum("ij,j->i", cues.parsed, coef[hand_end:])


def dense_matrix(cues: Cues, embedding_mean: np.ndarray) -> np.ndarray:
    """The network's features: the centred, unit-length embedding (scaled) | hand | parse."""
    centred = cues.embedded - embedding_mean
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.hstack([centred / norms * EMBEDDING_SCALE, cues.hand, cues.parsed])


def network_logit(
    dense: np.ndarray, hidden: np.ndarray, hidden_bias: np.ndarray, out: np.ndarray, out_bias: float
) -> np.ndarray:
    """The one-hidden-layer ReLU network's log-odds (sklearn MLPClassifier's forward pass)."""
    # einsum, not `@`: for an article's hundred rows, waking BLAS's threads on a busy 2-core
    # machine is ~15 ms against ~2 ms for einsum's own loop; and BLAS's `@` may give a row a
    # different last bit by where it stands in the batch, einsum does not
    layer = np.maximum(np.einsum("ij,jk->ik", dense, hidden) + hidden_bias, 0.0)
    return np.einsum("ij,j->i", layer, out) + out_bias


Network = tuple[np.ndarray, np.ndarray, np.ndarray, float]  # hidden, hidden_bias, out, out_bias


def side_by_side(networks: Sequence[Network]) -> Network:
    """One network whose log-odds are the mean of the given networks' (same inputs): their hidden
    units side by side, the output weights and biases divided by their number. Averaging
    networks trained from several seeds removes most of the seed's effect on the scores."""
    count = len(networks)
    hidden = np.hstack([net[0] for net in networks])
    hidden_bias = np.hstack([net[1] for net in networks])
    out = np.hstack([net[2] for net in networks]) / count
    return hidden, hidden_bias, out, float(sum(net[3] for net in networks) / count)


@dataclass(frozen=True, slots=True)
class Scorer:
    """The loaded model: the linear part (IDF, weights), the network, and the blend.

    probability = sigmoid(blend[0] * linear margin + blend[1] * network logit + blend[2])
    """

    word_idf: np.ndarray
    coef: np.ndarray
    intercept: float
    embedding_mean: np.ndarray
    hidden: np.ndarray
    hidden_bias: np.ndarray
    out: np.ndarray
    out_bias: float
    blend: tuple[float, float, float]
    meta: dict[str, Any]

    def linear(self, cues: Cues) -> np.ndarray:
        return linear_margins(cues, self.word_idf, self.coef) + self.intercept

    def network(self, cues: Cues) -> np.ndarray:
        dense = dense_matrix(cues, self.embedding_mean)
        return network_logit(dense, self.hidden, self.hidden_bias, self.out, self.out_bias)

    def probabilities(
        self,
        sentences: list[str],
        parses: Sequence[Doc | SpacySpan] | None = None,
        pieces: embeddings.Pieces | None = None,
    ) -> np.ndarray:
        parses = parse_sentences(sentences) if parses is None else parses
        cues = read_cues(sentences, parses, pieces)
        a, b, c = self.blend
        margin = a * self.linear(cues) + b * self.network(cues) + c
        return 1.0 / (1.0 + np.exp(-margin))


def save_scorer(scorer: Scorer, npz_path: Any, meta_path: Any) -> None:
    """Write the model as arrays (.npz, compressed) and its settings (.json)."""
    np.savez_compressed(
        npz_path,
        word_idf=scorer.word_idf.astype(np.float32),
        coef=scorer.coef.astype(np.float32),
        embedding_mean=scorer.embedding_mean.astype(np.float32),
        hidden=scorer.hidden.astype(np.float32),
        hidden_bias=scorer.hidden_bias.astype(np.float32),
        out=scorer.out.astype(np.float32),
        scalars=np.array([scorer.intercept, scorer.out_bias, *scorer.blend], dtype=np.float64),
    )
    with open(meta_path, "w", encoding="utf-8") as handle:
        json.dump(scorer.meta, handle, indent=1, sort_keys=True)
        handle.write("\n")


def read_scorer(npz_file: IO[bytes], meta_text: str) -> Scorer:
    """A model from its .npz weights and JSON settings (no pickle: allow_pickle=False)."""
    arrays = np.load(npz_file, allow_pickle=False)
    linear = WORD_FEATURES + HAND_FEATURE_COUNT + PARSE_FEATURE_COUNT
    dense = embeddings.DIMENSIONS + HAND_FEATURE_COUNT + PARSE_FEATURE_COUNT
    names = ("word_idf", "coef", "embedding_mean", "hidden", "hidden_bias", "out", "scalars")
    if set(names) - set(arrays.files) or arrays["coef"].shape != (linear,):
        raise ValueError(f"{MODEL_FILE} is not a model of these features: {RETRAIN}")
    if arrays["hidden"].shape[0] != dense:
        raise ValueError(f"{MODEL_FILE}'s network expects other inputs: {RETRAIN}")
    intercept, out_bias, a, b, c = (float(v) for v in arrays["scalars"])
    return Scorer(
        arrays["word_idf"],
        arrays["coef"],
        intercept,
        arrays["embedding_mean"],
        arrays["hidden"],
        arrays["hidden_bias"],
        arrays["out"],
        out_bias,
        (a, b, c),
        json.loads(meta_text),
    )


@functools.cache
def load_scorer() -> Scorer:
    """The shipped model, loaded once per process."""
    folder = resources.files("presslens.resources")
    with folder.joinpath(MODEL_FILE).open("rb") as handle:
        return read_scorer(handle, folder.joinpath(META_FILE).read_text("utf-8"))


def score_checkworthiness(
    sentences: list[str],
    docs: Sequence[Doc | SpacySpan] | None = None,
    *,
    mode: str = "accurate",
    pieces: embeddings.Pieces | None = None,
) -> list[float]:
    """A calibrated check-worthiness probability in [0, 1] for each sentence, in order.

    `mode` "accurate" (the default) reads the sentences with the contextual encoder
    (presslens.stages.claims.encoded); "fast" with the n-gram and parse model of this module,
    for which `docs`, when given, holds each sentence's spaCy tokens (a Span of the article's
    parse, or a Doc) in the same order; without it the sentences are parsed here, which costs
    far more than the scoring itself. `pieces`: for the fast model, the sentences' WordLlama
    piece ids when tokenized already (`nlp.embeddings.tokenized`: the pipeline tokenizes them
    during the parse).
    """
    if mode == "accurate":
        return encoded.score_sentences(list(sentences))
    if mode != "fast":
        raise ValueError(f"mode must be 'accurate' or 'fast', not {mode!r}")
    if not sentences:
        return []
    if docs is not None and len(docs) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(docs)} parsed sentences")
    return [float(p) for p in load_scorer().probabilities(list(sentences), docs, pieces)]
