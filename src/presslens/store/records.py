"""Dossier JSON <-> rows: the derived rows stored beside the record, and the record back as a
`Dossier` so that pages can reuse the report's highlighter.

Both directions read the JSON tolerantly: a stage that has not landed leaves an empty list, and a
record missing a field it needs is skipped rather than sinking the article.
"""

from __future__ import annotations

import re
from typing import Any

from presslens.store.actor_keys import actor_key

# NUL (PostgreSQL text refuses it) and lone surrogates (no backend can encode them)
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: Any) -> Any:
    """`value` with U+FFFD for NUL and lone surrogates in every string it holds, so that both
    backends store the same thing; one character for one, so every span still holds."""
    if isinstance(value, str):
        return UNSTORABLE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: storable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(storable(item) for item in value)
    return value


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
    keys = keys_by_id(data.get("actors", []))
    article = data.get("article", {})
    rows: dict[str, list[tuple[Any, ...]]] = {
        "actors": [
            (
                a.get("id"),
                a.get("name") or "",
                a.get("type"),
                len(a.get("mentions", [])),
                keys.get(str(a.get("id"))),
            )
            for a in data.get("actors", [])
        ],
        "quotes": quote_rows(data, actors, keys),
        "figures": figure_rows(data),
        "claims": claim_rows(data, actors, sources),
        "sources": source_rows(data),
    }
    title = article.get("title") or ""
    rows["search_index"] = [("article", None, None, f"{title}\n{article.get('text', '')}")]
    rows["search_index"] += [("quote", r[0], r[3], r[2] or "") for r in rows["quotes"]]
    rows["search_index"] += [("claim", r[0], None, r[1] or "") for r in rows["claims"]]
    return rows


def keys_by_id(items: list[dict[str, Any]]) -> dict[str, str]:
    """Actor id -> the actor's corpus key (store/actor_keys.py)."""
    return {
        str(item.get("id")): actor_key(
            str(item.get("name") or ""), item.get("aliases") or [], item.get("type")
        )
        for item in items
    }


def quote_rows(
    data: dict[str, Any], actors: dict[str, str], keys: dict[str, str]
) -> list[tuple[Any, ...]]:
    return [
        (
            q.get("id"),
            q.get("kind"),
            q.get("text"),
            quote_speaker(q, actors),
            q.get("speaker_actor_id"),
            *span_of(q),
            q.get("confidence"),
            keys.get(str(q.get("speaker_actor_id"))),
            within_id(q),
        )
        for q in data.get("quotes", [])
    ]


def within_id(quote: dict[str, Any]) -> str | None:
    """The id of the quote whose words hold this one (a report inside a report), else None."""
    within = quote.get("within")
    return str(within) if within is not None and within != "" else None


def figure_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
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
    ]


def claim_rows(
    data: dict[str, Any], actors: dict[str, str], sources: dict[str, str]
) -> list[tuple[Any, ...]]:
    return [
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
    ]


def source_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            s.get("id"),
            s.get("name") or "",
            s.get("kind"),
            s.get("actor_id"),
            len(s.get("claim_ids", [])),
        )
        for s in data.get("sources", [])
    ]
