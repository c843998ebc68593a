"""Fetching a URL with a timeout and a size limit.

`url_timeout_seconds` bounds the whole fetch, not each read: a server that sends a byte a second
forever never trips a per-read timeout, but is cut off here once the time is up.
"""

from __future__ import annotations

import datetime as dt
import time

import httpx

from presslens.errors import FetchError
from presslens.ingest.inputs import too_large
from presslens.settings import Settings

USER_AGENT = "presslens/0.1 (+article analysis)"


def fetch_url(url: str, *, settings: Settings) -> tuple[bytes, str]:
    """The body of `url` and when it was fetched; clear errors for every failure."""
    seconds = settings.url_timeout_seconds
    deadline = time.monotonic() + seconds
    try:
        with httpx.stream(
            "GET",
            url,
            timeout=seconds,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        ) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url} answered HTTP {response.status_code}: check the address")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise too_large(url, settings.max_bytes)
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"{url} took longer than {seconds:g} s to send: try again later or "
                        "raise url_timeout_seconds"
                    )
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {exc.__class__.__name__}: {exc}") from exc
    fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return b"".join(chunks), fetched_at
