"""Plain text in the layout of a saved web page.

The layout: the title on the first line, maybe an image caption, page-chrome lines ("Read in N
minutes", "Share", ...), then paragraphs, with short unpunctuated lines between them as section
headings. A paragraph may span several lines when paragraphs are separated by blank lines.

The first line is the title when it does not end like a sentence, or, ending with a full stop,
when it stands alone above the body and reads like a headline rather than a lead paragraph
(`looks_like_headline`). The title keeps its full stop: the dossier shows what the page shows,
and a final "." cannot be told from an abbreviation's ("U.S.") without guessing.
"""

from __future__ import annotations

import functools
import re

from presslens.ingest.blocks import Block, assemble, clean_line
from presslens.ingest.posts import render_posts
from presslens.ingest.published import is_metadata_line
from presslens.model import POST_SIGNATURE, TURN_LABEL, Article, Origin, Removed, StageWarning
from presslens.resources import read_text
from presslens.settings import Settings

SENTENCE_END = re.compile(r"[.!:;,…\"”’)\]]$")
MAX_HEADING_CHARS = 100
MAX_CAPTION_WORDS = 40
MAX_TITLE_CHARS = 200
BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
CLOSING = "\"'”’)\\]"  # closing quotes and brackets, for a character class
PARAGRAPH_END = re.compile(rf"[.!?…][{CLOSING}]*$")  # "... he will.”" ends a paragraph's line
LINE_END = re.compile(rf"[.!;,:][{CLOSING}]*$")  # a sentence's end, inside quotes too ('X.”')
HEADLINE_END = re.compile(rf"[.!;][{CLOSING}]*$")
CAPTION_END = re.compile(rf"[.!?:;,…{CLOSING}]$")  # a picture's caption is no sentence
# A headline that ends with a full stop against a lead paragraph. Measured on the first lines
# of the 840 PolNeAR train texts and the lead paragraphs under them: headlines have at most 20
# words (838 of 840; 14 or fewer: 97%), 83% use no article and no form of "be" or "have"
# (leads: 8%), and 1% name a weekday (leads: 33%). A line showing two of those three marks of a
# lead, or a wire dateline, is the body's first paragraph. A second sentence is one more mark:
# "Storm hits coast. Towns count the cost." is a lead, "Storm hits coast. Towns count cost." a
# headline (4 of the 840 headlines hold two sentences, no lead paragraph has one mark alone).
MAX_HEADLINE_WORDS = 20
LONG_HEADLINE_WORDS = 14
LEAD_WORDS = re.compile(r"\b(?:the|a|an|is|are|was|were|be|been|has|have|had)\b")  # lower case
# "Media Growls In Response To Kaine's Claim": small words capitalised mid-line are headline
# style (two or more: 137 of the 840 headlines, 3 lead paragraphs, each of several sentences)
TITLE_CASE_WORDS = re.compile(
    r"(?<=\S )(?:In|To|Of|For|On|At|By|With|And|Is|Are|Was|Be|From|As|An|A|Into|Over|After)\b"
)
# A line of at least TITLE_CASE_MIN words, most of them capitalised, is set in title case
TITLE_CASE_SHARE = 0.7
TITLE_CASE_MIN = 5
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# "fell. The": a second sentence (not "Sen. Ted" or "U.S. to": a lower-case word ends it)
SENTENCE_BREAK = re.compile(r"(?<![A-Za-z])(?!vs\.)[a-z]{2,}[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")
# "WASHINGTON (AP) — ", "LOS ANGELES -- ", "Aug 27 (Reuters) - ": the start of a wire story
DATELINE = re.compile(
    r"^(?:[^—–]{0,60}\((?:AP|UPI|Reuters|AFP)\)\s*[—–-]"
    r"|[A-Z][A-Z .]{2,}(?:,[^—–]{0,30})?\s*(?:—|–|--)\s)"
)


@functools.cache
def chrome_patterns() -> tuple[re.Pattern[str], ...]:
    raw = read_text("chrome.txt")
    lines = [line.strip() for line in raw.splitlines()]
    return tuple(
        re.compile(rf"^(?:{line})$", re.IGNORECASE)
        for line in lines
        if line and not line.startswith("#")
    )


