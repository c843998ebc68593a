"""The corpus website: thin pages over the store, each with a JSON twin.

    /                     article list        /articles.json
    /article/{id}         dossier page        /article/{id}.json   (/article/{id}/report)
    /actor/{name}         one actor           /actor/{name}.json
    /search?q=            search              /search.json?q=
    /analyse              paste or upload     POST /analyse.json

A page makes one store call and renders one template. The analyse form is the one place that
runs the pipeline, on an upload of at most `UPLOAD_LIMIT` bytes. Every response forbids scripts
and outside resources (Content-Security-Policy), and every template autoescapes.
"""

from __future__ import annotations

import threading
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from presslens.errors import PresslensError
from presslens.settings import Settings
from presslens.store import Store, default_db, open_store
from presslens.version import __version__
from presslens.web import views

UPLOAD_LIMIT = 5 * 1024 * 1024
PAGE_SIZE = 50
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


class BodyTooLarge(Exception):
    pass


class LimitBody:
    """ASGI middleware: refuse a request body over `limit` bytes with 413, whether or not the
    client announced its length; and add the security headers to every response."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.limit:
            await too_large(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise BodyTooLarge
            return message

        async def secure_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, limited_receive, secure_send)
        except BodyTooLarge:
            if not started:
                await too_large(scope, receive, secure_send)


async def too_large(scope: Scope, receive: Receive, send: Send) -> None:
    text = f"The upload is over the {UPLOAD_LIMIT // (1024 * 1024)} MB limit."
    response = HTMLResponse(f"<!DOCTYPE html><title>Too large</title><p>{text}</p>", 413)
    await response(scope, receive, send)


def templates() -> Environment:
    folder = resources.files("presslens.web").joinpath("templates")
    env = Environment(
        loader=FileSystemLoader(str(folder)), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["minutes"] = lambda value: f"{float(value or 0):.2f}"
    # One path segment: a name with a slash or a question mark must not change the route.
    env.filters["urlencode"] = lambda value: quote(str(value), safe="")
    env.globals.update(
        version=__version__,
        display_title=views.display_title,
        upload_limit_mb=UPLOAD_LIMIT // (1024 * 1024),
    )
    return env


class Site:
    """What every route shares: the store (one connection per worker thread, as SQLite
    connections are not shared across threads), the templates and the settings."""

    def __init__(self, location: str, settings: Settings) -> None:
        self.location = location
        self.settings = settings
        self.env = templates()
        self.local = threading.local()

    def store(self) -> Store:
        if getattr(self.local, "store", None) is None:
            self.local.store = open_store(self.location)
        return self.local.store

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def not_found(self, what: str) -> HTMLResponse:
        return self.page("message.html.j2", 404, heading="Not found", message=f"No {what} here.")


def create_app(db: str | None = None, *, settings: Settings | None = None) -> FastAPI:
    """The site over the store at `db` (a SQLite path or a postgresql:// URL)."""
    site = Site(db or default_db(), settings or Settings())
    app = FastAPI(
        title="presslens", version=__version__, docs_url=None, redoc_url=None, openapi_url=None
    )
    app.add_middleware(LimitBody, limit=UPLOAD_LIMIT)
    add_article_routes(app, site)
    add_search_routes(app, site)
    add_analyse_routes(app, site)
    return app


def add_article_routes(app: FastAPI, site: Site) -> None:
    @app.get("/articles.json")
    def articles_json(page_number: Annotated[int, Query(alias="page")] = 1) -> JSONResponse:
        return JSONResponse(list_page(site.store(), page_number))

    @app.get("/", response_class=HTMLResponse)
    @app.get("/articles", response_class=HTMLResponse)
    def article_list(page_number: Annotated[int, Query(alias="page")] = 1) -> HTMLResponse:
        return site.page("list.html.j2", listing=list_page(site.store(), page_number))

    @app.get("/article/{article_id}.json")
    def article_json(article_id: int) -> Response:
        row = site.store().article(article_id)
        return JSONResponse(row) if row else JSONResponse({"error": "not found"}, 404)

    @app.get("/article/{article_id}/report", response_class=HTMLResponse)
    def article_report(article_id: int) -> HTMLResponse:
        from presslens.model import dossier_from_dict
        from presslens.render.html import render_html

        row = site.store().article(article_id)
        if row is None:
            return site.not_found("article")
        return HTMLResponse(render_html(dossier_from_dict(row["dossier"])))

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: int) -> HTMLResponse:
        row = site.store().article(article_id)
        if row is None:
            return site.not_found("article")
        return site.page("dossier.html.j2", **views.stored_dossier_context(row))

    @app.get("/actor/{name}.json")
    def actor_json(name: str) -> JSONResponse:
        return JSONResponse(site.store().actor(name))

    @app.get("/actor/{name}", response_class=HTMLResponse)
    def actor_page(name: str) -> HTMLResponse:
        return site.page("actor.html.j2", actor=site.store().actor(name))


