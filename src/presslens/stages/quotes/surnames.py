"""A bare surname two people of the article share ("Clinton said" in a story of Bill and
Hillary Clinton): the entities stage gives it to neither, and the quotes stage gives it to the
one the sentences before clearly put forward, as it would a "he"; when neither leads, to no one.
"""

from __future__ import annotations

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.speakers import Speaker

# how far the leading namesake must rank ahead of the other (two a sentence back, plus the
# salience in its sentence): a subject one sentence nearer, or the speaker just before
CLEAR_LEAD = 4

Ranked = tuple[int, int, Speaker, int]  # rank, minus position, referent, sentences back


def namesakes(ctx: Context, speaker: Speaker) -> frozenset[str]:
    """The people whose name ends in the speaker's one proper name, when there are two or more
    and the speaker has no actor."""
    head = ctx.doc[speaker.head]
    if speaker.actor_id is not None or head.pos_ != "PROPN" or speaker.pronoun:
        return frozenset()
    if any(t.pos_ == "PROPN" for t in head.children):
        return frozenset()  # "Bill Clinton": a full name of its own
    found = frozenset(
        a.id for a in ctx.actors if a.type == "PERSON" and a.name.split()[-1] == head.text
    )
    return found if len(found) > 1 else frozenset()


def leading_namesake(found: list[Ranked]) -> Ranked | None:
    """The best-ranked namesake, when it leads every other namesake by `CLEAR_LEAD`."""
    if not found:
        return None
    best = min(found, key=lambda c: (c[0], c[1]))
    others = [c[0] for c in found if c[2].actor_id != best[2].actor_id]
    return best if not others or min(others) - best[0] >= CLEAR_LEAD else None
