"""The corpus website: thin pages over the store, each with a JSON twin.

    /?from=&to=&sort=     article list        /articles.json   (newest published first)
    /article/{id}         dossier page        /article/{id}.json   (/article/{id}/report)
    /actor/{name}?from=&to=&sort=  one actor, its quotes' timeline   /actor/{name}.json
    /search?q=&from=&to=  search              /search.json?q=
    /conflicts?from=&to=&sort=  figures that disagree /conflicts.json (web/conflicts.py)
    /claims, /claim/{id}  the same claim across articles   /claims.json, /claim/{id}.json
                          (web/claimgroups.py; from=, to=, sort= too)
    /analyse              paste or upload     POST /analyse.json

Every list takes a publication date range, `from` and `to` ("2017", "2017-03", "2017-03-03"),
read as store/ranges.py reads it: a bound that is no date, or a range that ends before it
starts, gets 400 with a message saying what to write (JSON twins: {"error": ...}), never a list
quietly widened to the whole corpus. Each list says how many items the range left out for want
of a date (`undated_left_out`).

A page makes one store call and renders one template. The analyse form is the one place that
runs the pipeline, on an upload of at most `UPLOAD_LIMIT` bytes, in a worker process
(web/workers.py): the pages keep answering while it runs, and it is stopped when the client
goes away, when it overruns, or on shutdown (SIGTERM). Every response forbids scripts and
outside resources (Content-Security-Policy), and every template autoescapes.

Requests must name one of the allowed hosts (`allowed_hosts`, else PRESSLENS_ALLOWED_HOSTS
comma-separated, else 127.0.0.1 and localhost): a page of another site that rebinds its name
to this machine's address gets 400. Cross-site requests that change state (any POST) are
refused by their Origin header, or their Referer when a browser sends no Origin (`CrossSite`):
the site keeps no sessions or cookies, so there is no session for a form token to belong to
and nothing for SameSite to guard; what must be stopped is a page elsewhere making a visitor's
browser start analyses here, and every browser names the page's origin on a cross-site POST.
A request with neither header is not a browser's form and is let through (scripts may post
to /analyse.json). Pages are sent with `Referrer-Policy: same-origin`, as under `no-referrer`
browsers send our own form posts with `Origin: null`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from presslens.model import Dossier
from presslens.settings import Settings
from presslens.store import Store, default_db
from presslens.store.base import MATCHES, MAX_PER_PAGE, SORTS
from presslens.store.ranges import DateRangeError, read_range
from presslens.store.snippets import segments
from presslens.version import __version__
from presslens.web import views
from presslens.web.claimgroups import add_claim_group_routes
from presslens.web.conflicts import add_conflict_routes
from presslens.web.matching import add_match_routes
from presslens.web.site import UPLOAD_LIMIT, Site
from presslens.web.workers import QUEUE_SECONDS, Refusal, Workers

PAGE_SIZE = 50
SEARCH_PAGE_SIZE = 20
MAX_PAGE = 10**9  # page numbers past this would overflow the store's 64-bit offsets
DEFAULT_HOSTS = ("127.0.0.1", "localhost")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
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


class CrossSite:
    """ASGI middleware: refuse (403) a state-changing request that a browser sent from another
    site, by its Sec-Fetch-Site, Origin or Referer header (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            if is_cross_site(headers):
                text = "This form only accepts posts from its own pages."
                page = f"<!DOCTYPE html><title>Refused</title><p>{text}</p>"
                await HTMLResponse(page, 403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def is_cross_site(headers: dict[str, str]) -> bool:
    """Whether a browser says the request comes from a page of another site."""
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return True
    host = headers.get("host", "")
    origin = headers.get("origin")
    if origin is not None:  # "null": a sandboxed page, or one that hides where it is
        return urlsplit(origin).netloc != host or origin == "null"
    referer = headers.get("referer")
    return referer is not None and urlsplit(referer).netloc != host


def allowed_hosts(hosts: Sequence[str] | None) -> list[str]:
    """The Host header values served: given, else PRESSLENS_ALLOWED_HOSTS, else local ones."""
    if hosts:
        return list(hosts)
    configured = os.environ.get("PRESSLENS_ALLOWED_HOSTS", "")
    return [h.strip() for h in configured.split(",") if h.strip()] or list(DEFAULT_HOSTS)


def create_app(
    db: str | None = None,
    *,
    settings: Settings | None = None,
    hosts: Sequence[str] | None = None,
    analyses: int | None = None,
    queue_seconds: float = QUEUE_SECONDS,
) -> FastAPI:
    """The site over the store at `db` (a SQLite path or a postgresql:// URL), answering to
    `hosts` (see `allowed_hosts`), running at most `analyses` analyses at once (else
    PRESSLENS_WEB_ANALYSES, else 1); an analysis that finds them all busy waits up to
    `queue_seconds` for one, then gets 503."""
    size = analyses or int(os.environ.get("PRESSLENS_WEB_ANALYSES", "1"))
    workers = Workers(size, queue_seconds=queue_seconds)
    site = Site(db or default_db(), settings or Settings(), workers)
    app = FastAPI(
        title="presslens",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lambda app: lifespan(workers),
    )
    app.state.workers = workers
    app.add_middleware(CrossSite)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(hosts))
    app.add_middleware(LimitBody, limit=UPLOAD_LIMIT)
    add_date_errors(app, site)
    add_article_routes(app, site)
    add_actor_routes(app, site)
    add_search_routes(app, site)
    add_conflict_routes(app, site)
    add_claim_group_routes(app, site)
    add_analyse_routes(app, site)
    add_match_routes(app, site)
    return app


@asynccontextmanager
async def lifespan(workers: Workers) -> AsyncIterator[None]:
    """Stop the analyses at shutdown. Uvicorn answers SIGTERM by waiting for open requests
    before it shuts the app down, and an analysis can take a minute: so SIGTERM and SIGINT
    stop the workers first, then go on to uvicorn's own handler (in the main thread only,
    where signal handlers live)."""
    loop = asyncio.get_running_loop()
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.getsignal(signum)
            signal.signal(signum, stopper(workers, loop, previous[signum]))
    try:
        yield
    finally:
        workers.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def stopper(workers: Workers, loop: asyncio.AbstractEventLoop, earlier: Any) -> Any:
    """A signal handler that stops the workers, then does what `earlier` did."""

    def stop(signum: int, frame: Any) -> None:
        if callable(earlier):
            loop.call_soon_threadsafe(workers.close)
            earlier(signum, frame)
        elif earlier == signal.SIG_DFL:  # no server to wait for: end now, workers first
            workers.close()
            signal.signal(signum, earlier)
            signal.raise_signal(signum)

    return stop


def add_date_errors(app: FastAPI, site: Site) -> None:
    """A date range that cannot be read: 400 with what to write, as JSON for a JSON twin."""

    @app.exception_handler(DateRangeError)
    async def bad_dates(request: Request, exc: DateRangeError) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": str(exc)}, 400)
        return site.page("message.html.j2", 400, heading="Not a date range", message=f"{exc}.")


def add_article_routes(app: FastAPI, site: Site) -> None:
    @app.get("/articles.json")
    def articles_json(
        page_number: Annotated[int, Query(alias="page")] = 1,
        since: Annotated[str, Query(alias="from")] = "",
        until: Annotated[str, Query(alias="to")] = "",
        sort: str = "",
    ) -> JSONResponse:
        return JSONResponse(list_page(site.store(), page_number, since, until, sort))

    @app.get("/", response_class=HTMLResponse)
    @app.get("/articles", response_class=HTMLResponse)
    def article_list(
        page_number: Annotated[int, Query(alias="page")] = 1,
        since: Annotated[str, Query(alias="from")] = "",
        until: Annotated[str, Query(alias="to")] = "",
        sort: str = "",
    ) -> HTMLResponse:
        listing = list_page(site.store(), page_number, since, until, sort)
        past_the_end = listing["total"] > 0 and not listing["items"]
        return site.page("list.html.j2", 404 if past_the_end else 200, listing=listing)

    # Ids are taken as text and checked here, so a bad one gets the 404 of its kind of page
    # (HTML or JSON) rather than FastAPI's validation error in JSON.
    @app.get("/article/{article_id}.json")
    def article_json(article_id: str) -> Response:
        row = site.article(views.article_number(article_id))
        return JSONResponse(row) if row else JSONResponse({"error": "not found"}, 404)

    @app.get("/article/{article_id}/report", response_class=HTMLResponse)
    def article_report(article_id: str) -> HTMLResponse:
        from presslens.model import dossier_from_dict
        from presslens.render.html import render_html

        row = site.article(views.article_number(article_id))
        if row is None:
            return site.not_found("article")
        return HTMLResponse(render_html(dossier_from_dict(row["dossier"])))

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str) -> HTMLResponse:
        from presslens.corpus.claimgroups import known_groups

        row = site.article(views.article_number(article_id))
        if row is None:
            return site.not_found("article")
        context = views.stored_dossier_context(row)
        context["claim_groups"] = known_groups(site.store(), int(row["id"]))
        return site.page("dossier.html.j2", **context)


