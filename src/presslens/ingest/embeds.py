"""Embedded social posts (a tweet, an Instagram caption) are text the article quotes.

A page embeds a post as a `blockquote` (class "twitter-tweet", "instagram-media", ...) that the
platform's script turns into a card, inside wrappers whose classes ("social-media-embed",
"article-widget") main-text extractors discard as page furniture, and the quoted words with
them. Before extraction each such post is set free: its outermost wrapper (an element holding
no text but the post's) is replaced by the bare quotation, without its class.
"""

from __future__ import annotations

import re

from lxml import etree

POST_CLASS = re.compile(r"\b(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed)\b")
STOP_TAGS = {"body", "article", "main", "section", "html"}
MAX_POSTS = 100  # a page of thousands of embeds is not an article quoting a few posts
MAX_CLIMB = 6  # wrappers are a few levels deep


def free_posts(tree: etree._Element) -> int:
    """Replace each embedded post's wrappers by the bare quotation; return how many."""
    posts = [q for q in tree.iter("blockquote") if POST_CLASS.search(q.get("class") or "")]
    for post in posts[:MAX_POSTS]:
        text = own_text(post)
        if not text:
            continue
        wrapper = post
        parent = post.getparent()
        for _ in range(MAX_CLIMB):
            if parent is None or parent.tag in STOP_TAGS or own_text(parent) != text:
                break
            wrapper, parent = parent, parent.getparent()
        for name in ("class", "data-lang", "style"):
            post.attrib.pop(name, None)
        if wrapper is not post:
            post.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, post)
    return min(len(posts), MAX_POSTS)


def own_text(element: etree._Element) -> str:
    """An element's words (scripts and styles left out), spaces normalised."""
    words = element.xpath(
        ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
    )
    return " ".join("".join(words).split())
