"""A person's role written before the name as if it were part of it: 'Actress Amandla Stenberg',
'Assemblywoman Claudia Tenney', 'Kentuckian Rand Paul'.

The hand list of roles stripped from a name's front (actors.json `person_roles`, and the titles)
is short; the role catalogue (stages/roles, from WordNet) knows many more person nouns. One of
those opening a name is a role, not a given name, when the catalogue files it under people and
not also under things ("Founder", "Moderator" may be a work's or a company's word) and no
first-name catalogue knows it ("Dean Baker" stays whole), before a full name ("Major Garrett",
"Hunter Biden", "Prince Harry" stay whole: the catalogues miss some given names).
"""

from __future__ import annotations

from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.names import nicknamer
from presslens.stages.roles import load_roles

NOT_IN_NAMES = {"of", "for", "and", "the", "to", "&"}  # small words of a body's name


def role_before_name(lowered: str) -> bool:
    """Whether a lower-cased name opens with a person's role that is no given name, before a
    full name of its own ("actress amandla stenberg"; not "hunter biden", "prince harry", whose
    first word may be a given name the catalogues miss, nor "hunter s. thompson")."""
    words = lowered.split(" ")
    if len(words) < 3 or len(words[1].rstrip(".")) < 2:
        return False
    roles = load_roles()
    if roles.kind(words[1]) or roles.kind(words[1].removesuffix("s")):
        return False  # "National Nurses United": a common noun follows, no given name
    if len(words) > 4 or any(w in NOT_IN_NAMES for w in words) or roles.kind(words[-1]):
        return False  # "National Diversity Coalition for Trump": a body's name
    return role_word(words[0])


def role_word(lowered: str) -> bool:
    """Whether a lower-cased word is a person's role and no given name."""
    roles = load_roles()
    if roles.kind(lowered) != "PERSON" or roles.thing(lowered):
        return False
    if known_first_name(lowered.title()) or nicknamer().canonicals_of(lowered):
        return False
    return not nicknamer().nicknames_of(lowered)
