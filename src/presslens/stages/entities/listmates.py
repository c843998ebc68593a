"""A name typed by the names it is listed with (issue 16, "actors").

The small tagger types a name of a list apart from its neighbours: "Egypt, Jordan and Syria"
(Jordan PERSON), "Newport News and Norfolk" (Newport News ORG), "Huntsville and Decatur"
(Huntsville PERSON). A list names things of one kind, so a name the tagger called a person or
an organisation, that the gazetteer (or WordNet's catalogue of places) knows, listed only
beside names the tagger called places, is a place name: it stays an actor only where it acts.
(The other way, "alongside Bolsonaro, Orban, Modi" with Modi GPE, was tried and left: no
invented text made the tagger type a listed surname a place.)

Likewise a full name of two or three words the tagger called an organisation or a place,
listed only beside names it called people ("Patrik Laine and Nikolaj Ehlers scored", Ehlers
ORG; "Ivana Jelić and Pavle Petrović", Petrović GPE), is a person's: the small model knows
few first names from outside the English-speaking world. Not for a name with a body's head or
legal form, an outlet's, a place's or a catalogued name, and only for the subjects of a
clause: "a loan from Goldman Sachs and Donald Trump about bankruptcies" (a misparse) joins a
bank and a person in one list.

Never for a name the article marks as a person's (a title, a sex, a merged full name).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from presslens.model import Span
from presslens.stages.entities.proper_kinds import catalogued
from presslens.stages.entities.retype import outlet_named
from presslens.stages.entities.types import Group, actor_type, mention_tokens, organisation_named
from presslens.stages.places import load_places

PLACES = frozenset({"GPE", "LOC"})
BODIES = frozenset({"PERSON", "ORG"})


def retype_by_listmates(group: Group, doc: Doc) -> None:
    """Relabel the group a place by the names listed with it (module docstring)."""
    if group.person or group.titles or group.genders or group.gender:
        return
    if actor_type(group) not in BODIES:
        return
    if load_places().kind(group.name) is None and catalogued(group.name) != "location":
        return
    mates = {label for span in group.spans for label in listed_labels(doc, span)}
    if mates and mates <= PLACES:
        group.labels = Counter({"GPE": sum(group.labels.values())})  # "Egypt, Jordan and Syria"


def retype_people_by_listmates(group: Group, doc: Doc) -> None:
    """Relabel a full name a person's by the people listed with it (module docstring)."""
    words = group.name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return
    if actor_type(group) not in PLACES | {"ORG", "FAC"} or group.titles:
        return
    if organisation_named(group.name) or outlet_named(group.name) or catalogued(group.name):
        return
    if load_places().kind(group.name) is not None:
        return
    if not all(listed_subject(doc, span) for span in group.spans):
        return
    mates = [label for span in group.spans for label in listed_labels(doc, span)]
    if mates and set(mates) == {"PERSON"} and all(listed_labels(doc, s) for s in group.spans):
        group.labels = Counter({"PERSON": sum(group.labels.values())})


def listed_subject(doc: Doc, span: Span) -> bool:
    """Whether the mention is in a list of a clause's subjects ("A and B scored")."""
    tokens = mention_tokens(doc, span)
    if tokens is None:
        return False
    first = tokens.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.dep_ in ("nsubj", "nsubjpass")


def listed_labels(doc: Doc, span: Span) -> list[str]:
    """The tagger's labels of the other names in the list the mention is part of: by the
    parse (conjuncts), or by the text (names joined by commas and "and", which the parse may
    read as appositions: "Bolsonaro, Orban, Modi")."""
    tokens = mention_tokens(doc, span)
    if tokens is None:
        return []
    own = set(range(tokens.start, tokens.end))
    first = tokens.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [t for t in conjuncts(first) if t.i not in own]
    labels = [t.ent_type_ for t in members if t.ent_type_]
    return labels or written_list(doc, tokens.start, tokens.end)


def conjuncts(first: Token) -> list[Token]:
    """The first member of a list and every conjunct after it ("Egypt, Jordan and Syria")."""
    found, waiting = [], [first]
    while waiting:
        token = waiting.pop()
        found.append(token)
        waiting.extend(child for child in token.children if child.dep_ == "conj")
    return found


def written_list(doc: Doc, start: int, end: int) -> list[str]:
    """The labels of the names written before and after the mention as one list ("A, B and
    C", "A and B"); a list of two needs its "and" or "or" ("In Paris, Roe said" is none)."""
    labels, joined = [], False
    for step in (-1, 1):
        at = start if step < 0 else end - 1
        while True:
            gap, words = next_name(doc, at, step)
            if gap is None:
                break
            joined = joined or bool(words & JOINS)
            labels.append(doc[gap].ent_type_)
            at = entity_edge(doc, gap, step)
    return labels if labels and (joined or len(labels) >= 2) else []


JOINS = frozenset({"and", "or"})
SEPARATORS = frozenset({",", "and", "or"})


def next_name(doc: Doc, at: int, step: int) -> tuple[int | None, set[str]]:
    """The token of the next name beyond one or two separators, and the separators."""
    words: set[str] = set()
    i = at + step
    while 0 <= i < len(doc) and doc[i].lower_ in SEPARATORS and len(words) < 2:
        words.add(doc[i].lower_)
        i += step
    if not words or not 0 <= i < len(doc) or not doc[i].ent_type_:
        return None, words
    return i, words


def entity_edge(doc: Doc, i: int, step: int) -> int:
    """The first (going left) or last (going right) token of the name at `i`."""
    while 0 <= i + step < len(doc) and doc[i + step].ent_iob_ == "I" and step > 0:
        i += step
    while step < 0 and doc[i].ent_iob_ == "I" and i > 0:
        i -= 1
    return i
