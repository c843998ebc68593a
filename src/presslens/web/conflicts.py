"""/conflicts and its JSON twin /conflicts.json: figures from different articles about the same
thing that disagree (presslens/corpus/conflicts.py), each pair side by side with both sentences,
the articles (linked), their dates and the sources. Every piece of stored text goes through the
template's autoescape; nothing is marked safe."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from presslens.corpus.conflicts import find_conflicts

if TYPE_CHECKING:
    from presslens.web.site import Site

DEFAULT_TOP = 50
MAX_TOP = 500


def wanted_top(params: Any) -> int:
    """How many pairs to show: `top=`, bounded; a malformed value means the default."""
    raw = str(params.get("top") or "").strip()[:12]
    return min(max(1, int(raw)), MAX_TOP) if raw.isdecimal() else DEFAULT_TOP


def add_conflict_routes(app: FastAPI, site: Site) -> None:
    """Register /conflicts?top= and /conflicts.json?top=."""

    def found(request: Request) -> dict[str, Any]:
        top = wanted_top(request.query_params)
        pairs = [c.to_dict() for c in find_conflicts(site.store(), top=top)]
        return {"top": top, "total": len(pairs), "conflicts": pairs}

    @app.get("/conflicts.json")
    def conflicts_json(request: Request) -> JSONResponse:
        return JSONResponse(found(request))

    @app.get("/conflicts", response_class=HTMLResponse)
    def conflicts_page(request: Request) -> HTMLResponse:
        listing = found(request)
        twin = "/conflicts.json" + (
            "" if listing["top"] == DEFAULT_TOP else f"?top={listing['top']}"
        )
        return site.page("conflicts.html.j2", listing=listing, twin=twin)
