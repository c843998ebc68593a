"""HTML pages via trafilatura, keeping headings, caption, byline, date and description.

The page is parsed once, as trafilatura parses it; embedded social posts are set free of the
wrappers extractors discard (`embeds`) and link widgets taken out (`widgets`: hover cards and
share bars inside paragraphs, "Read more:" links), then trafilatura finds the main text and
`extracted` turns its XML into blocks without gluing cells, items or lines together. Only when
trafilatura finds no paragraph at all is the page's every paragraph used, with a warning.

The title is og:title, else trafilatura's, else the <title>; a site's name joined to it
("Quay to open late | The Gazette", "Opinion | Quay to open late") is cut only when the page
shows that it is one: the part cut off is the site's name in its metadata (og:site_name,
application-name, the publisher in JSON-LD, the host name), or the part kept is the headline
as another title source gives it (the h1, og:title, twitter:title, JSON-LD's headline,
trafilatura's title). "Biden - the early years" with nothing to confirm a cut stays whole.

libxml2 stops reading a page nested more than 255 elements deep, and all its text after that
point was lost: such a page is read again with the tags past `MAX_DEPTH` levels left out
(their text kept), and a warning says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_domain,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document
from trafilatura.utils import repair_faulty_html

from presslens.ingest.blocks import Block, assemble, clean_line, duplicate_key
from presslens.ingest.embeds import free_posts
from presslens.ingest.extracted import body_blocks
from presslens.ingest.published import author_names
from presslens.ingest.widgets import remove_widgets
from presslens.model import Article, Origin, Removed, StageWarning

FALLBACK_NOTE = "main-text extraction found no text: used every paragraph of the page"
FALLBACK_SKIP = "//nav|//footer|//header|//aside|//script|//style|//noscript|//form"
# " - ", " | ", " – ", " — ", " :: ", " · ": what joins a headline and a site's or section's name
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•]|-{1,2}|::?)\s+")
SITE_METAS = ("og:site_name", "application-name", "apple-mobile-web-app-title")
HEADLINE_METAS = ("og:title", "twitter:title")
ORGANISATION_TYPES = {"Organization", "NewsMediaOrganization", "WebSite", "Corporation"}
# The publication date, most trusted first: Open Graph, then JSON-LD and microdata (read in
# `find_published`), then the other meta names sites use, then a <time datetime>.
OPEN_GRAPH_DATES = ("article:published_time", "og:published_time")
OTHER_DATE_METAS = (
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "DC.date.issued",
    "dcterms.issued",
    "dc.date",
    "DC.date",
    "date",
)
MAX_DEPTH = 200
TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
END_TAG_SEARCH = 64  # how far down the open tags an end tag looks for its start tag
DEEP_NOTE = f"the page nests its elements too deep: tags past {MAX_DEPTH} levels were dropped"


def element_text(element: etree._Element) -> str:
    return clean_line(" ".join("".join(element.itertext()).split()))


def without_chrome(blocks: list[Block], tree: etree._Element) -> list[Block]:
    """Drop blocks whose whole text is a navigation, header, footer or aside element's text."""
    chrome = {
        duplicate_key(element_text(e))
        for e in tree.xpath("//nav|//footer|//header|//aside|//nav//a")
    }
    return [b for b in blocks if duplicate_key(b.text) not in chrome]


def fallback_blocks(tree: etree._Element) -> list[Block]:
    """A plain walk of headings and paragraphs, for pages trafilatura finds no text in."""
    for element in tree.xpath(FALLBACK_SKIP):
        element.getparent().remove(element)
    for line_break in tree.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    blocks: list[Block] = []
    for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        text = element_text(element)
        if text:
            kind = "heading" if element.tag.startswith("h") else "paragraph"
            blocks.append(Block(kind, text, listed=element.tag == "li"))
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
    """The page's publication date as written (see OPEN_GRAPH_DATES), None when it says none."""
    marked = "//*[@itemprop='datePublished']/@content|//*[@itemprop='datePublished']/@datetime"
    written = (
        meta_content(tree, *OPEN_GRAPH_DATES),
        json_ld_published(tree),
        first_value(tree.xpath(marked)),
        meta_content(tree, *OTHER_DATE_METAS),
        first_value(tree.xpath("//time[@pubdate]/@datetime")),
        first_value(tree.xpath("//time/@datetime")),
    )
    return next((when for when in written if when and not PLACEHOLDER_DATE.match(when)), None)


# a content system's empty date, "0001-01-01T00:00:00Z" or "0000-00-00": no date at all
PLACEHOLDER_DATE = re.compile(r"\s*0\d{3}-")


def first_value(found: list) -> str | None:
    """The first non-blank attribute value an XPath query found."""
    return next((str(value).strip() for value in found if str(value).strip()), None)


def main_content(tree: etree._Element) -> etree._Element | None:
    """trafilatura's main text of the page (it works on a copy of `tree`), None when it finds
    none."""
    try:
        document = trafilatura.bare_extraction(tree, include_formatting=True, favor_recall=True)
    except ValueError:  # a tree trafilatura cannot read is a page it finds no text in
        return None
    return document.body if isinstance(document, Document) else None


