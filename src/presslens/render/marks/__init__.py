"""A mark laid over the article text: a span, its CSS classes and a tooltip; optionally an id
for links to that place in the text, and a badge drawn before it (a claim's position)."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.model import Span

SENTENCE_LAYER, QUOTE_LAYER, WORD_LAYER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Mark:
    span: Span
    css: str
    title: str = ""
    anchor: str = ""  # the element's id, on its first piece only
    # Where marks overlap, a lower layer encloses a higher one, and only the higher is cut in
    # pieces: a sentence stays one element (so `:target` shows all of it), a quote crossing
    # its end is cut there.
    layer: int = QUOTE_LAYER
    badge: str = ""  # data-badge, drawn by the stylesheet before the first piece
