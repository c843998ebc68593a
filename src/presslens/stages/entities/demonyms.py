"""A surname that is also a nationality: "Mark Cuban ... Cuban said" is the person.

The tagger reads a lone "Cuban" (or "English", "German", "French") as a nationality (NORP), so
the person's later mentions went to the article's group words and his quotes had no actor. A
one-word group word that is the surname of exactly one person named in full in the article,
and that the article mostly uses as a noun ("Cuban said", not "Cuban immigrants"), is that
person.
"""

from __future__ import annotations

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
