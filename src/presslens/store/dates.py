"""Dates as pages, feeds and the store write them, read once for the whole store: the search's
sort key and the exports' typed columns."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

# read with commas as spaces: "March 3, 2017" and "March 3 2017" alike
DATE_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y")
# How far past the time it was added a publication date may lie: a day, for a date-only
# "2017-03-04" written east of UTC on the evening of the 3rd. Later than that is a typo or a
# placeholder ("2099-01-01"), kept as text but never a key.
FUTURE_SLACK = timedelta(days=1)
# What newsrooms add to a date that strptime does not read: "Friday, ", "Sept." / "Mar.", "3rd"
WEEKDAY_PREFIX = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
MONTH_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.I)
ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)


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
            when = written_date(text)
    if when is None or not 1000 <= when.year <= 2999:
        return None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def written_date(text: str) -> datetime | None:
    """A date as prose writes it: "March 3, 2017", "Friday, Mar. 3rd, 2017", "3 Sept. 2017"."""
    text = WEEKDAY_PREFIX.sub("", text)
    text = ORDINAL.sub(r"\1", MONTH_DOT.sub(r"\1", text))
    text = re.sub(r"\bSept\b", "Sep", " ".join(text.replace(",", " ").split()), flags=re.I)
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None


def as_key(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S")


def published_key(published: str | None, added: str | None = None) -> str | None:
    """The key of a publication date ("2017-03-03 12:00:00", UTC when the date says its zone),
    None when it does not read as a date or lies in the future of when the article was added
    (of now, when not given): such a date stays the article's text, and the article is undated."""
    when = read_date(published)
    if when is None:
        return None
    latest = read_date(added) or datetime.now(UTC).replace(tzinfo=None)
    return as_key(when) if when <= latest + FUTURE_SLACK else None


def date_key(published: str | None, added: str | None) -> str | None:
    """The date a search sorts by, as text that sorts in time order: the published date's key
    (`published_key`) when it has one, else when the article was added."""
    key = published_key(published, added)
    if key is not None:
        return key
    when = read_date(added)
    return as_key(when) if when else None


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