def page_metadata(tree: etree._Element) -> Document:
    """trafilatura's metadata of the page as `bare_extraction` reads it (meta tags, JSON-LD,
    then the page), less the publication date: htmldate's search for it costs as much as the
    main-text extraction, and `find_published` reads the date."""
    document = examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None  # a one-word author is a handle or a site, as trafilatura holds
    try:
        document = extract_meta_json(tree, document)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on odd blocks
        pass
    document.title = document.title or extract_title(tree)
    document.author = document.author or extract_author(tree)
    document.url = document.url or extract_url(tree)
    if document.url:
        document.hostname = extract_domain(document.url, fast=True)
    document.sitename = (document.sitename or extract_sitename(tree) or "").lstrip("@") or None
    document.clean_and_trim()
    return document


def parse_page(raw: str) -> tuple[etree._Element | None, bool]:
    """The page's element tree, parsed as trafilatura parses a page given as text (comments
    and processing instructions left out, its repairs made), and whether libxml2 stopped at
    its depth limit. None for a page with no element."""
    raw = repair_faulty_html(raw, raw[:50].lower())
    parser = lxml_html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    try:
        try:
            tree = lxml_html.fromstring(raw, parser=parser)
        except ValueError:  # a str that declares its encoding: libxml2 wants the bytes
            tree = lxml_html.fromstring(raw.encode("utf-8", "surrogatepass"), parser=parser)
    except etree.ParserError:  # nothing but comments or blanks
        return None, False
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return tree, too_deep


def read_tree(raw: str) -> tuple[str, etree._Element | None, list[StageWarning]]:
    """The page's element tree; for a page too deep for libxml2, the page flattened first."""
    if not raw.strip():
        return raw, None, []
    tree, too_deep = parse_page(raw)
    if not too_deep:
        return raw, tree, []
    raw = flattened(raw)
    return raw, parse_page(raw)[0], [StageWarning("ingest", DEEP_NOTE)]


def flattened(raw: str) -> str:
    """The page less the tags that open past MAX_DEPTH levels, and their end tags; one pass."""
    kept: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # name, whether its tag was kept
    depth = position = 0  # depth counts the kept open tags
    for match in TAG_RE.finditer(raw):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        keep = True
        if closing:
            for i in range(len(open_tags) - 1, max(-1, len(open_tags) - END_TAG_SEARCH), -1):
                if open_tags[i][0] == name:
                    keep = open_tags[i][1]
                    depth -= sum(was_kept for _, was_kept in open_tags[i:])
                    del open_tags[i:]
                    break
        elif name not in VOID_TAGS and not self_closing:
            keep = depth < MAX_DEPTH
            open_tags.append((name, keep))
            depth += keep
        kept.append(raw[position : match.start()])
        if keep:
            kept.append(match.group())
        position = match.end()
    kept.append(raw[position:])
    return "".join(kept)


