"""Reports inside reports. Each token of the text belongs to one quote, the outermost: whom the
reader has it from ("Lynch said clients are beginning to demand diverse legal teams" is
Lynch's). A report set inside that quote's words with a cue of its own is listed too, its
`within` naming the quote that holds it: what a fact-checker traces back ("Flynn said Trump was
right when he said that A": A is Trump's, as Flynn tells it)."""

from __future__ import annotations

from dataclasses import replace

from presslens.model import Span
from presslens.stages.quotes.context import Attribution, Context, tokens_in
from presslens.stages.quotes.resolve import need_of
from presslens.stages.quotes.speakers import Speaker
from presslens.stages.roles import load_roles

CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def inner_reports(
    ctx: Context, candidates: list[Attribution], outer: list[Attribution]
) -> list[Attribution]:
    """The candidates whose cue sits in a listed quote's words and that say a clause or a
    quotation, each marked with the span of the quote holding it; one per cue."""
    found: list[Attribution] = []
    for item in candidates:
        if item.cue is None or not holds_clause(ctx, item) or not said_by_someone(ctx, item):
            continue
        if any(item.cue == o.cue or item.span == o.span for o in outer):
            continue  # the same record, read twice
        if any(item.cue == f.cue for f in found):
            continue
        holder = holder_of(item.cue, outer)
        if holder is not None:
            found.append(replace(item, within=holder.span))
    return found


def holder_of(cue: Span, outer: list[Attribution]) -> Attribution | None:
    """The listed quote whose words hold the cue (the shortest, when one holds another)."""
    holders = [o for o in outer if any(piece.contains(cue) for piece in o.parts or (o.span,))]
    return min(holders, key=lambda o: len(o.span), default=None)


def said_by_someone(ctx: Context, item: Attribution) -> bool:
    """Whether the inner report has a cue of its own and a speaker that stands for someone:
    not a bare infinitive ("improper for him to speak on whether ...": nothing said), not a
    noun no one owns ("the spate of shootings demands that ...": a verb misread), not a
    participle with no subject of its own ("Roe warned that the incident could foreshadow
    more, remarking that ...": the parse hangs Roe's words on the content's verb)."""
    speaker = item.speaker
    if speaker is None or item.cue_head is None:
        return False
    cue = ctx.doc[item.cue_head]
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    if cue.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in cue.children):
        return False
    if cue.tag_ == "VBG" and not any(c.dep_ in CLAUSE_SUBJECTS for c in cue.children):
        return False
    return someone(ctx, speaker)


def someone(ctx: Context, speaker: Speaker) -> bool:
    """A person, a body or a document: an actor, a person's pronoun, a name, a role noun, or
    a share of people ("72 percent of voters"); not "the incident", "a campaign shakeup"."""
    head = ctx.doc[speaker.head]
    if speaker.pronoun:  # a pronoun the resolver reads ("he", "they"), not "I", "we" or
        # "you" in a block (only the quotation would tell who) nor "it" ("saying it shows")
        return need_of(ctx, speaker) is not None and head.lower_ not in ("it", "its")
    if speaker.actor_id is not None or speaker.role is not None or head.pos_ in ("PROPN", "NUM"):
        return True  # "nearly four in 10 said": a count of people
    roles = load_roles()
    nouns = [head, *(o for p in head.children if p.lower_ == "of" for o in p.children)]
    return any(roles.kind(noun.lemma_.lower()) is not None for noun in nouns)


def holds_clause(ctx: Context, item: Attribution) -> bool:
    """Whether the inner report says a clause or a quotation ("that he had raped her"), not a
    noun or a bare infinitive: '"I have called for criminal justice
    reform," she said' is the speaker's account of what she did, not a second report. The
    clause must be the content's one head, with a subject ("four provisions in the code that
    address losses" is a noun).
    """
    if item.kind != "indirect":
        return True
    inside = set(tokens_in(ctx, item.span))
    heads = [
        ctx.doc[i] for i in inside if ctx.doc[i].head.i not in inside or ctx.doc[i].dep_ == "ROOT"
    ]
    if len(heads) != 1:
        return False  # "four provisions ... that address": a noun and a misread clause
    return any(c.dep_ in CLAUSE_SUBJECTS and c.i in inside for c in heads[0].children)


def settled(ctx: Context, inner: list[Attribution], outer: list[Attribution]) -> list[Attribution]:
    """The inner reports once resolved, but for a noun of the holder's own ("Woods shared her
    belief that A"): the same report, not another."""
    found = []
    for item in inner:
        holder = next((o for o in outer if o.span == item.within), None)
        if holder is not None and same_speaker(holder, item) and noun_cue(ctx, item):
            continue
        found.append(item)
    return found


def same_speaker(one: Attribution, other: Attribution) -> bool:
    a, b = one.speaker, other.speaker
    return a is not None and b is not None and a.actor_id is not None and a.actor_id == b.actor_id


def noun_cue(ctx: Context, item: Attribution) -> bool:
    return item.cue_head is not None and ctx.doc[item.cue_head].pos_ == "NOUN"
