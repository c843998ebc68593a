"""The parties a role noun and an actor are tied to: "the Democratic nominee" is never the
actor the article calls a Republican, nor "the GOP nominee" its Libertarian candidate.

A role's party is a party word among the words it governs before it ("the GOP nominee", "the
Democratic presidential candidate"). An actor's are the party words the article sets beside
any of its names: before it ("Republican Donald Trump", "GOP presidential nominee Donald
Trump"), in an apposition ("Jane Roe, a California Democrat") or in a congressional tag
("Sen. Tom Ray (D-Ore.)"). Words owned by another name do not count: in "Roe's Democratic
rival Ann Bell" the party is Bell's, and "GOP nominee Roe's rival Bell" gives Bell none. The
words naming each party are in resources/parties.txt. A role and an actor disagree only when
both have parties and share none; an actor the article ties to no party agrees with any role.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from presslens.model import Actor
from presslens.stages.parties import party_of, party_words
from presslens.stages.places import of_nationality
from presslens.stages.quotes.context import Context, tokens_in
from presslens.stages.roles import load_roles

# "(R-Texas)", "(D-N.Y.)", "R-Ohio": a member of Congress's party and state
TAG = re.compile(r"\s*\(?([A-Z])-[A-Z][\w.]*")
APPOSED = frozenset({"appos"})


def role_parties(head: Token) -> frozenset[str]:
    """The parties a role noun bears: its own word ("the Democrat"), a word it governs before
    it ("the GOP nominee", "the Democratic presidential candidate") or the party it is of
    ("the chairman of the Conservative Party")."""
    found = {party_of(t) for t in head.subtree if t.i <= head.i and not owned(t, head)}
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    found |= {party_of(t) for prep in of for t in prep.subtree if t.dep_ != "poss"}
    return frozenset(p for p in found if p)


def owned(token: Token, top: Token) -> bool:
    """A word under another name's possessive between it and `top`: "Roe's" in "Roe's
    Democratic rival" is Roe's, and so is a party word inside "GOP nominee Roe's"."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


def actor_parties(ctx: Context, actor: Actor) -> frozenset[str]:
    """Every party the article sets beside one of the actor's names (cached on the context)."""
    if actor.id not in ctx.parties:
        found: set[str] = set()
        for mention in actor.mentions:
            tokens = tokens_in(ctx, mention)
            if tokens:
                found |= name_parties(ctx, ctx.doc[tokens.stop - 1], tokens.start)
                found |= tag_party(ctx.text, mention.end)
        ctx.parties[actor.id] = frozenset(found)
    return ctx.parties[actor.id]


def name_parties(ctx: Context, last: Token, start: int) -> set[str]:
    """Party words before a name that hang on it, and those of a noun apposed to it."""
    before = {party_of(t) for t in last.subtree if t.i < start and not owned(t, last)}
    apposed = [c for c in last.children if c.dep_ in APPOSED]
    if last.dep_ in APPOSED:
        apposed.append(last.head)
    for noun in apposed:
        if noun.i > last.i and ctx.actor_of_token.get(noun.i) is None:
            before |= {party_of(t) for t in noun.subtree if t.i <= noun.i}
    return {p for p in before if p}


def tag_party(text: str, end: int) -> set[str]:
    """The party of a tag right after a name: "Tom Ray (D-Ore.)" -> democratic."""
    match = TAG.match(text, end, end + 12)
    if match is None:
        return set()
    party = party_words().get(match.group(1).lower())
    return {party} if party else set()


def agree(ctx: Context, actor_id: str | None, parties: frozenset[str]) -> bool:
    """False only when the actor is tied to parties and none is the role's."""
    actor = ctx.by_id.get(actor_id or "")
    if actor is None or not parties:
        return True
    own = actor_parties(ctx, actor)
    return not own or bool(own & parties)


def role_nation(head: Token) -> str | None:
    """The nationality a body noun bears before it ("the Saudi government", "the Mexican
    military"), if any; a party word is not one, and a person's ("the Afro-Colombian
    journalist") tells where they are from, not whose body they speak for."""
    if load_roles().kind(head.lemma_.lower()) != "ORG":
        return None
    for child in head.children:
        if child.i < head.i and child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP":
            if party_of(child) is None:
                return child.text
    return None


def of_nation(ctx: Context, actor_id: str | None, nation: str | None) -> bool:
    """Whether an actor may be what a role of that nationality names: any, with none; else
    one whose name goes with the nationality (`places.of_nationality`): "the Saudi
    government" is never the White House named last."""
    if nation is None:
        return True
    actor = ctx.by_id.get(actor_id or "")
    return actor is not None and of_nationality(actor.name, nation)
