"""Who a role noun may be, by where the article brought its bearer in: "the organizer of a
pro-Trump rally" is someone new; "A lawmaker ... The lawmaker said" is the one the indefinite
brought in, who may be named after it but not before; "the woman", used before a woman is
named, is not her. Read by resolve.role_candidates."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.quotes.context import Context, is_cue_verb
from presslens.stages.quotes.documents import indefinite
from presslens.stages.roles import load_roles


def of_someone_new(head: Token) -> bool:
    """'the organizer of a pro-Trump rally', 'the head of a local union': a role set apart by
    what it is of, said as new ("of a ..."), brings in someone not named before."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        whole = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if whole is not None and indefinite(whole):
            return True
    return False


def role_uses(ctx: Context, head: int, role: str) -> list[Token]:
    """The earlier uses of a role noun (`Roles.same_as` names it) before `head`, in order."""
    same_as = load_roles().same_as
    return [t for t in ctx.doc[:head] if t.pos_ == "NOUN" and same_as(t.lemma_.lower()) == role]


def newcomer_at(ctx: Context, head: int, role: str) -> int | None:
    """Where the role's last earlier use brings in someone new ("CNN quoted an American witness
    ... The witness said"), if it does: the definite role is that newcomer, who may be named
    after it ("A lawmaker ... Joey Salceda said ... The lawmaker said") but not before."""
    uses = role_uses(ctx, head, role)
    if not uses:
        return None
    last = uses[-1]
    return last.i if indefinite(last) and not named_beside(ctx, last) else None


def first_use(ctx: Context, head: int, role: str) -> int | None:
    """Where the article first uses the role noun before `head`; None if never, or if a name
    stands beside one of its uses ("Jo Pike, a 34-year-old woman")."""
    uses = role_uses(ctx, head, role)
    if not uses or any(named_beside(ctx, t) for t in uses):
        return None
    return uses[0].i


def named_after(ctx: Context, actor_id: str | None, i: int) -> bool:
    actor = ctx.by_id.get(actor_id or "")
    return actor is not None and actor.mentions[0].start > ctx.doc[i].idx


def named_beside(ctx: Context, token: Token) -> bool:
    """A role set beside a person's or body's name ("Ann Bell, a witness", "witness Ann Bell",
    "a witness named Ann Bell"): the role is that actor's, not a newcomer's."""
    beside = list(token.subtree)
    if token.dep_ in ("appos", "compound"):
        beside.append(token.head)
    return any(
        (actor := ctx.actor_of_token.get(t.i)) is not None and actor.type in ("PERSON", "ORG")
        for t in beside
    )


def told_of(ctx: Context, actor_id: str | None, i: int, before: int) -> bool:
    """Whether every mention of the actor between the newcomer at token `i` and token `before`
    lies in what the newcomer says ("A witness said the division's head, Russ Pittman,
    instructed staff ..."): someone the newcomer speaks of is not the newcomer."""
    actor = ctx.by_id.get(actor_id or "")
    newcomer = ctx.doc[i]
    verb = newcomer.head
    if actor is None or newcomer.dep_ != "nsubj" or not is_cue_verb(verb, ctx.lexicon):
        return False
    told = [t for t in verb.subtree if t.i > verb.i]
    if not told:
        return False
    start, end = told[0].idx, told[-1].idx + len(told[-1].text)
    limit = ctx.doc[before].idx
    between = [m for m in actor.mentions if ctx.doc[i].idx < m.start < limit]
    return bool(between) and all(start <= m.start < end for m in between)


def acting_on_role(ctx: Context, head: int, role: str) -> set[str]:
    """The actors who, where the role was last used before, acted on its holder ("Senator Ann
    Warren questioned the bank chief ... The chief said"): the one questioned is not the one
    questioning. None when a name stands beside that use."""
    uses = role_uses(ctx, head, role)
    if not uses or named_beside(ctx, uses[-1]):
        return set()
    last = uses[-1]
    verb = last.head.head if last.dep_ == "pobj" else last.head
    if last.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ != "VERB":
        return set()
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    actors = (ctx.actor_of_token.get(t.i) for s in subjects for t in s.subtree)
    return {a.id for a in actors if a is not None}
