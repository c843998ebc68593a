"""The data model: frozen records that every stage reads and returns, and their JSON form.

Every piece of text is a `Span` of character offsets into `Article.text`, so that
`article.text[span.start:span.end]` is always the surface. Records refer to each other by id.

The dossier's JSON (`"schema": "presslens.dossier/1"`, the public contract, with
`dossier.schema.json` beside this file) is written and read here, so that everything that
stores, sends or renders a dossier shares one reading of it. This module imports nothing of
presslens but the version.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import types
import typing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from presslens.errors import InputError, MissingInputError
from presslens.version import __version__

SCHEMA = "presslens.dossier/1"

# The line under an embedded social post that names its author, as a page shows it and as
# ingest writes it for a post saved as a tag: "— Jane Roe (@janeroe) March 10, 2016",
# "— @janeroe March 10, 2016", "A post shared by Jane Roe (@janeroe) on Mar 10, 2016 at 3pm".
# The paragraph above it is the author's post (the quotes stage reads it so).
POST_SIGNATURE = re.compile(
    r"(?:(?:[—–]|--)\s*|A (?:post|photo|video) shared by\s+)"
    r"(?:(?P<name>[^\s@()—–][^@()—–\n]{0,60}?)\s*\((?P<handle>@\w{1,30})\)|(?P<bare>@\w{1,30}))"
    r"(?:\s+(?:on\s+)?(?P<date>[\w ,.:/-]{3,40}))?\s*"
)

# A transcript turn's opening: its speaker's name in capitals and a colon ("TAPPER: Do you
# ...?", '"RAMOS: Secretary ...'). Ingest keeps such a line a paragraph, never a heading, and the
# quotes stage reads the rest as that speaker's words.
TURN_LABEL = re.compile(
    r"""(?P<open>["“]|'')?(?P<label>[A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)"""
)


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets `[start, end)` into `Article.text`: `span.of(article.text)` is the text."""

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

    def share_inside(self, outer: Span) -> float:
        """The share of this span's characters that lie inside `outer` (0 to 1)."""
        shared = min(self.end, outer.end) - max(self.start, outer.start)
        return max(0, shared) / max(1, len(self))


@dataclass(frozen=True, slots=True)
class Removed:
    """Something taken out of the body, kept so that nothing is silently lost."""

    kind: str  # chrome | duplicate | boilerplate | embed (a post saved without its text)
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one heading (None before the first heading)."""

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
    """The article as read: the cleaned body `text` (every span points into it), its title,
    caption, byline, publication date, language, paragraphs and sections, what was removed from
    the page, where it came from (`origin`) and what reading it noted (`warnings`)."""

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

    def __repr__(self) -> str:
        # the default would print the whole text
        where = f" from {self.origin.uri}" if self.origin.uri else ""
        title = shorten(self.title or self.text, 60)
        return f"<Article {title!r}: {len(self.text):,} characters{where}>"


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or acting country the article is about: its fullest name, its
    type (PERSON, ORG, GPE, ...), every other name form used and every mention span."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | NORP | ...
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: direct, indirect or mixed speech, its reporting cue ("said"), the speaker
    as written and the actor it resolves to, with a confidence from 0 to 1."""

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
    # every actor speaking, the first = speaker_actor_id ("Smith and Jones said": both)
    speaker_actor_ids: tuple[str, ...] = ()
    # a report inside a report ("Lynch said clients are beginning to demand ..."): the id of
    # the quote whose words hold it, whom the reader has it from; None for the others
    within: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """A scare-quoted or coined term: quotation marks with no speaker and no cue."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as the article means it: value (or low/high for a range), unit, kind, bound
    (exact, approx, over, under, range), change (up, down, factor), period and concept."""

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
    """A sentence worth checking, scored 0 to 1 and ranked (1 = check first), with the figures,
    actors and sources it involves; `unsourced` when it cites no source."""

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
    """The article's tone toward one actor: a score from -1 to 1, its label, the counts of
    negative, neutral and positive mentions and the sentences behind them."""

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
    """Everything found in one article: `presslens.analyse` returns it, `to_json` writes the
    contract (`presslens.dossier/1`), `Dossier.from_dict` and `presslens.load_dossier` read it
    back. Printing it shows a one-line summary; `to_json()` holds everything."""

    article: Article
    word_count: int = 0
    reading_time_minutes: float = 0.0
    excerpt: str = ""
    sentences: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    terms: tuple[Term, ...] = ()
    # group words (nationalities, parties: NORP), kept apart from actors
    groups: tuple[Actor, ...] = ()
    # places named only as locations ("in Iowa"); a place that acts is an actor
    places: tuple[Actor, ...] = ()
    # attributions that are not speech: stance or intent, refusal, negated speech
    stances: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = ()
    tones: tuple[ActorTone, ...] = ()
    warnings: tuple[StageWarning, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    # which models scored claims and tone: "accurate" (the contextual encoder) or "fast"
    models: str = "fast"

    def __repr__(self) -> str:
        # The default would print the whole text and every record (100 KB for a long article).
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}"
            for name in ("actors", "quotes", "figures", "claims", "sources", "warnings")
        )
        title = shorten(self.article.title or self.excerpt or "untitled", 60)
        return f"<Dossier {title!r}: {self.word_count} words, {counts}>"

    def to_dict(self) -> dict[str, Any]:
        """The dossier as JSON-ready data (the contract)."""
        return dossier_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(dossier_to_dict(self), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dossier:
        """A dossier back from its JSON data (a stored record, a file written by to_json)."""
        return dossier_from_dict(data)


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


# --- the JSON form ---------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Dataclasses, tuples and spans as JSON-ready values."""
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in field_names(type(value))}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@functools.cache
def field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, read once per class (dataclasses.fields builds them anew)."""
    return tuple(f.name for f in dataclasses.fields(kind))


def article_dict(dossier: Dossier) -> dict[str, Any]:
    article = dossier.article
    return {
        "title": article.title,
        "caption": article.caption,
        "byline": article.byline,
        "published": article.published,
        "description": article.description,
        "language": article.language,
        "text": article.text,
        "word_count": dossier.word_count,
        "reading_time_minutes": dossier.reading_time_minutes,
        "excerpt": dossier.excerpt,
        "sections": [
            {
                "heading": s.heading,
                "heading_span": plain(s.heading_span),
                "span": plain(s.span),
                "paragraphs": plain(s.paragraphs),
            }
            for s in article.sections
        ],
        "contents": table_of_contents(article),
        "paragraphs": plain(article.paragraphs),
        "removed": plain(article.removed),
    }


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    origin = dossier.article.origin
    return {
        "schema": SCHEMA,
        "generator": {"name": "presslens", "version": __version__},
        "source": plain(origin),
        "article": article_dict(dossier),
        "sentences": plain(dossier.sentences),
        "actors": plain(dossier.actors),
        "groups": plain(dossier.groups),
        "places": plain(dossier.places),
        "quotes": plain(dossier.quotes),
        "stances": plain(dossier.stances),
        "terms": plain(dossier.terms),
        "figures": plain(dossier.figures),
        "claims": plain(dossier.claims),
        "sources": plain(dossier.sources),
        "tones": plain(dossier.tones),
        "warnings": plain(dossier.warnings),
        "settings": dossier.settings,
        "models": dossier.models,
    }


@functools.cache
def dossier_schema() -> dict[str, Any]:
    raw = resources.files("presslens").joinpath("dossier.schema.json").read_text("utf-8")
    return json.loads(raw)


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `data` breaks the dossier contract."""
    import jsonschema

    jsonschema.validate(data, dossier_schema())


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "section"


