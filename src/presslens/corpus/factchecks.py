"""Fact-checks: collections of verified claims read from a file and kept in the store, so that
the claims of the corpus (and any text a user gives) can be matched against them
(corpus/matching.py).

A collection is JSONL, CSV (or TSV), or schema.org ClaimReview JSON-LD (one object, a list of
them, or an `@graph`). A plain row needs its claim's text; verdict, URL, date and publisher are
taken when present, under any of the usual names (`FIELDS`). A row that cannot be read is
skipped with a one-line warning and the import goes on; a file with nothing readable in it is
one `InputError`.

Each fact-check is stored once, keyed by its claim's words and its URL (by its publisher when
it has no URL), so importing the same file twice adds nothing. Its sentence vector is stored
beside it with the encoder's identity (corpus/matching.py), made once at import.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

from presslens.errors import InputError
from presslens.store import Store
from presslens.store.base import bindable, now

# Field names as collections spell them (compared lower-cased, with spaces and hyphens as _).
FIELDS: dict[str, tuple[str, ...]] = {
    "claim": (
        "claim",
        "claim_text",
        "claimreviewed",
        "claim_reviewed",
        "claimtext",
        "statement",
        "vclaim",
        "text",
    ),
    "verdict": (
        "verdict",
        "rating",
        "textual_rating",
        "textualrating",
        "alternatename",
        "label",
        "truth_rating",
        "ruling",
        "conclusion",
    ),
    "url": ("url", "review_url", "fact_check_url", "factcheck_url", "link", "source_url", "href"),
    "published": (
        "date",
        "date_published",
        "datepublished",
        "published",
        "review_date",
        "published_at",
        "claim_date",
    ),
    "title": ("title", "headline", "review_title", "article_title"),
    "publisher": (
        "publisher",
        "author",
        "fact_checker",
        "factchecker",
        "organisation",
        "organization",
        "site",
        "source",
    ),
}
JSON_SUFFIXES = (".json", ".jsonld", ".json-ld")
LINES_SUFFIXES = (".jsonl", ".ndjson")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FactCheck:
    """One verified claim: what was claimed, the fact-checker's verdict, where and when it was
    published and by whom, and the fact-check's own title (empty strings when the collection
    does not say). The title often words the claim another way, which lexical matching uses."""

    claim: str
    verdict: str = ""
    url: str = ""
    published: str = ""
    publisher: str = ""
    title: str = ""

    def key(self) -> str:
        """The identity a re-import recognises: the claim's words (case and spacing aside)
        and the URL, or the publisher when there is no URL."""
        where = self.url.strip() or f"publisher:{folded(self.publisher)}"
        return hashlib.sha256(f"{folded(self.claim)}\x1f{where}".encode()).hexdigest()


@dataclass
class Reading:
    """What a file gave: the fact-checks read and a one-line warning per row skipped."""

    factchecks: list[FactCheck] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def folded(text: str) -> str:
    return SPACES.sub(" ", text).strip().casefold()


def plain(value: Any) -> str:
    """A field's value as one line of text: a name for an object ({"name": ...}), the first
    item for a list, "" for nothing."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName") or value.get("@id") or ""
    if value is None or isinstance(value, dict | list):
        return ""
    return SPACES.sub(" ", str(value)).strip()


# --- reading -----------------------------------------------------------------------------


def read_factchecks(path: str | Path) -> Reading:
    """The fact-checks of a JSONL, CSV/TSV or ClaimReview JSON-LD file (by its suffix, else by
    its first character). InputError when the file cannot be read or holds no fact-check."""
    path = Path(path)
    text = file_text(path)
    suffix = path.suffix.lower()
    reading = Reading()
    name = str(path)
    if suffix in LINES_SUFFIXES:
        read_lines(text, name, reading)
    elif suffix in JSON_SUFFIXES or (suffix not in (".csv", ".tsv") and looks_like_json(text)):
        read_json(text, name, reading)
    else:
        read_table(text, name, reading, delimiter="\t" if suffix == ".tsv" else None)
    if not reading.factchecks:
        raise InputError(f"{path} holds no fact-check that can be read{why_none(reading)}")
    return reading


