"""A small hand-written dossier, built without spaCy, for the render tests: sentences, a claim
per sentence with the scores and ranks given, actors by name, figures by their text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from presslens.model import Actor, ActorTone, Article, Claim, Dossier, Figure, Section, Span

SENTENCE = re.compile(r"[^.]+\.")


def find(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece))


def dossier(
    sentences: list[str],
    *,
    scores: Sequence[
        tuple[float, int]
    ] = (),  # (score, rank) of the claim in each sentence, in order
    actors: tuple[str, ...] = (),
    figures: tuple[Figure, ...] = (),
    tones: tuple[ActorTone, ...] = (),
) -> Dossier:
    text = " ".join(sentences)
    spans = tuple(Span(m.start(), m.end()) for m in SENTENCE.finditer(text))
    spans = tuple(Span(s.start + (text[s.start] == " "), s.end) for s in spans)
    article = Article(
        text=text,
        title="Handmade",
        paragraphs=(Span(0, len(text)),),
        sections=(Section(None, None, Span(0, len(text)), (Span(0, len(text)),)),),
        language="en",
    )
    claims = tuple(
        Claim(f"c{rank}", text[span.start : span.end], span, score, rank)
        for span, (score, rank) in zip(spans, scores, strict=False)
    )
    people = tuple(
        Actor(
            f"a{i}",
            name,
            "PERSON",
            (),
            tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(name), text)),
        )
        for i, name in enumerate(actors, start=1)
    )
    return Dossier(
        article,
        sentences=spans,
        claims=tuple(sorted(claims, key=lambda c: c.rank)),
        actors=people,
        figures=figures,
        tones=tones,
        settings={"claim_threshold": 0.5},
    )


def figure(text: str, piece: str, value: float | None, kind: str, **fields: object) -> Figure:
    """The figure `piece` of `text`, its id made from its place."""
    span = find(text, piece)
    return Figure(f"f{span.start}", piece, span, value, kind, **fields)  # type: ignore[arg-type]
