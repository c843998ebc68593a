"""Highlights for quotes in the article text: one colour per speaker, each quoted piece marked.

A quote interrupted by its attribution ("A," he said, "B.") or run over several paragraphs is
marked piece by piece (`Quote.parts`), so the attribution between the pieces stays unmarked.
Colours come from `render.speakers`, so the highlight matches the speaker's swatch in a panel.
"""

from __future__ import annotations

from presslens.model import Dossier
from presslens.render.marks import Mark
from presslens.render.speakers import group_by_speaker, speaker_key


def quote_marks(dossier: Dossier) -> list[Mark]:
    """(span, css class, title) for every quoted piece: 'quote sp<n>' plus the kind."""
    speakers = {speaker.key: speaker for speaker in group_by_speaker(dossier)}
    marks = []
    for quote in dossier.quotes:
        speaker = speakers[speaker_key(quote)]
        css = f"quote sp{speaker.colour} {quote.kind}"
        title = f"{quote.kind} quote — {speaker.name}"
        if quote.cue:
            title += f" ({quote.cue})"
        for piece in quote.parts or (quote.span,):
            marks.append(Mark(piece, css, title))
    return marks
