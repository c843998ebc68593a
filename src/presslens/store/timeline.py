"""The corpus in time: the article list by publication date, and an actor's quotes in the order
their articles came out, each narrowed to a date range.

An article's publication key is its `date_key` when that came from its published date. The
column falls back to the day the article was added (the search sorts by it, see store/dates.py),
which is told apart here as the key that equals `ingested_at` to the second (`PUBLISHED`): such
an article is undated, listed after the dated ones and left out by any date range. A published
date that is unreadable or in the future never made a key, so it is undated too.

Ranges are bounds a person types: "2017", "2017-03", "2017-03-03" (the whole year, month or
day), or any date store/dates.py reads. A bound that reads as no date is ignored and answered
as None, never an error.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from datetime import datetime, timedelta
from typing import Any, Protocol

from presslens.store.actor_keys import query_keys
from presslens.store.dates import as_key, read_date

# date_key when it is the published date's, else NULL (ingested_at is ISO 8601 in UTC)
PUBLISHED = (
    "(CASE WHEN a.date_key <> '' AND a.date_key <> replace(substr(a.ingested_at, 1, 19), 'T', ' ') "
    "THEN a.date_key END)"
)
UNDATED_LAST = f"CASE WHEN {PUBLISHED} IS NULL THEN 1 ELSE 0 END"
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
ONE_SECOND = timedelta(seconds=1)


class Reader(Protocol):
    """What these queries need of a Store (store/base.py)."""

    def all(self, text: str, params: tuple | list = ()) -> list[dict[str, Any]]: ...

    def scalar(self, text: str, params: tuple | list = ()) -> Any: ...


def bound(text: str | None, *, end: bool = False) -> str | None:
    """The key of a range's start (or, with `end`, its last second): "2017" starts on January 1
    and ends on December 31; None when `text` reads as no date."""
    text = (text or "").strip()[:40]
    partial = PARTIAL_DATE.fullmatch(text)
    try:
        if partial:
            year, month, day = (int(part) if part else None for part in partial.groups())
            start = datetime(year or 1, month or 1, day or 1)
            after = next_period(start, month, day)
            return as_key(after - ONE_SECOND if end else start)
    except ValueError:  # "2017-13", "2017-02-30"
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


def date_range(since: str | None, until: str | None) -> tuple[str, list[Any], dict[str, Any]]:
    """(SQL condition on the publication key, its parameters, the range as read: `from` and
    `to` as dates, None when not given or not read)."""
    low, high = bound(since), bound(until, end=True)
    clauses, params = [], []
    if low:
        clauses.append(f"{PUBLISHED} >= ?")
        params.append(low)
    if high:
        clauses.append(f"{PUBLISHED} <= ?")
        params.append(high)
    shown = {"from": low[:10] if low else None, "to": high[:10] if high else None}
    return " AND ".join(clauses) or "1 = 1", params, shown


def day_of(key: str | None) -> str | None:
    return key[:10] if key else None


def dated_articles(
    store: Reader,
    columns: str,
    *,
    limit: int,
    offset: int,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """One page of the article list (`columns` of each), newest first by publication date,
    undated articles last (newest added first), within the range when one is given; each item
    has its `date` ("2017-03-03" or None)."""
    where, params, shown = date_range(since, until)
    total = int(store.scalar(f"SELECT count(*) AS n FROM articles a WHERE {where}", params))
    items = store.all(
        f"SELECT {columns}, {PUBLISHED} AS date FROM articles a WHERE {where} "
        f"ORDER BY {UNDATED_LAST}, {PUBLISHED} DESC, a.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for item in items:
        item["date"] = day_of(item["date"])
    return {"total": total, "limit": limit, "offset": offset, **shown, "items": items}


def actor_timeline(
    store: Reader,
    name: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 200,
) -> dict[str, Any]:
    """The quotes of an actor (by corpus key, else by the speaker's name in any case, as
    `Store.actor` finds them) in the order their articles came out, oldest first, undated ones
    last; each with its article's `date`, title and the `sentence` (its start) holding it, for a
    link into the article. Returns {from, to, total, quotes}."""
    keys = query_keys(name) or [name.lower()]
    marks = ", ".join("?" for _ in keys)
    where, params, shown = date_range(since, until)
    speaker = f"(q.speaker_key IN ({marks}) OR (q.speaker_key IS NULL AND lower(q.speaker) = ?))"
    joined = f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {speaker} AND {where}"
    wanted = [*keys, name.lower(), *params]
    total = int(store.scalar(f"SELECT count(*) AS n {joined}", wanted))
    quotes = store.all(
        "SELECT q.article_id, a.title, a.excerpt, a.byline, q.quote_id, q.kind, q.text, "
        f"q.start_char, {PUBLISHED} AS date {joined} "
        f"ORDER BY {UNDATED_LAST}, {PUBLISHED}, q.article_id, q.start_char LIMIT ?",
        [*wanted, max(0, limit)],
    )
    starts = sentence_starts(store, {int(q["article_id"]) for q in quotes})
    for quote in quotes:
        quote["date"] = day_of(quote["date"])
        quote["article_id"] = int(quote["article_id"])
        quote["sentence"] = holding(starts.get(quote["article_id"], []), quote.pop("start_char"))
    return {**shown, "total": total, "quotes": quotes}


def sentence_starts(store: Reader, article_ids: set[int]) -> dict[int, list[tuple[int, int]]]:
    """The (start, end) of every sentence of each article, from its stored dossier."""
    if not article_ids:
        return {}
    marks = ", ".join("?" for _ in article_ids)
    found: dict[int, list[tuple[int, int]]] = {}
    rows = store.all(f"SELECT id, dossier FROM articles WHERE id IN ({marks})", sorted(article_ids))
    for row in rows:
        sentences = json.loads(row["dossier"]).get("sentences") or []
        found[int(row["id"])] = sorted(
            (s["start"], s["end"])
            for s in sentences
            if isinstance(s, dict)
            and isinstance(s.get("start"), int)
            and isinstance(s.get("end"), int)
        )
    return found


def holding(sentences: list[tuple[int, int]], start: int | None) -> int | None:
    """The start of the sentence that holds offset `start` (the page's anchor `s<start>`: the
    dossier page anchors every sentence there), None when none does."""
    if start is None:
        return None
    index = bisect_right([begin for begin, _ in sentences], start) - 1
    if index < 0 or start >= sentences[index][1]:
        return None
    return sentences[index][0]
