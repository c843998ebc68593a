"""The pictures of a dossier, as geometry for the templates to draw (HTML and CSS, no script
and no outside asset, so they work in the standalone report and under the site's CSP).

Mentions along the article: one strip per actor, the width of the strip the length of the
article, a tick at each mention linked to its place in the text (`marks/mentions.py`), the
ticks in a sentence the tone stage gives as evidence coloured by its lean, and the actor's own
quotes drawn under the strip in their speaker colour. Section starts are faint lines across.
It answers what a network of co-mentions did not: who the article is about, where, and whether
they speak for themselves.
"""

from __future__ import annotations

from typing import Any

from presslens.model import Actor, Dossier, Span
from presslens.render.marks.mentions import mention_anchor
from presslens.render.marks.sentences import anchor_finder
from presslens.render.speakers import group_by_speaker

MAX_STRIPS = 12
TIP_CHARS = 140


def position(offset: int, length: int) -> float:
    """An offset as a percentage of the article, for a CSS `left`."""
    return round(100 * offset / max(1, length), 2)


def sentence_text(text: str, span: Span, sentences: list[Span]) -> str:
    """The sentence around `span` (or the span itself), on one line, cut for a tooltip."""
    around = next((s for s in sentences if s.start <= span.start < s.end), span)
    words = " ".join(text[around.start : around.end].split())
    return words if len(words) <= TIP_CHARS else words[: TIP_CHARS - 1].rsplit(" ", 1)[0] + "…"


def leans(dossier: Dossier, actor: Actor, anchor: Any) -> dict[str, str]:
    """Sentence anchor -> 'neg' or 'pos' for the sentences the tone stage gives as evidence."""
    tone = next((t for t in dossier.tones if t.actor_id == actor.id), None)
    if tone is None:
        return {}
    found = {anchor(span): "neg" for span in tone.evidence_negative}
    found.update({anchor(span): "pos" for span in tone.evidence_positive})
    found.pop("", None)
    return found


def strip(dossier: Dossier, actor: Actor, quotes: list[Span], anchor: Any) -> dict[str, Any]:
    text, length = dossier.article.text, len(dossier.article.text)
    sentences = list(dossier.sentences)
    lean = leans(dossier, actor, anchor)
    ticks = [
        {
            "left": position(span.start, length),
            "href": "#" + mention_anchor(span),
            "lean": lean.get(anchor(span), ""),
            "title": sentence_text(text, span, sentences),
        }
        for span in sorted(actor.mentions, key=lambda s: s.start)
    ]
    said = [
        {
            "left": position(span.start, length),
            "width": max(0.6, position(span.end - span.start, length)),
            "href": "#" + anchor(span) if anchor(span) else "",
            "title": sentence_text(text, span, []),
        }
        for span in quotes
    ]
    return {"id": actor.id, "name": actor.name, "type": actor.type, "ticks": ticks, "quotes": said}


def mention_strips(dossier: Dossier, *, max_strips: int = MAX_STRIPS) -> dict[str, Any]:
    """The strips of the most mentioned actors, and the section starts to draw across them."""
    actors = sorted(
        (a for a in dossier.actors if a.mentions), key=lambda a: (-len(a.mentions), a.name)
    )
    speakers = {s.actor_id: s for s in group_by_speaker(dossier) if s.actor_id}
    anchor = anchor_finder(dossier)
    strips = []
    for actor in actors[:max_strips]:
        speaker = speakers.get(actor.id)
        quotes = [q.span for q in speaker.quotes] if speaker else []
        drawn = strip(dossier, actor, quotes, anchor)
        drawn["colour"] = speaker.colour if speaker else None
        strips.append(drawn)
    length = len(dossier.article.text)
    sections = [
        {"left": position(section.span.start, length), "heading": section.heading}
        for section in dossier.article.sections
        if section.heading and section.span.start > 0
    ]
    return {"strips": strips, "sections": sections, "more": max(0, len(actors) - max_strips)}
