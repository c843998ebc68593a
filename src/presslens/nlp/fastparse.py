"""A faster spaCy parse with exactly the same output: four changes, no annotation altered.

- **Matrix products through numpy's BLAS.** The networks' products (the token-to-vector
  layers, the parser's and entity recogniser's input layers) go through `Ops.gemm` (numpy's
  OpenBLAS) instead of the BLIS build thinc ships with. On this project's machines (AMD EPYC,
  blis 1.3) BLIS runs these shapes three times slower, about a quarter of a whole parse. The
  transition loop inside the parser keeps thinc's own C calls. The two libraries sum in their
  own orders, so `doc.tensor` agrees to about 1e-5 (3e-6 on the showcase), not to the bit;
  every decision made from it (tags, heads, labels, entities) was the same on 150,000 tokens.
  Session 13: with one BLAS thread each the two ran at the same speed on the showcase
  (token-to-vector 84 vs 85 ms, entity recogniser 320 vs 317 ms); what numpy's OpenBLAS gains
  is its second thread, on the second core, and on a busy host (load 2-3 on two cores) that
  thread made our parse 1.15x spaCy's as shipped instead of 0.85x with one thread.
- **The attribute ruler** (11 ms of a 112 ms parse of a 776-token PolNeAR article): spaCy's
  Matcher tries its 179 patterns on every token, where nearly all of them test a token's exact
  tag and/or lower-case form: an index on those values finds the few worth trying (~1.5 ms).
  What one token's values (form, tag, dependency, space) match alone is looked up once per
  distinct row and cached, and the matches write their attributes into arrays read and written
  back once, where spaCy builds a Span and a Token per match (on the showcase's 3,521 tokens
  and 4,561 matches: spaCy ~117 ms, the index 19 + 10 ms, now 8-10 + 5 ms).
- **The rule lemmatizer** (7 ms): a Python loop over Token objects whose cache skips base
  forms (a singular noun recomputes its lemma every time): one lemma per (form, tag,
  morphology), cached, read and written as arrays (~1 ms).
- **The entity recogniser's own token-to-vector layers, run ahead** (53 of its 203 ms on the
  showcase): they read only the tokens' lexical columns, which no component before them writes,
  so `pieces.parse_one` starts them in a thread (`start_ahead`) beside the shared tok2vec, the
  tagger and the parser, and the recogniser takes the result (`ahead_tok2vec`). On an idle
  machine the showcase's parse went 425 -> 406 ms (one BLAS thread, medians of 9); on a busy one
  it gains nothing. Tensors and annotations were the same on 43 texts.

`speed_up(nlp)` installs each where the component is the one it mirrors (and, for the ruler,
its patterns are of the simple kinds indexed here); anything else keeps spaCy's own code. The
output is the same to the last attribute: `bench/fastparse.py` compares every token attribute
of whole corpora with and without the changes, and `tests/test_fastparse.py` does so on
hand-written sentences that hit each kind of pattern.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

# The token attributes the ruler's writes may set through Doc.from_array: token attributes
# only (spaCy's set_token_attrs writes them to the lexeme too, where they change nothing).
WRITABLE = frozenset({LEMMA, POS, TAG, MORPH, DEP})
# The token attributes a pattern may test here, in the order of the token table's columns.
COLUMNS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
COLUMN_INDEX = {name: i for i, name in enumerate(COLUMNS)}
# Index a pattern by the first of these it tests for exact values (the most selective first).
INDEX_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")
# thinc's CPU ops with `gemm` delegated to numpy (`Ops.gemm`: numpy.matmul) instead of BLIS
NUMPY_BLAS_OPS = NumpyOps(use_blis=False)
LEMMA_CACHE_LIMIT = 200_000  # entries (form, tag, morphology) -> lemma; cleared when reached
PLAN_CACHE_LIMIT = 200_000  # entries (form, tag, dependency, space) -> the ruler's rules there


class Unsupported(ValueError):
    """A pattern of a kind the index does not handle: spaCy's own Matcher keeps the job."""


@dataclass(frozen=True, slots=True)
class Test:
    """One condition on one token attribute, over string hashes (booleans for IS_SPACE)."""

    column: int
    among: frozenset[int] | None = None  # the value is one of these
    not_among: frozenset[int] | None = None  # the value is none of these
    regex: re.Pattern[str] | None = None  # re.search on the attribute's string

    def passes(self, row: Sequence[int], strings: Any) -> bool:
        value = row[self.column]
        if self.among is not None and value not in self.among:
            return False
        if self.not_among is not None and value in self.not_among:
            return False
        return self.regex is None or self.regex.search(strings[value]) is not None


def value_id(name: str, value: Any) -> int:
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unsupported(f"{name} {value!r}")
    return get_string_id(value)


