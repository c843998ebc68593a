"""Attributions tagged by a learned head on the contextual encoder's word pieces (accurate mode).

Each word piece of a sentence gets one of seven tags: O, or B-/I- (begins / continues) SOURCE,
CUE or CONTENT, as PolNeAR annotates attributions (every token in at most one). The head is a
one-hidden-layer network: each piece's vector from the encoder's fine-tuned top is projected
(384 -> 128, one matrix for all pieces); the inputs are the piece's projection, its neighbours'
(`WINDOW` pieces each side, zeros past the sentence's ends), the sentence's mean, the means of
the sentences before and after it, and three flags: inside a quotation (marks paired over the
whole article by `marks.find_quoted`, so a quotation running over several sentences is seen),
first piece, last piece. The tags are decoded by Viterbi under the BIO constraints (an I-
follows a B- or I- of its own kind), all sentences stepped together; a sentence may open with
I-CONTENT, which says that a content runs on from the sentence before.

The head reads the pieces of the one encoder pass the accurate mode makes per article
(`nlp.encode_sentences`), so it adds only its own arithmetic: one matrix product for the
article's pieces, about 50 ms for a 27 KB article of 131 sentences. Its weights (numpy, float16,
0.6 MB) are `resources/attribution_tagger.npz`, written by train/attribution/fit.py from PolNeAR
train; which inputs it reads (`window`, `around`, `projection`) is stored with it.

Tagged spans become attributions (`assemble`): a cue takes the content that follows it in its
sentence (or after a lead-in ending in ":"), then the nearest content before it ('"A," he
said'), both when no other cue stands between; a source goes to the nearest cue of its
sentence. A content no cue took is kept without a cue when its score reaches the head's
`uncued_score` (chosen with the head on held-out train). This module knows nothing of the quote
rules: the quotes stage may take the union and resolve the sources to actors.

Measured by eval/attribution_tagger.py (PolNeAR dev, lenient all-attribution F1): the tagger
alone 0.774, the rules 0.747, the rules plus the tagger's attributions they do not overlap
0.804 (recall 0.651 -> 0.784, precision 0.877 -> 0.825).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import numpy as np

from presslens.model import Span
from presslens.nlp.encoder import Encoded, SentenceVectors
from presslens.stages.quotes.marks import find_quoted

MODEL_FILE = "attribution_tagger.npz"
TAGS = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")
ROLES = ("SOURCE", "CUE", "CONTENT")
WINDOW = 2  # neighbouring pieces read on each side
FLAGS = 3  # inside a quotation, first piece, last piece
IMPOSSIBLE = -1e9
Quotations = tuple[list[int], list[int]]  # starts and ends of the text's quotations


@dataclass(frozen=True, slots=True)
class Tagged:
    """One attribution: its content (one span, or several when its cue interrupts it), its cue
    and source spans when tagged, and `score`, the mean probability of the content's tags."""

    content: tuple[Span, ...]
    cue: Span | None = None
    sources: tuple[Span, ...] = ()
    score: float = 0.0

    @property
    def span(self) -> Span:
        """From the content's first character to its last."""
        return Span(self.content[0].start, self.content[-1].end)


@dataclass(slots=True)
class Segment:
    """A run of pieces with one role, in article offsets, while attributions are assembled."""

    role: str
    start: int
    end: int
    sentence: int
    last_sentence: int
    probabilities: list[float]
    continues: bool = False  # opens its sentence with I-: runs on from the sentence before


@cache
def head() -> dict[str, np.ndarray]:
    """The head's weights (float32), loaded once."""
    folder = resources.files("presslens.resources")
    with folder.joinpath(MODEL_FILE).open("rb") as handle, np.load(handle) as arrays:
        return {name: arrays[name].astype(np.float32) for name in arrays.files}


def available() -> bool:
    """True when the head's weights ship with this install."""
    return resources.files("presslens.resources").joinpath(MODEL_FILE).is_file()


# --- the pieces' inputs and tags -------------------------------------------------------------


