"""Which of two nested attributions stays: each token belongs to one, but a claim in the
writer's gloss on another's content stays its own ("Video shows A, contradicting police's claim
that B"). "X says A, according to Z" stays Z's, as PolNeAR annotates it: Z is who the
reader has it from (the inner saying was tried as X's in session 20 and lost a dev item; see
NOTES)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from presslens.model import Span
from presslens.stages.quotes.clauses import CONTRASTING, that_marked
from presslens.stages.quotes.context import Attribution, Context, tokens_in, trim


def outermost(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Each token belongs to one attribution: drop those whose cue sits in another's content,
    but for one in the writer's gloss on it ("Video shows A, contradicting police's claim that
    B"): that one stays, and the content it glosses ends before the gloss."""
    kept = []
    for item in found:
        cue = item.cue or item.span
        holders = [
            o
            for o in found
            if o is not item
            and (o.core or o.span).contains(cue)
            and not yields_to(ctx, o, item)
            and coordinate(ctx, item, o) is None
        ]
        glosses = [gloss_in(ctx, item, o) for o in holders]
        if not holders or all(g is not None for g in glosses):
            kept.append(item)
    cuts: dict[int, int] = {}
    for item in kept:
        for other in kept:
            if other is item:
                continue
            stops = ((other, ends_before(ctx, item, other)), (item, swallowed(ctx, item, other)))
            for cut, at in stops:
                if at is not None:
                    cuts[id(cut)] = min(cuts.get(id(cut), at), at)
    return [cut_before(ctx, item, cuts[id(item)]) if id(item) in cuts else item for item in kept]


def ends_before(ctx: Context, item: Attribution, holder: Attribution) -> int | None:
    """Where the holder's content stops for an item kept inside it: before the writer's gloss
    holding the item, or before the "and" joining the item's own clause; None if it does not."""
    gloss = gloss_in(ctx, item, holder)
    if gloss is not None or not (holder.core or holder.span).contains(item.cue or item.span):
        return gloss
    return coordinate(ctx, item, holder)


def swallowed(ctx: Context, item: Attribution, other: Attribution) -> int | None:
    """Where the item's content must stop when it swallowed the subject of another
    attribution whose cue comes after it, joined by "and" or "but" ("they were convinced the
    case was mishandled and Democrats | accused ..."): the joining word; else None."""
    core = item.core or item.span
    if other.speaker is None or other.cue is None or other.cue.start < core.end:
        return None
    start = other.speaker.span.start
    if not core.start < start < core.end:
        return None
    head = ctx.doc[other.speaker.head]
    before = ctx.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    if before is None or before.lower_ not in ("and", "but") or before.idx < core.start:
        return None
    return before.idx


def yields_to(ctx: Context, holder: Attribution, item: Attribution) -> bool:
    """Two attributions each holding the other's cue ("He says A, according to Z", A run on to
    the sentence's end): the according-to one stays, or neither would."""
    cue = holder.cue or holder.span
    if named_noun(ctx, holder, item):
        return True
    return (
        (item.core or item.span).contains(cue)
        and item.cue_head is not None
        and ctx.doc[item.cue_head].lower_ == "according"
    )


def named_noun(ctx: Context, holder: Attribution, item: Attribution) -> bool:
    """'Biden responded to Mr. Trump's claim that A': the holder's content is the noun of
    speech that reports A, with its own speaker; that report stands inside it."""
    if holder.core is None or item.cue_head is None or item.speaker is None:
        return False
    noun = ctx.doc[item.cue_head]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.lexicon.nouns:
        return False
    if not any(c.dep_ in ("acl", "ccomp") and that_marked(c) for c in noun.children):
        return False  # "stressed her support of the raid": a stance, no words inside
    if not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children):
        return False  # "said the spate of shootings demands that ...": a verb misread; "De
        # Blasio repeated his claim that ...": his own, the holder's attribution stands
    inside = tokens_in(ctx, holder.core)
    return len(inside) > 0 and noun.left_edge.i == inside[0] and noun.right_edge.i >= inside[-1]