def actor_within(
    site: Site, name: str, since: str, until: str, sort: str = ""
) -> dict[str, Any] | None:
    """The stored actor, every list of theirs between the bounds (their quotes' timeline
    oldest first, or newest with sort=date), or None when the store knows no one of that name
    at any date."""
    name = without_nul(name)
    actor = site.store().actor(
        name, since=bounded(since), until=bounded(until), sort=sort or "oldest"
    )
    if views.actor_found(actor):
        return actor
    if actor["from"] or actor["to"]:  # nothing in the range: still their page, if known at all
        return actor if views.actor_found(site.store().actor(name, limit=1)) else None
    return None


def add_actor_routes(app: FastAPI, site: Site) -> None:
    """/actor/{name}?from=&to= and its JSON twin: all about one actor, with the timeline of
    their quotes within the date range."""

    @app.get("/actor/{name}.json")
    def actor_json(
        name: str,
        since: Annotated[str, Query(alias="from")] = "",
        until: Annotated[str, Query(alias="to")] = "",
        sort: str = "",
    ) -> JSONResponse:
        actor = actor_within(site, name, since, until, sort)
        if actor is None:
            return JSONResponse({"error": "not found"}, 404)
        return JSONResponse(actor)

    @app.get("/actor/{name}", response_class=HTMLResponse)
    def actor_page(
        name: str,
        since: Annotated[str, Query(alias="from")] = "",
        until: Annotated[str, Query(alias="to")] = "",
        sort: str = "",
    ) -> HTMLResponse:
        actor = actor_within(site, name, since, until, sort)
        if actor is None:
            return site.not_found("actor of that name in the corpus")
        dated = {"from": actor["from"], "to": actor["to"], "sort": actor["timeline"]["sort"]}
        return site.page("actor.html.j2", actor=actor, twin=views.kept_query(dated, "oldest"))