def compile_test(name: str, spec: Any) -> Test:
    """A Matcher token condition ({"TAG": "NN"}, {"IN": [...]}, {"NOT_IN": [...]},
    {"REGEX": "..."}) as a Test; anything else is Unsupported."""
    if name not in COLUMNS:
        raise Unsupported(name)
    column = COLUMN_INDEX[name]
    if not isinstance(spec, dict):
        return Test(column, among=frozenset({value_id(name, spec)}))
    if len(spec) != 1:
        raise Unsupported(f"{name} {spec!r}")
    ((kind, value),) = spec.items()
    if kind == "IN":
        return Test(column, among=frozenset(value_id(name, v) for v in value))
    if kind == "NOT_IN":
        return Test(column, not_among=frozenset(value_id(name, v) for v in value))
    if kind == "REGEX" and name != "IS_SPACE" and isinstance(value, str):
        return Test(column, regex=re.compile(value))
    raise Unsupported(f"{name} {spec!r}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: a fixed sequence of tokens, each with its tests, under the ruler's key."""

    order: int  # the ruler's attribute id: later rules win, as in AttributeRuler.match
    key: int  # the Matcher key
    tokens: tuple[tuple[Test, ...], ...]

    def matches_at(self, table: list[list[int]], start: int, strings: Any) -> bool:
        if start + len(self.tokens) > len(table):
            return False
        return all(
            test.passes(table[start + offset], strings)
            for offset, tests in enumerate(self.tokens)
            for test in tests
        )


def compile_rule(order: int, key: int, pattern: list[dict[str, Any]]) -> Rule:
    tokens = []
    for token in pattern:
        if not token:
            raise Unsupported("a token that matches anything")
        tokens.append(tuple(compile_test(name, spec) for name, spec in token.items()))
    return Rule(order, key, tuple(tokens))


# what one token's values match alone (attribute id, key), and the rules to try from it
Plan = tuple[tuple[tuple[int, int], ...], tuple[Rule, ...]]


def index_entry(rule: Rule) -> tuple[int, frozenset[int]] | None:
    """(column, values) of the first token's most selective exact test, if any."""
    tests = {test.column: test for test in rule.tokens[0] if test.among is not None}
    for name in INDEX_ORDER:
        test = tests.get(COLUMN_INDEX[name])
        if test is not None and test.among is not None:
            return test.column, test.among
    return None


class IndexedMatcher:
    """AttributeRuler.match over an index of its patterns: the same sorted list of
    (attribute id, key, start, end). Each distinct token row is planned once (`plans`).

    A one-token pattern of exact values only ({"TAG": "NN", "LOWER": "data"}) is a dict entry
    keyed by those values, found with one lookup per token and kind of pattern; the other
    patterns (NOT_IN, REGEX, several tokens) are tried only at tokens their most selective
    exact test lets through."""

    def __init__(self, ruler: AttributeRuler) -> None:
        # columns -> value (one column) or values (several) -> (order, key) of the rules
        self.exact: dict[tuple[int, ...], dict[Any, list[tuple[int, int]]]] = {}
        self.by_value: list[dict[int, list[Rule]]] = [{} for _ in COLUMNS]
        self.always: list[Rule] = []
        # a token's (LOWER, TAG, DEP, IS_SPACE) -> its plan; cleared when it grows past the limit
        self.plans: dict[tuple[int, ...], Plan] = {}
        for order in range(len(ruler.attrs)):
            key = ruler.vocab.strings[str(order)]
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                self.add(compile_rule(order, key, pattern))

    def add(self, rule: Rule) -> None:
        tests = rule.tokens[0]
        columns = tuple(sorted({test.column for test in tests}))
        if (
            len(rule.tokens) == 1
            and len(columns) == len(tests)
            and all(
                test.among is not None and test.not_among is None and test.regex is None
                for test in tests
            )
        ):
            by_column = {test.column: sorted(test.among or ()) for test in tests}
            table = self.exact.setdefault(columns, {})
            for values in itertools.product(*(by_column[c] for c in columns)):
                # operator.itemgetter of one column gives the value itself, of several a tuple
                found_as = values[0] if len(values) == 1 else values
                table.setdefault(found_as, []).append((rule.order, rule.key))
            return
        entry = index_entry(rule)
        if entry is None:
            self.always.append(rule)
            return
        column, among = entry
        for value in among:
            self.by_value[column].setdefault(value, []).append(rule)

    def candidates(self, row: tuple[int, ...]) -> Iterator[Rule]:
        for column, index in enumerate(self.by_value):
            yield from index.get(row[column], ())

    def plan_of(self, row: tuple[int, ...], strings: Any) -> Plan:
        """What a token of these values matches alone, and the rules worth trying from it."""
        hits: list[tuple[int, int]] = []
        for columns, index in self.exact.items():
            hits += index.get(operator.itemgetter(*columns)(row), ())
        # a rule with no exact test to index by is tried where its first test passes
        first_passes = [rule for rule in self.always if rule.tokens[0][0].passes(row, strings)]
        return tuple(hits), (*self.candidates(row), *first_passes)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        table = doc.to_array(list(COLUMNS.values())).tolist()
        strings = doc.vocab.strings  # the doc's: a regex reads the string of a value
        if len(self.plans) > PLAN_CACHE_LIMIT:
            self.plans.clear()
        # a token's values repeat through a text and across texts: each is planned once
        rows = list(map(tuple, table))
        known = list(map(self.plans.get, rows))
        for start in [start for start, plan in enumerate(known) if plan is None]:
            if (plan := self.plans.get(rows[start])) is None:
                plan = self.plans[rows[start]] = self.plan_of(rows[start], strings)
            known[start] = plan
        planned = cast(list[Plan], known)  # every row planned now
        # sorted as spaCy sorts them, without duplicates: the one-token hits come in the order
        # of their tokens, so a stable sort by rule (which fixes the key) sorts them whole,
        # and the sort of all then merges the few longer matches into that one run
        hits = [
            (order, key, start, start + 1)
            for start, plan in enumerate(planned)
            for order, key in plan[0]
        ]
        hits.sort(key=operator.itemgetter(0))
        longer = [
            (rule.order, rule.key, start, start + len(rule.tokens))
            for start, plan in enumerate(planned)
            for rule in plan[1]
            if rule.matches_at(table, start, strings)
        ]
        return list(dict.fromkeys(sorted(hits + longer)))


class ArrayWriter:
    """AttributeRuler.set_annotations over arrays: the matches, in their sorted order, write
    into the doc's columns read once, written back once (spaCy builds a Span and a Token per
    match). The same values land: a later match overwrites an earlier one, as it does there,
    and for these attributes spaCy's per-token write changes only the token (its write to the
    lexeme applies to flags and lexical attributes only)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        if not set(self.columns) <= WRITABLE or not all(
            isinstance(value, int) for attrs in ruler.attrs for value in attrs.values()
        ):
            raise Unsupported(f"attributes {self.columns}")
        at = {attr: i for i, attr in enumerate(self.columns)}
        # per rule (attribute id): the (column, value) pairs it writes
        self.writes = [[(at[attr], value) for attr, value in row.items()] for row in ruler.attrs]
        self.indices = list(ruler.indices)

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        if not matches:
            return
        # (tokens, columns) even for one column, which to_array gives as a vector
        values = doc.to_array(self.columns).reshape(len(doc), -1).tolist()
        for order, _, start, end in matches:
            index = self.indices[order]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                # nothing written yet: spaCy's own loop writes up to this match and raises
                AttributeRuler.set_annotations(self.ruler, doc, matches)
                return
            row = values[target]
            for column, value in self.writes[order]:
                row[column] = value
        doc.from_array(self.columns, cast(Any, np.array(values, dtype=np.uint64)))


class CachedLemmas:
    """The rule lemmatizer's output with one lookup per token: a lemma depends only on the
    token's form, tag and morphology, and those keys repeat across a corpus."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], str] = {}
        index_as_sets(lemmatizer)

    def annotate(self, doc: Doc) -> Doc:
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        strings = doc.vocab.strings
        if len(self.cache) > LEMMA_CACHE_LIMIT:
            # both caches grow with every new word of a corpus: bounded together
            self.cache.clear()
            self.lemmatizer.cache.clear()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            text = self.cache.get(key)
            if text is None:
                text = self.cache[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(text)
        doc.from_array([LEMMA], cast(Any, lemmas.reshape(-1, 1).astype(np.uint64)))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        handler = self.lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield self.annotate(doc)
            except Exception as exc:  # noqa: BLE001 - spaCy's own error handling decides
                handler(self.lemmatizer.name, self.lemmatizer, [doc], exc)


def index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The rule lemmatizer asks `form in index` of word lists up to 57,000 long (a scan, ~70 us
    per new word): the same lists as sets answer the same in one lookup. Only membership is
    asked of them; the tables are never written back to disk from here."""
    if lemmatizer.mode != "rule" or not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)


def mirrors_lemmatizer(component: Any) -> TypeGuard[Lemmatizer]:
    """A rule or lookup lemmatizer that fills in missing lemmas with spaCy's own loop."""
    return (
        isinstance(component, Lemmatizer)
        and component.mode in ("rule", "lookup")
        and not component.overwrite
        and type(component).__call__ is Lemmatizer.__call__
        and type(component).pipe is Lemmatizer.pipe
    )


def mirrors_ruler(component: Any) -> TypeGuard[AttributeRuler]:
    return (
        isinstance(component, AttributeRuler)
        and type(component).match is AttributeRuler.match
        and type(component).__call__ is AttributeRuler.__call__
    )


def use_numpy_blas(component: Any) -> bool:
    """Run the component's network's matrix products through numpy (`Ops.gemm`) rather than
    BLIS; True when there was a network on thinc's BLIS ops to switch."""
    model = getattr(component, "model", None)
    if not isinstance(model, Model):
        return False
    switched = False
    for node in model.walk():
        # exactly thinc's default CPU ops: a subclass (Apple's Accelerate ops) or GPU ops
        # has its own products and stays
        if type(node.ops) is NumpyOps and getattr(node.ops, "use_blis", False):
            node.ops = NUMPY_BLAS_OPS
            switched = True
    return switched


def speed_up(nlp: Language) -> list[str]:
    """Install the faster runs where they apply; the names of the components changed."""
    done = []
    for name, component in nlp.pipeline:
        changed = use_numpy_blas(component)
        if mirrors_ruler(component):
            try:
                # replacing the method on this one instance is the point
                component.match = IndexedMatcher(component)  # type: ignore[method-assign]
                changed = True
            except Unsupported:
                pass
            try:
                writer = ArrayWriter(component)
                component.set_annotations = writer  # type: ignore[method-assign]
                changed = True
            except Unsupported:
                pass
        elif own_lexical_tok2vec(component) is not None:
            ahead_tok2vec(component)
            changed = True
        elif mirrors_lemmatizer(component):
            # Language.pipe runs a component through its `pipe`; a lone nlp(text) still takes
            # spaCy's own __call__, which gives the same lemmas, only slower
            component.pipe = CachedLemmas(component).pipe  # type: ignore[method-assign]
            changed = True
        if changed:
            done.append(name)
    return done


# --- the entity recogniser's own token-to-vector layers, run ahead --------------------------

# Doc.user_data key: the entity recogniser's tok2vec output for this doc, computed in a thread
# (an `Ahead`) while the shared tok2vec, the tagger and the parser run
AHEAD_KEY = "presslens.ner_tok2vec"
# token columns that no component before the entity recogniser writes (set by the tokenizer)
LEXICAL_COLUMNS = frozenset({"NORM", "PREFIX", "SUFFIX", "SHAPE", "LOWER", "ORTH"})
# id of each tok2vec model given a forward that takes outputs computed ahead -> its own forward
REAL_FORWARD: dict[int, Callable[..., Any]] = {}


def own_lexical_tok2vec(component: Any) -> Model | None:
    """The token-to-vector model a transition-based component owns (en_core_web_sm's entity
    recogniser: embeddings and a CNN of its own, not a listener of the shared tok2vec), when it
    reads only lexical columns; else None."""
    model = getattr(component, "model", None)
    if model is None or "tok2vec" not in getattr(model, "ref_names", ()):
        return None
    tok2vec = model.get_ref("tok2vec")
    if not model.layers or model.layers[0] is not tok2vec:
        return None
    first = tok2vec
    while first.layers:
        first = first.layers[0]
    columns = first.attrs.get("columns") if first.name == "extract_features" else None
    if not columns or not set(columns) <= LEXICAL_COLUMNS:
        return None
    return tok2vec


def ahead_tok2vec(component: Any) -> None:
    """Let the component's own tok2vec take an output computed ahead (`start_ahead`): its
    forward pops `Doc.user_data[AHEAD_KEY]` of a lone doc and returns that job's result, which
    is the same call made earlier on the same tokens; anything else runs as before."""
    tok2vec = own_lexical_tok2vec(component)
    if tok2vec is None or id(tok2vec) in REAL_FORWARD:
        return
    real = tok2vec._func

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        job = docs[0].user_data.pop(AHEAD_KEY, None) if len(docs) == 1 else None
        if job is None or is_train:
            return real(model, docs, is_train)
        return job.result(), no_backprop

    REAL_FORWARD[id(tok2vec)] = real
    tok2vec._func = forward


def no_backprop(gradient: Any) -> Any:
    raise NotImplementedError("an output computed ahead has no backward pass")


def start_ahead(nlp: Language, doc: Doc, ahead: Callable[..., Any]) -> list[Any]:
    """Start, with `ahead(call, *args)` (an `nlp.Ahead`), the tok2vec outputs components will
    take from `doc` (`ahead_tok2vec`); the jobs started, to stop when the parse ends."""
    jobs = []
    for _, component in nlp.pipeline:
        tok2vec = own_lexical_tok2vec(component)
        real = REAL_FORWARD.get(id(tok2vec)) if tok2vec is not None else None
        if tok2vec is not None and real is not None and AHEAD_KEY not in doc.user_data:
            job = ahead(lambda t=tok2vec, f=real: f(t, [doc], False)[0])
            doc.user_data[AHEAD_KEY] = job
            jobs.append(job)
    return jobs
