"""Date ranges and date orders for the lists made across articles, as their JSON form gives them:
the claims several articles make (corpus/claimgroups.py: a claim list and a claim page) and the
pairs of figures that disagree (corpus/conflicts.py). The dates are the store's publication keys
(store/ranges.py), so these lists and the article list agree on what is dated and when.

An item of several articles is in a range when any of its articles was published in it; it is
left out for want of a date when it is not and one of its articles is undated (counted in
`undated_left_out`). In a date order undated items come last, whichever way the order runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from presslens.store.ranges import DateRange, Reader, day_of, publication_keys, spanning

GROUP_SORTS = ("articles", "date", "oldest")  # articles: made by the most articles first
CLAIM_SORTS = ("oldest", "date")  # oldest: first appearance first
PAIR_SORTS = ("score", "date", "oldest")  # score: likeliest first

Keys = dict[int, str | None]


def in_date_order(
    items: list[dict[str, Any]], key: Callable[[dict], str | None], newest: bool
) -> list[dict[str, Any]]:
    """`items` by `key` (a publication key, None: undated), newest or oldest first, undated
    last; a stable sort, so ties keep the order they came in."""
    dated = [item for item in items if key(item) is not None]
    dated.sort(key=lambda item: key(item) or "", reverse=newest)
    return dated + [item for item in items if key(item) is None]


def dated_keys(keys: Iterable[str | None]) -> list[str]:
    return sorted(key for key in keys if key is not None)


def claim_keys(store: Reader, groups: list[dict[str, Any]]) -> Keys:
    ids = {claim["article_id"] for group in groups for claim in group["claims"]}
    return publication_keys(store, ids)


def dated_groups(
    store: Reader, groups: list[dict[str, Any]], dates: DateRange, sort: str = "articles"
) -> dict[str, Any]:
    """The claim groups (`ClaimGroup.to_dict()`, made by the most articles first) within
    `dates`, in the order `sort` asks: "articles" (in a range: the most articles in the range
    first), "date" (the newest first appearance first) or "oldest". Each group gains `dated`
    (its first dated appearance's day), `last` (its latest) and `n_in_range` (its articles
    published in the range; all of them without one). Returns {from, to, sort, total,
    undated_left_out, groups}."""
    sort = sort if sort in GROUP_SORTS else "articles"
    keys = claim_keys(store, groups)
    shown: list[dict[str, Any]] = []
    firsts: dict[str, str | None] = {}
    undated = 0
    for group in groups:
        own = [keys.get(claim["article_id"]) for claim in group["claims"]]
        where = spanning(own, dates)
        undated += where == "undated"
        if where != "in":
            continue
        known = dated_keys(own)
        firsts[group["id"]] = known[0] if known else None
        inside = {
            c["article_id"] for c, k in zip(group["claims"], own, strict=True) if dates.holds(k)
        }
        group.update(
            dated=day_of(firsts[group["id"]]),
            last=day_of(known[-1] if known else None),
            n_in_range=len(inside),
        )
        shown.append(group)
    if sort == "articles" and dates:
        shown.sort(key=lambda group: -group["n_in_range"])
    elif sort != "articles":
        shown = in_date_order(shown, lambda group: firsts[group["id"]], newest=sort == "date")
    return {
        **dates.shown(),
        "sort": sort,
        "total": len(shown),
        "undated_left_out": undated,
        "groups": shown,
    }


def dated_claim_page(
    store: Reader, page: dict[str, Any], dates: DateRange, sort: str = "oldest"
) -> dict[str, Any]:
    """A claim page (`group_page`) with only the appearances published within `dates`, first
    appearance first ("oldest") or the newest first ("date"), undated ones last; the group's
    own first appearance keeps `first_appearance`. Adds from, to, sort, `n_shown` and
    `undated_left_out` (appearances left out for want of a date)."""
    sort = sort if sort in CLAIM_SORTS else "oldest"
    keys = publication_keys(store, [claim["article_id"] for claim in page["claims"]])
    for number, claim in enumerate(page["claims"]):
        claim["first_appearance"] = number == 0
        claim["date"] = day_of(keys.get(claim["article_id"]))
    kept = [claim for claim in page["claims"] if dates.holds(keys.get(claim["article_id"]))]
    undated = sum(keys.get(claim["article_id"]) is None for claim in page["claims"]) if dates else 0
    ordered = in_date_order(
        kept, lambda claim: keys.get(claim["article_id"]), newest=sort == "date"
    )
    return {
        **page,
        **dates.shown(),
        "sort": sort,
        "n_shown": len(ordered),
        "undated_left_out": undated,
        "claims": ordered,
    }


def dated_pairs(
    store: Reader, pairs: list[dict[str, Any]], dates: DateRange, sort: str = "score"
) -> dict[str, Any]:
    """Pairs of figures that disagree (`Conflict.to_dict()`, likeliest first) within `dates`,
    likeliest first ("score"), the pair with the newest article first ("date") or the pair with
    the oldest first ("oldest"); each side gains its article's publication `date`. Returns
    {from, to, sort, total, undated_left_out, conflicts}."""
    sort = sort if sort in PAIR_SORTS else "score"
    sides = [side for pair in pairs for side in (pair["left"], pair["right"])]
    keys = publication_keys(store, [side["article_id"] for side in sides])
    for side in sides:
        side["date"] = day_of(keys.get(side["article_id"]))
    kept: list[dict[str, Any]] = []
    undated = 0
    for pair in pairs:
        own = [keys.get(pair[side]["article_id"]) for side in ("left", "right")]
        where = spanning(own, dates)
        undated += where == "undated"
        if where == "in":
            kept.append(pair)

    def pair_key(pair: dict[str, Any]) -> str | None:
        known = dated_keys(keys.get(pair[side]["article_id"]) for side in ("left", "right"))
        if not known:
            return None
        return known[-1] if sort == "date" else known[0]

    if sort != "score":
        kept = in_date_order(kept, pair_key, newest=sort == "date")
    return {
        **dates.shown(),
        "sort": sort,
        "total": len(kept),
        "undated_left_out": undated,
        "conflicts": kept,
    }
