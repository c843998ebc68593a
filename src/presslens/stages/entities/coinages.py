"""Names coined with a combining ending that says what they are (issue 16, "actors").

English makes new names of scandals, departures and health plans with a fixed ending (a
"libfix"): "Watergate" gave "-gate" ("Bridgegate", "Russiagate"), "Brexit" gave "-exit"
("Grexit"), "Medicare" and "Obamacare" give "-care" ("Trumpcare", "Hillarycare"). The tagger
types such a word a person or an organisation ("Brexit" PERSON, "Obamacare" ORG); it is an
event or a programme, no actor. Newer than WordNet, so proper_kinds' catalogue lacks them.

- "-gate": the word before the ending is an English noun, a place or a name of the article
  ("Bridge", "Water", "Russia"; not "Dele" of "Delegate"), and the whole is no town
  ("Margate", "Harrogate");
- "-exit": any capitalised stem ("Brexit", "Grexit");
- "-care": the stem is a word of another name of the article or a known first name ("Obama"
  of Barack Obama or of the Obama administration, "Hillary"), so a company named so
  ("Omnicare", "UnitedHealthcare") stays.

Never for a name the article marks as a person's (a title, a sex, a merged full name).
"""

from __future__ import annotations

import functools
import re

from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.names import Key
from presslens.stages.entities.openings import abstract_nouns
from presslens.stages.entities.types import Group
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

COINED = re.compile(r"([A-Z][a-z]+)(gate|exit|care)")


@functools.cache
def english_nouns() -> frozenset[str]:
    """The nouns of the role catalogue (people, bodies, things, works) and the abstract ones."""
    return frozenset().union(*load_roles().wide.values(), abstract_nouns())


def coined(group: Group, groups: dict[Key, Group]) -> bool:
    """Whether the one-word name is a scandal, a departure or a plan coined with a libfix."""
    found = COINED.fullmatch(group.name)
    if found is None or group.person or group.titles or group.genders or group.gender:
        return False
    stem, ending = found.groups()
    if ending == "exit":
        return True
    if ending == "care":
        return known_first_name(stem) or stem in name_words(groups)
    places = load_places()
    if places.kind(group.name) is not None:
        return False  # "Margate", "Harrogate": towns
    known = stem.lower() in english_nouns() or places.kind(stem) is not None
    return known or stem in name_words(groups)


def name_words(groups: dict[Key, Group]) -> set[str]:
    """The words of the article's other names: "Obama" of "Barack Obama" or of "the Obama
    administration"."""
    return {word for group in groups.values() for word in group.name.split()}