def why_none(reading: Reading) -> str:
    """What the error of a file with nothing readable adds: how many rows were skipped and
    why the first one was."""
    if not reading.warnings:
        return " (it is empty)"
    first = reading.warnings[0].split(": ", 1)[-1]
    return f" ({len(reading.warnings)} skipped; the first: {first})"


def file_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text: {exc.reason}") from exc


def looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def read_lines(text: str, name: str, reading: Reading) -> None:
    """JSONL: one object a line, a plain row or a ClaimReview."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            reading.warnings.append(f"{name} line {number}: not JSON ({exc.msg}), skipped")
            continue
        take(item, f"{name} line {number}", reading)


def read_json(text: str, name: str, reading: Reading) -> None:
    """One JSON document: an object, a list, or an @graph; else JSON lines."""
    try:
        document = json.loads(text)
        items = list(json_items(document))
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and "\n" in text.strip():
            read_lines(text, name, reading)  # a .json file holding JSON lines
            return
        raise InputError(f"{name} is not JSON: {exc.msg} (line {exc.lineno})") from exc
    except RecursionError as exc:
        raise InputError(f"{name} nests its JSON too deeply to be a collection") from exc
    for number, item in enumerate(items, 1):
        take(item, f"{name} item {number}", reading)


def json_items(document: Any) -> Iterator[Any]:
    """The objects of a JSON(-LD) document: itself, a list's items, an @graph's items (and the
    `claims` of a Google Fact Check Tools answer)."""
    if isinstance(document, list):
        for item in document:
            yield from json_items(item)
    elif isinstance(document, dict) and isinstance(document.get("@graph"), list):
        yield from json_items(document["@graph"])
    elif isinstance(document, dict) and isinstance(document.get("claims"), list):
        yield from json_items(document["claims"])
    else:
        yield document


def take(item: Any, where: str, reading: Reading) -> None:
    """Add one JSON item's fact-check, or a warning saying why it has none."""
    if not isinstance(item, dict):
        reading.warnings.append(f"{where}: not an object, skipped")
        return
    if is_claim_review(item):
        found, problem = from_claim_review(item)
    elif isinstance(item.get("claimReview"), list):
        found, problem = from_google(item)
    elif has_type(item):
        return  # another schema.org thing of the graph (an Organization, a WebPage): not a row
    else:
        found, problem = from_row(named_fields(item))
    if found is None:
        reading.warnings.append(f"{where}: {problem}, skipped")
    else:
        reading.factchecks.append(found)


def has_type(item: dict[str, Any]) -> bool:
    return "@type" in item


def is_claim_review(item: dict[str, Any]) -> bool:
    kinds = item.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    named = any(str(kind).rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "ClaimReview" for kind in kinds)
    return named or "claimReviewed" in item


def from_claim_review(item: dict[str, Any]) -> tuple[FactCheck | None, str]:
    """A schema.org ClaimReview: claimReviewed, reviewRating.alternateName (the verdict in
    words), url, datePublished, author.name (else publisher.name), headline (else name)."""
    claim = plain(item.get("claimReviewed"))
    if not claim:
        return None, "ClaimReview without claimReviewed"
    rating = item.get("reviewRating") or {}
    rating = rating[0] if isinstance(rating, list) and rating else rating
    verdict = ""
    if isinstance(rating, dict):
        verdict = plain(rating.get("alternateName")) or plain(rating.get("ratingValue"))
    publisher = plain(item.get("author")) or plain(item.get("publisher"))
    url = plain(item.get("url")) or plain(item.get("@id"))
    published = plain(item.get("datePublished"))
    title = plain(item.get("headline")) or plain(item.get("name"))
    return FactCheck(claim, verdict, url, published, publisher, title), ""


def from_google(item: dict[str, Any]) -> tuple[FactCheck | None, str]:
    """A claim as Google's Fact Check Tools API gives it: `text`, and its first review's
    textualRating, url, reviewDate, publisher.name and title."""
    reviews = [review for review in item["claimReview"] if isinstance(review, dict)]
    review = reviews[0] if reviews else {}
    values = {
        "claim": item.get("text"),
        "verdict": review.get("textualRating"),
        "url": review.get("url"),
        "published": review.get("reviewDate"),
        "publisher": review.get("publisher"),
        "title": review.get("title"),
    }
    return from_row(values)


def named_fields(row: dict[str, Any]) -> dict[str, Any]:
    """A row's values under our field names (FIELDS: the first spelling present wins)."""
    keys = {normal_name(key): key for key in row}
    found: dict[str, Any] = {}
    for ours, spellings in FIELDS.items():
        for spelling in spellings:
            if spelling in keys:
                found[ours] = row[keys[spelling]]
                break
    return found


def normal_name(name: Any) -> str:
    return re.sub(r"[\s-]+", "_", str(name).strip().lower())


def from_row(values: dict[str, Any]) -> tuple[FactCheck | None, str]:
    claim = plain(values.get("claim"))
    if not claim:
        if "claim" in values:
            return None, "empty claim text"
        return None, f"no claim field (one of {', '.join(FIELDS['claim'])})"
    names = ("verdict", "url", "published", "publisher", "title")
    others = (plain(values.get(name)) for name in names)
    return FactCheck(claim, *others), ""


def read_table(text: str, name: str, reading: Reading, delimiter: str | None) -> None:
    """CSV or TSV with a header row. A header without a claim column is an InputError (every
    row would be skipped for it)."""
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = rows.fieldnames or []
        columns = named_fields({column: "" for column in header})
        if "claim" not in columns:
            shown = ", ".join(str(column) for column in header[:8]) or "none"
            raise InputError(
                f"{name} has no claim column (one of {', '.join(FIELDS['claim'])}); "
                f"its columns: {shown}"
            )
        for row in rows:
            where = f"{name} line {rows.line_num}"
            if None in row:
                reading.warnings.append(f"{where}: more cells than columns, skipped")
                continue
            found, problem = from_row(named_fields(row))
            if found is None:
                reading.warnings.append(f"{where}: {problem}, skipped")
            else:
                reading.factchecks.append(found)
    except csv.Error as exc:
        raise InputError(f"{name} is not CSV: {exc}") from exc
    if "verdict" not in columns:
        reading.warnings.append(
            f"{name}: no verdict column (one of {', '.join(FIELDS['verdict'])}): "
            "imported without verdicts"
        )


# --- the store ---------------------------------------------------------------------------

COLUMNS = "key, claim, verdict, url, published, publisher, title, origin, imported_at"


def save_factchecks(
    store: Store, factchecks: Iterable[FactCheck], origin: str = ""
) -> tuple[int, int]:
    """Store the fact-checks not stored yet, in one transaction: (new, already there). A
    fact-check repeated within the same collection counts as already there."""
    stamp = now()
    rows = [(item.key(), *astuple(item), origin, stamp) for item in factchecks]
    marks = ", ".join("?" for _ in range(COLUMNS.count(",") + 1))
    text = store.sql(
        f"INSERT INTO factchecks ({COLUMNS}) VALUES ({marks}) ON CONFLICT (key) DO NOTHING"
    )
    with store.transaction():
        before = count_factchecks(store)
        store.conn.cursor().executemany(text, [store_row(row) for row in rows])
        added = count_factchecks(store) - before
        if added:
            mark_changed(store)
    return added, len(rows) - added


def mark_changed(store: Store) -> None:
    """A new token under meta's `factchecks_version`, so that a process holding the
    fact-checks in memory (corpus/matching.py) knows to read them again."""
    store.run(
        "INSERT INTO meta (key, value) VALUES ('factchecks_version', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (uuid.uuid4().hex,),
    )


def factchecks_version(store: Store) -> str:
    row = store.one("SELECT value FROM meta WHERE key = 'factchecks_version'")
    return str(row["value"]) if row else ""


def store_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(bindable(value) for value in row)


def count_factchecks(store: Store) -> int:
    return int(store.scalar("SELECT count(*) AS n FROM factchecks"))


def stored_factchecks(store: Store, ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """The stored fact-checks (all of them, or those with these ids), in id order, without
    their vectors."""
    columns = "id, claim, verdict, url, published, publisher, title"
    if ids is None:
        return store.all(f"SELECT {columns} FROM factchecks ORDER BY id")
    wanted = list(ids)
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    return store.all(f"SELECT {columns} FROM factchecks WHERE id IN ({marks}) ORDER BY id", wanted)
