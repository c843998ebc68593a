"""Names in capitals that are terms, not bodies (issue 16, "actors").

The small tagger types many words in capitals an organisation. Two kinds are no one's, and the
text says so:

- a unit written after a number ("8.69 GW", "30-600 MW"): the figures stage's unit table
  (resources/units.json) knows it;
- an initialism the article defines by words in lower case, whose initials it is ("binge
  eating disorder (BED)", "glucagon-like peptide 1 (GLP-1)", "FIRE (financial independence,
  retire early)"): a term of the trade, a disease, a molecule. A body's initialism is defined by
  its capitalised name ("the Federal Bureau of Investigation (FBI)"), and words in lower case
  whose initials are not the initialism's define nothing ("the party (AfD)").

Never for a name the article marks as a person's (a title, a sex, a merged full name). Acting
decides nothing: a term is studied and treated ("has studied BED") as a body is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from presslens.model import Span
from presslens.stages.entities.types import Group, mention_tokens
from presslens.stages.figures.units import tables

WORD = re.compile(r"[\w']+")
BEFORE_BRACKET = re.compile(r"([^()\n]{1,80})\(\s*$")
INSIDE_BRACKET = re.compile(r"^\s*\(([^()\n]{1,80})\)")
SENTENCE_OPENING = re.compile(r"(?:[.!?:]\s+|\n\s*)$")  # on the last few characters only


def term_named(group: Group, doc: Doc, text: str) -> bool:
    """A unit after a number, or an initialism defined by lower-case words (module docstring)."""
    if group.person or group.titles or group.genders:
        return False
    if not group.name.replace("-", "").isalnum() or not group.name[:1].isupper():
        return False
    if all(unit_after_number(doc, span) for span in group.spans):
        return True
    if not bracketed(text, group.name):
        return False  # no "(BED)" nor "FIRE (": nothing defines it (a quick test first)
    return any(defined_in_lower_case(text, span) for span in occurrences(text, group.name))


def bracketed(text: str, name: str) -> bool:
    """Whether the name is written in brackets or right before an opening one somewhere."""
    return f"({name})" in text or f"{name} (" in text or f"{name}(" in text


def occurrences(text: str, name: str) -> list[Span]:
    """Every place the name is written, a mention or not: the tagger may leave the bracketed
    definition ("peptide 1 (GLP-1)") out of the mentions it finds later ("levels of GLP-1")."""
    found = re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    return [Span(m.start(), m.end()) for m in found]


def unit_after_number(doc: Doc, span: Span) -> bool:
    """ "8.69 GW": the name is a unit form and the word before it a number."""
    words = mention_tokens(doc, span)
    if words is None or len(words) != 1 or words.start == 0:
        return False
    return doc[words.start - 1].like_num and (words.text.lower(),) in tables().after


def defined_in_lower_case(text: str, span: Span) -> bool:
    """'binge eating disorder (BED)' or 'FIRE (financial independence, retire early)'."""
    letters = re.sub(r"[^a-z0-9]", "", span.of(text).lower())
    if not 2 <= len(letters) <= 8:
        return False
    window = text[max(0, span.start - 81) : span.start]
    before = BEFORE_BRACKET.search(window)
    if before and text[span.end : span.end + 1] == ")":
        # hyphens read as spaces keep every offset: "glucagon-like peptide 1" is four words
        found = list(WORD.finditer(before.group(1).replace("-", " ")))[-len(letters) :]
        preceding = window[: before.start(1) + found[0].start()] if found else ""
        prefix = text[: span.start - len(window)] + preceding
        opening = not prefix or SENTENCE_OPENING.search(prefix[-12:]) is not None
        return spells([m.group() for m in found], letters, opening)
    inside = INSIDE_BRACKET.match(text[span.end : span.end + 82])
    if inside:
        words = WORD.findall(inside.group(1).replace("-", " "))[: len(letters)]
        return spells(words, letters, False)
    return False


def spells(words: list[str], letters: str, first_may_be_capital: bool) -> bool:
    """Whether the words' initials are the letters and the words are in lower case (the first
    may be capitalised where it opens a sentence)."""
    if len(words) != len(letters) or "".join(w[0].lower() for w in words) != letters:
        return False
    rest = words[1:] if first_may_be_capital else words
    return all(not w[0].isupper() for w in rest)