def real_pieces(encoded: Encoded) -> np.ndarray:
    """Indices of the pieces that cover text (the special ones have an empty span)."""
    return np.flatnonzero(encoded.offsets[:, 1] > encoded.offsets[:, 0])


def quoted_intervals(text: str) -> Quotations:
    """Starts and ends of the text's quotations (marks included), in order."""
    found, _warnings = find_quoted(text)
    return [q.span.start for q in found], [q.span.end for q in found]


def inside(intervals: Quotations, offsets: np.ndarray) -> np.ndarray:
    """1.0 for each character offset inside one of the intervals, else 0.0."""
    starts, ends = intervals
    flags = np.zeros(len(offsets), dtype=np.float32)
    for row, offset in enumerate(offsets.tolist()):
        at = bisect.bisect_right(starts, offset) - 1
        flags[row] = 1.0 if at >= 0 and offset < ends[at] else 0.0
    return flags


def design(
    vectors: np.ndarray,
    quoted: np.ndarray,
    window: int = WINDOW,
    around: np.ndarray | None = None,
) -> np.ndarray:
    """The head's inputs for one sentence's real pieces (pieces x WIDTH vectors, and whether
    each is inside a quotation): [piece, neighbours -1, +1, ..., -window, +window, sentence
    mean, (the sentences before and after it: `around`, 2 x WIDTH means), inside a quotation,
    first, last]."""
    count, width = vectors.shape
    padded = np.zeros((count + 2 * window, width), dtype=np.float32)
    padded[window : window + count] = vectors
    columns = [vectors]
    for step in range(1, window + 1):
        columns.append(padded[window - step : window - step + count])
        columns.append(padded[window + step : window + step + count])
    columns.append(np.broadcast_to(vectors.mean(axis=0), (count, width)))
    if around is not None:
        columns.append(np.broadcast_to(around.reshape(-1), (count, around.size)))
    flags = np.zeros((count, FLAGS), dtype=np.float32)
    flags[:, 0] = quoted
    flags[0, 1] = 1.0
    flags[-1, 2] = 1.0
    columns.append(flags)
    return np.concatenate(columns, axis=1)


def sentence_means(pieces: Sequence[np.ndarray], width: int) -> np.ndarray:
    """Each sentence's mean piece vector (zeros for one without pieces), with a zero row before
    and after: row i + 1 is sentence i."""
    means = np.zeros((len(pieces) + 2, width), dtype=np.float32)
    for row, vectors in enumerate(pieces, start=1):
        if len(vectors):
            means[row] = vectors.mean(axis=0)
    return means


def log_probabilities(inputs: np.ndarray, weights: dict[str, np.ndarray]) -> np.ndarray:
    """Pieces x TAGS log-probabilities from the head."""
    return tag_log_probabilities(inputs @ weights["hidden_weight"], weights)


def tag_log_probabilities(hidden_input: np.ndarray, weights: dict[str, np.ndarray]) -> np.ndarray:
    """Pieces x TAGS log-probabilities from the hidden layer's input (before its bias)."""
    hidden = np.maximum(hidden_input + weights["hidden_bias"], 0.0)
    scores = hidden @ weights["output_weight"] + weights["output_bias"]
    scores -= scores.max(axis=1, keepdims=True)
    return scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))


@cache
def transitions() -> np.ndarray:
    """TAGS x TAGS: 0 where the second tag may follow the first, IMPOSSIBLE where it may not
    (an I- only after a B- or I- of its own role)."""
    allowed = np.zeros((len(TAGS), len(TAGS)))
    for to, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            for before, previous in enumerate(TAGS):
                if previous[2:] != tag[2:]:
                    allowed[before, to] = IMPOSSIBLE
    return allowed


def viterbi(log_probs: np.ndarray) -> list[int]:
    """The best tag sequence under the BIO constraints (any tag may open a sentence)."""
    return viterbi_many([log_probs])[0]


