"""A news lede's delayed identification: the first paragraph describes a person ("A woman who
has accused ...", "The lifelong Republican says ..."), the next one names them ("Juanita
Broaddrick, 73, said ..."). A description no earlier name resolves is the person named next,
on the conditions `identified_later` lists."""

from __future__ import annotations

from presslens.model import Actor
from presslens.stages.quotes.context import Context, tokens_in
from presslens.stages.quotes.documents import referent
from presslens.stages.quotes.given import role_words
from presslens.stages.quotes.resolve import sex_of
from presslens.stages.quotes.speakers import DEFINITE, Speaker
from presslens.stages.roles import load_roles


def identified_later(ctx: Context, speaker: Speaker) -> Speaker:
    """A news lede's delayed identification: a person described in the first paragraph ("A
    woman has accused ...", "The lifelong Republican says ...") is the first person the next
    paragraph names, as the subject of its sentence ("Juanita Broaddrick, 73, said ...",
    "Richard Cross, a former staffer, wrote ..."), when the sex agrees. Not one who speaks for
    another ("A spokesman said ..."), nor a description the lede's own names may fill."""
    head = ctx.doc[speaker.head]
    roles = load_roles()
    lemma = head.lemma_.lower()
    if roles.kind(lemma) != "PERSON" and head.ent_type_ != "NORP" or roles.relational(lemma):
        return speaker
    if speaker.plural or head.tag_ in ("NNS", "NNPS"):
        return speaker  # "Presidential candidates ... condemned": several people
    phrase = [ctx.doc[i] for i in tokens_in(ctx, speaker.span) if i != head.i]
    if any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "NORP") for t in phrase):
        return speaker  # "author Dinesh D'Souza": named already ("Senator from Texas" is not)
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
    if definite and any(
        a.type == "PERSON" and a.mentions[0].start < speaker.span.start for a in ctx.actors
    ):
        return speaker  # "the New Jersey governor" after Chris Christie: not a newcomer
    lede_end = ctx.text.find("\n")
    if lede_end < 0 or speaker.span.start > lede_end:
        return speaker
    start = len(ctx.text) - len(ctx.text[lede_end:].lstrip())  # the next paragraph's
    end = ctx.text.find("\n", start)
    end = len(ctx.text) if end < 0 else end
    people = sorted((a.mentions[0].start, a.id, a) for a in ctx.actors if a.type == "PERSON")
    first = next((a for at, _, a in people if start <= at < end), None)
    if first is None or not subject_named(ctx, first):
        return speaker
    sex = sex_of(ctx, first.id)
    if speaker.gender and sex and sex != speaker.gender:
        return speaker
    occupation = roles.kind(lemma) == "PERSON" and roles.gender(lemma) is None
    if occupation and other_role(ctx, first, roles.same_as(lemma)):
        return speaker  # "a veteran diplomat" is not "Jeff Bechdel, communications director"
    return referent(speaker, first)


def other_role(ctx: Context, actor: Actor, role: str) -> bool:
    """Whether the article gives the actor a person's role, but not this one."""
    roles = load_roles()
    given = {w for w in role_words(ctx, actor) if roles.kind(w) == "PERSON"}
    return bool(given) and role not in given


def subject_named(ctx: Context, actor: Actor) -> bool:
    """Whether the actor's first mention is its sentence's subject (or apposed to it)."""
    tokens = tokens_in(ctx, actor.mentions[0])
    if not tokens:
        return False
    root = ctx.doc[tokens.stop - 1]
    return root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "appos" and root.head.dep_ == "nsubj"
