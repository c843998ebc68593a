"""'According to X, ...': the clause the phrase modifies is what X says (and, when the phrase
sits in brackets, only the bracketed words: "(the number is 15, according to X)")."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from presslens.model import Span
from presslens.stages.quotes.context import Attribution, Context, is_cue_verb, subtree_span, trim
from presslens.stages.quotes.kinds import attribution_kind
from presslens.stages.quotes.speakers import make_speaker


def according_attribution(ctx: Context, token: Token) -> Attribution | None:
    """'according to X, ...': the clause it modifies, without the phrase itself."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is None or source is None or token.i in ctx.quote_of_token:
        return None  # `to is None` implies `source is None`: spelled out for the type checker
    if reported_by_its_verb(ctx, token):
        return None
    speaker = make_speaker(ctx.text, source, ctx.actors)
    if speaker is None:
        return None
    phrase = {t.i for t in token.subtree}
    if token.dep_ == "ROOT" and any(
        c.lower_ in THAT_IS and c.dep_ == "nsubj" for c in token.children
    ):
        # "That's according to X": the parse made it the sentence's verb
        phrase = {token.i} | {t.i for t in to.subtree}
    sentence = token.sent
    words = bracketed(token) or sentence  # "(the number is 15, according to X)": only that
    before = [t for t in words if t.i < token.i and t.i not in phrase and not t.is_space]
    after = [t for t in words if t.i > token.i and t.i not in phrase and not t.is_space]
    side = after if len(after) >= len(before) else before
    if before and opens_another_clause(after):
        side = before  # "Roe leads by 271 delegates according to X, but Ray has vowed ..."
    kept = ('"', "“", "”", "''", "``", "%")  # quotation marks, and "60%" keeps its sign
    side = [t for t in side if not t.is_punct or t.text in kept] or side
    if side and all(t.lower_ in THAT_IS for t in side):
        side = sentence_before(sentence)  # "That's according to exit polls": what it says
    if not side or bare_report(ctx, side):
        return None
    cue = Span(token.idx, to.idx + len(to.text))
    span = trim(ctx.text, subtree_span(side))
    return Attribution("indirect", span, cue, token.i, speaker, 0.75) if span else None


def opens_another_clause(words: list[Token]) -> bool:
    """Whether the words after the phrase open with a joining word ("but", "and", "yet"): a
    clause of its own, not what the phrase's source says."""
    first = next((t for t in words if not t.is_punct), None)
    return first is not None and first.dep_ == "cc"


def reported_by_its_verb(ctx: Context, token: Token) -> bool:
    """'Trump told donors that the wall would be built, according to a transcript': the phrase
    hangs on a verb of saying with a subject and a clause of its own, said outright; the
    subject is the one speaking, and "according to" only says where the writer read it (the
    sources stage keeps that). An intent ("pledged to support X, according to Y") or a
    stance stays the account of the one the writer has it from."""
    verb = token.head
    if verb.i == token.i or verb.i in ctx.quote_of_token or not is_cue_verb(verb, ctx.lexicon):
        return False  # 'According to Roe, "Acme revealed ..."': the quoted verb is Roe's words
    if not any(c.dep_ == "ccomp" for c in verb.children) or attribution_kind(verb, ctx.lexicon):
        return False  # "pledged to support the senator, according to Ed Bowman": his account
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ not in ("it", "this", "that")


def bare_report(ctx: Context, side: list[Token]) -> bool:
    """'"...?" Roe asked, according to a transcript': the words are only a speaker and a cue,
    which report the quotation before them; the phrase says where the writer read it."""
    verbs = [t for t in side if is_cue_verb(t, ctx.lexicon)]
    if len(verbs) != 1:
        return False
    subject = next((c for c in verbs[0].children if c.dep_ == "nsubj"), None)
    own = {verbs[0].i} | ({t.i for t in subject.subtree} if subject is not None else set())
    return subject is not None and all(t.i in own or t.is_quote for t in side)