def viterbi_many(sentences: Sequence[np.ndarray]) -> list[list[int]]:
    """`viterbi` for many sentences at once (pieces x TAGS log-probabilities each), stepping
    through all of them together: one numpy step per position, not per piece."""
    lengths = np.array([len(one) for one in sentences])
    if not len(lengths) or lengths.max() == 0:
        return [[] for _ in sentences]
    padded = np.zeros((len(sentences), lengths.max(), len(TAGS)))
    for row, one in enumerate(sentences):
        padded[row, : len(one)] = one
    moves = transitions()
    best = padded[:, 0].copy()
    back = np.zeros(padded.shape, dtype=np.int64)
    for at in range(1, padded.shape[1]):
        candidates = best[:, :, None] + moves
        back[:, at] = candidates.argmax(axis=1)
        going = (at < lengths)[:, None]
        best = np.where(going, candidates.max(axis=1) + padded[:, at], best)
    tags = np.zeros(padded.shape[:2], dtype=np.int64)
    current = best.argmax(axis=1)
    for at in range(padded.shape[1] - 1, -1, -1):
        ending = at == lengths - 1
        current = np.where(ending, best.argmax(axis=1), current)
        tags[:, at] = current
        inside_it = at < lengths
        current = np.where(inside_it, back[np.arange(len(lengths)), at, current], current)
    return [tags[row, :length].tolist() for row, length in enumerate(lengths)]


# --- tagged runs ------------------------------------------------------------------------------


def tag_attributions(
    text: str,
    vectors: SentenceVectors,
    *,
    uncued_score: float | None = None,
    weights: dict[str, np.ndarray] | None = None,
) -> tuple[Tagged, ...]:
    """The attributions the head finds in an article's encoded sentences (`vectors`, the accurate
    mode's one encoder pass over `text`), in text order. `uncued_score`: see `assemble` (by
    default the head's own, chosen with it in training); `weights`: another head's (training
    compares them), else the shipped one."""
    weights = head() if weights is None else weights
    if uncued_score is None:
        uncued_score = float(weights["uncued_score"][0]) if "uncued_score" in weights else 0.0
    quoted = quoted_intervals(text)
    offsets, log_probs = article_log_probabilities(vectors, quoted, weights)
    if not len(log_probs):
        return ()
    split = np.split(log_probs, np.cumsum([len(where) for where in offsets])[:-1])
    segments: list[Segment] = []
    for index, (where, scores, tags) in enumerate(
        zip(offsets, split, viterbi_many(split), strict=True)
    ):
        segments.extend(runs(index, where, scores, tags))
    return assemble(text, segments, quoted, uncued_score=uncued_score)


def sentence_pieces(vectors: SentenceVectors) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per sentence, its real pieces' article offsets and their vectors."""
    offsets, pieces = [], []
    for start, encoded in zip(vectors.starts, vectors.encoded, strict=True):
        real = real_pieces(encoded)
        offsets.append(encoded.offsets[real] + start)
        pieces.append(encoded.vectors[real])
    return offsets, pieces


def article_log_probabilities(
    vectors: SentenceVectors, quoted: Quotations, weights: dict[str, np.ndarray]
) -> tuple[list[np.ndarray], np.ndarray]:
    """Per sentence, its real pieces' article offsets; and every piece's log-probabilities,
    what `log_probabilities(design(...))` gives, without building the design matrix: the
    hidden layer's product is split by the design's blocks, each piece's vector multiplied
    once by the blocks of all the positions that read it, then shifted into place (about a
    third of the time for a long article)."""
    projection = weights.get("projection")
    window = int(weights["window"][0])
    offsets, pieces = sentence_pieces(vectors)
    lengths = np.array([len(chosen) for chosen in pieces], dtype=np.int64)
    if not lengths.sum():
        return offsets, np.zeros((0, len(TAGS)), dtype=np.float32)
    flat = np.concatenate(pieces)
    flat = flat @ projection if projection is not None else flat
    width = flat.shape[1]
    hidden = weights["hidden_weight"]
    blocks = 1 + 2 * window  # the piece, then each step's left and right neighbour
    product = flat @ hidden[: blocks * width].reshape(blocks, width, -1).transpose(1, 0, 2).reshape(
        width, -1
    )
    size = hidden.shape[1]
    product = product.reshape(len(flat), blocks, size)
    sentence = np.repeat(np.arange(len(lengths)), lengths)
    first = np.repeat(np.cumsum(lengths) - lengths, lengths)
    position = np.arange(len(flat)) - first
    length = lengths[sentence]
    total = product[:, 0].copy()
    for step in range(1, window + 1):
        left = position >= step
        total[left] += product[np.flatnonzero(left) - step, 2 * step - 1]
        right = position + step < length
        total[right] += product[np.flatnonzero(right) + step, 2 * step]
    row = blocks * width
    means = sentence_means(np.split(flat, np.cumsum(lengths)[:-1]), width)
    total += (means[1:-1] @ hidden[row : row + width])[sentence]
    row += width
    if "around" in weights:
        around = np.concatenate([means[:-2], means[2:]], axis=1)
        total += (around @ hidden[row : row + 2 * width])[sentence]
        row += 2 * width
    total += inside(quoted, np.concatenate(offsets)[:, 0])[:, None] * hidden[row]
    total += (position == 0)[:, None] * hidden[row + 1]
    total += (position == length - 1)[:, None] * hidden[row + 2]
    return offsets, tag_log_probabilities(total, weights)