def is_chrome(line: str) -> bool:
    stripped = line.strip().rstrip(":").strip()
    return any(pattern.match(stripped) for pattern in chrome_patterns())


def is_heading_like(line: str, settings: Settings) -> bool:
    """Short, and without the punctuation that ends a sentence ('?' is allowed); not a
    transcript's turn ("TAPPER: Do you think he can win?")."""
    words = line.split()
    return (
        settings.min_heading_words <= len(words) <= settings.max_heading_words
        and len(line) <= MAX_HEADING_CHARS
        and not SENTENCE_END.search(line.rstrip())
        and not TURN_LABEL.match(line)
    )


def split_units(raw: str) -> list[str]:
    """Paragraph units: blank-line blocks, or single lines when every block is one line."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n[ \t\u00a0]*\n", text) if b.strip()]
    units: list[str] = []
    for number, block in enumerate(blocks):
        lines = [line for line in block.split("\n") if line.strip()]
        if number == 0 and len(lines) > 1 and lines[0].rstrip().endswith(";"):
            # "Headline;" over its standfirst (news-database exports): a line of its own
            units.append(lines.pop(0))
        if (
            len(blocks) == 1
            or any(is_chrome(line) for line in lines)
            or any(len(line) < 60 for line in lines[:-1])
            or not wrapped(lines)
        ):
            units.extend(lines)  # separate items; a hard-wrapped paragraph has long lines
        else:
            units.append(" ".join(lines))
    return units


def wrapped(lines: list[str]) -> bool:
    """Whether a block's lines are one paragraph wrapped at a width: most lines break off
    mid-sentence. A paragraph a line (lines of any length, each ending a sentence) is not."""
    breaks = lines[:-1]
    ended = sum(bool(PARAGRAPH_END.search(line.rstrip())) for line in breaks)
    return 2 * ended < len(breaks)


def take_title(
    units: list[str], *, stands_alone: bool = False
) -> tuple[str | None, list[str], list[StageWarning]]:
    """The first unit as the title, when it is one; `stands_alone`: it is a line of its own
    with a blank line or another short line under it (not a wrapped paragraph's start)."""
    if units:
        first = clean_line(units[0])
        if is_title_line(first) or (stands_alone and is_headline_above_body(first, units[1:])):
            return headline_text(first), units[1:], []
    note = StageWarning("ingest", "no title line found: the article has no title")
    return None, units, [note]


def take_given_title(
    units: list[str], title: str
) -> tuple[str | None, list[str], list[StageWarning]]:
    """The title an input's own field gives (a JSON line's `title`): the text's first unit is
    dropped when it is that title again (the same words, any case or punctuation), and is the
    body's first paragraph otherwise."""
    given = clean_line(title)
    if units and same_words(clean_line(units[0]), given):
        return given, units[1:], []
    return given, units, []


def same_words(left: str, right: str) -> bool:
    words = re.compile(r"\w+")
    return bool(left) and words.findall(left.casefold()) == words.findall(right.casefold())


def headline_text(line: str) -> str:
    """The headline without the stop a saved text put after it ("Emails released."): a
    headline has none. An abbreviation keeps its point ("... in the U.S."), as does an
    ellipsis."""
    line = line.removesuffix(";").rstrip()
    last = line.rsplit(" ", 1)[-1]
    if last.endswith(".") and "." not in last[:-1] and len(last.strip("\"'”’.")) > 1:
        return line[:-1].rstrip()
    return line


def is_title_line(line: str) -> bool:
    """A first line that does not end like a sentence ('?' allowed)."""
    return (
        0 < len(line) <= MAX_TITLE_CHARS and not LINE_END.search(line) and not DATELINE.match(line)
    )


def is_headline_above_body(line: str, rest: list[str]) -> bool:
    """A first line ending with "." or ";" ("Headline;" above a standfirst), in quotes or not,
    that reads like a headline, above a longer paragraph."""
    if not HEADLINE_END.search(line) or len(line) > MAX_TITLE_CHARS:
        return False
    words = len(line.split())
    return looks_like_headline(line) and any(len(unit.split()) > words for unit in rest)


def looks_like_headline(line: str) -> bool:
    words = line.split()
    opening = line.lstrip("\"'“‘#(")[:1]  # "‘Missing’ White Voters ...", "#GirlIGuessImWithHer"
    if not (opening.isupper() or opening.isdigit()):
        return False
    if DATELINE.match(line):
        return False
    second_sentence = bool(SENTENCE_BREAK.search(line))
    if not second_sentence and (
        len(TITLE_CASE_WORDS.findall(line)) >= 2 or title_case_share(words) >= TITLE_CASE_SHARE
    ):
        return True
    if len(words) > MAX_HEADLINE_WORDS:
        return False
    lead_marks = (
        second_sentence
        + (len(words) > LONG_HEADLINE_WORDS)
        + bool(LEAD_WORDS.search(line))
        + bool(WEEKDAY.search(line))
    )
    return lead_marks <= 1


def title_case_share(words: list[str]) -> float:
    """The share of words after the first that open with a capital: headline style writes
    most words so ("Hit Piece Exploits Trump Supporter Who Was in a Hospital"), prose only
    names."""
    rest = [w.lstrip("\"'“‘(") for w in words[1:]]
    rest = [w for w in rest if w[:1].isalpha()]
    return sum(w[0].isupper() for w in rest) / len(rest) if len(rest) >= TITLE_CASE_MIN else 0.0


def first_line_stands_alone(raw: str, units: list[str]) -> bool:
    """The first unit is the text's whole first line, and paragraphs are set apart by blank
    lines (in a text of one line per paragraph, any line stands alone: no evidence)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not units or len(BLANK_LINE.split(text)) < 2:
        return False
    return units[0].strip() == text.split("\n", 1)[0].strip()


def take_caption(units: list[str], settings: Settings) -> tuple[str | None, list[str]]:
    """The line after the title, when it is short and no body paragraph has begun."""
    for index, unit in enumerate(units):
        if is_chrome(unit) or is_metadata_line(clean_line(unit)):
            continue  # "By Jane Doe" under the title is a byline, not a picture's caption
        words = unit.split()
        followed_by_chrome = index + 1 < len(units) and is_chrome(units[index + 1])
        if len(words) <= MAX_CAPTION_WORDS and (
            not CAPTION_END.search(unit.rstrip()) or followed_by_chrome
        ):
            return unit, units[:index] + units[index + 1 :]
        return None, units
    return None, units


def parse_saved_page(
    raw: str, *, origin: Origin, settings: Settings, title: str | None = None
) -> Article:
    """The article of a saved page's text; `title`: the one the input's own field gives (a
    JSON line's), which the text then need not hold."""
    raw, removed = render_posts(raw)
    units = split_units(raw)
    if title and title.strip():
        title, units, warnings = take_given_title(units, title)
    else:
        title, units, warnings = take_title(units, stands_alone=first_line_stands_alone(raw, units))
    caption, units = take_caption(units, settings) if title else (None, units)
    blocks: list[Block] = []
    for unit, following in zip(units, [*units[1:], ""], strict=False):
        # a byline or "Published: ..." line above the body is furniture: its date and name are
        # read from `removed` (ingest/published.py)
        if is_chrome(unit) or (not blocks and is_metadata_line(clean_line(unit))):
            removed.append(Removed(kind="chrome", text=clean_line(unit)))
        elif is_heading_like(clean_line(unit), settings) and not of_a_post(unit, following):
            blocks.append(Block("heading", unit))
        else:
            blocks.append(Block("paragraph", unit))
    blocks = demote_heading_runs(blocks)
    return assemble(
        blocks, origin=origin, title=title, caption=caption, removed=removed, warnings=warnings
    )


def of_a_post(unit: str, following: str) -> bool:
    """An embedded post's words or its signature line: paragraphs, however short."""
    return any(POST_SIGNATURE.fullmatch(line.strip()) for line in (unit, following))


def demote_heading_runs(blocks: list[Block]) -> list[Block]:
    """A heading must be followed by a paragraph; two in a row: the first is a paragraph."""
    result: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "heading" and following is not None and following.kind == "heading":
            block = Block("paragraph", block.text)
        result.append(block)
    return result
