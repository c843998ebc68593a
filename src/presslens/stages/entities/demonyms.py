"""Names made of other people's surnames: one that is also a nationality ("Mark Cuban ...
Cuban said" is the person) and two people's joined by a hyphen ("the Obama-Clinton foreign
policy" is no one).

The tagger reads a lone "Cuban" (or "English", "German", "French") as a nationality (NORP), so
the person's later mentions went to the article's group words and his quotes had no actor. A
one-word group word that is the surname of exactly one person named in full in the article,
and that the article mostly uses as a noun ("Cuban said", not "Cuban immigrants"), is that
person.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from presslens.stages.entities.names import Key
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import (
    ACTS,
    SUBJECTS,
    Group,
    actor_type,
    every_mention,
    is_country,
)
from presslens.stages.places import of_nationality
from presslens.stages.roles import load_roles


def join_surnames(groups: dict[Key, Group]) -> None:
    """Fold each such group word into its person (its votes counted as the person's)."""
    people: dict[str, list[Key]] = {}
    for key, group in groups.items():
        words = key[0].split()
        if len(words) >= 2 and actor_type(group) == "PERSON":
            people.setdefault(words[-1], []).append(key)
    for key in [k for k in groups if " " not in k[0] and k[0] in people]:
        group = groups[key]
        if group.labels.most_common(1)[0][0] != "NORP" or 2 * group.adjectives >= len(group.spans):
            continue  # mostly "Cuban exiles", "English voters": the group word
        owners = people[key[0]]
        if len(owners) != 1:
            continue  # two people of that surname: no telling
        group.labels = Counter({"PERSON": sum(group.labels.values())})
        groups[owners[0]].absorb(groups.pop(key))


JOINED = re.compile(r"[A-Z][\w'’]+(?:-[A-Z][\w'’]+)+")


def drop_joined_surnames(groups: dict[Key, Group]) -> None:
    """'the Obama-Clinton foreign policy', 'the Trump-Pence ticket': each part is the surname of
    another person of the article, so the whole names no one."""
    surnames = {
        key[0].split()[-1]
        for key, group in groups.items()
        if actor_type(group) == "PERSON" and "-" not in key[0]
    }
    for key in [k for k in groups if JOINED.fullmatch(k[0])]:
        parts = key[0].split("-")
        if len(set(parts)) == len(parts) and all(part in surnames for part in parts):
            groups.pop(key)


def joined_names_describing(group: Group, doc: Doc) -> bool:
    """'the Obama-Clinton disaster', 'the 2010 Dodd-Frank financial rules': names joined by a
    hyphen, every mention of which qualifies a noun for a thing (no person's or body's noun:
    "Hewlett-Packard executives" are a company's), name a policy, a law or an era after people
    the article need not name, and no one."""
    return bool(JOINED.fullmatch(group.name)) and every_mention(group, doc, qualifies_a_thing)


def qualifies_a_thing(root: Token) -> bool:
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or head.pos_ != "NOUN" or head.i < root.i:
        return False
    return load_roles().kind(head.lemma_.lower()) is None


def nations_acting(groups: dict[Key, Group], doc: Doc) -> None:
    """'the Saudi government has denied ...', 'Mexican officials said', 'members of the Saudi
    government, which has denied ...': a nationality before
    a public body's noun (actors.json "institutions") that acts makes the country the article
    names act through that body, as "Tulsa police released ..." makes Tulsa act."""
    countries = [g for g in groups.values() if is_country(g)]
    for group in [g for g in groups.values() if countries and actor_type(g) == "NORP"]:
        if any(body_acting(doc, span.start, span.end) for span in group.spans):
            for country in countries:
                if of_nationality(country.name, group.name):
                    country.acting += ACTS


def body_acting(doc: Doc, start: int, end: int) -> bool:
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1 or tokens.root.dep_ not in ("amod", "compound"):
        return False
    body = tokens.root.head
    if body.lemma_.lower() not in rules().institutions:
        return False
    return body.dep_ in SUBJECTS or any(acting_clause(c) for c in body.children)


def acting_clause(clause: Token) -> bool:
    """'the Saudi government, which has strongly denied ...': a relative clause whose subject
    is the relative pronoun standing for the body."""
    if clause.dep_ != "relcl":
        return False
    return any(c.dep_ in SUBJECTS and c.lower_ in ("which", "that", "who") for c in clause.children)
