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

from presslens.stages.entities.names import Key
from presslens.stages.entities.types import Group, actor_type


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
