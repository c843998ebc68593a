"""An initialism that only ever qualifies people is a group word (issue 16, "actors").

"LGBT parents", "the LGBTQ community", "Trump's MAGA movement": the tagger types the letters an
organisation, but they say what the people are, as "Republican voters" or "Muslim parents" do;
no body of that name acts. An organisation's initialism qualifies people by their tie to it
("FBI agents", "NATO allies", "CNN anchor"), or acts somewhere in the article ("the FBI said").

So a name in capitals, every mention of which qualifies a noun for people at large
(actors.json "people_nouns": "people", "parents", "community", "movement"), is a group word;
never a name the canonical table knows ("GOP" is the Republican Party), a platform or an outlet.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.stages.entities.retype import outlet_named
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import Group

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def describes_people(group: Group, doc: Doc) -> bool:
    """Whether every mention of the capitals name qualifies a noun for people at large."""
    name = group.name
    letters = name.replace("-", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return False
    if name.casefold() in rules().canonical or name in rules().platforms or outlet_named(name):
        return False
    for span in group.spans:
        words = doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None or not qualifies_people(words.root):
            return False
    return bool(group.spans)


def qualifies_people(word: Token) -> bool:
    head = word.head
    return (
        word.dep_ in MODIFIER_DEPS
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in rules().people_nouns
    )
