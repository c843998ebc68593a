"""Buildings that stand for an office, and broadcasts named with their network (issue 16,
"actors").

- A name of two or more words headed by a building's noun (WordNet's most frequent sense, as
  resources/role_nouns.txt keeps it: "House", "Tower", "Palace"; not a body's noun) is the
  body that sits there only where it acts or speaks ("the White House said", "White House
  officials", "the White House's plan", "criticized the White House", "Budget Office Director
  Jane Roe"). Named only as a goal, a prize or a place, at least once as what one goes for,
  into or out of ("his bid for the White House", "locked out of the White House", "candidates
  seeking the White House", "in the Oval Office"), it is the office or the building: a place,
  not an actor. A body's name ending with such a noun ("Government Accountability Office",
  actors.json body_heads) or only ever before another noun ("a Freedom House report") stays.
- A name right after a broadcaster's possessive ("NBC's Meet the Press", "CBS' Face the
  Nation", "Fox News' The Kelly File") every time it is named is the network's programme, a
  work, not an actor; a person's name there is the network's journalist ("CNN's Jake Tapper",
  owner_and_person in labels.py) and stays.
- A word that is an English noun, never named but under the title "Miss" ("former Miss
  Universe Alicia Machado", "the Miss Universe pageant") is a pageant's crown, no one's name;
  a woman named "Miss Roe" has a surname no noun catalogue holds, or her full name merges.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.coinages import english_nouns
from presslens.stages.entities.retype import media_names, outlet_named
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import (
    ACTS,
    Group,
    acting,
    actor_type,
    mention_tokens,
    organisation_named,
)
from presslens.stages.roles import load_roles

# "NBC's ", "Fox News' ", "CBS’ ", "ABC News's the ": an owner's name and its possessive, closing
# the text before a name
OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}) ?['’]s? (?:[Tt]he )?$")
REACH = 60  # characters looked back over for the owner
# verbs whose object is an office sought, won or held: "seeking the White House"
GOAL_VERBS = frozenset(
    {"seek", "win", "lose", "keep", "hold", "retake", "reclaim", "occupy", "capture", "regain"}
)
SOUGHT = frozenset({"for", "of", "to", "into", "in", "at", "inside", "from"})  # "bid for", "out of"


def seat_named(group: Group, doc: Doc) -> bool:
    """Whether a building's name is only ever the office or the place, never the body acting
    (see the module's docstring)."""
    words = group.name.split()
    if len(words) < 2 or group.person or group.titles or group.genders:
        return False
    if actor_type(group) == "PERSON" or organisation_named(group.name):
        return False
    roles = load_roles()
    head = words[-1].lower()
    if not roles.structure(head) or roles.kind(head) is not None or words[-1] in rules().body_heads:
        return False  # "Government Accountability Office": a body's name
    if not any(sought(doc, span) for span in group.spans):
        return False  # "a Freedom House report": a body's name before a noun, no office
    return not any(acts(doc, span) for span in group.spans)


def sought(doc: Doc, span: Span) -> bool:
    """Whether the mention is what one goes for, into or out of ("a bid for the White House",
    "locked out of the White House", "to enter the Oval Office", "in the Oval Office")."""
    tokens = mention_tokens(doc, span)
    if tokens is None:
        return False
    root = tokens.root
    if root.dep_ == "dobj":  # "enter", "visit"; "seek", "win"
        return root.head.lemma_.lower() in rules().place_verbs | GOAL_VERBS
    return root.dep_ == "pobj" and root.head.lower_ in SOUGHT


def acts(doc: Doc, span: Span) -> bool:
    """Whether the mention at `span` acts or speaks as a body would (types.acting: a subject,
    an agent, an owner, the one acted on, a partner, or the body of a role noun)."""
    tokens = mention_tokens(doc, span)
    if tokens is None:
        return True  # no reading: keep the actor
    root = tokens.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in GOAL_VERBS:
        return False  # "candidates seeking the White House": the office sought
    if root.dep_ == "compound" and root.head.lemma_.lower() in rules().person_roles:
        return True  # "Presidential Communications Office Secretary Jane Roe": its officer
    return acting(DocSpan(doc, tokens.start, tokens.end, label="ORG")) >= ACTS


def show_named(text: str, group: Group) -> bool:
    """Whether every mention follows a broadcaster's possessive and the name is no person's
    (no title, no role, no given name the catalogues know first)."""
    if not group.spans or group.person or group.titles or group.genders:
        return False
    if group.labels["PERSON"] > len(group.spans) or known_first_name(group.name.split()[0]):
        return False  # "Fox News's Megyn Kelly": the network's journalist
    return all(broadcaster_before(text, span.start) for span in group.spans)


def broadcaster_before(text: str, start: int) -> bool:
    """Whether the text right before `start` is an outlet's name and its possessive."""
    found = OWNER_BEFORE.search(text[max(0, start - REACH) : start])
    if found is None:
        return False
    owner = found["owner"]
    return owner.casefold() in media_names() or outlet_named(owner)


def pageant_named(group: Group) -> bool:
    """Whether the one-word name is a pageant's crown under "Miss" ("Miss Universe")."""
    if group.person or " " in group.name or set(group.titles) != {"Miss"}:
        return False
    if sum(group.titles.values()) < len(group.spans):
        return False  # named without the title too: "Miss Roe ... Roe said"
    return group.name.lower() in english_nouns() and not known_first_name(group.name)