def add_search_routes(app: FastAPI, site: Site) -> None:
    """/search?q=&speaker=&actor=&source=&kind=&sort=&match=&page=&limit=&from=&to= and its
    JSON twin. The query language is store/query.py's; a malformed number or choice means its
    default, never an error page; a date bound that is no date gets 400 (store/ranges.py)."""

    def found(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
        wanted = search_args(request.query_params)
        read_range(wanted["since"], wanted["until"])  # a bad date is refused even with no words
        searched = site.store().search_page(**wanted) if searching(wanted) else {}
        return wanted, searched

    @app.get("/search.json")
    def search_json(request: Request) -> JSONResponse:
        wanted, searched = found(request)
        empty = {"total": 0, "pages": 1, "match": "all", "undated_left_out": 0, "results": []}
        empty.update(read_range(wanted["since"], wanted["until"]).shown())
        links = page_links(wanted, searched.get("pages", 1), "/search.json")
        return JSONResponse({**wanted, **empty, **searched, **links})

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request) -> HTMLResponse:
        wanted, searched = found(request)
        for hit in searched.get("results", []):
            hit["segments"] = segments(hit["snippet"], hit["highlights"])
        links = page_links(wanted, searched.get("pages", 1))
        sorts = {sort: search_link({**wanted, "sort": sort}, 1) for sort in SORTS}
        twin = search_link(wanted, wanted["page"], "/search.json")
        return site.page(
            "search.html.j2", wanted=wanted, found=searched, links=links, sorts=sorts, twin=twin
        )


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
        result = await analyse_upload(request, site)
        if isinstance(result, Refusal):
            return JSONResponse({"error": result.message}, result.status)
        return JSONResponse(result.to_dict())

    @app.post("/analyse", response_class=HTMLResponse)
    async def analyse_page(request: Request) -> HTMLResponse:
        result = await analyse_upload(request, site)
        if isinstance(result, Refusal):
            return site.page("analyse.html.j2", result.status, error=result.message)
        return site.page("dossier.html.j2", **views.dossier_context(result))