def table_of_contents(article: Article) -> list[dict[str, str]]:
    """Headings in order, each with a unique anchor for links."""
    entries: list[dict[str, str]] = []
    used: set[str] = set()
    for section in article.sections:
        if not section.heading:
            continue
        anchor = base = slug(section.heading)
        n = 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        entries.append({"heading": section.heading, "anchor": anchor})
    return entries


# --- JSON back to frozen records -------------------------------------------------------------


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def convert(hint: Any, value: Any) -> Any:
    """A JSON value as the field type wants it: spans as Span, lists as tuples."""
    if value is None:
        return None
    if hint is Span:
        return Span(int(value["start"]), int(value["end"]))
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple and isinstance(value, list):
        inner = typing.get_args(hint)[0]
        return tuple(convert(inner, item) for item in value)
    return value


def build(cls: type, data: dict[str, Any]) -> Any:
    """One record from its JSON object; unknown keys are ignored, missing ones take defaults."""
    hints = field_types(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: convert(hints[k], v) for k, v in data.items() if k in known})


def build_all(cls: type, items: list[dict[str, Any]] | None) -> tuple[Any, ...]:
    built = []
    for item in items or []:
        try:
            built.append(build(cls, item))
        except (TypeError, KeyError, ValueError):  # a record from another schema: skip it
            continue
    return tuple(built)


