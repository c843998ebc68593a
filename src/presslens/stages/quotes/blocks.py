"""Block quotations: a paragraph that ends with a speaker, a reporting verb and a colon ("The
governor added:") introduces the next paragraph, set apart without quotation marks, as that
speaker's words. Only the one paragraph right after it: where such a block ends is not marked.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.model import Span
from presslens.stages.quotes.context import Attribution, Context, token_at, trim
from presslens.stages.quotes.marks import MARKS
from presslens.stages.quotes.speakers import make_speaker
from presslens.stages.quotes.subjects import subject_of

BLOCK_CONFIDENCE = 0.6
QUOTE_MARKS = MARKS + "'‘’"  # double marks as the quotes stage pairs them, and single ones


def block_attributions(ctx: Context, paragraphs: tuple[Span, ...]) -> list[Attribution]:
    """A direct quote for each paragraph set after a speaker's reporting verb and a colon."""
    found = []
    for lead, block in zip(paragraphs, paragraphs[1:], strict=False):
        lead_in = lead.of(ctx.text).rstrip()
        body = trim(ctx.text, block)
        if not lead_in.endswith(":") or not body or body.of(ctx.text)[:1] in QUOTE_MARKS:
            continue
        verb = cue_before_colon(ctx, lead.start + len(lead_in) - 1)
        subject = subject_of(verb) if verb is not None else None
        speaker = make_speaker(ctx.text, subject, ctx.actors) if subject is not None else None
        if verb is None or speaker is None:
            continue
        cue = Span(verb.idx, verb.idx + len(verb.text))
        found.append(Attribution("direct", body, cue, verb.i, speaker, BLOCK_CONFIDENCE))
    return found


def cue_before_colon(ctx: Context, colon: int) -> Token | None:
    """The reporting verb that ends the lead-in ("The governor added:", "Roe told reporters:",
    "..., and added:"), if its last verb is one."""
    mark = ctx.doc[token_at(ctx, colon)]
    verbs = [t for t in mark.sent if t.i < mark.i and t.pos_ in ("VERB", "AUX")]
    verb = verbs[-1] if verbs else None
    return verb if verb is not None and verb.lemma_.lower() in ctx.lexicon.clause else None


def not_within(items: list[Attribution], blocks: list[Attribution]) -> list[Attribution]:
    """The attributions whose cue (or words, with no cue) lies outside every block: a cue in
    a block is the block speaker's own telling ("as you pointed out, Laura")."""
    return [
        item
        for item in items
        if not any(block.span.contains(item.cue or item.span) for block in blocks)
    ]
