"""Dossier JSON <-> rows: the derived rows stored beside the record, and the record back as a
`Dossier` so that pages can reuse the report's highlighter.

Both directions read the JSON tolerantly: a stage that has not landed leaves an empty list, and a
record missing a field it needs is skipped rather than sinking the article.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any

from presslens.model import (
    Actor,
    ActorTone,
    Article,
    Claim,
    Dossier,
    Figure,
    Origin,
    Quote,
    Removed,
    Section,
    Source,
    Span,
    StageWarning,
    Term,
)


def names_by_id(items: list[dict[str, Any]]) -> dict[str, str]:
    return {str(item.get("id")): str(item.get("name") or "") for item in items}


def article_row(data: dict[str, Any]) -> dict[str, Any]:
    """The `articles` columns of one dossier (everything but keys and timestamps)."""
    article = data.get("article", {})
    return {
        "kind": data.get("source", {}).get("kind"),
        "title": article.get("title"),
        "byline": article.get("byline"),
        "published": article.get("published"),
        "language": article.get("language"),
        "word_count": int(article.get("word_count") or 0),
        "reading_time_minutes": float(article.get("reading_time_minutes") or 0.0),
        "excerpt": article.get("excerpt"),
        "n_actors": len(data.get("actors", [])),
        "n_quotes": len(data.get("quotes", [])),
        "n_figures": len(data.get("figures", [])),
        "n_claims": len(data.get("claims", [])),
        "n_sources": len(data.get("sources", [])),
        "n_warnings": len(data.get("warnings", [])),
    }


def span_of(item: dict[str, Any], key: str = "span") -> tuple[int | None, int | None]:
    span = item.get(key) or {}
    return span.get("start"), span.get("end")


def quote_speaker(quote: dict[str, Any], actors: dict[str, str]) -> str | None:
    """The speaker as the corpus knows them: the resolved actor's name, else the surface."""
    actor_id = quote.get("speaker_actor_id")
    return actors.get(str(actor_id)) if actor_id in actors else quote.get("speaker")


def derived_rows(data: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for actors, quotes, figures, claims, sources and the search index (no article id)."""
    actors = names_by_id(data.get("actors", []))
    sources = names_by_id(data.get("sources", []))
    article = data.get("article", {})
    rows: dict[str, list[tuple[Any, ...]]] = {
        "actors": [
            (a.get("id"), a.get("name") or "", a.get("type"), len(a.get("mentions", [])))
            for a in data.get("actors", [])
        ],
        "quotes": [
            (
                q.get("id"),
                q.get("kind"),
                q.get("text"),
                quote_speaker(q, actors),
                q.get("speaker_actor_id"),
                *span_of(q),
                q.get("confidence"),
            )
            for q in data.get("quotes", [])
        ],
        "figures": [
            (
                f.get("id"),
                f.get("text"),
                f.get("value"),
                f.get("low"),
                f.get("high"),
                f.get("unit"),
                f.get("kind"),
                f.get("bound"),
                f.get("change"),
                f.get("period"),
                f.get("concept"),
                *span_of(f),
            )
            for f in data.get("figures", [])
        ],
        "claims": [
            (
                c.get("id"),
                c.get("text"),
                c.get("score"),
                c.get("rank"),
                *span_of(c),
                "; ".join(sources.get(str(s), "") for s in c.get("source_ids", [])),
                "; ".join(actors.get(str(a), "") for a in c.get("actor_ids", [])),
                c.get("quote_id"),
            )
            for c in data.get("claims", [])
        ],
        "sources": [
            (
                s.get("id"),
                s.get("name") or "",
                s.get("kind"),
                s.get("actor_id"),
                len(s.get("claim_ids", [])),
            )
            for s in data.get("sources", [])
        ],
    }
    title = article.get("title") or ""
    rows["search_index"] = [("article", None, None, f"{title}\n{article.get('text', '')}")]
    rows["search_index"] += [("quote", r[0], r[3], r[2] or "") for r in rows["quotes"]]
    rows["search_index"] += [("claim", r[0], None, r[1] or "") for r in rows["claims"]]
    return rows


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
        quotes=build_all(Quote, data.get("quotes")),
        terms=build_all(Term, data.get("terms")),
        figures=build_all(Figure, data.get("figures")),
        claims=build_all(Claim, data.get("claims")),
        sources=build_all(Source, data.get("sources")),
        tones=build_all(ActorTone, data.get("tones")),
        warnings=build_all(StageWarning, data.get("warnings")),
        settings=data.get("settings") or {},
    )
