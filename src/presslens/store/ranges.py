"""Date ranges, the same for every list of the corpus: the article list, the search, an actor's
page, the claims several articles make and the figures that disagree.

**Publication key.** An article's publication key is its `date_key` when that came from its
published date. The column falls back to the day the article was added (store/dates.py), which
is told apart here as the key that equals `ingested_at` to the second (`PUBLISHED`): such an
article is undated. A published date that is unreadable or in the future never made a key, so it
is undated too.

**Bounds** are what a person types: "2017", "2017-03", "2017-03-03" (the whole year, month or
day), or any date store/dates.py reads ("March 3, 2017", "2017-03-03T12:00:00Z"). A bound that
reads as no date, and a range that ends before it starts, are refused (`DateRangeError`, one
line that says what to write): a typo must never quietly widen a list to the whole corpus.

**Undated articles** are listed after the dated ones in every date order, never dropped from a
list without a range. A range leaves them out, and every list says how many of its items it left
out for want of a date (`undated_left_out`). An item that spans several articles (a claim made
by several, a pair of figures) is in a range when any of its articles was published in it, and
is left out for want of a date when it is not and one of its articles has no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from presslens.errors import PresslensError
from presslens.store.dates import as_key, read_date

# date_key when it is the published date's, else NULL (ingested_at is ISO 8601 in UTC)
PUBLISHED = (
    "(CASE WHEN a.date_key <> '' AND a.date_key <> replace(substr(a.ingested_at, 1, 19), 'T', ' ') "
    "THEN a.date_key END)"
)
UNDATED_LAST = f"CASE WHEN {PUBLISHED} IS NULL THEN 1 ELSE 0 END"
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
ONE_SECOND = timedelta(seconds=1)
MAX_BOUND_CHARS = 40
HOW_TO_WRITE = "write 2017, 2017-03 or 2017-03-03"


class DateRangeError(PresslensError):
    """A date bound that reads as no date, or a range that ends before it starts."""


class Reader(Protocol):
    """What these queries need of a Store (store/base.py)."""

    def all(self, text: str, params: tuple | list = ()) -> list[dict[str, Any]]: ...

    def scalar(self, text: str, params: tuple | list = ()) -> Any: ...


def bound(text: str | None, *, end: bool = False) -> str | None:
    """The key of a range's start (or, with `end`, its last second): "2017" starts on January 1
    and ends on December 31; None when `text` reads as no date."""
    text = (text or "").strip()
    if len(text) > MAX_BOUND_CHARS:
        return None
    partial = PARTIAL_DATE.fullmatch(text)
    try:
        if partial:
            year, month, day = (int(part) if part else None for part in partial.groups())
            start = datetime(year or 1, month or 1, day or 1)
            after = next_period(start, month, day)
            return as_key(after - ONE_SECOND if end else start)
    except (ValueError, OverflowError):  # "2017-13", "2017-02-30", "9999-12-31" as an end
        return None
    when = read_date(text)
    if when is None:
        return None
    whole_day = end and when == datetime(when.year, when.month, when.day) and ":" not in text
    return as_key(when + timedelta(days=1) - ONE_SECOND if whole_day else when)


def next_period(start: datetime, month: int | None, day: int | None) -> datetime:
    """The start of the day, month or year after the one `start` names."""
    if day:
        return start + timedelta(days=1)
    if month:
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start.replace(year=start.year + 1)


@dataclass(frozen=True)
class DateRange:
    """A range of publication keys; either end may be open (None)."""

    low: str | None = None
    high: str | None = None

    def __bool__(self) -> bool:
        return bool(self.low or self.high)

    def shown(self) -> dict[str, str | None]:
        """The range as read, as days: {"from": "2017-01-01", "to": "2017-12-31"}."""
        return {"from": day_of(self.low), "to": day_of(self.high)}

    def condition(self) -> tuple[str, list[Any]]:
        """(SQL condition on the publication key of articles `a`, its parameters)."""
        clauses, params = [], []
        if self.low:
            clauses.append(f"{PUBLISHED} >= ?")
            params.append(self.low)
        if self.high:
            clauses.append(f"{PUBLISHED} <= ?")
            params.append(self.high)
        return " AND ".join(clauses) or "1 = 1", params

    def holds(self, key: str | None) -> bool:
        """Whether a publication key (None: undated) lies in the range; any key does in an
        empty range, and an undated article only in an empty range."""
        if not self:
            return True
        if key is None:
            return False
        return (self.low is None or key >= self.low) and (self.high is None or key <= self.high)


def read_range(since: str | None, until: str | None) -> DateRange:
    """The range between two bounds as typed (None or blank: open); DateRangeError for a bound
    that reads as no date or a range that ends before it starts."""
    low = read_bound(since, "from")
    high = read_bound(until, "to", end=True)
    if low and high and low > high:
        raise DateRangeError(
            f"the date range ends ({day_of(high)}) before it starts ({day_of(low)})"
        )
    return DateRange(low, high)


def read_bound(text: str | None, name: str, *, end: bool = False) -> str | None:
    if text is None or not text.strip():
        return None
    key = bound(text, end=end)
    if key is None:
        shown = text.strip()[:MAX_BOUND_CHARS]
        raise DateRangeError(f"{name} {shown!r} is no date: {HOW_TO_WRITE}")
    return key


def day_of(key: str | None) -> str | None:
    return key[:10] if key else None


def left_out(count: int, what: str) -> str:
    """ "3 undated articles", "1 undated article": a count of what a range left out, `what`
    in the plural ("pairs of undated articles": its first word that ends in s takes the
    number, else its last)."""
    if count == 1:
        words = what.split(" ")
        at = 0 if words[0].endswith("s") else len(words) - 1
        words[at] = words[at].removesuffix("s")
        what = " ".join(words)
    return f"{count} {what}"


def publication_keys(store: Reader, article_ids: Iterable[int]) -> dict[int, str | None]:
    """The publication key of each article (None: undated), read in chunks."""
    wanted = sorted(set(article_ids))
    found: dict[int, str | None] = {}
    for first in range(0, len(wanted), 500):
        chunk = wanted[first : first + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = store.all(
            f"SELECT a.id, {PUBLISHED} AS k FROM articles a WHERE a.id IN ({marks})", chunk
        )
        found.update({int(row["id"]): row["k"] for row in rows})
    return found


def spanning(keys: Iterable[str | None], dates: DateRange) -> str:
    """Where an item of several articles (their publication keys) stands against a range:
    "in" when any article was published in it, else "undated" when one has no date, else
    "out"."""
    keys = list(keys)
    if any(dates.holds(key) for key in keys):
        return "in"
    return "undated" if any(key is None for key in keys) else "out"
