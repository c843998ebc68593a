"""What a page shows, from what the store returned: no analysis, only arrangement.

The article text is drawn with the standalone report's highlighter (`render.html`), so quotes,
figures and claims look the same in the report and on the site.
"""

from __future__ import annotations

from typing import Any

from presslens.model import Dossier, dossier_from_dict
from presslens.render.html import report_context
from presslens.render.speakers import Speaker, group_by_speaker
from presslens.web.picture import actor_network

SAFE_SCHEMES = ("http://", "https://")


def safe_link(uri: str | None) -> str | None:
    """A source address fit for an href: web addresses only (never javascript: or data:)."""
    if uri and uri.strip().lower().startswith(SAFE_SCHEMES) and not any(c in uri for c in "\n\r"):
        return uri.strip()
    return None


def display_title(row: dict[str, Any]) -> str:
    """A title for lists: the article's own, else the start of its excerpt."""
    title = (row.get("title") or "").strip()
    if title:
        return title
    excerpt = (row.get("excerpt") or "").strip()
    if not excerpt:
        return "Untitled article"
    return excerpt if len(excerpt) <= 90 else excerpt[:90].rsplit(" ", 1)[0] + "…"


def actor_colours(speakers: list[Speaker], dossier: Dossier) -> dict[str, int]:
    """Actor id -> colour of their quotes, also when a quote names its speaker only as text."""
    by_name = {name: actor.id for actor in dossier.actors for name in (actor.name, *actor.aliases)}
    result: dict[str, int] = {}
    for speaker in speakers:
        actor_id = speaker.actor_id or by_name.get(speaker.name)
        if actor_id:
            result.setdefault(actor_id, speaker.colour)
    return result


def most_quoted_first(speakers: list[Speaker]) -> list[Speaker]:
    return sorted(speakers, key=lambda s: (-len(s.quotes), s.name))


def ranked_claims(dossier: Dossier) -> list[dict[str, Any]]:
    sources = {source.id: source for source in dossier.sources}
    figures = {figure.id: figure for figure in dossier.figures}
    return [
        {
            "claim": claim,
            "percent": max(0, min(100, round(claim.score * 100))),
            "sources": [sources[s] for s in claim.source_ids if s in sources],
            "figures": [figures[f] for f in claim.figure_ids if f in figures],
        }
        for claim in sorted(dossier.claims, key=lambda c: (c.rank, -c.score))
    ]


def dossier_context(dossier: Dossier, row: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the dossier page draws; `row` is the stored article (None for a fresh one)."""
    context = report_context(dossier)
    speakers = group_by_speaker(dossier)
    context.update(
        row=row,
        title=display_title({"title": dossier.article.title, "excerpt": dossier.excerpt}),
        source_link=safe_link(dossier.article.origin.uri),
        speakers=most_quoted_first(speakers),
        claims=ranked_claims(dossier),
        network=actor_network(dossier, actor_colours(speakers, dossier)),
    )
    return context


def stored_dossier_context(row: dict[str, Any]) -> dict[str, Any]:
    return dossier_context(dossier_from_dict(row["dossier"]), row)
