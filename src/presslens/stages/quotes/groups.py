"""People a plural pronoun may mean that no actor names: "... treated by his fellow
Republicans, though they swore ..." means the Republicans, not an organisation named sentences
before. The resolver then gives "they" no actor rather than a wrong one."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.speakers import Speaker
from presslens.stages.quotes.subjects import a_person


def group_in_sentence(ctx: Context, speaker: Speaker) -> bool:
    """A plural "they" after people named by no actor in its own sentence ("his fellow
    Republicans", "the voters") most likely means them, not an actor sentences back."""
    if not speaker.pronoun or not speaker.plural:
        return False
    sentence = ctx.doc[speaker.head].sent
    return any(unnamed_people(ctx, t) for t in ctx.doc[sentence.start : speaker.head])


def group_after_body(ctx: Context, speaker: Speaker, body: int) -> bool:
    """A plural "they" after an organisation or country (at token `body`) and then people named
    by no actor ("The AP interviewed more than 20 former crew members. They described ...")
    means those people, not the body. People in the body's own phrase ("the Guild, a group of
    farmers") are the body."""
    if not speaker.pronoun or not speaker.plural:
        return False
    own = {t.i for t in ctx.doc[body].subtree}
    return any(
        unnamed_people(ctx, token)
        for token in ctx.doc[body + 1 : speaker.head]
        if token.i not in own
    )


def body_in_a_group(ctx: Context, speaker: Speaker, body: int) -> bool:
    """A plural "they" after people named by no actor whose phrase holds the organisation
    ("Republican leaders in the House and Senate have made ... But they disagree"): those
    people, not the body."""
    if not speaker.pronoun or not speaker.plural:
        return False
    token = ctx.doc[body]
    for _ in range(4):
        if token.dep_ not in ("conj", "pobj", "prep", "compound") or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "NOUN" and unnamed_people(ctx, token):
            return True
    return False


def unnamed_people(ctx: Context, token: Token) -> bool:
    """A plural noun for people (or a group word) that no actor names, outside quotations."""
    if token.tag_ not in ("NNS", "NNPS") or token.i in ctx.actor_of_token:
        return False
    if token.i in ctx.quote_of_token:
        return False
    return token.ent_type_ == "NORP" or a_person(token)


def joint_referent(ctx: Context, speaker: Speaker, token: Token) -> Speaker | None:
    """The actors a name and its conjuncts name together, as one referent of a plural pronoun:
    "Brown and From were never allies, but today they share ..." means the two of them, not a
    body named sentences before. None unless `token` heads two or more actors' names."""
    if token.dep_ == "conj" or not token.conjuncts:
        return None
    found = [ctx.actor_of_token.get(t.i) for t in (token, *token.conjuncts)]
    actors = list({a.id: a for a in found if a is not None}.values())
    if len(actors) < 2 or len(actors) < len(found):
        return None
    ids = tuple(a.id for a in actors)
    name = " and ".join(a.name for a in actors)
    return replace(speaker, name=name, actor_id=ids[0], actor_ids=ids)