# documents whose findings a writer sets before them: "In the latest poll, Clinton led"
FINDINGS = frozenset({"poll", "survey", "study", "analysis", "audit", "average", "census"})
OPENERS = frozenset({"but", "and", "still", "yet", "so"})  # "But in the poll, ..."


def findings_attribution(ctx: Context, token: Token) -> Attribution | None:
    """'In the previous Post/ABC poll, Clinton led Trump by 5 points': a sentence opened by
    "in" and a poll, a survey or a study reports what that document found, when its own verb
    reports nothing ("In a 2013 memo, the agency suggested" has its cue; a statement or a
    letter has a writer, so only documents of findings count)."""
    if token.lower_ != "in" or token.dep_ != "prep" or not opens_sentence(token):
        return None
    verb = token.head
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in FINDINGS or verb.dep_ != "ROOT":
        return None
    if verb.i in ctx.quote_of_token or verb.lemma_.lower() in ctx.lexicon.verbs:
        return None  # "In a study, economists found ...": the verb's own attribution
    if is_cue_verb(verb, ctx.lexicon):
        return None
    if names_its_people(verb):
        return None  # "In a study, three economists -- Jo Roe, ... -- raised": theirs
    speaker = make_speaker(ctx.text, source, ctx.actors)
    phrase = {t.i for t in token.subtree}
    side = [t for t in token.sent if t.i > token.i and t.i not in phrase and not t.is_space]
    side = past_participial(side)  # "In the poll, conducted May 1-3, 40 percent back Roe"
    side = [t for t in side if not t.is_punct or t.text in ('"', "“", "”", "%")]
    if speaker is None or len(side) < 4:  # "In the latest polls, he doesn't": too little
        return None
    span = trim(ctx.text, subtree_span(side))
    cue = Span(token.idx, token.idx + len(token.text))
    return Attribution("indirect", span, cue, token.i, speaker, 0.65) if span else None


def names_its_people(verb: Token) -> bool:
    """The clause's subject is people it names ("three economists -- Jo Roe at ..."): the
    authors, whose own doing the clause tells."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ == "PERSON":
        return False  # "In this poll, Trump rose": a finding about a person
    return any(t.ent_type_ == "PERSON" for t in subject.subtree)


def past_participial(side: list[Token]) -> list[Token]:
    """The words after a participial phrase set off by commas that opens them (the parse may
    read its participle as a past tense)."""
    start = next((n for n, t in enumerate(side) if not t.is_punct), len(side))
    if start == 0 or start == len(side) or side[start].tag_ not in ("VBN", "VBD"):
        return side
    comma = next((n for n, t in enumerate(side) if n > start and t.text == ","), None)
    return side[comma + 1 :] if comma is not None else side


def opens_sentence(token: Token) -> bool:
    """The first word of its sentence, or after an opening "But", "And" ..."""
    before = [t for t in token.sent if t.i < token.i and not t.is_punct]
    return not before or (len(before) == 1 and before[0].lower_ in OPENERS)


THAT_IS = frozenset({"that", "this", "is", "was", "'s", "’s"})


def bracketed(token: Token) -> DocSpan | None:
    """The words between the brackets around the token, inside its sentence, if any."""
    sentence = token.sent
    opening = next((t for t in reversed(sentence[: token.i - sentence.start])
                    if t.text in "()"), None)  # fmt: skip
    closing = next((t for t in sentence[token.i - sentence.start :] if t.text in "()"), None)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")":
        return None
    return token.doc[opening.i + 1 : closing.i]


def sentence_before(sentence: DocSpan) -> list[Token]:
    """The words of the sentence before, in the same paragraph; none at a paragraph's start."""
    if sentence.start == 0:
        return []
    before = sentence.doc[sentence.start - 1].sent
    between = sentence.doc.text[before.start_char : sentence.start_char]
    if "\n" in between[len(between.rstrip()) :]:
        return []
    return [t for t in before if not t.is_punct]