def parse_html(raw: str, *, origin: Origin) -> Article:
    raw, tree, warnings = read_tree(raw)
    if tree is None:
        return assemble([], origin=origin)
    document = page_metadata(tree)
    free_posts(tree)
    widgets = [Removed("chrome", text) for text in remove_widgets(tree)]
    blocks = without_chrome(body_blocks(main_content(tree)), tree)
    if not any(block.kind == "paragraph" for block in blocks):
        # trafilatura found headings at most: a page it cannot read (a bare fragment, text
        # in odd places); a walk of its paragraphs beats an empty body
        fallback, _ = parse_page(raw)
        fallback_found = fallback_blocks(fallback) if fallback is not None else []
        if any(block.kind == "paragraph" for block in fallback_found):
            blocks = fallback_found
            warnings.append(StageWarning("ingest", FALLBACK_NOTE))
    title = find_title(tree, document, origin)
    blocks, removed = drop_title_repeats(blocks, title)
    removed = widgets + removed
    caption = find_caption(tree)
    blocks = [b for b in blocks if not caption or duplicate_key(b.text) != duplicate_key(caption)]
    return assemble(
        blocks,
        origin=origin,
        title=title,
        caption=caption,
        byline=(document.author if document else None)
        or json_ld_author(tree)
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


def find_title(tree: etree._Element, document: Document | None, origin: Origin) -> str | None:
    """The headline: the page's title with a site's or section's name cut off when shown."""
    tags = tree.xpath("//title/text()")
    tag = " ".join(str(tags[0]).split()) if tags else None
    extracted = own_title(document, tag)
    title = meta_content(tree, "og:title") or extracted or tag
    if not title:
        return None
    publishers, ld_headlines = json_ld_names(tree)
    sites = site_keys([*meta_values(tree, SITE_METAS), *publishers, document_site(document)])
    sites |= host_keys(document.hostname if document else None, origin.uri)
    headlines = [*meta_values(tree, HEADLINE_METAS), *ld_headlines, *heading_texts(tree)]
    shown = {duplicate_key(h) for h in [*headlines, extracted or ""]} - {""}
    shown = {h for h in shown if site_key(h) not in sites}  # an h1 holding the site's name
    return trim_site_name(title, sites, shown)


def own_title(document: Document | None, tag: str | None) -> str | None:
    """trafilatura's title, unless it is the <title> cut at a separator by its own guess
    ("Biden - the early years" -> "Biden"): that cut is ours to make, when the page shows it."""
    if document is None or not document.title:
        return None
    if tag and any(
        duplicate_key(document.title)
        in (duplicate_key(tag[: m.start()]), duplicate_key(tag[m.end() :]))
        for m in TITLE_SEPARATOR.finditer(tag)
    ):
        return None
    return document.title


def trim_site_name(title: str, sites: set[str], headlines: set[str]) -> str:
    """Cut a name joined to the title, one at a time from either end, while the page shows
    that the cut part is the site's name or the kept part is the headline."""
    while True:
        separators = list(TITLE_SEPARATOR.finditer(title))
        if not separators:
            return title
        last, first = separators[-1], separators[0]
        head, tail = title[: last.start()], title[last.end() :]
        if site_key(tail) in sites or duplicate_key(head) in headlines:
            title = head
            continue
        head, tail = title[: first.start()], title[first.end() :]
        if site_key(head) in sites or duplicate_key(tail) in headlines:
            title = tail
            continue
        return title


def site_key(name: str) -> str:
    """'The Gazette' / 'gazette' -> 'gazette'; 'Sportsnet.ca' -> 'sportsnetca'."""
    name = re.sub(r"^(?:the|www)\W+", "", name.strip().casefold())
    return re.sub(r"\W+", "", name)


def site_keys(names: list[str | None]) -> set[str]:
    """Each name whole and in its parts ('The Jerusalem Post | JPost.com'), as site keys."""
    keys: set[str] = set()
    for name in names:
        if name and not name.startswith(("http://", "https://", "@")):
            keys.update(site_key(part) for part in [name, *TITLE_SEPARATOR.split(name)])
        elif name and name.startswith(("http://", "https://")):
            keys |= host_keys(name)
    return keys - {""}


def host_keys(*locations: str | None) -> set[str]:
    """'https://www.spacenews.com/x' -> {'spacenewscom', 'spacenews'}."""
    keys: set[str] = set()
    for location in locations:
        host = urlsplit(location if location and "//" in location else f"//{location}").hostname
        if not host or "." not in host:
            continue
        host = host.removeprefix("www.")
        keys |= {site_key(host), site_key(host.split(".")[0])}
    return keys - {""}


def document_site(document: Document | None) -> str | None:
    return document.sitename if document is not None else None


def meta_values(tree: etree._Element, names: tuple[str, ...]) -> list[str]:
    return [value for name in names if (value := meta_content(tree, name))]


def heading_texts(tree: etree._Element) -> list[str]:
    return [text for element in tree.xpath("//h1")[:3] if (text := element_text(element))]


def json_ld_names(tree: etree._Element) -> tuple[list[str], list[str]]:
    """Publisher (and site) names and headlines from the page's JSON-LD blocks."""
    publishers: list[str] = []
    headlines: list[str] = []
    for item in json_ld_objects(tree):
        publisher = item.get("publisher")
        for named in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(named, dict) and isinstance(named.get("name"), str):
                publishers.append(named["name"])
        if is_organisation(item) and isinstance(item.get("name"), str):
            publishers.append(item["name"])
        if isinstance(item.get("headline"), str):
            headlines.append(item["headline"])
    return publishers, headlines


def json_ld_objects(tree: etree._Element) -> Iterator[dict]:
    """Every object of the page's JSON-LD blocks; a malformed block is skipped (common, and it
    says nothing)."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script), strict=False)  # raw line breaks inside strings
        except ValueError:
            continue
        yield from json_ld_items(data)


def json_ld_published(tree: etree._Element) -> str | None:
    """The first datePublished (else dateCreated) of the page's JSON-LD, as written."""
    for item in json_ld_objects(tree):
        for key in ("datePublished", "dateCreated"):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def json_ld_author(tree: etree._Element) -> str | None:
    """The authors of the page's article in JSON-LD (the first object with a headline or a
    date that names any), joined with "; " as trafilatura joins them."""
    for item in json_ld_objects(tree):
        if "headline" in item or "datePublished" in item:
            names = author_names(item.get("author"))
            if names:
                return "; ".join(dict.fromkeys(names))
    return None


def is_organisation(item: dict) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind in ORGANISATION_TYPES for kind in kinds)


def json_ld_items(data: object, depth: int = 0) -> Iterator[dict]:
    """Every object in a JSON-LD value (lists and @graph included), a few levels deep."""
    if depth > 4:
        return
    if isinstance(data, list):
        for value in data:
            yield from json_ld_items(value, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from json_ld_items(data["@graph"], depth + 1)
