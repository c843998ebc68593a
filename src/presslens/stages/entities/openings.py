"""A common word opening a sentence that the tagger took for a name (issue 16, "actors"):
"Struggle is needed to overthrow ...", "Morale has suffered, employees say", "Inexperience
doesn't cut it". The tagger calls the word a proper noun, and the article never writes it in
lower case, so junk.common_word_opening keeps it; but the word is an abstract noun of WordNet's
(an act, a state, a feeling, an idea: resources/abstract_nouns.txt) that WordNet never writes
capitalised, one surface, every mention opening a sentence, under no title, no platform, outlet
or known first name: no one's name.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from presslens.nlp.firstnames import known_first_name
from presslens.resources import parse_sections, read_text
from presslens.stages.entities.junk import opens_sentence
from presslens.stages.entities.retype import outlet_named
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import Group, mention_tokens


@functools.cache
def abstract_nouns() -> frozenset[str]:
    return frozenset(parse_sections(read_text("abstract_nouns.txt"), ("noun",), "nouns")["noun"])


def abstract_word_opening(group: Group, doc: Doc) -> bool:
    """Whether every mention of the one-word name is an abstract noun opening a sentence."""
    name = group.name
    if " " in name or len(group.surfaces) > 1 or name.isupper() or not name[:1].isupper():
        return False
    if group.person or group.titles or group.genders or group.gender:
        return False
    if name.lower() not in abstract_nouns() or known_first_name(name):
        return False
    if name in rules().platforms or outlet_named(name):
        return False
    for span in group.spans:
        tokens = mention_tokens(doc, span)
        if tokens is None or len(tokens) != 1 or not opens_sentence(tokens[0]):
            return False
    return True
