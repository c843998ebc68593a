"""HTML pages via trafilatura, keeping headings, caption, byline, date and description."""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document

from presslens.ingest.blocks import Block, assemble, clean_line, duplicate_key
from presslens.model import Article, Origin, Removed, StageWarning

FALLBACK_NOTE = "main-text extraction found no structure: used every paragraph of the page"
BLOCK_TAGS = {"p", "list", "quote", "item", "table"}
FALLBACK_SKIP = "//nav|//footer|//header|//aside|//script|//style|//noscript|//form"


def element_text(element: etree._Element) -> str:
    return clean_line(" ".join("".join(element.itertext()).split()))


def trafilatura_blocks(body: etree._Element | None) -> list[Block]:
    if body is None:
        return []
    blocks: list[Block] = []
    for child in body:
        text = element_text(child)
        if not text:
            continue
        if child.tag == "head":
            blocks.append(Block("heading", text))
        elif child.tag in BLOCK_TAGS or child.tag == "p":
            blocks.append(Block("paragraph", text))
    return blocks


def without_chrome(blocks: list[Block], tree: etree._Element) -> list[Block]:
    """Drop blocks whose whole text is a navigation, header, footer or aside element's text."""
    chrome = {
        duplicate_key(element_text(e))
        for e in tree.xpath("//nav|//footer|//header|//aside|//nav//a")
    }
    return [b for b in blocks if duplicate_key(b.text) not in chrome]


def fallback_blocks(tree: etree._Element) -> list[Block]:
    """A plain walk of headings and paragraphs, for pages trafilatura cannot structure."""
    for element in tree.xpath(FALLBACK_SKIP):
        element.getparent().remove(element)
    blocks: list[Block] = []
    for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        text = element_text(element)
        if text:
            kind = "heading" if element.tag.startswith("h") else "paragraph"
            blocks.append(Block(kind, text))
    return blocks


def meta_content(tree: etree._Element, *names: str) -> str | None:
    for name in names:
        found = tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
        if found and found[0].strip():
            return str(found[0]).strip()
    return None


def find_caption(tree: etree._Element) -> str | None:
    for caption in tree.xpath("//figcaption"):
        text = element_text(caption)
        if text:
            return text
    return meta_content(tree, "og:image:alt", "twitter:image:alt")


def find_published(tree: etree._Element) -> str | None:
    found = meta_content(
        tree, "article:published_time", "og:published_time", "datePublished", "pubdate", "date"
    )
    if found:
        return found
    times = tree.xpath("//time/@datetime")
    return str(times[0]) if times else None


def main_content(raw: str) -> Document | None:
    """trafilatura's reading of the page: body element and metadata (None when it finds none)."""
    document = trafilatura.bare_extraction(
        raw, include_formatting=True, with_metadata=True, favor_recall=True
    )
    return document if isinstance(document, Document) else None


def parse_html(raw: str, *, origin: Origin) -> Article:
    tree = lxml_html.fromstring(raw) if raw.strip() else None
    if tree is None:
        return assemble([], origin=origin)
    document = main_content(raw)
    blocks = without_chrome(
        trafilatura_blocks(document.body if document is not None else None), tree
    )
    warnings: list[StageWarning] = []
    if sum(block.kind == "paragraph" for block in blocks) <= 1:
        fallback = fallback_blocks(lxml_html.fromstring(raw))
        if len(fallback) > len(blocks):
            blocks = fallback
            warnings.append(StageWarning("ingest", FALLBACK_NOTE))
    title = meta_content(tree, "og:title") or (document.title if document else None)
    if not title:
        title_text = tree.xpath("//title/text()")
        title = re.split(r"\s[|–—-]\s", str(title_text[0]))[0] if title_text else None
    blocks, removed = drop_title_repeats(blocks, title)
    caption = find_caption(tree)
    blocks = [b for b in blocks if not caption or duplicate_key(b.text) != duplicate_key(caption)]
    return assemble(
        blocks,
        origin=origin,
        title=title,
        caption=caption,
        byline=(document.author if document else None)
        or meta_content(tree, "author", "article:author"),
        published=find_published(tree),
        description=meta_content(tree, "description", "og:description"),
        removed=removed,
        warnings=warnings,
    )


def drop_title_repeats(blocks: list[Block], title: str | None) -> tuple[list[Block], list[Removed]]:
    if not title:
        return blocks, []
    key = duplicate_key(title)
    kept = [b for b in blocks if duplicate_key(b.text) != key]
    removed = [Removed("duplicate", b.text) for b in blocks if duplicate_key(b.text) == key]
    return kept, removed
