"""The data model: frozen records that every stage reads and returns.

Every piece of text is a `Span` of character offsets into `Article.text`, so that
`article.text[span.start:span.end]` is always the surface. Records refer to each other by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "presslens.dossier/1"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Removed:
    """Something taken out of the body, kept so that nothing is silently lost."""

    kind: str  # chrome | duplicate | boilerplate
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None
    heading_span: Span | None
    span: Span
    paragraphs: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the article came from (the dossier's `source` field)."""

    kind: str  # text | html | url | stdin | feed | warc | jsonl
    uri: str | None = None
    sha256: str | None = None
    fetched_at: str | None = None


@dataclass(frozen=True, slots=True)
class StageWarning:
    """A note from one step of the analysis (ingest, a stage) that a reader should see."""

    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    caption: str | None = None
    byline: str | None = None
    published: str | None = None
    description: str | None = None
    language: str | None = None
    paragraphs: tuple[Span, ...] = ()
    sections: tuple[Section, ...] = ()
    removed: tuple[Removed, ...] = ()
    origin: Origin = field(default_factory=lambda: Origin(kind="text"))
    warnings: tuple[StageWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str  # PERSON | ORG | GPE | NORP | ...
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    text: str
    span: Span
    cue: str | None = None
    cue_span: Span | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_actor_id: str | None = None
    confidence: float = 0.0
    # the quoted pieces of a quote joined across its attribution or paragraphs ("A," he said,
    # "B.") and the speaker's resolved name (a pronoun's antecedent); empty when not needed
    parts: tuple[Span, ...] = ()
    speaker_name: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """A scare-quoted or coined term: quotation marks with no speaker and no cue."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    text: str
    span: Span
    value: float | None
    kind: str  # money|percent|count|quantity|rate|date|ordinal|duration|ratio|factor|time
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    bound: str = "exact"  # exact | approx | over | under | range
    change: str | None = None  # up | down | factor | None
    factor: float | None = None
    period: str | None = None
    concept: str | None = None
    unit_inferred: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    span: Span
    score: float
    rank: int
    figure_ids: tuple[str, ...] = ()
    actor_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    quote_id: str | None = None
    unsourced: bool = True


@dataclass(frozen=True, slots=True)
class Source:
    """Something a claim leans on: an organisation, a person, a poll, a medium, a document."""

    id: str
    name: str
    kind: str  # organisation | person | poll | media | document | unknown
    span: Span | None = None
    actor_id: str | None = None
    claim_ids: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()  # every citation of this source, in text order


@dataclass(frozen=True, slots=True)
class ActorTone:
    actor_id: str
    tone: float
    label: str
    counts: dict[str, int]
    evidence: tuple[Span, ...] = ()
    tone_in_quotes: float | None = None
    evidence_negative: tuple[Span, ...] = ()
    evidence_positive: tuple[Span, ...] = ()
    mentions_in_quotes: int = 0
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Dossier:
    article: Article
    word_count: int = 0
    reading_time_minutes: float = 0.0
    excerpt: str = ""
    sentences: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    terms: tuple[Term, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = ()
    tones: tuple[ActorTone, ...] = ()
    warnings: tuple[StageWarning, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from presslens.render.json import dossier_to_dict

        return dossier_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        from presslens.render.json import dossier_to_json

        return dossier_to_json(self, indent=indent)
