"""People a plural pronoun may mean that no actor names: "... treated by his fellow
Republicans, though they swore ..." means the Republicans, not an organisation named sentences
before. The resolver then gives "they" no actor rather than a wrong one."""

from __future__ import annotations

from presslens.stages.quotes.context import Context
from presslens.stages.quotes.speakers import Speaker, a_person


def group_in_sentence(ctx: Context, speaker: Speaker) -> bool:
    """A plural "they" after people named by no actor in its own sentence ("his fellow
    Republicans", "the voters") most likely means them, not an actor sentences back."""
    if not speaker.pronoun or not speaker.plural:
        return False
    sentence = ctx.doc[speaker.head].sent
    for token in ctx.doc[sentence.start : speaker.head]:
        if token.tag_ not in ("NNS", "NNPS") or token.i in ctx.actor_of_token:
            continue
        if token.i in ctx.quote_of_token:
            continue
        if token.ent_type_ == "NORP" or a_person(token):
            return True
    return False
