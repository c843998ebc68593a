"""What a page shows, from what the store returned: no analysis, only arrangement.

The article text is drawn with the standalone report's highlighter (`render.html`), and the
legend, the tone panel and the strips of mentions are the report's own partials, with its
stylesheet for the marks: quotes, figures, claims and pictures look the same in both.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from presslens.model import Dossier, dossier_from_dict
from presslens.render.claims import Listed
from presslens.render.html import environment, render_panel, report_context
from presslens.render.speakers import Speaker, group_by_speaker

SAFE_SCHEMES = ("http://", "https://")
DEFAULT_TOP = 50  # items of a list across articles shown at once (web/conflicts.py)


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


def most_quoted_first(speakers: list[Speaker]) -> list[Speaker]:
    return sorted(speakers, key=lambda s: (-len(s.quotes), s.name))


def ranked_claims(listed: list[Listed], anchor: Any) -> list[dict[str, Any]]:
    """The "check first" list as shown (render/claims.py), with what each item links to."""
    return [
        {
            "claim": item.claim,
            "position": item.position,
            "top": item.top,
            "anchor": anchor(item.claim.span),
            "percent": max(0, min(100, round(item.claim.score * 100))),
        }
        for item in listed
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
        claims=ranked_claims(context["check_first"], context["anchor"]),  # type: ignore[arg-type]
    )
    context.update(
        marks_css=Markup(environment().get_template("marks.css").render()),
        legend=render_panel("legend", context),
        tone_panel=render_panel("tone", context),
        mentions_panel=render_panel("mentions", context),
    )
    return context


def stored_dossier_context(row: dict[str, Any]) -> dict[str, Any]:
    return dossier_context(dossier_from_dict(row["dossier"]), row)


def article_number(text: str) -> int:
    """The article id in a path, or 0 (no article) for anything but plain ASCII digits."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 19 else 0


def actor_found(actor: dict[str, Any]) -> bool:
    """Whether the store knows anything of this name (else the page is a 404, not empty)."""
    parts = ("articles", "quotes", "claims", "as_source", "full_names")
    return any(actor.get(part) for part in parts)


def kept_query(listing: dict[str, Any], default_sort: str) -> str:
    """The query string that keeps a list's top, range and order (defaults left out)."""
    kept = {
        "top": "" if listing.get("top", DEFAULT_TOP) == DEFAULT_TOP else str(listing["top"]),
        "from": listing["from"] or "",
        "to": listing["to"] or "",
        "sort": "" if listing["sort"] == default_sort else listing["sort"],
    }
    query = urlencode({k: v for k, v in kept.items() if v})
    return f"?{query}" if query else ""
