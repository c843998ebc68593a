"""The roles an article gives each actor: titles and roles set before its name ("Sen. Ann
Bell", "businessman Donald Trump"), nouns in apposition to it ("Ann Bell, the governor"), a
role it is apposed across ("an attorney for Tom Ray, Mark Bellamy"), and a list's shared roles
("front-runners Clinton, Trump and Cruz"); each with where it is given, for `resolve` to send
a role noun ("the senator") to the actor the article gave it."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.model import Actor
from presslens.stages.initialisms import full_name
from presslens.stages.quotes.context import TITLES, Context, sentence_of, tokens_in
from presslens.stages.roles import load_roles


def spelt_out(actor: Actor) -> list[str]:
    """The words of the full name an organisation's initialism stands for ("FBI": federal,
    bureau, of, investigation), so "the bureau" finds an article's "FBI"."""
    full = full_name(actor.name) if actor.type == "ORG" else None
    return [word.lower() for word in full.split()] if full else []


def other_roles(ctx: Context, actor_id: str, role: str) -> set[str]:
    """The roles the article gives an actor besides `role`, not counting the words of the
    full name its initials stand for ("NASA" is no administration set beside it)."""
    actor = next(a for a in ctx.actors if a.id == actor_id)
    spelt = {load_roles().same_as(word) for word in spelt_out(actor)}
    return set(ctx.roles.get(actor_id, {})) - {role} - spelt


def list_opener(token: Token) -> Token | None:
    """The first name of a list the token's name ends ("Trump" in "front-runners Clinton, Trump
    and Cruz" -> "Clinton"), whose roles are the whole list's; None outside a list."""
    if token.dep_ != "conj":
        return None
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token if token.ent_type_ in ("PERSON", "ORG") else None


def name_range(token: Token) -> range:
    """The name a token ends: its compound words before it ("Hillary Clinton")."""
    start = min((c.i for c in token.children if c.dep_ == "compound" and c.i < token.i),
                default=token.i)  # fmt: skip
    return range(start, token.i + 1)


def role_words(ctx: Context, actor: Actor) -> dict[str, list[int]]:
    """Nouns the article sets beside the actor's name ("Sen.", "businessman", ", the
    governor"), each as `Roles.same_as` names it, with where it is given (a word of the name
    itself, "party" of "Republican Party", at the first mention). A list's names share what
    is set beside its first ("front-runners Clinton, Trump and Cruz")."""
    words: dict[str, list[int]] = {}
    same_as = load_roles().same_as
    first = actor.mentions[0].start if actor.mentions else 0
    for mention in actor.mentions:
        tokens = tokens_in(ctx, mention)
        if not tokens:
            continue
        for token in ctx.doc[tokens.start : tokens.stop]:  # its own name's: from the start
            word = same_as(TITLES.get(token.lower_, token.lemma_.lower()))
            words.setdefault(word, []).append(first)
        last = ctx.doc[tokens.stop - 1]
        found = set_beside(ctx, last, range(tokens.start, tokens.stop))
        opener = list_opener(last)
        if opener is not None:
            found |= set_beside(ctx, opener, name_range(opener))
        for word in found:
            words.setdefault(same_as(word), []).append(mention.start)
    for word in spelt_out(actor):  # "FBI": the Federal Bureau of Investigation's words
        words.setdefault(same_as(word), []).append(first)
    sex = ctx.genders.get(actor.id) or ctx.likely.get(actor.id)
    for word, (male, female) in KIN.items():
        if sex is not None and same_as(word) in words:
            gendered = same_as(male if sex == "m" else female)
            words.setdefault(gendered, []).extend(words[same_as(word)])
    return words


# a kin noun that says no sex, and its man's and woman's words: "my parents, James and Olive
# Meehan ... my father said" is James (with the sex the article or the first name shows)
KIN = {
    "parent": ("father", "mother"),
    "grandparent": ("grandfather", "grandmother"),
    "sibling": ("brother", "sister"),
    "child": ("son", "daughter"),
    "spouse": ("husband", "wife"),
}


def set_beside(ctx: Context, last: Token, name: range) -> set[str]:
    """Titles and roles before a name that the parse hangs on it ("Sen. Ann Bell", not "the
    first lady and U.S."), the nouns in apposition to it, and a role it is apposed across
    (`role_over_apposition`)."""
    found = set()
    for i in range(max(0, name.start - 3), name.start):
        if ctx.doc[i].head.i in name:
            found.add(TITLES.get(ctx.doc[i].lower_, ctx.doc[i].lemma_.lower()))
    for related in (last.head, *last.children):
        if related.dep_ == "appos" or last.dep_ == "appos" and related.i == last.head.i:
            found.add(related.lemma_.lower())
    role = role_over_apposition(last)
    if role is not None:
        found.add(role.lemma_.lower())
    return found


def role_over_apposition(last: Token) -> Token | None:
    """The role noun whose holder the parse hung, as an apposition, on the one it is held for:
    "an attorney for Tom Ray, Mark Bellamy" gives "attorney" to Bellamy, not to Ray."""
    owner = last.head
    if last.dep_ != "appos" or owner.dep_ != "pobj" or owner.head.dep_ != "prep":
        return None
    role = owner.head.head
    return role if role.pos_ == "NOUN" and role.i < owner.i else None


def named_next(ctx: Context, head: int, role: str) -> Actor | None:
    """'The dean of the journalism school disputed the accusations. ... Steve Coll, the dean
    of the school, said ...': a definite role no one holds before, given in the very next
    sentence to one actor alone, is that actor (a lede's description, named after)."""
    own = sentence_of(ctx, head)
    if own + 1 >= len(ctx.sentences):
        return None
    start, end = ctx.sentences[own + 1]
    span = range(ctx.doc[start].idx, ctx.doc[end - 1].idx + 1)
    named = [a for a, words in ctx.roles.items() if any(w in span for w in words.get(role, ()))]
    return next((a for a in ctx.actors if [a.id] == named), None)
