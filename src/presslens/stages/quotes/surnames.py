"""A bare surname two people of the article share ("Clinton said" in a story of Bill and
Hillary Clinton): the entities stage gives it to neither, and the quotes stage gives it to the
one the sentences before clearly put forward, as it would a "he" (`resolve.by_surname`, through
the role nouns' `clear_leader`); when neither leads, to no one.
"""

from __future__ import annotations

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.speakers import Speaker


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
