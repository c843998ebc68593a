"""A family named by its surname in the plural ("the Clintons", "the Kochs", "the Khans"; issue
16, "actors"): a group word, not a person. The tagger types it PERSON, ORG or even GPE; it is
one word, the surname of a person of the article with an "s" (or "es": "the Bushes"), never
under a title, and no place the gazetteer knows ("the Philippines")."""

from __future__ import annotations

from presslens.stages.entities.names import Key
from presslens.stages.entities.types import Group, actor_type
from presslens.stages.places import load_places

ENDINGS = ("es", "s")


def family_named(name: str, group: Group, groups: dict[Key, Group]) -> bool:
    """Whether the one-word name is the plural of a surname of the article's people."""
    if " " in name or len(name) < 4 or not name.endswith("s") or not name[0].isupper():
        return False
    if group.person or group.titles or group.gender or load_places().kind(name) is not None:
        return False
    surnames = {
        key[0].split()[-1]
        for key, other in groups.items()
        if " " in key[0] and (other.person or actor_type(other) == "PERSON")
    }
    return any(name.endswith(end) and name[: -len(end)] in surnames for end in ENDINGS)
