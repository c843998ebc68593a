"""A long or hostile text parsed in bounded pieces, joined into one Doc with exact offsets.

spaCy's cost grows with what it holds at once: on this machine a parse takes about 18 KB of
memory per token at its peak (a 2 MB paragraph took 6.6 GB), and its tokenizer is quadratic in
a whitespace-free chunk it must peel many prefixes or suffixes from (8,000 `"` took 10 s,
16,000 `'s` 45 s: each peel searches the rest of the chunk again). So:

- **Pieces.** A text longer than `Settings.parse_piece_chars` (100,000 characters, ~23,000
  tokens of prose) is cut into pieces at paragraph breaks, and a paragraph longer than that at
  a sentence end, else at a space, else anywhere. A piece of more than a third as many tokens
  (a text of one-letter words or of punctuation) is cut again at a line or sentence start.
  Each piece is parsed alone and the Docs are joined (`Doc.from_docs`), so `doc.text` is the
  text and every offset is exact. Pieces are parsed one after the other and an optional
  `keep_going()` is asked before each: the caller's time limit can stop the parse at a piece
  boundary, and the Doc then covers a prefix of the text. An article under the ceiling (all
  ordinary ones: the longest PolNeAR text is 34 KB) is one piece and parses exactly as before.
- **Punctuation runs.** A run of `RUN_CHARS` or more characters that are neither letters,
  digits nor spaces (a row of `"`, `*` or `=`) is one token, not thousands.
- **Long chunks.** A chunk without whitespace longer than `LONG_CHUNK` characters is handed
  to the tokenizer in parts of that size, which bounds the quadratic peeling to a constant
  per character. Prose has no such chunks; a URL that long becomes two tokens.

The runs read as one token are listed in `doc.user_data[RUNS_KEY]`; `cut_notes(doc)` words
them for the dossier's warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy import util as spacy_util
from spacy.language import Language
from spacy.tokens import Doc

from presslens.nlp import fastparse
from presslens.nlp.ahead import Ahead
from presslens.nlp.deadline import TimeLimit

RUN_CHARS = 16
# Both patterns start only where a run or chunk starts, so a search stays linear. A run's
# first character is matched before the look-behinds test the one before it (the same matches
# as with the look-behinds first, which the engine then tries at every position: 3x slower).
RUN_RE = re.compile(rf"(?:[^\w\s]|_)(?<![^\w\s].)(?<!_.)(?:[^\w\s]|_){{{RUN_CHARS - 1},}}")
LONG_CHUNK = 200
LONG_CHUNK_RE = re.compile(rf"(?<!\S)\S{{{LONG_CHUNK + 1},}}")
# Where a paragraph too long for one piece may be cut, best first: after a sentence's end,
# after any space.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+")
SPACE_RE = re.compile(r"\s+")
# Doc.user_data key: (start, end) of the punctuation runs read as one token each
RUNS_KEY = "presslens.runs"
Segment = tuple[int, int, bool]  # start, end, whether it is a punctuation run (one token)


def char_pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering the text, each at most `max_chars` long,
    cut at a paragraph break where one is in the second half of the window."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = cut_point(text, start, start + max_chars)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def prefix_end(text: str, max_chars: int) -> int:
    """Where a text cut to at most `max_chars` ends: all of it, or up to the best boundary
    (0 for no limit)."""
    return len(text) if max_chars <= 0 or len(text) <= max_chars else cut_point(text, 0, max_chars)


def cut_point(text: str, start: int, limit: int) -> int:
    """The best place to end a piece that starts at `start` and may not pass `limit`."""
    floor = start + (limit - start) // 2
    newline = text.rfind("\n", floor, limit)
    if newline >= 0:
        return newline + 1
    for pattern in (SENTENCE_END_RE, SPACE_RE):
        ends = [match.end() for match in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    return limit


def segments(text: str) -> list[Segment]:
    """The text as consecutive segments for the tokenizer: punctuation runs (each with one
    following space, which becomes the token's whitespace), and the text between them cut
    inside long chunks. One segment when the text has neither."""
    runs = [
        (m.start(), m.end() + (text[m.end() : m.end() + 1] == " ")) for m in RUN_RE.finditer(text)
    ]
    cuts = [
        cut
        for m in LONG_CHUNK_RE.finditer(text)
        for cut in range(m.start() + LONG_CHUNK, m.end(), LONG_CHUNK)
    ]  # in order
    found: list[Segment] = []
    position = next_cut = 0
    for start, end in [*runs, (len(text), len(text))]:
        inside: list[int] = []
        while next_cut < len(cuts) and cuts[next_cut] < start:
            if cuts[next_cut] > position:  # not inside the run before
                inside.append(cuts[next_cut])
            next_cut += 1
        for a, b in zip([position, *inside], [*inside, start], strict=True):
            if b > a:
                found.append((a, b, False))
        if end > start:
            found.append((start, end, True))
        position = end
    return found


def tokenize(model: Language, text: str) -> Doc:
    """The text as tokens, like `model.make_doc` but linear in punctuation runs and long
    chunks (see the module's docstring)."""
    parts = segments(text)
    if len(parts) <= 1 and not any(run for _, _, run in parts):
        return model.make_doc(text)
    docs = [run_doc(model, text[a:b]) if run else model.make_doc(text[a:b]) for a, b, run in parts]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    runs = [(a, b) for a, b, run in parts if run]
    if runs:
        doc.user_data[RUNS_KEY] = runs
    return doc


def run_doc(model: Language, run: str) -> Doc:
    word = run.rstrip(" ")
    return Doc(model.vocab, words=[word], spaces=[len(word) < len(run)])


def cut_notes(doc: Doc) -> list[str]:
    """What the tokenizer read differently from spaCy's own way, for the dossier's warnings."""
    runs = doc.user_data.get(RUNS_KEY)
    if not runs:
        return []
    longest = max(end - start for start, end in runs)
    return [
        f"{len(runs)} run(s) of {RUN_CHARS} or more punctuation characters read as one token "
        f"each (the first at character {runs[0][0]}, the longest {longest} characters long)"
    ]


def token_pieces(doc: Doc, max_tokens: int) -> list[Doc]:
    """The tokenized doc in parts of at most `max_tokens` tokens, cut at a sentence start
    (a line break) or after a full stop where one is in the second half of the window."""
    if len(doc) <= max_tokens:
        return [doc]
    parts: list[Doc] = []
    start = 0
    while len(doc) - start > max_tokens:
        end = token_cut(doc, start, start + max_tokens)
        parts.append(doc[start:end].as_doc())
        start = end
    parts.append(doc[start:].as_doc())
    return parts


def token_cut(doc: Doc, start: int, limit: int) -> int:
    floor = start + (limit - start) // 2
    for i in range(limit, floor, -1):
        if doc[i].is_sent_start:
            return i
    for i in range(limit - 1, floor, -1):
        if doc[i].text in (".", "!", "?"):
            return i + 1
    return limit


def parse_in_pieces(
    model: Language,
    pieces: Iterator[Doc],
    keep_going: Callable[[], bool] | None = None,
    on_sentences: Callable[[Doc], None] | None = None,
) -> list[Doc]:
    """Each tokenized piece through the pipeline, one at a time, while `keep_going()` says so
    (asked before every piece but the first). A time limit that strikes inside a piece
    (`TimeLimit`, see presslens.nlp.deadline) ends the parse with the pieces done before it.
    `on_sentences(piece)`, when given, is called for each piece once its sentences are set
    (`parse_one`)."""
    parsed: list[Doc] = []
    try:
        for piece in pieces:
            if parsed and keep_going is not None and not keep_going():
                break
            if on_sentences is None:
                parsed.extend(model.pipe([piece], batch_size=1))
            else:
                parsed.append(parse_one(model, piece, on_sentences))
    except TimeLimit:
        pass  # the caller sees from the joined text how far the parse got
    return parsed


def parse_one(model: Language, doc: Doc, on_sentences: Callable[[Doc], None]) -> Doc:
    """`model.pipe([doc], batch_size=1)` made of the same calls (spaCy's `util._pipe`), one
    component after another, calling `on_sentences(doc)` after the last component that sets
    sentence boundaries (the dependency parser), before those after it (the entity recogniser).
    The entity recogniser's own token-to-vector layers run meanwhile in a thread
    (`fastparse.start_ahead`): they read only the tokens, and the numpy products of both
    threads release the GIL."""
    last = sentence_setter(model)
    jobs = fastparse.start_ahead(model, doc, Ahead)  # the NER's own tok2vec, in a thread
    docs = [doc]
    try:
        for name, proc in model.pipeline:
            kwargs = {"batch_size": 1}
            docs = list(spacy_util._pipe(docs, proc, name, model.default_error_handler, kwargs))
            if name == last:
                on_sentences(docs[0])
    finally:
        doc.user_data.pop(fastparse.AHEAD_KEY, None)
        for job in jobs:
            job.stop()
    return docs[0]


def sentence_setter(model: Language) -> str | None:
    """The last component of the pipeline that says it sets sentence boundaries."""
    setters = [
        name
        for name in model.pipe_names
        if {"token.is_sent_start", "doc.sents"} & set(model.get_pipe_meta(name).assigns)
    ]
    return setters[-1] if setters else None


def join(model: Language, docs: list[Doc]) -> Doc:
    """One Doc of the parsed pieces, in order (user data is the caller's to set again)."""
    if not docs:
        return Doc(model.vocab, words=[])
    if len(docs) == 1:
        return docs[0]
    for piece in docs:
        piece.user_data.clear()  # Doc.from_docs warns about any key it cannot shift
    return Doc.from_docs(docs, ensure_whitespace=False)
