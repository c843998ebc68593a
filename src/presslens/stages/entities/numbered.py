"""A word the tagger read as a person's name inside a numbered document's name: "House Bill
1523", "Senate Bill 6". A one-word PERSON mention between a capitalised word and a number names
a law or a paper, not a person: it is no mention (and so never a nickname of someone the
article names, "Bill" for a Robert). Not done: "voted against Bill 44", whose word the role
catalogue does not know for a document's."""

from __future__ import annotations

import re

from presslens.stages.entities.mentions import Mention

CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.]*\s$")
NUMBER_AFTER = re.compile(r"\s(?:No\.\s?)?\d")


def in_numbered_name(text: str, mention: Mention) -> bool:
    span = mention.span
    if mention.label != "PERSON" or " " in mention.name:
        return False
    before = text[max(0, span.start - 30) : span.start]
    after = text[span.end : span.end + 6]
    return bool(CAPITALISED_BEFORE.search(before) and NUMBER_AFTER.match(after))


def without_numbered_names(text: str, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not in_numbered_name(text, m)]
