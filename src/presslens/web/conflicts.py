"""/conflicts and its JSON twin /conflicts.json: figures from different articles about the same
thing that disagree (presslens/corpus/conflicts.py), each pair side by side with both sentences,
the articles (linked), their dates and the sources; within a publication date range (`from`,
`to`: the pairs with an article published in it) and likeliest first, or by date (`sort=date`:
the pair with the newest article first; `sort=oldest`), store/across.py. Every piece of stored
text goes through the template's autoescape; nothing is marked safe."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from presslens.corpus.conflicts import find_conflicts
from presslens.store.across import PAIR_SORTS, dated_pairs
from presslens.store.ranges import DateRange, read_range
from presslens.web.views import DEFAULT_TOP, kept_query

if TYPE_CHECKING:
    from presslens.web.site import Site

MAX_TOP = 500


def wanted_top(params: Any) -> int:
    """How many pairs to show: `top=`, bounded; a malformed value means the default."""
    raw = str(params.get("top") or "").strip()[:12]
    return min(max(1, int(raw)), MAX_TOP) if raw.isdecimal() else DEFAULT_TOP


def wanted_dates(params: Any, sorts: tuple[str, ...]) -> tuple[DateRange, str]:
    """The date range (`from`, `to`: DateRangeError, a 400, for a bound that is no date) and
    the order (`sort`, one of `sorts`; anything else means the first)."""
    since, until = (
        str(params.get(name) or "").replace("\x00", "")[:200] for name in ("from", "to")
    )
    sort = str(params.get("sort") or "")
    return read_range(since, until), sort if sort in sorts else sorts[0]


def add_conflict_routes(app: FastAPI, site: Site) -> None:
    """Register /conflicts?top=&from=&to=&sort= and /conflicts.json with the same."""

    def found(request: Request) -> dict[str, Any]:
        top = wanted_top(request.query_params)
        dates, sort = wanted_dates(request.query_params, PAIR_SORTS)
        pairs = [c.to_dict() for c in find_conflicts(site.store(), top=None)]
        listing = dated_pairs(site.store(), pairs, dates, sort)
        return {"top": top, **listing, "conflicts": listing["conflicts"][:top]}

    @app.get("/conflicts.json")
    def conflicts_json(request: Request) -> JSONResponse:
        return JSONResponse(found(request))

    @app.get("/conflicts", response_class=HTMLResponse)
    def conflicts_page(request: Request) -> HTMLResponse:
        listing = found(request)
        twin = "/conflicts.json" + kept_query(listing, PAIR_SORTS[0])
        keep = {"top": str(listing["top"])} if listing["top"] != DEFAULT_TOP else {}
        return site.page("conflicts.html.j2", listing=listing, twin=twin, keep=keep)
