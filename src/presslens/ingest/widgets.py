"""Link widgets: links a page sets in or between its paragraphs that are not the article.

Two shapes, found in the page before main-text extraction and taken out (the text after them
kept), so that no extractor glues them onto a sentence:
- a run of links with nothing but spaces between them inside a paragraph (a name's hover card
  listing the person's latest headlines, an inline share bar): prose puts words or at least
  punctuation between its links, and a sentence keeps the links around the run;
- a paragraph, heading or list item that is a chrome lead-in ("Read more:", "Related post:",
  "See also", as resources/chrome.txt lists them) followed by nothing but links;
- a lead-in standing alone ("You may also like...", "More:") and the run of elements right
  after it that hold nothing but links (paragraphs of one headline each, lists of them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from presslens.ingest.text import is_chrome

PARAGRAPHS = {"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LEAD_BLOCKS = {"p", "li", "dd", "dt", *HEADINGS}
SKIPPED = {"script", "style", "noscript", "template"}
MIN_RUN_LINKS = 3
MAX_CLIMB = 8  # how far up from a link its paragraph is looked for
MAX_LEAD_CHARS = 60  # a lead-in is a few words
SEPARATORS = re.compile(r"^[\s|,;/·•–—-]*$")
LEAD_END = re.compile(r"[\s:|»›→>–—.…-]+$")


def text_runs(element: etree._Element, in_link: bool = False) -> Iterator[tuple[str, bool]]:
    """The element's text in reading order, each piece with whether a link holds it."""
    in_link = in_link or element.tag == "a"
    if element.text:
        yield element.text, in_link
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIPPED:
            yield from text_runs(child, in_link)
        if child.tail:
            yield child.tail, in_link


def link_count(element: etree._Element) -> int:
    return sum(1 for link in element.iter("a") if "".join(link.itertext()).strip())


def is_link_run(element: etree._Element) -> bool:
    """Only links (three or more) and spaces."""
    if element.tag == "a" or link_count(element) < MIN_RUN_LINKS:
        return False
    return all(in_link or not text.strip() for text, in_link in text_runs(element))


def is_lead_in_block(element: etree._Element) -> bool:
    """A chrome lead-in ('Read more:') and then links, with separators between them only."""
    runs = text_runs(element)
    lead: list[str] = []
    for text, in_link in runs:  # most blocks with a link (menus) have no lead-in: leave early
        if in_link and text.strip():
            break
        lead.append(text)
        if sum(map(len, lead)) > MAX_LEAD_CHARS:
            return False
    else:
        return False  # no link with text
    lead_in = LEAD_END.sub("", "".join(lead)).strip()
    if not lead_in or not is_chrome(lead_in):
        return False
    rest = "".join(text for text, in_link in runs if not in_link)  # after the first link
    return bool(SEPARATORS.match(rest))


def is_link_only(element: etree._Element) -> bool:
    """Links (at least one) and separators between them, nothing else."""
    linked = False
    for text, in_link in text_runs(element):
        if in_link:
            linked = linked or bool(text.strip())
        elif not SEPARATORS.match(text):
            return False
    return linked


def has_link(element: etree._Element) -> bool:
    return next(element.iter("a"), None) is not None


def lead_in_lists(tree: etree._Element) -> list[etree._Element]:
    """Lead-ins that stand alone, each with the link-only elements that follow it."""
    found: list[etree._Element] = []
    for block in tree.iter(*LEAD_BLOCKS):
        text = "".join(block.itertext())
        if len(text) > MAX_LEAD_CHARS or not text.strip() or has_link(block):
            continue
        lead_in = LEAD_END.sub("", text).strip()
        if not lead_in or not is_chrome(lead_in):
            continue
        links = []
        for sibling in block.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag in SKIPPED:
                continue
            if not "".join(sibling.itertext()).strip():
                continue  # an empty ad slot or a rule between the lead-in and its links
            if not is_link_only(sibling):
                break
            links.append(sibling)
        if links:
            found += [block, *links]
    return found


def find_widgets(tree: etree._Element) -> list[etree._Element]:
    """Link runs inside paragraphs (the innermost element holding the run), lead-in blocks, and
    lead-ins standing alone with the links after them."""
    runs: dict[etree._Element, None] = {}
    leads: dict[etree._Element, None] = {}
    for link in tree.iter("a"):
        climbed: list[etree._Element] = []
        for ancestor in link.iterancestors():
            if ancestor.tag in PARAGRAPHS or ancestor.tag in HEADINGS:
                runs.update(dict.fromkeys(climbed))
                break
            climbed.append(ancestor)
            if len(climbed) >= MAX_CLIMB:
                break
        block = next((a for a in link.iterancestors(*LEAD_BLOCKS)), None)
        if block is not None:
            leads[block] = None
    found = innermost([element for element in runs if is_link_run(element)])
    found += [block for block in leads if is_lead_in_block(block)]
    found += lead_in_lists(tree)
    return outermost(list(dict.fromkeys(found)))


def innermost(elements: list[etree._Element]) -> list[etree._Element]:
    """Those of `elements` that hold none of the others."""
    chosen = set(elements)
    holders = {a for element in elements for a in element.iterancestors() if a in chosen}
    return [element for element in elements if element not in holders]


def outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """Those of `elements` that no other one holds."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def remove_widgets(tree: etree._Element) -> list[str]:
    """Take the link widgets out of `tree` (their tails stay); return their texts."""
    removed = []
    for element in find_widgets(tree):
        removed.append(" ".join("".join(t for t, _ in text_runs(element)).split()))
        drop(element)
    return [text for text in removed if text]


def drop(element: etree._Element) -> None:
    """Remove an element, its tail joined to what comes before it."""
    parent = element.getparent()
    previous = element.getprevious()
    tail = element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
