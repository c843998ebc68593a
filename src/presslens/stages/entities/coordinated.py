"""Two names the tagger read as one across "and" or a hyphen (issue 16, "one actor per ...
organisation").

"streamed on Hulu and Ora's site", "a work of Cornell and Technion", "Braynard and Chrabaszcz
signed": the small tagger makes one organisation of the pair, which then takes the second name's
mentions ("Ora" is read as the surname of "Hulu and Ora") and keeps them apart from their own
actor ("Ora Media"). A name is cut at its "and" into two names when the parse coordinates them
(the word after "and" is a conjunct of the name's head, the word before it: not "Rock and Roll
Hall of Fame", "Office of Management and Budget", "Immigration and Customs Enforcement"), both
halves are proper nouns only (not "Priorities USA Action and Correct the Record", whose "Correct"
is a verb), and the article names one half on its own: another mention is that half, opens with
it ("Ora Media") or ends with it ("Matt Braynard"). A couple's name ("Bill and Melinda Gates
Foundation": a given name, "and", a given name) is never cut.

A joint poll's name joins its two sponsors with a hyphen ("a new Washington Post-ABC News poll",
"an Associated Press-GfK poll"): the tagger's one name then keeps them apart from the Post named
alone. It is cut likewise when one half is named alone, each half is of two words or more or
written with two capitals or more ("GfK"), one of them of two words or more, and neither is a
place ("University of Nevada-Las Vegas" is one campus; "AFL-CIO", "Dodd-Frank", "Agence
France-Presse" are one name each).

(extents.joint_parts, inside find_mentions, already cuts a pair whose halves both end with
surnames of the article's people, "Petraeus and Panetta", without the parse; this step reads
the parse and takes any name of the article as the evidence.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.mentions import Mention
from presslens.stages.entities.types import mention_tokens
from presslens.stages.places import load_places

SPONSORS = re.compile(r"([A-Z][^-]*[a-zA-Z])-([A-Z][^-]*)")  # one hyphen between two names


def pairs_cut(mentions: Sequence[Mention], doc: Doc, text: str) -> list[Mention]:
    """`mentions` with each name that coordinates two names of the article cut in two."""
    found: list[Mention] = []
    for mention in mentions:
        halves = halves_of(mention, doc, text) or sponsors_of(mention, text)
        if halves and any(named_alone(half.name, mention, mentions) for half in halves):
            found.extend(halves)
        else:
            found.append(mention)
    return found


def halves_of(mention: Mention, doc: Doc, text: str) -> tuple[Mention, Mention] | None:
    """The two names a mention coordinates, or None."""
    if " and " not in mention.name or mention.label == "PERSON":
        return None
    words = mention_tokens(doc, mention.span)
    if words is None or text[mention.span.start : mention.span.end] != mention.name:
        return None
    joint = next((t for t in words if t.lower_ == "and" and t.dep_ == "cc"), None)
    if joint is None or not coordinated(words, joint.i - words.start):
        return None
    first, second = words[: joint.i - words.start], words[joint.i - words.start + 1 :]
    if len(first) == 1 and known_first_name(first.text) and known_first_name(second[0].text):
        return None  # "Bill and Melinda Gates Foundation": a couple's name
    return half(mention, first), half(mention, second)


def sponsors_of(mention: Mention, text: str) -> tuple[Mention, Mention] | None:
    """The two names a hyphen joins in a joint poll's name ("Washington Post-ABC News",
    "Associated Press-GfK"), or None: each half of two words or more, or written with two
    capitals or more ("GfK"), one of them of two words or more, neither a place; not
    "Dodd-Frank", "Hewlett-Packard", "Agence France-Presse", "AFL-CIO", "University of
    Nevada-Las Vegas"."""
    name, start = mention.name, mention.span.start
    match = SPONSORS.fullmatch(name)
    if match is None or mention.label == "PERSON" or text[start : start + len(name)] != name:
        return None
    halves = (match.group(1), match.group(2))
    if not all(" " in h or sum(c.isupper() for c in h) > 1 for h in halves):
        return None
    if not any(" " in h for h in halves):
        return None  # "AFL-CIO": one federation's two initialisms
    if any(load_places().kind(h) for h in halves):
        return None  # "University of Nevada-Las Vegas": a campus's place
    first = replace(mention, span=Span(start, start + len(halves[0])), name=halves[0])
    second_start = start + match.start(2)
    second = replace(mention, span=Span(second_start, start + len(name)), name=halves[1])
    return first, second


def coordinated(words: DocSpan, cut: int) -> bool:
    """Whether the words after `cut` ("and") are a conjunct of the head of those before it,
    each half proper nouns only."""
    first, second = words[:cut], words[cut + 1 :]
    if not len(first) or not len(second):
        return False
    if any(t.pos_ != "PROPN" for t in (*first, *second)):
        return False
    return second.root.dep_ == "conj" and second.root.head == first.root


def half(mention: Mention, words: DocSpan) -> Mention:
    span = Span(words.start_char, words.end_char)
    return replace(mention, span=span, name=words.text)


def named_alone(name: str, pair: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether another mention, outside the pair and not naming it again ("Procter and Gamble"
    twice), is `name`, opens with it or ends with it."""
    for other in mentions:
        if other.span.overlaps(pair.span) or pair.name in other.name:
            continue
        if other.name == name or other.name.startswith(f"{name} "):
            return True
        if other.name.endswith(f" {name}"):
            return True
    return False
