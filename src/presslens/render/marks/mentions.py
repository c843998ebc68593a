"""Each mention of an actor gets an id (`m<start>`), so the strip of an actor's mentions along
the article (render/pictures.py) can link every tick to its place in the text."""

from __future__ import annotations

from presslens.model import Dossier, Span
from presslens.render.marks import WORD_LAYER, Mark


def mention_anchor(span: Span) -> str:
    return f"m{span.start}"


def mention_marks(dossier: Dossier) -> list[Mark]:
    seen: set[int] = set()
    marks = []
    for actor in dossier.actors:
        for span in actor.mentions:
            if span.start not in seen:
                seen.add(span.start)
                marks.append(Mark(span, "mention", anchor=mention_anchor(span), layer=WORD_LAYER))
    return marks
