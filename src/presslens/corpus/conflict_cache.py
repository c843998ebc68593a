"""The list of numbers that disagree, kept in the store so that the web page and
`presslens conflicts` do not compute it again on every request (corpus/conflicts.py).

The list (every pair at the default minimum score, best first) is stored as JSON in the store's
`meta` table, the first HEAD pairs under `CACHE_KEY` and the rest under `REST_KEY`, each with
the key of what it was computed from: the set of stored articles (each id with its content
hash, so an article removed and another added changes the key), the finder's own code (a change
of rules is a new list) and whether the encoder can run (its similarities differ from the
word-overlap stand-in). A request whose key
matches reads the list back (only as far as it asks for); any other computes it and replaces
the stored one. Reading the key costs one pass over the article ids, which is small beside
finding the pairs.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from presslens.corpus.values import Reading
from presslens.nlp import encoder
from presslens.store.base import Store

CACHE_KEY = "conflicts"
REST_KEY = "conflicts:rest"
HEAD = 500  # pairs kept in the first value: the most the web page shows
CODE = (Path(__file__).with_name("conflicts.py"), Path(__file__).with_name("values.py"))


@functools.cache
def finder_version() -> str:
    """A hash of the finder's code: a change of rules invalidates every stored list. Where the
    sources are not shipped (an install of compiled files only), the installed version."""
    try:
        version = importlib.metadata.version("presslens")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    digest = hashlib.sha256(version.encode())
    for path in CODE:
        digest.update(path.read_bytes() if path.is_file() else path.name.encode())
    return digest.hexdigest()[:16]


def corpus_key(store: Store) -> str:
    """The key of the list for the store as it is now (see the module's docstring)."""
    digest = hashlib.sha256(finder_version().encode())
    digest.update(b"encoder" if encoder.installed() else b"words")
    for row in store.all("SELECT id, sha256 FROM articles ORDER BY id"):
        digest.update(f"{row['id']}:{row['sha256']}\n".encode())
    return digest.hexdigest()


def stored_list(store: Store, name: str, key: str) -> list[dict[str, Any]] | None:
    """The list stored under `name` when it was computed for `key`, else None."""
    row = store.one("SELECT value FROM meta WHERE key = ?", (name,))
    if row is None:
        return None
    try:
        value = json.loads(row["value"])
    except ValueError:
        return None
    if not isinstance(value, dict) or value.get("corpus") != key:
        return None
    conflicts = value.get("conflicts")
    return conflicts if isinstance(conflicts, list) else None


def store_list(store: Store, key: str, conflicts: list[dict[str, Any]]) -> None:
    """The list in two values: the first HEAD pairs (all a page shows), then the rest, so a
    page reads and parses only the first."""
    with store.transaction():
        for name, part in ((CACHE_KEY, conflicts[:HEAD]), (REST_KEY, conflicts[HEAD:])):
            value = json.dumps({"corpus": key, "conflicts": part}, ensure_ascii=False)
            store.run(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (name, value),
            )


def cached(
    store: Store,
    top: int | None,
    compute: Callable[[], list[Any]],
    rebuild: Callable[[dict[str, Any]], Any],
) -> list[Any]:
    """The first `top` items (all for None) of the list for the store as it is: read back
    when the stored list has the current key, else computed (`compute()`, items with
    `to_dict()`) and stored. `rebuild` turns a stored item back into one."""
    key = corpus_key(store)
    found = stored_list(store, CACHE_KEY, key)
    if found is not None and len(found) == HEAD and (top is None or top > HEAD):
        rest = stored_list(store, REST_KEY, key)
        found = None if rest is None else found + rest
    if found is not None:
        return [rebuild(item) for item in found[:top]]
    computed = compute()
    store_list(store, key, [item.to_dict() for item in computed])
    return computed[:top]


def reading_from_dict(side: dict[str, Any]) -> Reading:
    """A Reading back from `Reading.to_dict()` (what a listing shows; the finder's working
    fields, subjects and the like, are not kept)."""
    published = side.get("published")
    sentence_start = int(side.get("sentence_span", {}).get("start", 0))
    return Reading(
        article_id=int(side["article_id"]),
        figure_id=str(side["figure_id"]),
        text=side["text"],
        value=side["value"],
        low=side["low"],
        high=side["high"],
        unit=side["unit"],
        kind=side["kind"],
        bound=side["bound"],
        change=side["change"],
        period=side["period"],
        concept=side["concept"],
        start=int(side["span"]["start"]),
        end=int(side["span"]["end"]),
        sentence=side.get("sentence", ""),
        sentence_start=sentence_start,
        sources=tuple(side.get("sources", [])),
        published=date.fromisoformat(published) if published else None,
        title=side.get("title", ""),
        uri=side.get("uri"),
    )