def piece_inputs(
    vectors: SentenceVectors, quoted: Quotations, weights: dict[str, np.ndarray]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per sentence, its real pieces' article offsets and the head's inputs for them (the
    pieces' vectors projected first when the head has a projection)."""
    projection = weights.get("projection")
    window = int(weights["window"][0])
    offsets, pieces = sentence_pieces(vectors)
    if projection is not None and pieces:  # one product for the article, not one a sentence
        split = np.cumsum([len(chosen) for chosen in pieces])[:-1]
        pieces = np.split(np.concatenate(pieces) @ projection, split)
    width = pieces[0].shape[1] if pieces else 0
    means = sentence_means(pieces, width) if "around" in weights else None
    inputs = []
    for index, (where, chosen) in enumerate(zip(offsets, pieces, strict=True)):
        if len(chosen):
            around = None if means is None else means[[index, index + 2]]
            inputs.append(design(chosen, inside(quoted, where[:, 0]), window, around))
    return offsets, inputs


def runs(index: int, offsets: np.ndarray, log_probs: np.ndarray, tags: list[int]) -> list[Segment]:
    """The tagged runs of sentence `index` from its pieces' offsets, log-probabilities and
    decoded tags."""
    segments: list[Segment] = []
    for row, tag in enumerate(tags):
        name = TAGS[tag]
        if name == "O":
            continue
        a, b = (int(x) for x in offsets[row])
        probability = float(np.exp(log_probs[row, tag]))
        if name.startswith("I-") and row > 0:
            segments[-1].end = b
            segments[-1].probabilities.append(probability)
            continue
        role = name[2:]
        continues = name.startswith("I-")
        segments.append(Segment(role, a, b, index, index, [probability], continues))
    return segments


# --- attributions ----------------------------------------------------------------------------


def assemble(
    text: str,
    segments: list[Segment],
    quoted: Quotations | None = None,
    *,
    uncued_score: float = 0.0,
) -> tuple[Tagged, ...]:
    """Tagged runs (in text order) -> attributions (see the module's docstring). `quoted`: the
    text's quotations (`quoted_intervals`); `uncued_score`: the least score of a content no cue
    took for it to be kept."""
    quoted = quoted or ([], [])
    segments = joined(text, [s for s in segments if has_words(text, s)], quoted)
    taken: dict[int, list[int]] = {}  # cue's index -> its contents' indices
    claimed: set[int] = set()
    for step in (1, -1):  # first the content after each cue, then the one before
        for at, cue in enumerate(segments):
            if cue.role != "CUE":
                continue
            found = content_beside(text, segments, at, step)
            if found is not None and found not in claimed:
                claimed.add(found)
                taken.setdefault(at, []).append(found)
    sources = sources_of_cues(segments)
    tagged = [
        attribution(segments, sorted(contents), at, sources.get(at, []))
        for at, contents in taken.items()
    ]
    for at, segment in enumerate(segments):
        if segment.role == "CONTENT" and at not in claimed:
            alone = attribution(segments, [at], None, [])
            if alone.score >= uncued_score:
                tagged.append(alone)
    return tuple(sorted(tagged, key=lambda item: (item.span.start, item.span.end)))


def has_words(text: str, segment: Segment) -> bool:
    """A run of marks or punctuation alone (a closing mark tagged content) is no attribution."""
    return any(char.isalnum() for char in text[segment.start : segment.end])


def joined(text: str, segments: list[Segment], quoted: Quotations) -> list[Segment]:
    """Two contents with no other run between are one when the second opens its sentence with
    I-CONTENT, when the gap between them lies inside one quotation, or when only marks and
    punctuation part them inside a sentence."""
    out: list[Segment] = []
    for segment in segments:
        previous = out[-1] if out else None
        if (
            segment.role == "CONTENT"
            and previous is not None
            and previous.role == "CONTENT"
            and runs_on(text, previous, segment, quoted)
        ):
            out[-1] = replace(
                previous,
                end=segment.end,
                last_sentence=segment.last_sentence,
                probabilities=previous.probabilities + segment.probabilities,
            )
            continue
        out.append(segment)
    return out


def runs_on(text: str, previous: Segment, segment: Segment, quoted: Quotations) -> bool:
    """Whether a content goes on in the next (see `joined`)."""
    if segment.continues and previous.last_sentence == segment.sentence - 1:
        return True
    starts, ends = quoted
    at = bisect.bisect_right(starts, previous.end - 1) - 1
    if at >= 0 and segment.start < ends[at] and starts[at] <= previous.end - 1:
        return True
    gap = text[previous.end : segment.start]
    return previous.last_sentence == segment.sentence and not any(c.isalnum() for c in gap)


def content_beside(text: str, segments: list[Segment], at: int, step: int) -> int | None:
    """The content next to the cue at `at`, after it (step 1) or before it (step -1), with only
    sources between: after, in the cue's sentence or the next when a ":" leads into it; before,
    ending in the cue's sentence or the one before in the same paragraph."""
    cue = segments[at]
    other = at + step
    while 0 <= other < len(segments) and segments[other].role == "SOURCE":
        other += step
    if not 0 <= other < len(segments) or segments[other].role != "CONTENT":
        return None
    content = segments[other]
    if step > 0:
        lead_in = text[cue.end : content.start].rstrip().endswith(":")
        ok = content.sentence == cue.last_sentence or (
            content.sentence == cue.last_sentence + 1 and lead_in
        )
    else:
        ok = content.last_sentence == cue.sentence or (
            content.last_sentence == cue.sentence - 1 and "\n" not in text[content.end : cue.start]
        )
    return other if ok else None


def sources_of_cues(segments: list[Segment]) -> dict[int, list[int]]:
    """Each source goes to the nearest cue of its sentence: cue index -> source indices."""
    cues = [at for at, segment in enumerate(segments) if segment.role == "CUE"]
    found: dict[int, list[int]] = {}
    for at, source in enumerate(segments):
        if source.role != "SOURCE":
            continue
        near = [cue for cue in cues if segments[cue].sentence <= source.sentence]
        near = [cue for cue in near if source.sentence <= segments[cue].last_sentence]
        if near:
            nearest = min(near, key=lambda cue: distance(segments[cue], source))
            found.setdefault(nearest, []).append(at)
    return found


def distance(one: Segment, other: Segment) -> int:
    """Characters between two runs (0 when they touch)."""
    return max(one.start - other.end, other.start - one.end, 0)


def attribution(
    segments: list[Segment], contents: list[int], cue: int | None, sources: list[int]
) -> Tagged:
    """The attribution of the runs at the given indices."""
    probabilities = [p for at in contents for p in segments[at].probabilities]
    return Tagged(
        content=tuple(Span(segments[at].start, segments[at].end) for at in contents),
        cue=None if cue is None else Span(segments[cue].start, segments[cue].end),
        sources=tuple(Span(segments[at].start, segments[at].end) for at in sources),
        score=float(np.mean(probabilities)),
    )
