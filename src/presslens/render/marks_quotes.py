"""Highlights for quotes in the article text: one colour per speaker, each quoted piece marked.

A quote interrupted by its attribution ("A," he said, "B.") or run over several paragraphs is
marked piece by piece (`Quote.parts`), so the attribution between the pieces stays unmarked.
Speakers are keyed by actor id, else resolved name, else surface, as the quotes panels do, so
the swatch in the panel matches the highlight in the text.
"""

from __future__ import annotations

from presslens.model import Dossier, Quote
from presslens.render.marks import Mark

SPEAKER_COLOURS = 8


def speaker_key(quote: Quote) -> str:
    return quote.speaker_actor_id or quote.speaker_name or quote.speaker or "?"


def speaker_colours(dossier: Dossier) -> dict[str, int]:
    """Speaker key -> colour index, in order of each speaker's first quote."""
    colours: dict[str, int] = {}
    for quote in dossier.quotes:
        colours.setdefault(speaker_key(quote), len(colours) % SPEAKER_COLOURS)
    return colours


def speaker_label(dossier: Dossier, quote: Quote) -> str:
    names = {actor.id: actor.name for actor in dossier.actors}
    named = names.get(quote.speaker_actor_id or "")
    return named or quote.speaker_name or quote.speaker or "unknown speaker"


def quote_marks(dossier: Dossier) -> list[Mark]:
    """(span, css class, title) for every quoted piece: 'quote sp<n>' plus the kind."""
    colours = speaker_colours(dossier)
    marks = []
    for quote in dossier.quotes:
        css = f"quote sp{colours[speaker_key(quote)]} {quote.kind}"
        title = f"{quote.kind} quote — {speaker_label(dossier, quote)}"
        if quote.cue:
            title += f" ({quote.cue})"
        for piece in quote.parts or (quote.span,):
            marks.append(Mark(piece, css, title))
    return marks
