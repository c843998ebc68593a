"""A quotation right after a paraphrase of the same speaker: 'The administration may wait,
Schiff said. "The other factor is ..."' The quotation has no cue of its own; news writing
gives it to the speaker of the attribution it follows in the same paragraph, as `stage`'s
`continue_speakers` does after a quoted speaker. Here the attribution before is indirect or
mixed ("says Paul Roe, founder of ...", "she said, referencing ..."), and it must end its
sentence, with nothing but its own cue and speaker between it and the quotation; or end its
paragraph, the quotation opening the next.
"""

from __future__ import annotations

import re

from presslens.model import Span
from presslens.stages.quotes.context import Attribution, Context, last_token, word_count
from presslens.stages.quotes.direct import TERM_MAX_WORDS, named_after
from presslens.stages.quotes.kinds import attribution_kind
from presslens.stages.quotes.marks import Quoted, find_quoted

FOLLOWING_CONFIDENCE = 0.7
MAX_GAP_WORDS = 20  # the rest of the attribution's sentence: its cue, its speaker's name and role
GAP_MARKS = ("“", "”", '"', "''", "``")  # a gap holding one of these holds another quotation
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")


def after_paraphrase(
    ctx: Context, loose: list[Quoted], before: list[Attribution]
) -> tuple[list[Attribution], list[Quoted]]:
    """Attributions for the loose quotations that follow a paraphrase of a known speaker, and
    the quotations still loose."""
    found: list[Attribution] = []
    still: list[Quoted] = []
    for q in loose:
        previous = paraphrase_before(ctx, q, before)
        if previous is None:
            still.append(q)
            continue
        found.append(
            Attribution("direct", q.span, None, None, previous.speaker, FOLLOWING_CONFIDENCE)
        )
    return found, still


def paraphrase_before(ctx: Context, q: Quoted, before: list[Attribution]) -> Attribution | None:
    """The indirect or mixed attribution with a speaker that the quotation follows in its
    paragraph, if any."""
    if q.span in ctx.titles or word_count(q.inner.of(ctx.text)) <= TERM_MAX_WORDS:
        return None
    earlier = [a for a in before if a.span.end <= q.span.start]
    if not earlier:
        return None
    previous = max(earlier, key=lambda a: a.span.end)
    if previous.kind == "direct" or previous.speaker is None or previous.stance is not None:
        return None
    own = named_after(ctx, q)  # '"...," Hannity started.': a speaker of its own, cue unknown
    if own is not None and own.actor_id != previous.speaker.actor_id or named_right_after(ctx, q):
        return None
    if not goes_on(ctx, previous):
        return None
    gap = Span(previous.span.end, q.span.start).of(ctx.text)
    if "\n" in gap and not next_paragraph(gap):
        return None
    if word_count(gap) > MAX_GAP_WORDS or not SENTENCE_END.search(gap.rstrip()):
        return None
    if holds_quotation(gap.rstrip()[:-1]):  # a closing mark may end the gap's sentence
        return None  # another quotation in between; a quoted term ("cross-sell") is none
    return previous


def holds_quotation(gap: str) -> bool:
    """Whether the narrative between two quotations holds another quotation, by the stage's own
    quotation finder: a quoted title or term of at most TERM_MAX_WORDS words does not count
    ('on NBC's "Meet the Press."'); a mark outside what it finds does."""
    quoted, _warnings = find_quoted(gap)
    if any(word_count(q.inner.of(gap)) > TERM_MAX_WORDS for q in quoted):
        return True
    rest = list(gap)
    for q in quoted:
        rest[q.span.start : q.span.end] = " " * (q.span.end - q.span.start)
    return any(mark in "".join(rest) for mark in GAP_MARKS)


def named_right_after(ctx: Context, q: Quoted) -> bool:
    """'"...," Ramos, 58, told AFP', '"...!" the presumptive nominee tweeted', '"...," mused
    host Stu Roe': a subject right after the closing mark, with its verb after the mark too,
    in the quotation's sentence: the quotation has a speaker of its own, whatever the cue."""
    if q.inner.of(ctx.text).rstrip()[-1:] not in (",", "?", "!"):
        return False
    start = last_token(ctx, q.span) + 1
    if start >= len(ctx.doc):
        return False
    line_end = ctx.text.find("\n", q.span.end)
    following = [
        t
        for t in ctx.doc[start : min(len(ctx.doc), start + 10)]
        if (line_end < 0 or t.idx < line_end) and t.i not in ctx.quote_of_token
    ]
    words = [t for t in following if not t.is_punct and not t.is_space][:6]
    named = any(t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for t in words[:5])
    if named and any(t.pos_ == "VERB" for t in words):
        return True  # 'screenwriter Cole Haddon wrote', 'mused host Stu Roe', "Ramos, 58, told"
    # a pronoun takes up the paraphrase's speaker ('"...," it read': the letter just named)
    return any(t.dep_ == "nsubj" and t.head.i >= start and t.pos_ != "PRON" for t in following)


def next_paragraph(gap: str) -> bool:
    """'Roe wrote in a piece for the Journal that ... may reconsider.\n\n"A Sanders win ..."':
    the attribution ends its paragraph (nothing but its own cue and speaker after it: "...,
    Roe said.", not "... The silence has been deafening.") and the quotation opens the next."""
    end, _break, start = gap.strip(" ").partition("\n")
    if start.strip() or SENTENCE_END.search(end.rstrip()) is None:
        return False
    inside = end.rstrip()[:-1]
    return word_count(end) <= 4 and not re.search(r"[.!?]\s", inside)


def goes_on(ctx: Context, previous: Attribution) -> bool:
    """Whether a quotation after the attribution may be its speaker's: not after a poll's or a
    study's finding ('a survey found that ... "In 2030, we'll all ..."' is a respondent's), nor
    after speech negated, refused or only supposed ("Roe did not say that ...")."""
    if previous.speaker is None or previous.speaker.role == "DOCUMENT":
        return False
    if previous.cue_head is None:
        return True
    cue = ctx.doc[previous.cue_head]
    return cue.lemma_.lower() not in ctx.lexicon.document and not attribution_kind(cue, ctx.lexicon)