def add_search_routes(app: FastAPI, site: Site) -> None:
    @app.get("/search.json")
    def search_json(
        q: str = "", speaker: str = "", actor: str = "", source: str = "", kind: str = ""
    ) -> JSONResponse:
        wanted = search_args(q, speaker, actor, source, kind)
        return JSONResponse({**wanted, "results": site.store().search(**wanted)})

    @app.get("/search", response_class=HTMLResponse)
    def search_page(
        q: str = "", speaker: str = "", actor: str = "", source: str = "", kind: str = ""
    ) -> HTMLResponse:
        wanted = search_args(q, speaker, actor, source, kind)
        return site.page("search.html.j2", wanted=wanted, results=site.store().search(**wanted))


def add_analyse_routes(app: FastAPI, site: Site) -> None:
    @app.get("/analyse.json")
    def analyse_form_json() -> JSONResponse:
        return JSONResponse(
            {"method": "POST", "fields": ["text", "file"], "limit_bytes": UPLOAD_LIMIT}
        )

    @app.get("/analyse", response_class=HTMLResponse)
    def analyse_form() -> HTMLResponse:
        return site.page("analyse.html.j2")

    @app.post("/analyse.json")
    async def analyse_json(request: Request) -> Response:
        result = await analyse_upload(request, site.settings)
        if isinstance(result, str):
            return JSONResponse({"error": result}, 400)
        return JSONResponse(result.to_dict())

    @app.post("/analyse", response_class=HTMLResponse)
    async def analyse_page(request: Request) -> HTMLResponse:
        result = await analyse_upload(request, site.settings)
        if isinstance(result, str):
            return site.page("analyse.html.j2", 400, error=result)
        return site.page("dossier.html.j2", **views.dossier_context(result))


def list_page(store: Store, page_number: int) -> dict[str, Any]:
    page_number = max(1, page_number)
    listing = store.articles(limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    listing["page"] = page_number
    listing["pages"] = max(1, -(-listing["total"] // PAGE_SIZE))
    return listing


def search_args(q: str, speaker: str, actor: str, source: str, kind: str) -> dict[str, Any]:
    return {
        "query": q[:500],
        "speaker": speaker[:200] or None,
        "actor": actor[:200] or None,
        "source": source[:200] or None,
        "kind": kind if kind in ("article", "quote", "claim") else None,
    }


async def analyse_upload(request: Request, settings: Settings) -> Any:
    """The dossier of the posted text or file, or a message saying what is wrong."""
    from presslens import pipeline
    from presslens.ingest import load

    # The part limit sits above the body limit, so an oversized upload always gets the 413.
    form = await request.form(max_part_size=UPLOAD_LIMIT + 64 * 1024)
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data, name = await upload.read(), upload.filename
    else:
        data, name = str(form.get("text") or "").encode("utf-8"), "pasted text"
    if not data.strip():
        return "Paste an article or choose a file to analyse."
    if len(data) > UPLOAD_LIMIT:
        return f"The upload is over the {UPLOAD_LIMIT // (1024 * 1024)} MB limit."

    def run() -> Any:
        article = load(data, settings=settings, uri=name)
        return pipeline.analyse(article, settings=settings)

    try:
        return await run_in_threadpool(run)
    except PresslensError as exc:
        return str(exc)
