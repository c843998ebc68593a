"""Passive reports: "A was told by B", "A was accused of X by B", "A was criticized for X,
even by B". The subject is what was reported or who was accused, the "by" agent the one who
said it (or no one named)."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.quotes.context import Attribution, Context, cue_phrase, subtree_span, trim
from presslens.stages.quotes.speakers import make_speaker
from presslens.stages.reporting import Lexicon


def accusation_grounds(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The prepositional phrase saying what someone is accused of, blamed or praised for (a
    "verb preposition" pair of the lexicon's [accusation] after the verb, governing a clause
    or a noun)."""
    lemma = verb.lemma_.lower()
    return [
        child
        for child in verb.children
        if child.dep_ == "prep"
        and f"{lemma} {child.lower_}" in lexicon.accusation
        and child.i > verb.i
        and any(c.dep_ in ("pcomp", "pobj") for c in child.children)
    ]


def told_by(ctx: Context, verb: Token) -> Attribution | None:
    """'A different side of the story was told by The Daily Caller': a passive reporting verb
    with its "by" agent reports its subject."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in ctx.lexicon.clause:
        return None
    if verb.i in ctx.quote_of_token:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = agents_of(verb)
    if not subjects or not agents or subjects[0].lower_ in ("which", "that", "who", "it"):
        return None
    speaker = make_speaker(ctx.text, agents[0], ctx.actors)
    if speaker is None:
        return None
    span = trim(ctx.text, subtree_span(list(subjects[0].subtree)))
    return Attribution("indirect", span, cue_phrase(verb), verb.i, speaker, 0.6, core=span)


def passive_attribution(ctx: Context, verb: Token) -> Attribution | None:
    """'Mr. Quiros was accused of using $50 million', 'peacekeepers have been blamed for
    introducing cholera': the accusation is reported, its maker is the "by" agent or no one
    named. The content is the whole clause: who, and of what."""
    if verb.tag_ != "VBN" or verb.pos_ != "VERB" or verb.i in ctx.quote_of_token:
        return None  # the tag first: this runs for every token
    grounds = accusation_grounds(verb, ctx.lexicon)
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects or not grounds or subjects[0].lower_ in ("which", "that", "who"):
        return None
    agents = agents_of(verb)
    late = late_agent(grounds)
    if late is not None and not agents:
        agents = [o for o in late.children if o.dep_ == "pobj"]
    speaker = make_speaker(ctx.text, agents[0], ctx.actors) if agents else None
    cut = {t.i for t in late.subtree} if late is not None else set()
    content = [t for c in (subjects[0], *grounds) for t in c.subtree if t.i not in cut] + [verb]
    span = trim(ctx.text, subtree_span(content))
    return Attribution("indirect", span, cue_phrase(verb), verb.i, speaker, 0.5, core=span)


def late_agent(grounds: list[Token]) -> Token | None:
    """'was criticized for trading X, even by allies like Roe': the "by" set off after the
    grounds is the accusation's agent, though the parse hung it inside them."""
    for ground in grounds:
        for token in ground.subtree:
            if token.i == ground.i or token.dep_ != "prep" or token.lower_ != "by":
                continue
            before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else token
            if before.text == ",":
                return token
    return None


def agents_of(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by" agent ("was told by The Daily Caller")."""
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
