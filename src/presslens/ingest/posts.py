"""Social posts embedded in plain text as tags, rendered as a page shows them.

Text saved from news pages by some archives (PolNeAR's among them) keeps each embedded tweet as
a tag: `<tweet author="@name" datetime="2016-03-10">the post</tweet>`, with the date as a day,
a written date or a Unix timestamp, and `<tweet/>` closing it in some outlets' files. Left as it
is, the tag's attributes are read as words: the author's handle becomes an actor and the post's
words run into the sentence around it. Each post becomes what the page itself showed and what
an HTML embed leaves after extraction (`embeds.py`): the post as a paragraph, then a signature
line "— @name March 10, 2016", which the quotes stage reads as the post's author (a post of
no known author is set in quotation marks). A post saved without its words (only an id) is
dropped, and said so in `removed`; a link tag keeps its text. A post saved with its own
signature line run into it keeps that one (it names the author, not only the handle).
"""

from __future__ import annotations

import datetime as dt
import re

from presslens.model import POST_SIGNATURE, Removed

MAX_POST_CHARS = 2000  # a post is short; a longer run is no post, and the tag is left alone
POST = re.compile(
    rf"<tweet\b(?P<attrs>[^<>]{{0,400}})>(?P<body>[^<>]{{0,{MAX_POST_CHARS}}})(?:</tweet>|<tweet\s*/>)"
    r"[ \t]*\.?"  # the sentence's full stop some files set after the closing tag
)
ATTRIBUTE = re.compile(r"([\w-]+)=\"([^\"]*)\"")
LINK = re.compile(r"<a\b[^<>]{0,500}>|</a>")
HANDLE = re.compile(r"@?(\w{1,30})")
AUTHOR_KEYS = ("author", "tweet-author", "user", "screen_name")
DATE_KEYS = ("datetime", "tweet-date", "date", "timestamp")
SIGNATURE_UNSAFE = re.compile(r"[^\w ,.:/-]")  # what a signature line's date may not hold


def render_posts(raw: str) -> tuple[str, list[Removed]]:
    """The text with each post tag rendered as paragraphs, and the empty posts dropped."""
    if "<" not in raw:
        return raw, []
    removed: list[Removed] = []
    gap = "\n\n" if re.search(r"\n[ \t]*\n", raw) else "\n"

    def render(match: re.Match[str]) -> str:
        attrs = dict(ATTRIBUTE.findall(match["attrs"]))
        body = " ".join(match["body"].split())
        if not body:
            removed.append(Removed(kind="embed", text="an embedded post saved without its text"))
            return ""
        body, signature = own_signature(body)
        author = author_of(attrs)
        if signature is None and author is None:  # words of no known author: a quotation
            return f"{gap}“{body}”{gap}"
        signature = signature or " ".join(filter(None, ("—", author, date_of(attrs))))
        return f"{gap}{body}{gap}{signature}{gap}"

    text = POST.sub(render, raw)
    text = LINK.sub("", text)
    return text, removed


def own_signature(body: str) -> tuple[str, str | None]:
    """The post's words and the signature it was saved with, if any ("... pic.twitter.com/x —
    Paul Ryan (@SpeakerRyan) July 5, 2016": the name is worth more than the handle alone)."""
    cut = max(body.rfind(" — "), body.rfind(" – "))
    if cut > 0 and POST_SIGNATURE.fullmatch(body[cut:].strip()):
        return body[:cut].strip(), body[cut:].strip()
    return body, None


def author_of(attrs: dict[str, str]) -> str | None:
    """The author's handle, with its "@"."""
    for key in AUTHOR_KEYS:
        found = HANDLE.fullmatch(attrs.get(key, "").strip())
        if found:
            return "@" + found[1]
    return None


def date_of(attrs: dict[str, str]) -> str | None:
    """The post's day written as the platform writes it ("March 10, 2016"), or as saved."""
    for key in DATE_KEYS:
        value = attrs.get(key, "").strip()
        if not value:
            continue
        day = parsed_day(value)
        return f"{day:%B} {day.day}, {day.year}" if day else SIGNATURE_UNSAFE.sub("", value)[:40]
    return None


def parsed_day(value: str) -> dt.date | None:
    if value.isdigit() and 9 <= len(value) <= 10:  # a Unix timestamp, in seconds
        return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
