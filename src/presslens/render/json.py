"""The dossier as JSON: the public contract, `"schema": "presslens.dossier/1"`."""

from __future__ import annotations

import dataclasses
import functools
import json
from importlib import resources
from typing import Any

from presslens import __version__
from presslens.model import SCHEMA, Dossier, Span
from presslens.segment import table_of_contents


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
        "quotes": plain(dossier.quotes),
        "terms": plain(dossier.terms),
        "figures": plain(dossier.figures),
        "claims": plain(dossier.claims),
        "sources": plain(dossier.sources),
        "tones": plain(dossier.tones),
        "warnings": plain(dossier.warnings),
        "settings": dossier.settings,
    }


def dossier_to_json(dossier: Dossier, *, indent: int | None = 2) -> str:
    return json.dumps(dossier_to_dict(dossier), ensure_ascii=False, indent=indent)


@functools.cache
def dossier_schema() -> dict[str, Any]:
    raw = resources.files("presslens.render").joinpath("dossier.schema.json").read_text("utf-8")
    return json.loads(raw)


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `data` breaks the dossier contract."""
    import jsonschema

    jsonschema.validate(data, dossier_schema())
