"""The fact-check matching pages: /match?q=TEXT (a form and the best fact-checks for a claim),
its JSON twin /match.json?q=TEXT, and /article/{id}/matches.json (each stored claim of an
article with its best fact-checks). Registered by `add_match_routes` from create_app.

A fact-check's link is shown only when it is an http(s) URL (an imported collection may hold
anything); every text goes through the autoescaping templates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from presslens.web import views

if TYPE_CHECKING:
    from presslens.web.site import Site

QUERY_CHARS = 1000  # a claim, not an article
MAX_TOP = 50
DEFAULT_TOP = 5


def match_args(params: Any) -> tuple[str, int]:
    """The claim asked about (bounded, without NUL) and how many matches, from the request."""
    text = str(params.get("q") or "").replace("\x00", "")[:QUERY_CHARS].strip()
    top = str(params.get("top") or "").strip()
    return text, min(max(1, int(top)), MAX_TOP) if top.isdecimal() else DEFAULT_TOP


def found_matches(site: Site, text: str, top: int) -> dict[str, Any]:
    """{q, top, lexical_only, matches}: the best fact-checks for `text` (none for no text)."""
    from presslens.corpus.lookup import match_text
    from presslens.corpus.matching import lexical_only

    matches = match_text(site.store(), [text], top)[0] if text else []
    return {"q": text, "top": top, "lexical_only": lexical_only(), "matches": matches}


def linkable(url: str | None) -> str | None:
    """The URL when a page may link to it (http or https), else None."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def add_match_routes(app: FastAPI, site: Site) -> None:
    @app.get("/match.json")
    def match_json(request: Request) -> JSONResponse:
        return JSONResponse(found_matches(site, *match_args(request.query_params)))

    @app.get("/match", response_class=HTMLResponse)
    def match_page(request: Request) -> HTMLResponse:
        text, top = match_args(request.query_params)
        found = found_matches(site, text, top)
        for match in found["matches"]:
            match["link"] = linkable(match.get("url"))
        twin = "/match.json?" + urlencode({"q": text, "top": top})
        return site.page("match.html.j2", found=found, twin=twin)

    @app.get("/article/{article_id}/matches.json")
    def article_matches_json(article_id: str) -> JSONResponse:
        from presslens.corpus.lookup import matches_for_article

        number = views.article_number(article_id)
        if site.article(number) is None:
            return JSONResponse({"error": "not found"}, 404)
        return JSONResponse(
            {"article_id": number, "claims": matches_for_article(site.store(), number)}
        )
