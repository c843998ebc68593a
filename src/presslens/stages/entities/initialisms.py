"""A name that only ever qualifies people is a group word (issue 16, "actors").

"LGBT parents", "the LGBTQ community", "Trump's MAGA movement", "schools in Black and Brown
communities", "the Stop Trump movement": the tagger types the words an organisation, but they
say what the people are, as "Republican voters" or "Muslim parents" do; no body of that name
acts. An organisation's name qualifies people by their tie to it ("FBI agents", "NATO allies",
"CNN anchor", "Hampton University student"), or acts somewhere in the article ("the FBI said").

So a name every mention of which qualifies a noun for people at large (actors.json
"people_nouns": "people", "parents", "community", "movement") is a group word; never a person's
name (a title, a sex, a merged full name, or typed PERSON unless written in capitals), a name
with an organisation's or an event's head ("Green Party", "2nd Amendment"), a name the canonical
table knows ("GOP" is the Republican Party), a platform or an outlet.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.stages.entities.retype import outlet_named
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import Group, actor_type, every_mention, organisation_named
from presslens.stages.entities.works import names_a_work

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def describes_people(group: Group, doc: Doc) -> bool:
    """Whether every mention of the name qualifies a noun for people at large."""
    name = group.name
    letters = name.replace("-", "")
    if len(letters) < 2 or group.person or group.titles or group.genders:
        return False
    if not (letters.isalpha() and letters.isupper()) and actor_type(group) == "PERSON":
        return False
    if organisation_named(name) or names_a_work(name):
        return False  # "Hampton University student", "2nd Amendment people"
    if name.casefold() in rules().canonical or name in rules().platforms or outlet_named(name):
        return False
    return every_mention(group, doc, qualifies_people)


def qualifies_people(word: Token) -> bool:
    head = word.head
    return (
        word.dep_ in MODIFIER_DEPS
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in rules().people_nouns
    )
