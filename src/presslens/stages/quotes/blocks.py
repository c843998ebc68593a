"""Block quotations: a paragraph that ends with a speaker, a reporting verb and a colon ("The
governor added:"), a noun of speech its verb gives ("the Times gave Clinton a glowing
endorsement:") or "According to X" ("According to Jane Roe, writing for the Courier:"),
introduces the next paragraph, set apart without quotation marks, as that
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
        colon = lead.start + len(lead_in) - 1
        made = according_lead(ctx, colon, body) or verb_lead(ctx, colon, body)
        if made is not None:
            found.append(made)
    return found


def verb_lead(ctx: Context, colon: int, body: Span) -> Attribution | None:
    """'The governor added:' or 'the Times gave Clinton a glowing endorsement:' + the block."""
    last = cue_before_colon(ctx, colon)
    verb = last.head if last is not None and noun_cue(last) else last  # "gave ... a
    subject = subject_of(verb) if verb is not None else None  # glowing endorsement:"
    speaker = make_speaker(ctx.text, subject, ctx.actors) if subject is not None else None
    if last is None or verb is None or speaker is None:
        return None
    cue = Span(verb.idx, last.idx + len(last.text))  # words given: speech, whatever noun
    return Attribution("direct", body, cue, verb.i, speaker, BLOCK_CONFIDENCE)


def according_lead(ctx: Context, colon: int, body: Span) -> Attribution | None:
    """'According to Jane Roe, writing for the Courier:' + the block: Roe's words."""
    words = [t for t in ctx.doc[token_at(ctx, colon)].sent if not t.is_punct]
    if len(words) < 3 or words[0].lower_ != "according" or words[1].lower_ != "to":
        return None
    named = next((c for c in words[1].children if c.dep_ == "pobj"), None)
    speaker = make_speaker(ctx.text, named, ctx.actors) if named is not None else None
    if speaker is None:
        return None
    cue = Span(words[0].idx, words[1].idx + len(words[1].text))
    return Attribution("direct", body, cue, words[0].i, speaker, BLOCK_CONFIDENCE)


def cue_before_colon(ctx: Context, colon: int) -> Token | None:
    """The reporting verb that ends the lead-in ("The governor added:", "Roe told reporters:",
    "..., and added:"), if its last verb is one, or the noun of speech that ends it as that
    verb's object ("the Times gave Clinton a glowing endorsement:")."""
    mark = ctx.doc[token_at(ctx, colon)]
    verbs = [t for t in mark.sent if t.i < mark.i and t.pos_ in ("VERB", "AUX")]
    verb = verbs[-1] if verbs else None
    if verb is not None and verb.lemma_.lower() in ctx.lexicon.clause:
        return verb
    last = ctx.doc[mark.i - 1] if mark.i > 0 else None  # "the Times gave Clinton a glowing
    if last is None or last.lemma_.lower() not in ctx.lexicon.nouns or not noun_cue(last):
        return None  # endorsement:": a noun of speech its verb's subject gave
    return last if last.head.pos_ in ("VERB", "AUX") else None


def noun_cue(token: Token) -> bool:
    """A noun of speech that is its verb's object ("gave ... an endorsement:")."""
    return token.pos_ == "NOUN" and token.dep_ == "dobj"


def not_within(items: list[Attribution], blocks: list[Attribution]) -> list[Attribution]:
    """The attributions whose cue (or words, with no cue) lies outside every block: a cue in
    a block is the block speaker's own telling ("as you pointed out, Laura")."""
    return [
        item
        for item in items
        if not any(block.span.contains(item.cue or item.span) for block in blocks)
    ]


def lead_ins(items: list[Attribution], blocks: list[Attribution]) -> list[Attribution]:
    """Without the block's lead-in read on its own ("According to Roe, writing for the
    Courier:" is no words of Roe's, the block after it is)."""
    cues = {block.cue for block in blocks}
    return [item for item in items if item in blocks or item.cue is None or item.cue not in cues]


def quoted_sentences(ctx: Context, blocks: list[Attribution]) -> None:
    """Mark the sentences of each block as quoted words, none of the writer's: like those of
    a quotation in marks, they put no one further back ("the Times gave ... an endorsement:"
    + a paragraph + "Meanwhile, it attacked Trump": the Times)."""
    for number, (start, end) in enumerate(ctx.sentences):
        if end <= start:
            continue
        first, last = ctx.doc[start].idx, ctx.doc[end - 1].idx
        if any(block.span.start <= first and last < block.span.end for block in blocks):
            ctx.narrative[number] = False