def list_page(
    store: Store, page_number: int, since: str = "", until: str = "", sort: str = ""
) -> dict[str, Any]:
    """One page of the article list within a date range (DateRangeError for a bound that is
    no date: the answer's `from`/`to` say how the range was read), newest first or, with
    sort=oldest, oldest first, with the query string that keeps the range and the order on
    the other pages' links."""
    page_number = min(max(1, page_number), MAX_PAGE)
    offset = (page_number - 1) * PAGE_SIZE
    listing = store.articles(
        limit=PAGE_SIZE,
        offset=offset,
        since=bounded(since),
        until=bounded(until),
        sort=sort or "date",
    )
    listing["page"] = page_number
    listing["pages"] = max(1, -(-listing["total"] // PAGE_SIZE))
    kept = {k: v for k in ("from", "to") if (v := listing[k])}
    if listing["sort"] != "date":
        kept["sort"] = listing["sort"]
    listing["range"] = urlencode(kept)
    return listing


def bounded(date: str) -> str:
    """A date bound from the request without NUL (store/ranges.py reads it, and refuses what
    it cannot read, a bound over 40 characters among them)."""
    return without_nul(date)[:200]


def search_args(params: Any) -> dict[str, Any]:
    """What a search asks the store for, from the request's parameters, each bounded."""

    def text(name: str, size: int = 200) -> str:
        return without_nul(str(params.get(name) or ""))[:size]

    def number(name: str, default: int, top: int) -> int:
        value = text(name, 12).strip()
        return min(max(1, int(value)), top) if value.isdecimal() else default

    return {
        "query": text("q", 500),
        "speaker": text("speaker") or None,
        "actor": text("actor") or None,
        "source": text("source") or None,
        "kind": text("kind") if text("kind") in ("article", "quote", "claim") else None,
        "sort": text("sort") if text("sort") in SORTS else "relevance",
        "match": text("match") if text("match") in MATCHES else "auto",
        "page": number("page", 1, MAX_PAGE),
        "per_page": number("limit", SEARCH_PAGE_SIZE, MAX_PER_PAGE),
        "since": text("from") or None,
        "until": text("to") or None,
    }


def searching(wanted: dict[str, Any]) -> bool:
    return any(wanted[name] for name in ("query", "speaker", "actor", "source"))


def page_links(wanted: dict[str, Any], pages: int, path: str = "/search") -> dict[str, str | None]:
    """Links to the next, previous and last pages of a search (none past the ends; from a page
    past the last, "previous" is the last)."""
    number = wanted["page"]
    return {
        "next": search_link(wanted, number + 1, path) if number < pages else None,
        "previous": search_link(wanted, min(number, pages + 1) - 1, path) if number > 1 else None,
        "last": search_link(wanted, pages, path),
    }


def search_link(wanted: dict[str, Any], page_number: int, path: str = "/search") -> str:
    """The search page with these parameters at another page (defaults left out)."""
    params = {
        "q": wanted["query"],
        "speaker": wanted["speaker"] or "",
        "actor": wanted["actor"] or "",
        "source": wanted["source"] or "",
        "kind": wanted["kind"] or "",
        "sort": "" if wanted["sort"] == "relevance" else wanted["sort"],
        "match": "" if wanted["match"] == "auto" else wanted["match"],
        "page": "" if page_number <= 1 else str(page_number),
        "limit": "" if wanted["per_page"] == SEARCH_PAGE_SIZE else str(wanted["per_page"]),
        "from": wanted["since"] or "",
        "to": wanted["until"] or "",
    }
    return f"{path}?" + urlencode({k: v for k, v in params.items() if v})


def without_nul(value: str) -> str:
    """The text less NUL characters, which PostgreSQL refuses in text (a 500 otherwise)."""
    return value.replace("\x00", "")


async def analyse_upload(request: Request, site: Site) -> Dossier | Refusal:
    """The dossier of the posted text or file, or why there is none."""
    # The part limit sits above the body limit, so an oversized upload always gets the 413.
    form = await request.form(max_part_size=UPLOAD_LIMIT + 64 * 1024)
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data, name = await upload.read(), upload.filename
    else:
        data, name = str(form.get("text") or "").encode("utf-8"), "pasted text"
    if not data.strip():
        return Refusal(400, "Paste an article or choose a file to analyse.")
    if len(data) > UPLOAD_LIMIT:
        return Refusal(400, f"The upload is over the {UPLOAD_LIMIT // (1024 * 1024)} MB limit.")
    return await site.workers.analyse((data, name, site.settings), lambda: client_gone(request))


async def client_gone(request: Request) -> None:
    """Returns when the client disconnects (the request's body has been read)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass
