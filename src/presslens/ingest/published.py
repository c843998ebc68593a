"""When and by whom an article was published, from wherever the input says it.

Structured fields come first: a feed entry's `pubDate`/`published` (else `updated`) and
`author`/`dc:creator`, a JSON line's `published`, `published_at`, `date`... and `author` or
`authors` (`record_published`, `record_author`); they travel in `InputDocument.meta` and win over
the page's own (`with_given`). An HTML page's meta tags, JSON-LD and `<time>` are read in
html.py. Last come the article's own lines (`with_own`): a "Published: March 3, 2017" or
"By Jane Doe" line near the top, or a wire dateline ("WASHINGTON, March 3, 2017 — ").

Dates are kept as written: the store reads them (store/dates.py), and a date it cannot read, or
one in the future, stays text with no key. Only datelines with a year are taken: "LONDON,
March 3 (Reuters) -" says no year, and guessing one would put the article in the wrong place.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from typing import Any

from presslens.ingest.blocks import clean_line
from presslens.model import Article

DATE_FIELDS = (
    "published",
    "published_at",
    "publish_date",
    "published_date",
    "date_published",
    "datePublished",
    "pubDate",
    "date",
)
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# "March 3, 2017", "Mar. 3rd 2017", "3 March 2017", "2017-03-03": a day with its year
WRITTEN_DATE = (
    rf"(?i:{WEEKDAY}(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}))"
)
DATE_IN_TEXT = re.compile(WRITTEN_DATE)
# "WASHINGTON, March 3, 2017 — ", "PARIS, France, 3 March 2017 (AFP) - ", "March 3, 2017 --"
DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z.'’ -]{{1,40}},\s*(?:[A-Z][A-Za-z.' -]{{1,30}},\s*)?)?"
    rf"(?P<date>{WRITTEN_DATE})\s*(?:\([A-Za-z .]{{1,20}}\)\s*)?(?:—|–|--|-)\s"
)
# "Published: March 3, 2017", "Updated on 3 March 2017, 10:04 GMT", "Posted March 3, 2017"
DATE_LINE = re.compile(
    r"^(?P<word>(?:first |originally )?published|posted|updated|last updated|date)"
    r"(?:\s+on)?\s*:?\s+(?P<when>.{4,80})$",
    re.IGNORECASE,
)
NAME_WORD = r"(?:[A-Z][\w.'’-]*|[a-z]{1,3}\b(?= [A-Z]))"  # "Jane", "O'Brien", "van der Berg"
# "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Associated Press"
BYLINE_LINE = re.compile(
    rf"^(?i:by):?\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}"
    rf"(?:(?:,\s*|\s+(?i:and)\s+|\s*&\s*){NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}){{0,4}})\s*$"
)
MAX_LINE_CHARS = 100
# A date or a list of names longer than this is not one (a hostile or broken field): left out
MAX_FIELD_CHARS = 300
FIRST_PARAGRAPHS = 3  # how far down the body a byline, date line or dateline is looked for


def record_published(record: dict[str, Any]) -> str | None:
    """The publication date of a JSON record, as written; a number is a Unix time (seconds, or
    milliseconds when too large for seconds)."""
    for field in DATE_FIELDS:
        value = record.get(field)
        if isinstance(value, bool) or value in (None, ""):
            continue
        if isinstance(value, int | float):
            return unix_time(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def unix_time(value: float) -> str | None:
    seconds = value / 1000 if abs(value) > 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def record_author(record: dict[str, Any]) -> str | None:
    """The author of a JSON record: a name, a {"name": ...} object or a list of either, joined
    with "; " as trafilatura joins a page's authors."""
    for field in AUTHOR_FIELDS:
        names = author_names(record.get(field))
        if names:
            return "; ".join(names)
    return None


def author_names(value: Any) -> list[str]:
    """The names in an author value (str, {"name": str}, or a list of them), URLs left out."""
    if isinstance(value, list):
        return [name for item in value[:20] for name in author_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str) or not value.strip():
        return []
    value = " ".join(value[: MAX_FIELD_CHARS * 2].split())
    if len(value) > MAX_FIELD_CHARS or value.lower().startswith(("http://", "https://")):
        return []
    return [value]


def dateline_date(paragraph: str) -> str | None:
    """The date of a wire dateline opening `paragraph`, as written."""
    found = DATELINE.match(paragraph)
    return found.group("date") if found else None


def date_line(line: str) -> str | None:
    """The date a "Published: ..." line gives (the date part, as written), None for any other
    line; a "Published" line is preferred to an "Updated" one by `own_published`."""
    found = DATE_LINE.match(line.strip()) if len(line) <= MAX_LINE_CHARS else None
    if found is None:
        return None
    date = DATE_IN_TEXT.search(found.group("when"))
    return date.group() if date else None


def byline_name(line: str) -> str | None:
    """The name(s) of a "By Jane Doe" line; None for a sentence that starts with "By"."""
    if len(line) > MAX_LINE_CHARS * 4:  # no byline, however many blanks it holds
        return None
    line = " ".join(line.split())
    found = BYLINE_LINE.match(line) if len(line) <= MAX_LINE_CHARS else None
    return found.group("name") if found else None


def is_metadata_line(line: str) -> bool:
    """A byline or a date line: page furniture that no reader counts as the article's text."""
    return byline_name(line) is not None or date_line(line) is not None


def own_published(lines: list[str]) -> str | None:
    """The date the article's own lines give: a "Published" line, else another date line
    ("Updated: ..."), else a dateline."""
    dated = [(line, date) for line in lines if (date := date_line(line))]
    for line, date in dated:
        if line.strip().lower().startswith(("published", "first", "originally", "posted")):
            return date
    if dated:
        return dated[0][1]
    return next((date for line in lines if (date := dateline_date(line))), None)


def head_lines(article: Article) -> list[str]:
    """The lines a byline or date may stand on: what was removed as page furniture, the
    caption (a lone line under the title) and the first paragraphs."""
    paragraphs = [article.text[s.start : s.end] for s in article.paragraphs[:FIRST_PARAGRAPHS]]
    if not article.paragraphs:
        paragraphs = article.text.split("\n\n", FIRST_PARAGRAPHS)[:FIRST_PARAGRAPHS]
    removed = [item.text for item in article.removed if item.kind == "chrome"]
    return [*removed, *([article.caption] if article.caption else []), *paragraphs]


def with_own(article: Article) -> Article:
    """The article with the publication date and byline its own lines give, where it has none
    from its page's metadata."""
    if article.published and article.byline:
        return article
    lines = head_lines(article)
    published = article.published or own_published(lines)
    byline = article.byline or next((name for line in lines if (name := byline_name(line))), None)
    return dataclasses.replace(article, published=published, byline=byline)


def with_given(article: Article, meta: dict[str, str]) -> Article:
    """The article with the date and author its input's fields give (a feed entry's, a JSON
    line's), which win over the page's own: they are what the publisher's feed or the
    collection recorded."""
    given = {k: v.strip() for k, v in meta.items() if len(v) <= MAX_FIELD_CHARS and v.strip()}
    published = given.get("published") or article.published
    author = clean_line(given["author"]) if given.get("author") else article.byline
    if published == article.published and author == article.byline:
        return article
    return dataclasses.replace(article, published=published, byline=author or None)
