"""Dates as pages, feeds and the store write them, read once for the whole store: the search's
sort key and the exports' typed columns."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y")


def read_date(text: str | None) -> datetime | None:
    """A date as articles and feeds write it (ISO 8601, RFC 822, "March 3, 2017"), in UTC."""
    text = (text or "").strip()
    when = None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            for form in DATE_FORMATS:
                try:
                    when = datetime.strptime(text, form)
                    break
                except ValueError:
                    continue
    if when is None or not 1000 <= when.year <= 2999:
        return None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def date_key(published: str | None, added: str | None) -> str | None:
    """The date a search sorts by, as text that sorts in time order ("2017-03-03 12:00:00", UTC
    when the date says its zone): the published date when it reads as a date, else when the
    article was added."""
    when = read_date(published) or read_date(added)
    return when.strftime("%Y-%m-%d %H:%M:%S") if when else None


def typed_date(text: Any) -> datetime | date | None:
    """A date for a typed column: a `date` when only the day is written ("2017-03-03"), else
    an aware datetime in UTC (a time without a zone taken as UTC); None when unreadable."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    when = read_date(text)
    return when.replace(tzinfo=UTC) if when else None
