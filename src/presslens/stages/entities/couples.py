"""Whether a lone given name before "and" and a full name shares that name's surname.

"Bill and Melinda Gates", "Hillary and Bill Clinton" are two people of one family. "Hillary and
Tim Kaine" (Hillary Clinton, named elsewhere in full), "Hillary and Huma Abedin", "JFK and Bill
Clinton", "Biden and Susan Rice" are not: the lone word must be a given name the catalogues
know, and not the given name of the one other person the article names with it when the article
writes that person's surname more often than the full name's (Hillary Clinton beside Tim Kaine).
A given name several others bear, or a lesser one's, shares the surname ("David and Charles Koch"
beside a David Friedman quoted once, "Bill and Melinda Gates" beside Bill Ackman and Bill de
Blasio).

A partner's full name the tagger left out ("James and Olive Meehan": only "James" tagged) is read
here too (`untagged_partners`), so that the pair shares the surname and Olive is a person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.nlp.columns import ents_of
from presslens.stages.entities.names import common_noun, given_name
from presslens.stages.roles import load_roles


def shares_surname(doc: Doc, lone: str, full: DocSpan) -> bool:
    """Whether `lone` ("Hillary") before "and" and `full` ("Tim Kaine") is one of a family."""
    if not lone[:1].isupper() or not lone[1:].islower() or not given_name(lone):
        return False  # "JFK", "Biden": a surname or an acronym, not a given name
    surname = full[-1].text
    others = {holder for ent in ents_of(doc) if (holder := surname_after(ent, lone))} - {surname}
    if len(others) != 1:
        return True  # "Bill and Melinda Gates" beside Bill Ackman and Bill de Blasio
    return written(doc, next(iter(others))) <= written(doc, surname)


def written(doc: Doc, word: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", doc.text))


def surname_after(ent: DocSpan, given: str) -> str:
    """The last capitalised word of a name opening with `given` ("Clinton" of "Hillary Rodham
    Clinton", of "Hillary Clinton's campaign"), or ''."""
    if len(ent) < 2 or ent[0].text != given:
        return ""
    words = [t.text for t in ent[1:] if t.is_alpha and t.text[:1].isupper()]
    return words[-1] if words else ""


def untagged_partners(doc: Doc) -> list[DocSpan]:
    """Full names the tagger left out beside a person it tagged, joined to that person by "and":
    in "my parents, James and Olive Meehan" only "James" is tagged, and "Meehan" then went to the
    author, Charlotte Meehan. The conjunct must be an untagged proper noun of two or three words
    in title case whose first is a given name the catalogues know; each is typed PERSON."""
    found: list[DocSpan] = []
    for ent in ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        for token in ent.root.conjuncts:
            name = untagged_name(token)
            if name is not None and all(name.start != other.start for other in found):
                found.append(name)
    return sorted(found, key=lambda span: span.start)


def untagged_name(head: Token) -> DocSpan | None:
    """The proper noun `head` with the proper nouns compounded onto it before it, as a person's
    name, when the tagger put no word of it in an entity and it opens with a given name."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == head:
        start -= 1
    words = doc[start : head.i + 1]
    if not 2 <= len(words) <= 3 or any(t.ent_type_ or t.pos_ != "PROPN" for t in words):
        return None
    if not all(t.is_alpha and t.is_title for t in words) or not given_name(words[0].text):
        return None
    last = words[-1].text
    if common_noun(last) and load_roles().kind(last.lower()) != "PERSON":
        return None  # "Wall Street", "the Cleveland Convention"; not "Jim Baker"
    return DocSpan(doc, words.start, words.end, label="PERSON")


def partner_after(ent: DocSpan) -> DocSpan | None:
    """The name after "and" after `ent`: the tagger's entity there, or an untagged partner."""
    doc, start = ent.doc, ent.end + 1
    tagged = next((other for other in ents_of(doc) if other.start == start), None)
    if tagged is not None:
        return tagged
    return next((name for name in untagged_partners(doc) if name.start == start), None)
