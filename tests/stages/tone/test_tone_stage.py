"""Tone per actor: aggregation, quotes kept apart, evidence, and the showcase article."""

from __future__ import annotations

import pytest

from presslens import nlp, segment
from presslens.model import Actor, Article, Dossier, Quote, Span
from presslens.stages.tone.stage import find_tones, label_for

TEXT = (
    "Critics blasted Smith as a corrupt liar who betrayed the voters. "
    "Smith was later indicted on fraud charges and disgraced. "
    "Smith will speak in Ohio on Tuesday. "
    'Brown said "Jones is a shameless crook" at the rally. '
    "Jones was hailed as a hero after she saved the children from the fire. "
    "Green arrived."
)


def spans_of(name: str) -> tuple[Span, ...]:
    found, at = [], TEXT.find(name)
    while at >= 0:
        found.append(Span(at, at + len(name)))
        at = TEXT.find(name, at + 1)
    return tuple(found)


def tones_of_text() -> dict[str, object]:
    article = Article(text=TEXT)
    doc = nlp.parse(TEXT)
    sentences = segment.sentence_spans(article, doc)
    actors = tuple(
        Actor(f"a{i}", name, "PERSON", (), spans_of(name))
        for i, name in enumerate(("Smith", "Jones", "Green", "Brown"))
    )
    start = TEXT.index("“") if "“" in TEXT else TEXT.index('"')
    quote = Quote("q1", "direct", "", Span(start, TEXT.index('"', start + 1) + 1))
    tones = find_tones(article, doc, sentences, actors, (quote,))
    return {actor.name: t for actor in actors for t in tones if t.actor_id == actor.id}


@pytest.fixture(scope="module")
def tones() -> dict[str, object]:
    return tones_of_text()


def test_repeatedly_criticised_actor_is_negative_with_evidence(tones) -> None:
    smith = tones["Smith"]
    assert smith.label == "negative"
    assert -1.0 <= smith.tone < 0
    assert sum(smith.counts.values()) == 3
    assert smith.evidence_negative and smith.evidence[0] == smith.evidence_negative[0]
    shown = [TEXT[span.start : span.end] for span in smith.evidence_negative]
    assert any("corrupt liar" in sentence for sentence in shown)
    assert not any("Ohio" in sentence for sentence in shown)  # the neutral sentence is no evidence


def test_mentions_inside_quotes_are_counted_apart(tones) -> None:
    jones = tones["Jones"]
    assert jones.mentions_in_quotes == 1
    assert jones.tone_in_quotes is not None
    assert sum(jones.counts.values()) == 1  # only the author's own sentence
    assert jones.label == "uncertain"  # one mention in the author's voice is too few


def test_single_mention_is_never_confident(tones) -> None:
    assert tones["Green"].label == "uncertain"
    assert tones["Green"].evidence == ()


@pytest.mark.parametrize(
    ("tone", "mentions", "expected"),
    [
        (-0.5, 3, "negative"),
        (0.5, 3, "positive"),
        (0.05, 3, "neutral"),
        (-0.9, 1, "uncertain"),
        (None, 4, "uncertain"),
    ],
)
def test_labels(tone: float | None, mentions: int, expected: str) -> None:
    assert label_for(tone, mentions, 2, 0.15) == expected


@pytest.mark.e2e
@pytest.mark.parametrize("name", ["Putin", "Trump", "Russia", "Kremlin"])
def test_showcase_actors_come_out_negative(showcase: Dossier, name: str) -> None:
    actor = next(a for a in showcase.actors if a.name == name)
    tone = next(t for t in showcase.tones if t.actor_id == actor.id)
    assert tone.label == "negative", (name, tone.tone, tone.counts)
    assert tone.evidence_negative
    for span in tone.evidence_negative:
        sentence = showcase.article.text[span.start : span.end]
        assert any(span.contains(m) for m in actor.mentions), sentence


@pytest.mark.e2e
def test_showcase_rare_actors_get_no_confident_label(showcase: Dossier) -> None:
    by_id = {a.id: a for a in showcase.actors}
    for tone in showcase.tones:
        own = len(by_id[tone.actor_id].mentions) - tone.mentions_in_quotes
        if own < 2:
            assert tone.label == "uncertain", by_id[tone.actor_id].name
