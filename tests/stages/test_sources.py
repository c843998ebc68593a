"""The sources stage: who or what a claim leans on, typed, linked to actors."""

from __future__ import annotations

import pytest

from presslens import nlp, segment
from presslens.model import Article, Quote, Source, Span
from presslens.stages.entities import find_actors
from presslens.stages.sources import find_sources, kind_of


def sources_of(text: str, quotes: tuple[Quote, ...] = ()) -> tuple[Source, ...]:
    article = Article(text=text)
    doc = nlp.parse(text)
    sentences = segment.sentence_spans(article, doc)
    return find_sources(article, doc, sentences, find_actors(article, doc), quotes)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("According to the World Bank, exports fell by 4% in 2023.", "World Bank", "organisation"),
        ("A recent poll shows that 60% of voters back the plan.", "recent poll", "poll"),
        ("The Guardian reported that the minister resigned.", "Guardian", "media"),
        ("It has been revealed that the firm paid no tax.", "It has been revealed", "unknown"),
        (
            "According to a 2023 report by the IMF, debt doubled.",
            "2023 report by the IMF",
            "document",
        ),
        (
            "Dr. Jane Smith, an economist at Oxford, said that wages fell.",
            "Dr. Jane Smith",
            "person",
        ),
        (
            "The agency is looking into the grants, according to three intelligence sources "
            "who spoke to reporters on Monday.",
            "three intelligence sources",
            "unknown",
        ),
    ],
)
def test_citations_are_found_and_typed(text: str, name: str, kind: str) -> None:
    (source,) = sources_of(text)
    assert (source.name, source.kind) == (name, kind)
    assert source.span is not None and name in source.span.of(text)
    assert source.id == "s1" and source.claim_ids == ()


def test_a_pronoun_after_a_cited_body_is_that_body_again() -> None:
    text = (
        "The Institute for Fiscal Studies estimates that the deficit will reach 50 billion pounds. "
        "It says the gap is widening."
    )
    (source,) = sources_of(text)
    assert source.name == "Institute for Fiscal Studies" and source.kind == "organisation"
    assert source.actor_id is not None
    assert [m.of(text) for m in source.mentions] == ["The Institute for Fiscal Studies", "It"]


@pytest.mark.parametrize(
    "text",
    [
        "I said that we would win.",
        "The budget was cut last year.",
        "They argue about peace while the war goes on.",
    ],
)
def test_no_source_without_a_citation(text: str) -> None:
    assert sources_of(text) == ()


def test_a_quoted_speaker_with_an_actor_is_a_source() -> None:
    text = "“The euro will survive,” Angela Merkel added."
    article = Article(text=text)
    doc = nlp.parse(text)
    actors = find_actors(article, doc)
    speaker = Span(text.index("Angela"), text.index(" added"))
    (actor,) = [a for a in actors if a.name == "Angela Merkel"]
    quote = Quote(
        "q1",
        "direct",
        "“The euro will survive,”",
        Span(0, 24),
        speaker="Angela Merkel",
        speaker_span=speaker,
        speaker_actor_id=actor.id,
    )
    sentences = segment.sentence_spans(article, doc)
    sources = find_sources(article, doc, sentences, actors, (quote,))
    assert [(s.name, s.kind, s.actor_id) for s in sources] == [
        ("Angela Merkel", "person", actor.id)
    ]
    assert find_sources(article, doc, sentences, actors, ()) == ()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Director of the Minsk Dialogue Council", "person"),
        ("opinion poll in May 2025", "poll"),
        ("ISW", "organisation"),
        ("Reuters", "media"),
        ("latest figures", "document"),
        ("some people", "unknown"),
    ],
)
def test_kind_of_a_name(name: str, kind: str) -> None:
    assert kind_of(name, None) == kind


@pytest.mark.parametrize(
    "text",
    [
        # the grammatical subject of a verb that reports nothing is no source
        "The fund manager wrote a large check to the campaign.",
        "The Vermont senator found ways to press his agenda.",
        "The State Department had asked the FBI to review the emails.",
        "The senator did not say that the bridge was safe.",
    ],
)
def test_a_subject_that_asserts_nothing_is_no_source(text: str) -> None:
    assert sources_of(text) == ()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Wages fell sharply last year, the IFS says.", "IFS", "organisation"),
        (
            "Support for the plan fell to 40 percent in a survey by Gallup.",
            "survey by Gallup",
            "poll",
        ),
        ("Clinton leads by five points in a new Quinnipiac poll.", "new Quinnipiac poll", "poll"),
        ("A recent poll shows Clinton ahead.", "recent poll", "poll"),
    ],
)
def test_the_asserting_party_is_the_source(text: str, name: str, kind: str) -> None:
    (source,) = sources_of(text)
    assert (source.name, source.kind) == (name, kind)


def reported(text: str, speaker: str, cue: str, content: str) -> Quote:
    """An indirect quote as the quotes stage gives it, from pieces of `text`."""
    start = text.index(content)
    return Quote(
        "q1",
        "indirect",
        content,
        Span(start, start + len(content)),
        cue=cue,
        cue_span=Span(text.index(cue), text.index(cue) + len(cue)),
        speaker=speaker,
        speaker_span=Span(text.index(speaker), text.index(speaker) + len(speaker)),
    )


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "expected"),
    [
        # a request, an intention, a stance toward a thing, a question, negated speech
        ("The ministry asked the police to review the files.", "The ministry", "asked",
         "to review the files", []),
        ("The ministry wants to cut taxes for families.", "The ministry", "wants",
         "to cut taxes for families", []),
        ("The ministry backs the new bridge.", "The ministry", "backs", "the new bridge", []),
        ("The ministry asked whether the bridge was safe.", "The ministry", "asked",
         "whether the bridge was safe", []),
        ("The ministry did not say the bridge was safe.", "The ministry", "say",
         "the bridge was safe", []),
        # what was asserted: a finite clause, or anything a poll shows
        ("The ministry said the bridge would reopen in May.", "The ministry", "said",
         "the bridge would reopen in May", [("ministry", "organisation")]),
        ("A poll by Gallup shows most voters back the plan.", "A poll by Gallup", "shows",
         "most voters back the plan", [("poll by Gallup", "poll")]),
    ],
)  # fmt: skip
def test_a_quote_cites_its_speaker_when_it_asserts(
    text: str, speaker: str, cue: str, content: str, expected: list[tuple[str, str]]
) -> None:
    sources = sources_of(text, (reported(text, speaker, cue, content),))
    assert [(s.name, s.kind) for s in sources] == expected
