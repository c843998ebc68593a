"""/claims (the claims several articles make alike, the most articles first) and /claim/{id}
(one claim page: every article, date and speaker that made it, first appearance first, and the
stored fact-checks that match it), with their JSON twins /claims.json and /claim/{id}.json
(presslens/corpus/claimgroups.py). Every piece of stored text goes through the template's
autoescape; a fact-check's link is given only when it is an http(s) URL."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from presslens.corpus.claimgroups import find_groups, group_page
from presslens.store.across import CLAIM_SORTS, GROUP_SORTS, dated_claim_page, dated_groups
from presslens.web.conflicts import wanted_dates, wanted_top
from presslens.web.matching import linkable
from presslens.web.views import DEFAULT_TOP, kept_query

if TYPE_CHECKING:
    from presslens.web.site import Site

MAX_ID = 200  # characters of a group id taken from a path ("ARTICLE-CLAIM")
Result = TypeVar("Result")


def quietly(action: Callable[[], Result]) -> tuple[Result, bool]:
    """(what `action` returns, whether it said it fell back to shared words)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)
        result = action()
    return result, any("words only" in str(warning.message) for warning in caught)


def add_claim_group_routes(app: FastAPI, site: Site) -> None:
    """Register /claims, /claims.json, /claim/{id} and /claim/{id}.json."""

    def listing(request: Request) -> dict[str, Any]:
        top = wanted_top(request.query_params)
        dates, sort = wanted_dates(request.query_params, GROUP_SORTS)
        groups, lexical = quietly(lambda: find_groups(site.store()))
        found = dated_groups(site.store(), [group.to_dict() for group in groups], dates, sort)
        return {"top": top, "lexical_only": lexical, **found, "groups": found["groups"][:top]}

    def page_of(group_id: str, request: Request) -> tuple[dict[str, Any] | None, bool]:
        dates, sort = wanted_dates(request.query_params, CLAIM_SORTS)
        wanted = group_id.replace("\x00", "")[:MAX_ID]
        page, lexical = quietly(lambda: group_page(site.store(), wanted))
        return (
            None if page is None else dated_claim_page(site.store(), page, dates, sort)
        ), lexical

    @app.get("/claims.json")
    def claims_json(request: Request) -> JSONResponse:
        return JSONResponse(listing(request))

    @app.get("/claims", response_class=HTMLResponse)
    def claims_page(request: Request) -> HTMLResponse:
        found = listing(request)
        twin = "/claims.json" + kept_query(found, GROUP_SORTS[0])
        keep = {"top": str(found["top"])} if found["top"] != DEFAULT_TOP else {}
        # a claim's page keeps the list's range
        claim_query = kept_query({"from": found["from"], "to": found["to"], "sort": ""}, "")
        return site.page(
            "claims.html.j2", listing=found, twin=twin, keep=keep, claim_query=claim_query
        )

    @app.get("/claim/{group_id}.json")
    def claim_json(group_id: str, request: Request) -> JSONResponse:
        page, lexical = page_of(group_id, request)
        if page is None:
            return JSONResponse({"error": "not found"}, 404)
        return JSONResponse({**page, "lexical_only": lexical})

    @app.get("/claim/{group_id}", response_class=HTMLResponse)
    def claim_page(group_id: str, request: Request) -> HTMLResponse:
        page, lexical = page_of(group_id, request)
        if page is None:
            return site.not_found("claim group")
        for match in page["factchecks"]:
            match["link"] = linkable(match.get("url"))
        twin = f"/claim/{quote(page['id'], safe='')}.json" + kept_query(page, CLAIM_SORTS[0])
        return site.page("claim.html.j2", group=page, lexical_only=lexical, twin=twin, dated=page)
