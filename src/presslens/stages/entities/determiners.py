"""Names that take "the" are no person's (issue 16, "actors of the wrong type").

A person's name takes no article: "the Gateway" (a space station), "the Derg" (a junta), "the
Bruins", "the ACLU" are things or bodies the small tagger typed as people. So a name typed a
person, under no title, that has "the" as its own determiner right before it in at least half
its mentions is an organisation's ("the Donald", a coinage, is one mention among many). Not:
- a family ("the Clintons": a capitalised word of the article with a plural's "s");
- a name opening with a person's role noun ("the Ayatollah Khomeini", "the King");
- a name WordNet's catalogue of proper nouns knows ("the Moon": proper_kinds decides it);
- a name of two or more words that are all English nouns ("the Purple Heart", "the Inside
  Story"): a thing's or a work's name, for wording.py to read as such.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from presslens.stages.entities.names import Key
from presslens.stages.entities.proper_kinds import catalogued
from presslens.stages.entities.types import Group, actor_type, mention_tokens
from presslens.stages.entities.wording import english_words
from presslens.stages.roles import load_roles

WORD = re.compile(r"\b[A-Z][a-z]+\b")


def retype_definite(groups: dict[Key, Group], doc: Doc) -> None:
    """Relabel an organisation's each name typed a person's that takes "the" (module
    docstring)."""
    surnames = {name.split()[-1] for name, _ in groups}  # "Clinton", "Hillary Clinton"
    surnames |= set(WORD.findall(doc.text))  # "Clinton" of "the Clinton campaign", untagged
    for (name, gender), group in groups.items():
        if gender or group.titles or group.genders or actor_type(group) != "PERSON":
            continue
        if group.labels["PERSON"] > len(group.spans):
            continue  # a person's role word was seen ("adviser Dugin")
        if not person_free(name, surnames) or not definite(group, doc):
            continue
        group.labels = Counter({"ORG": sum(group.labels.values())})


def person_free(name: str, surnames: set[str]) -> bool:
    """Whether nothing in the name itself says a person or a thing (module docstring)."""
    words = name.split()
    if load_roles().kind(words[0].lower()) == "PERSON" or catalogued(name) is not None:
        return False
    if name.endswith("s") and (name[:-1] in surnames or name[:-2] in surnames):
        return False  # "the Clintons", "the Bushes"
    return len(words) == 1 or not english_words(words)


def definite(group: Group, doc: Doc) -> bool:
    """Whether "the" stands right before the name, its own determiner, in at least half its
    mentions."""
    found = 0
    for span in group.spans:
        tokens = mention_tokens(doc, span)
        if tokens is None or tokens.start == 0:
            continue
        before = doc[tokens.start - 1]
        found += before.lower_ == "the" and before.dep_ == "det" and before.head == tokens.root
    return 2 * found >= len(group.spans)
