"""The place a role ties its holder to: "the Ohio senator" is no one the article gives another
state ("Sen. Jo Pike, R-Iowa", "Iowa Sen. Jo Pike").

An actor's homes are read off the words beside its mentions: a party-and-state tag after the
name ("R-Iowa", "(D-Calif.)"), a place before a title before it ("Iowa Sen.") and a role set
beside it ("Sanders, the senator from Vermont"). A state written
short is matched to one written in full by its letters in order ("Fla." to Florida, "Ky." to
Kentucky) or by its initials ("N.Y." to New York), so no table of abbreviations is needed.
Only the US states are compared (by the place catalogue, `stages.places`): a country or a
city beside a name says nothing against a state.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from presslens.stages.places import load_places
from presslens.stages.quotes.context import TITLES, Context, tokens_in
from presslens.stages.roles import load_roles

# ", R-Iowa", " (D-Calif.)", ", I-Vt.": a party's letter and the place a member stands for
PARTY_TAG = re.compile(r"^,?\s*\(?[RDI]-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)")


def role_place(head: Token) -> str | None:
    """The place a role noun is given ("the Ohio senator", "the New York congressman")."""
    words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.ent_type_ == "GPE"]
    if not words:
        return None
    first = min(words, key=lambda t: t.i)
    words_before = head.doc[first.i : head.i]
    place = words_before.text if all(t.ent_type_ == "GPE" for t in words_before) else first.text
    return place if is_state(place) else None


def homes(ctx: Context, actor_id: str) -> set[str]:
    """The places the article ties the actor to beside its name."""
    actor = ctx.by_id.get(actor_id)
    if actor is None:
        return set()
    found = set()
    for mention in actor.mentions:
        tag = PARTY_TAG.match(ctx.text[mention.end : mention.end + 30])
        if tag is not None:
            found.add(tag.group(1))
        tokens = tokens_in(ctx, mention)
        if tokens and tokens.start >= 2:
            title, place = ctx.doc[tokens.start - 1], ctx.doc[tokens.start - 2]
            if person_title(title) and is_state(place.text):
                found.add(place.text)  # "Iowa Sen.", not "U.S. Sen."
        if tokens:
            found |= apposed_places(ctx.doc[tokens.stop - 1])
    return found


def apposed_places(name: Token) -> set[str]:
    """'Sanders, the senator from Vermont': the place of a role set beside the name."""
    found = set()
    for role in (c for c in name.children if c.dep_ == "appos"):
        for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
            for place in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"):
                written = place.doc[place.left_edge.i : place.i + 1].text
                if is_state(written):
                    found.add(written)
    return found


def person_title(token: Token) -> bool:
    """'Sen.', 'Gov.', 'senator', 'mayor': a person's role by the role-noun catalogue."""
    return load_roles().kind(TITLES.get(token.lower_, token.lemma_.lower())) == "PERSON"


def is_state(name: str) -> bool:
    """A US state (or DC) by the place catalogue: a senator's state and the country he serves
    are no conflict ("U.S. Sen. Ann Bell" is still "the Iowa senator")."""
    return load_places().kind(name) == "region"


def elsewhere(ctx: Context, actor_id: str | None, place: str) -> bool:
    """Whether the article ties the actor only to places other than `place`."""
    found = homes(ctx, actor_id) if actor_id else set()
    return bool(found) and not any(same_place(home, place) for home in found)


def same_place(one: str, other: str) -> bool:
    """'Fla.' and 'Florida', 'N.Y.' and 'New York', 'Iowa' and 'Iowa'; not 'Iowa' and 'Ohio'."""
    a, b = squeeze(one), squeeze(other)
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    if not short or short[0] != full[0]:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", max(one, other, key=len))).lower()
    return short == initials or is_subsequence(short, full)


def squeeze(place: str) -> str:
    return re.sub(r"[^a-z]", "", place.lower())


def is_subsequence(short: str, full: str) -> bool:
    letters = iter(full)
    return all(letter in letters for letter in short)
