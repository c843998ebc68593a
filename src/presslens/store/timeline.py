"""The corpus in time: the article list by publication date, and an actor's quotes in the order
their articles came out, each narrowed to a date range (store/ranges.py: what a publication key
is, how bounds are read, how undated articles are listed and counted).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from typing import Any

from presslens.store.actor_keys import query_keys
from presslens.store.ranges import (
    PUBLISHED,
    UNDATED_LAST,
    DateRange,
    Reader,
    bound,  # noqa: F401 (re-exported)
    day_of,
    read_range,
)

ORDERS = ("date", "oldest")  # date: newest first; undated articles last in both
# A quote of `q` that is a report inside a report ("Roe said the bill failed because Ray said
# it would hurt farmers": Ray's words as Roe tells them): `within`, the id of the quote holding
# it, and `teller`, that quote's speaker as the store names them; both None for the others.
TELLER = (
    "q.within, (SELECT t.speaker FROM quotes t WHERE t.article_id = q.article_id "
    "AND t.quote_id = q.within ORDER BY t.start_char LIMIT 1) AS teller"
)


def with_tellers(store: Reader, hits: list[dict[str, Any]]) -> None:
    """Give each search hit (store/base.py `Store.find`) the `within` and `teller` of its quote
    (TELLER): Tom Ray's words as Ann Roe tells them are found under his name, and say so. Both
    None for the speaker's own words and for an article or claim hit. A dossier with a repeated
    quote id names the holder of the first (by start_char), as TELLER does."""
    pairs = sorted({(hit["article_id"], hit["ref"]) for hit in hits if hit["kind"] == "quote"})
    told: dict[tuple[int, str], dict[str, Any]] = {}
    if pairs:
        wanted = " OR ".join("(q.article_id = ? AND q.quote_id = ?)" for _ in pairs)
        rows = store.all(
            f"SELECT q.article_id, q.quote_id, {TELLER} FROM quotes q "
            f"WHERE q.within IS NOT NULL AND ({wanted}) ORDER BY q.start_char",
            [value for pair in pairs for value in pair],
        )
        for row in rows:
            told.setdefault((int(row["article_id"]), row["quote_id"]), row)
    for hit in hits:
        found = told.get((hit["article_id"], hit["ref"])) if hit["kind"] == "quote" else None
        hit["within"] = found["within"] if found else None
        hit["teller"] = found["teller"] if found else None


def in_order(sort: str) -> str:
    """An ORDER BY of articles `a` by publication key, undated last."""
    return f"{UNDATED_LAST}, {PUBLISHED}{' DESC' if sort != 'oldest' else ''}"


def undated_left_out(
    store: Reader, source: str, params: list[Any], dates: DateRange, counted: str = "*"
) -> int:
    """How many rows of `source` (a FROM ... WHERE ... over articles `a`, without the range;
    `counted`: what to count of them) a date range leaves out for want of a date; 0 without
    a range."""
    if not dates:
        return 0
    text = f"SELECT count({counted}) AS n {source} AND {PUBLISHED} IS NULL"
    return int(store.scalar(text, params))


def dated_articles(
    store: Reader,
    columns: str,
    *,
    limit: int,
    offset: int,
    since: str | None = None,
    until: str | None = None,
    sort: str = "date",
) -> dict[str, Any]:
    """One page of the article list (`columns` of each) by publication date, newest first (or
    with `sort="oldest"` oldest first), undated articles last (newest added first), within the
    range when one is given (DateRangeError for a bound that is no date); each item has its
    `date` ("2017-03-03" or None). `undated_left_out`: undated articles the range left out."""
    dates = read_range(since, until)
    sort = sort if sort in ORDERS else "date"
    where, params = dates.condition()
    total = int(store.scalar(f"SELECT count(*) AS n FROM articles a WHERE {where}", params))
    items = store.all(
        f"SELECT {columns}, {PUBLISHED} AS date FROM articles a WHERE {where} "
        f"ORDER BY {in_order(sort)}, a.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for item in items:
        item["date"] = day_of(item["date"])
    left_out = undated_left_out(store, "FROM articles a WHERE 1 = 1", [], dates)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        **dates.shown(),
        "sort": sort,
        "undated_left_out": left_out,
        "items": items,
    }


def actor_timeline(
    store: Reader,
    name: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 200,
    sort: str = "oldest",
) -> dict[str, Any]:
    """The quotes of an actor (by corpus key, else by the speaker's name in any case, as
    `Store.actor` finds them) in the order their articles came out, oldest first (`sort="date"`:
    newest first), undated ones last; each with its article's `date`, title and the `sentence`
    (its start) holding it, for a link into the article, and for a report inside another
    speaker's words the `teller` and the quote it is `within` (TELLER). Returns {from, to, sort,
    total, undated_left_out, quotes}; DateRangeError for a bound that is no date."""
    dates = read_range(since, until)
    sort = sort if sort in ORDERS else "oldest"
    keys = query_keys(name) or [name.lower()]
    marks = ", ".join("?" for _ in keys)
    where, params = dates.condition()
    speaker = f"(q.speaker_key IN ({marks}) OR (q.speaker_key IS NULL AND lower(q.speaker) = ?))"
    source = f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {speaker}"
    wanted = [*keys, name.lower()]
    total = int(store.scalar(f"SELECT count(*) AS n {source} AND {where}", [*wanted, *params]))
    quotes = store.all(
        "SELECT q.article_id, a.title, a.excerpt, a.byline, q.quote_id, q.kind, q.text, "
        f"q.start_char, {TELLER}, {PUBLISHED} AS date {source} AND {where} "
        f"ORDER BY {in_order(sort)}, q.article_id, q.start_char LIMIT ?",
        [*wanted, *params, max(0, limit)],
    )
    starts = sentence_starts(store, {int(q["article_id"]) for q in quotes})
    for quote in quotes:
        quote["date"] = day_of(quote["date"])
        quote["article_id"] = int(quote["article_id"])
        quote["sentence"] = holding(starts.get(quote["article_id"], []), quote.pop("start_char"))
    left_out = undated_left_out(store, source, wanted, dates)
    return {
        **dates.shown(),
        "sort": sort,
        "total": total,
        "undated_left_out": left_out,
        "quotes": quotes,
    }


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
