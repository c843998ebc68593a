"""Speakers the parser hides: the usual misreadings of a sentence around a reporting verb
that leave the cue with no subject, or a speaker phrase with words not its own, mended from
the tokens around them (`speakers.subject_of` and `speakers.phrase_tokens` ask here)."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = ("nsubj", "csubj")


def whose_clause_subject(verb: Token) -> Token | None:
    """'Ms. Roe, whose company, Acme, sells seed, said ...': the parser reads the "whose"
    clause as what was said and leaves the cue with no subject; the name set before "whose" is
    the one speaking."""
    clause = whose_clause(verb)
    return None if clause is None else next(c for c in clause.children if c.dep_ in SUBJECTS)


def whose_clause(verb: Token) -> Token | None:
    """The clause a cue's subject opens with ", whose ..." when the parse took it for what
    was said (`whose_clause_subject`)."""
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i or doc[verb.i - 1].text != ",":
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.pos_ != "PROPN" or subject.i + 2 >= clause.i:
            continue
        if doc[subject.i + 1].text == "," and doc[subject.i + 2].lower_ in ("whose", "who"):
            return clause
    return None


def name_after_quotation(verb: Token) -> Token | None:
    """'"A," Mark Roe, the mayor's former aide, said of ...': the parse hangs the name on the
    quotation as an apposition and the cue on the quoted verb, so the cue has no subject of
    its own; the name set between the closing mark and the cue is the one speaking."""
    doc = verb.doc
    end = verb.i - 1
    if end < 2 or doc[end].text != ",":
        return None
    for token in reversed(doc[max(0, end - 20) : end]):
        if token.dep_ != "appos" or token.pos_ != "PROPN" or token.right_edge.i != end - 1:
            continue
        first = token.left_edge.i
        if first > 0 and doc[first - 1].is_quote and doc[first - 1].i > doc[first - 1].head.i:
            return token
    return None


def whose_apposition(token: Token) -> bool:
    """'Ms. Roe, whose company, Acme, ...': a "whose" clause the parse hung on as an
    apposition describes the speaker; it is not part of the name."""
    return token.dep_ == "appos" and any(c.lower_ == "whose" for c in token.children)
