"""Fetching a URL with a timeout and a size limit."""

from __future__ import annotations

import datetime as dt

import httpx

from presslens.errors import FetchError, InputTooLargeError
from presslens.settings import Settings

USER_AGENT = "presslens/0.1 (+article analysis)"


def fetch_url(url: str, *, settings: Settings) -> tuple[bytes, str]:
    """The body of `url` and when it was fetched; clear errors for every failure."""
    try:
        with httpx.stream(
            "GET",
            url,
            timeout=settings.url_timeout_seconds,
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
                    raise InputTooLargeError(
                        f"{url} is over the {settings.max_bytes / 1e6:.0f} MB limit"
                    )
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {exc.__class__.__name__}: {exc}") from exc
    fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return b"".join(chunks), fetched_at
