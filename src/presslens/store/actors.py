"""One actor across the corpus (`Store.actor`): the articles that name them, their quotes, the
claims and the sources they are in, and the timeline of their quotes; every list within one
date range (store/ranges.py), each item with its article's publication `date`."""

from __future__ import annotations

from typing import Any

from presslens.store.actor_keys import query_keys
from presslens.store.ranges import PUBLISHED, DateRange, Reader, day_of, read_range
from presslens.store.timeline import TELLER, actor_timeline, undated_left_out


def escape_like(text: str) -> str:
    """`text` case-folded for a LIKE pattern, its own % and _ taken literally."""
    return text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """A case-folded LIKE pattern matching `text` anywhere."""
    return f"%{escape_like(text)}%"


def actor_lists(store: Reader, name: str, limit: int, dates: DateRange) -> dict[str, Any]:
    """The articles naming the actor (most mentions first), their quotes (in article order; a
    report inside another's words with its `teller`, store/timeline.py's TELLER), the
    claims naming them (best first) and the articles citing them as a source, within `dates`;
    with `undated_left_out`: the articles naming them that the range left out for want of a
    date."""
    key = name.lower()
    keys = query_keys(name) or [key]
    marks = ", ".join("?" for _ in keys)
    where, params = dates.condition()
    named = (
        "FROM actors x JOIN articles a ON a.id = x.article_id "
        f"WHERE (x.key IN ({marks}) OR lower(x.name) = ?)"
    )
    spoken = f"(q.speaker_key IN ({marks}) OR (q.speaker_key IS NULL AND lower(q.speaker) = ?))"
    lists = {
        "articles": (
            f"SELECT a.id, a.title, a.excerpt, a.published, {PUBLISHED} AS date, x.type, "
            f"x.mentions {named} AND {where} ORDER BY x.mentions DESC, a.id LIMIT ?",
            [*keys, key, *params, limit],
        ),
        "quotes": (
            "SELECT q.article_id, a.title, a.excerpt, q.quote_id, q.kind, q.text, q.speaker, "
            f"{TELLER}, {PUBLISHED} AS date FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {spoken} AND {where} ORDER BY q.article_id, q.start_char LIMIT ?",
            [*keys, key, *params, limit],
        ),
        "claims": (
            "SELECT c.article_id, a.title, a.excerpt, c.claim_id, c.text, c.score, c.sources, "
            f"{PUBLISHED} AS date FROM claims c JOIN articles a ON a.id = c.article_id "
            f"WHERE lower(c.actors) LIKE ? ESCAPE '\\' AND {where} ORDER BY c.score DESC LIMIT ?",
            [like_pattern(name), *params, limit],
        ),
        "as_source": (
            f"SELECT s.article_id, a.title, a.excerpt, s.kind, s.n_claims, {PUBLISHED} AS date "
            "FROM sources s JOIN articles a ON a.id = s.article_id WHERE lower(s.name) = ? "
            f"AND {where} ORDER BY s.article_id LIMIT ?",
            [key, *params, limit],
        ),
    }
    found: dict[str, Any] = {}
    for part, (text, values) in lists.items():
        found[part] = store.all(text, values)
        for row in found[part]:
            row["date"] = day_of(row["date"])
    found["undated_left_out"] = undated_left_out(store, named, [*keys, key], dates, "DISTINCT a.id")
    return found


def full_names(store: Reader, surname: str) -> list[dict[str, Any]]:
    """For a one-word name: the people of the corpus whose key ends in it, with how many
    articles name them ("Trump" -> Donald Trump, Ivanka Trump); never merged into it."""
    if not surname or " " in surname:
        return []
    return store.all(
        "SELECT x.key, count(DISTINCT x.article_id) AS articles FROM actors x "
        "WHERE x.key LIKE ? ESCAPE '\\' GROUP BY x.key ORDER BY articles DESC, x.key LIMIT 20",
        ("% " + escape_like(surname),),
    )


def actor_page(
    store: Reader,
    name: str,
    *,
    limit: int = 200,
    since: str | None = None,
    until: str | None = None,
    sort: str = "oldest",
) -> dict[str, Any]:
    """Everything by and about an actor across the corpus (see `Store.actor`)."""
    dates = read_range(since, until)
    found = actor_lists(store, name, limit, dates)
    keys = query_keys(name) or [name.lower()]
    types = sorted({row["type"] for row in found["articles"] if row["type"]})
    timeline = actor_timeline(store, name, since=since, until=until, limit=limit, sort=sort)
    return {
        "name": name,
        "types": types,
        **dates.shown(),
        **found,
        "full_names": full_names(store, keys[0]),
        "timeline": timeline,
    }
