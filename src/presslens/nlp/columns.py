"""A doc's token attributes read once, as columns, without a spaCy `Token` for each token.

`doc[i]` builds a Python object and every `token.lemma_` looks a string up again; a stage that
tests each token of the article pays that thousands of times. `Columns.of(doc, ...)` reads the
attributes asked for with one `Doc.to_array`; `strings(attr)` gives what `token.<attr>_` gives
for every token, and `where(attr, test)` marks the tokens whose string passes a test, each
distinct value tested once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import ENT_IOB, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

IOB_NAMES = ("", "I", "O", "B")  # Token.ent_iob_ of Token.ent_iob 0..3


@dataclass(frozen=True, slots=True)
class Columns:
    doc: Doc
    attrs: tuple[int, ...]
    table: np.ndarray  # (tokens, attrs), as Doc.to_array gives them
    # attr -> (its distinct strings, each token's index among them), read when first asked
    distinct: dict[int, tuple[list[str], np.ndarray]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, attrs: Sequence[int]) -> Columns:
        table = doc.to_array(list(attrs)).reshape(len(doc), len(attrs))
        return cls(doc, tuple(attrs), table)

    def values(self, attr: int) -> np.ndarray:
        return self.table[:, self.attrs.index(attr)]

    def name(self, attr: int, value: int) -> str:
        """The string `token.<attr>_` gives for a column's value."""
        if attr == POS:
            return str(POS_NAMES[value])
        if attr == ENT_IOB:
            return IOB_NAMES[value]
        return str(self.doc.vocab.strings[value])

    def names(self, attr: int) -> tuple[list[str], np.ndarray]:
        """The column's distinct strings, and each token's index among them."""
        if attr not in self.distinct:
            values, inverse = np.unique(self.values(attr), return_inverse=True)
            names = [self.name(attr, value) for value in values.tolist()]
            self.distinct[attr] = (names, inverse.reshape(-1))
        return self.distinct[attr]

    def strings(self, attr: int) -> list[str]:
        """`token.<attr>_` of every token, in order (LEMMA: each `lemma_`)."""
        names, inverse = self.names(attr)
        return [names[at] for at in inverse.tolist()]

    def equals(self, attr: int, string: str) -> np.ndarray:
        """A mask of the tokens whose `token.<attr>_` is `string` (no string looked up)."""
        if attr == POS:
            code = POS_IDS.get(string, -1)
        elif attr == ENT_IOB:
            code = IOB_NAMES.index(string) if string in IOB_NAMES else -1
        else:
            code = get_string_id(string) if string else 0
        return self.values(attr) == code if code >= 0 else np.zeros(len(self.table), dtype=bool)

    def where(self, attr: int, test: Callable[[str], bool]) -> np.ndarray:
        """A mask of the tokens whose `token.<attr>_` passes `test`."""
        names, inverse = self.names(attr)
        passing = np.array([test(name) for name in names], dtype=bool)
        return passing[inverse] if len(inverse) else np.zeros(0, dtype=bool)


# the doc whose entities a block keeps (`ents_kept`), and its `doc.ents`
KEPT_ENTS: ContextVar[tuple[Doc, Sequence[DocSpan]] | None] = ContextVar("kept_ents", default=None)


@contextmanager
def ents_kept(doc: Doc) -> Iterator[None]:
    """A block in which `ents_of(doc)` gives one `doc.ents`, built once: for a stage that reads
    the entities many times and never sets them."""
    token = KEPT_ENTS.set((doc, doc.ents))
    try:
        yield
    finally:
        KEPT_ENTS.reset(token)


def ents_of(doc: Doc) -> Sequence[DocSpan]:
    """`doc.ents`, which spaCy builds anew at each call (0.16 ms for the showcase, asked ~15
    times by the entities stage): inside `ents_kept(doc)`, the tuple built on entering."""
    kept = KEPT_ENTS.get()
    return kept[1] if kept is not None and kept[0] is doc else doc.ents
