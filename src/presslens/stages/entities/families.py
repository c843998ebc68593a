"""A family named by its surname in the plural ("the Clintons", "the Kochs", "the Khans"; issue
16, "actors"): a group word, not a person. The tagger types it PERSON, ORG or even GPE; it is
one word, the surname of a person of the article with an "s" (or "es": "the Bushes"), never
under a title, and no place the gazetteer knows ("the Philippines").

A family named by a person's surname before the noun ("the Ricketts family will donate", "the
Khan family") is not that person either: the tagger tags the surname alone, which then went to
the person (`families_named`); it is named "Ricketts family" and kept as an organisation, as a
family that gives, sues or answers acts as one body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from presslens.model import Span
from presslens.stages.entities.mentions import Mention
from presslens.stages.entities.names import Key
from presslens.stages.entities.types import Group, actor_type
from presslens.stages.places import load_places

ENDINGS = ("es", "s")
FAMILY_NOUN = re.compile(r" famil(?:y|ies)\b")  # "the Ricketts family", "the Bush families"


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


def families_named(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """`mentions` with each surname of a person of the article written before "family" ("the
    Ricketts family will donate $1 million") read as the family, an organisation of its own, not
    the person: its mention covers the noun too. Not a place's name ("a Detroit family")."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.name}
    return [family_of(mention, text, surnames) or mention for mention in mentions]


def family_of(mention: Mention, text: str, surnames: set[str]) -> Mention | None:
    """The family a surname mention names with the noun after it, or None."""
    start, end = mention.span.start, mention.span.end
    noun = FAMILY_NOUN.match(text, end)
    if noun is None or mention.name not in surnames or text[start:end] != mention.name:
        return None
    family = Span(start, noun.end())
    return Mention(span=family, name=family.of(text), label="ORG", acting=mention.acting)
