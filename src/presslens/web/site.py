"""What every route of the site shares (`Site`): the store, the templates, the settings and the
analysis workers. Route modules (app, conflicts, matching) take a Site; none imports another's
routes.
"""

from __future__ import annotations

import threading
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from presslens.settings import Settings
from presslens.store import Store, open_store
from presslens.store.ranges import left_out
from presslens.version import __version__
from presslens.web import views
from presslens.web.workers import Workers

UPLOAD_LIMIT = 5 * 1024 * 1024
MAX_ID = 2**63 - 1  # the store's ids are 64-bit integers


def templates() -> Environment:
    folder = resources.files("presslens.web").joinpath("templates")
    env = Environment(
        loader=FileSystemLoader(str(folder)), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["minutes"] = lambda value: f"{float(value or 0):.2f}"
    # One path segment: a name with a slash or a question mark must not change the route.
    env.filters["urlencode"] = lambda value: quote(str(value), safe="")
    # A mapping as a query string, for links that keep a list's parameters.
    env.filters["query_string"] = lambda mapping: urlencode(dict(mapping))
    env.filters["left_out"] = left_out  # "1 undated article", "3 undated articles"
    env.globals.update(
        version=__version__,
        display_title=views.display_title,
        upload_limit_mb=UPLOAD_LIMIT // (1024 * 1024),
    )
    return env


class Site:
    """What every route shares: the store (one connection per worker thread, as SQLite
    connections are not shared across threads), the templates, the settings and the analysis
    workers."""

    def __init__(self, location: str, settings: Settings, workers: Workers) -> None:
        self.location = location
        self.settings = settings
        self.env = templates()
        self.local = threading.local()
        self.workers = workers

    def store(self) -> Store:
        if getattr(self.local, "store", None) is None:
            self.local.store = open_store(self.location)
        return self.local.store

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def article(self, article_id: int) -> dict[str, Any] | None:
        """The stored article, or None (also for an id no store could hold)."""
        return self.store().article(article_id) if 0 < article_id <= MAX_ID else None

    def not_found(self, what: str) -> HTMLResponse:
        return self.page("message.html.j2", 404, heading="Not found", message=f"No {what} here.")