def article_from_dict(data: dict[str, Any]) -> Article:
    article = data.get("article", {})
    sections = build_all(Section, article.get("sections"))
    origin_data = data.get("source") or {"kind": "text"}
    return Article(
        text=article.get("text") or "",
        title=article.get("title"),
        caption=article.get("caption"),
        byline=article.get("byline"),
        published=article.get("published"),
        description=article.get("description"),
        language=article.get("language"),
        paragraphs=convert(tuple[Span, ...], article.get("paragraphs") or []),
        sections=sections,
        removed=build_all(Removed, article.get("removed")),
        origin=build(Origin, origin_data),
        # reading notes: `analyse` copies the article's own into the dossier's warnings first
        warnings=tuple(
            w for w in build_all(StageWarning, data.get("warnings")) if w.stage == "ingest"
        ),
    )


def dossier_from_dict(data: dict[str, Any]) -> Dossier:
    """The Dossier of a stored JSON record."""
    article = data.get("article", {})
    return Dossier(
        article_from_dict(data),
        word_count=int(article.get("word_count") or 0),
        reading_time_minutes=float(article.get("reading_time_minutes") or 0.0),
        excerpt=article.get("excerpt") or "",
        sentences=convert(tuple[Span, ...], data.get("sentences") or []),
        actors=build_all(Actor, data.get("actors")),
        groups=build_all(Actor, data.get("groups")),
        places=build_all(Actor, data.get("places")),
        quotes=build_all(Quote, data.get("quotes")),
        stances=build_all(Quote, data.get("stances")),
        terms=build_all(Term, data.get("terms")),
        figures=build_all(Figure, data.get("figures")),
        claims=build_all(Claim, data.get("claims")),
        sources=build_all(Source, data.get("sources")),
        tones=build_all(ActorTone, data.get("tones")),
        warnings=build_all(StageWarning, data.get("warnings")),
        settings=data.get("settings") or {},
        models=data.get("models") or "fast",
    )


def load_dossier(source: str | bytes | Path | dict[str, Any]) -> Dossier:
    """A stored dossier back as a `Dossier`: a JSON file's path, JSON text or bytes (what
    `Dossier.to_json` writes), or the data itself. A batch row or a store record holding the
    dossier under `"dossier"` is read too. Raises `presslens.errors.InputError` when the input
    is not a dossier."""
    data = source if isinstance(source, dict) else json_of(source)
    if isinstance(data.get("dossier"), dict) and "article" not in data:
        data = data["dossier"]  # a batch row ({id, status, dossier}) or a store record
    if not str(data.get("schema", "")).startswith("presslens.dossier/"):
        raise InputError('not a presslens dossier: no "schema": "presslens.dossier/1"')
    return dossier_from_dict(data)


def json_of(source: str | bytes | Path) -> dict[str, Any]:
    """The JSON object in a file, or in JSON text or bytes."""
    name = "the JSON given"
    if isinstance(source, str) and not source.lstrip().startswith("{"):
        source = Path(source)
    if isinstance(source, Path):
        name = str(source)
        try:
            source = source.read_bytes()
        except FileNotFoundError as exc:
            raise MissingInputError(f"{name} does not exist: check the path") from exc
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(source)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{name} is not dossier JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{name} is not dossier JSON: expected an object")
    return data