def coordinate(ctx: Context, item: Attribution, holder: Attribution) -> int | None:
    """'Republicans said they were convinced the case was mishandled and Democrats accused the
    GOP of ...': a cue joined by "and" or "but" with a subject of its own (a name or a noun,
    not a pronoun, and not the holder's) starts a clause of the writer's that the parse hung
    inside the content; where the joining word is (the holder's content stops there), or
    None."""
    if item.cue_head is None or item.speaker is None or holder.kind != "indirect":
        return None
    if holder.cue_head is None or ctx.doc[holder.cue_head].lower_ == "according":
        return None  # "A prevailed, and B pledged ..., according to Z": all Z's account
    if ctx.doc[holder.cue_head].lemma_.lower() in ctx.lexicon.document:
        return None  # "the poll finds that A, and 22 percent say B": all the poll's
    cue = ctx.doc[item.cue_head]
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or same_speaker(item, holder):
        return None
    if cue.dep_ == "advcl":
        return contrast_mark(cue, subject) if parallel(cue, ctx.doc[holder.cue_head]) else None
    before = ctx.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    if cue.dep_ != "conj" or before is None or before.dep_ != "cc":
        return None
    return before.idx


CONCESSIONS = frozenset({"although", "though"})


def parallel(cue: Token, holder: Token) -> bool:
    """A clause of contrast after what it hangs on, that hangs on the holder's own verb or
    repeats it ("74 percent said A, while 22 percent said B"): the writer sets two speakers side
    by side. One inside the content with another verb is most often the holder's own point
    ("said that A, whereas Petraeus acknowledged B"; "that while polling showed A, B")."""
    if cue.i < cue.head.i:
        return False
    return cue.head.i == holder.i or cue.lemma_.lower() == holder.lemma_.lower()


def contrast_mark(cue: Token, subject: Token) -> int | None:
    """'Smith said the plan would fail, while Jones said it would work': a cue whose clause a
    word of contrast opens, right before its own subject, sets another speaker beside the
    holder (a concession only after a comma: "..., although Jones said"); where the word is."""
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.i < subject.i), None)
    if mark is None or mark.i != subject.left_edge.i - 1 or mark.i == 0:
        return None
    comma = cue.doc[mark.i - 1].text == ","
    if mark.lower_ in CONTRASTING or (mark.lower_ in CONCESSIONS and comma):
        return mark.idx
    return None


def gloss_in(ctx: Context, item: Attribution, holder: Attribution) -> int | None:
    """Where a participial clause set off by a comma in the holder's content starts, when the
    item's cue hangs in it and names its own speaker ("..., contradicting police's claim that
    ...") or speaks as the holder's ("Roe said A, calling it B"); None otherwise (", saying"
    that took the subject of the clause it hangs in)."""
    if item.cue_head is None or holder.cue_head is None or item.speaker is None:
        return None
    core = holder.core or holder.span
    token = ctx.doc[item.cue_head]
    while token.head.i != token.i and core.start <= token.head.idx < core.end:
        if token.i == item.cue_head and when_said(token):
            return token.left_edge.idx  # "Trump was right when he said that A": A is Trump's
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > 0:
            before = ctx.doc[token.left_edge.i - 1]
            if (
                before.text == ","
                and before.idx >= core.start
                and (item.speaker.span.start > before.idx or same_speaker(item, holder))
            ):
                return before.idx
            return None
        token = token.head
    return None


def when_said(cue: Token) -> bool:
    """A cue opening a "when" clause with a subject of its own, set after what it hangs on:
    'X said Trump was "absolutely right" when he said that A' tells of the time Trump said A."""
    if cue.dep_ != "advcl" or cue.i < cue.head.i:
        return False
    first = cue.left_edge
    return first.lower_ == "when" and any(c.dep_ == "nsubj" for c in cue.children)


def same_speaker(one: Attribution, other: Attribution) -> bool:
    return (
        one.speaker is not None
        and other.speaker is not None
        and one.speaker.head == other.speaker.head
    )


def cut_before(ctx: Context, item: Attribution, at: int) -> Attribution:
    span = trim(ctx.text, Span(item.span.start, at))
    core = trim(ctx.text, Span(item.core.start, min(at, item.core.end))) if item.core else None
    return replace(item, span=span, core=core)
