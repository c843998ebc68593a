"""A person's role written before the name as if it were part of it: 'Actress Amandla Stenberg',
'Assemblywoman Claudia Tenney', 'Kentuckian Rand Paul'.

The hand list of roles stripped from a name's front (actors.json `person_roles`, and the titles)
is short; the role catalogue (stages/roles, from WordNet) knows many more person nouns. One of
those opening a name is a role, not a given name, when the catalogue files it under people and
not also under things ("Founder", "Moderator" may be a work's or a company's word) and no
first-name catalogue knows it ("Dean Baker" stays whole), before a full name ("Major Garrett",
"Hunter Biden", "Prince Harry" stay whole: the catalogues miss some given names).

A role the article gives a person in apposition ("Vikram Amar, dean of the law school") is
that person's title when it comes back before the surname ("Dean Amar said"), though the
role word is also a given name: the name joins the one person given that role
(join_role_titles).
"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.names import Key, nicknamer, parse_person
from presslens.stages.entities.types import Group
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


def join_role_titles(groups: dict[Key, Group], doc: Doc) -> None:
    """'Dean Amar' joins 'Vikram Amar, dean of ...': a two-word name whose first word is a
    person's role joins the one person of the same surname the article gives that role in
    apposition."""
    for key in [k for k in groups if not k[1] and k[0].count(" ") == 1]:
        role, surname = key[0].split(" ")
        if load_roles().kind(role.lower()) != "PERSON":
            continue
        holders = [
            name
            for (name, gender), group in groups.items()
            if not gender and name != key[0] and surname_of(name) == surname
            if given_role(group, role.lower(), doc)
        ]
        if len(holders) == 1:
            groups[(holders[0], "")].absorb(groups.pop(key))


def given_role(group: Group, role: str, doc: Doc) -> bool:
    """Whether a mention of the group has the role noun in apposition."""
    return any(apposed_role(doc, span.start, span.end) == role for span in group.spans)


def surname_of(name: str) -> str:
    parts = parse_person(name) if " " in name else None
    return parts.last if parts is not None else ""


def apposed_role(doc: Doc, start: int, end: int) -> str:
    """The lower-cased role noun in apposition to a mention ("dean" of "Vikram Amar, dean of
    the law school"), or ''."""
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None:
        return ""
    found = [c for c in tokens.root.children if c.dep_ == "appos"]
    return found[0].lemma_.lower() if found else ""
