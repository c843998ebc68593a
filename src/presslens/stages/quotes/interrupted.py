"""Cues set inside or after the clause they report: "Y, he said, Z.", "These workers, Roe
said, were well paid", "... and "perhaps", he told reporters." The parse hangs such a cue on
the clause it interrupts (or joins it to the clause before); what was said is that clause
without the cue's own words."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.quotes.context import tells_whom
from presslens.stages.quotes.marks import SET_OFF
from presslens.stages.quotes.misparsed import set_off_segment
from presslens.stages.reporting import Lexicon, load_lexicon
from presslens.stages.roles import load_roles


def interrupted_clause(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """'Y, he said.' / 'Y, he said, Z.': the parser makes the cue a child of the clause. The
    cue names its speaker itself: a participle without one reports nothing of the clause before
    it ("... was ordered to make four releases, concluding the process by May")."""
    head = helped_verb(verb.head)
    if not (verb.lemma_.lower() in lexicon.clause or a_document_shows(verb, lexicon)):
        return None
    if head.i == verb.i:
        return None
    segment = set_off_segment(verb)
    if segment is not None:  # "A, union members say, is B": the sentence without the cue
        return [t for t in verb.sent if t.i not in segment[1] and not trailing(t, verb)]
    if head.i > verb.i and not parenthetical(verb):
        return None  # "The truth, the senator said then, was that ...": set off, it interrupts
    if not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return None
    if verb.dep_ == "conj":
        comma = closing_cue(verb)
        return [t for t in verb.sent if t.i < comma and not t.is_space] if comma else None
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in ("as", "that")
                                    for c in verb.children):  # fmt: skip
        return None  # "..., after de Blasio stated an interest": when, not whose words
    if head.i < verb.i and not any(t.is_punct for t in head.doc[head.i : verb.i]):
        return None
    own = {t.i for t in verb.subtree}
    return [t for t in head.subtree if t.i not in own and not trailing(t, verb)]


def trailing(token: Token, verb: Token) -> bool:
    """Punctuation after the cue, or the white space a paragraph ends with (the parse may hang
    it on the sentence's root): no part of what was said."""
    return token.is_space or token.is_punct and token.i > verb.i


def a_document_shows(verb: Token, lexicon: Lexicon) -> bool:
    """'A, a USA TODAY analysis shows.': a document's verb set after the clause it reports,
    its subject a document."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() not in lexicon.document or subject is None:
        return False
    return load_roles().kind(subject.lemma_.lower()) == "DOCUMENT"


def helped_verb(head: Token) -> Token:
    """'These workers, Roe said, were well paid': the parse may hang the cue on the
    auxiliary; the clause it interrupts is that of the verb the auxiliary helps."""
    while head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head
    return head


def closing_cue(verb: Token) -> int | None:
    """'People should provide evidence ... and "perhaps", he told reporters.': a cue the parse
    joined to the clause before as a conjunct, though only a comma stands before its subject
    and nothing of the sentence comes after it; the comma's index, which ends what was said."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i or subject.left_edge.i < 2:
        return None
    comma = subject.left_edge.i - 1
    if verb.doc[comma].text != "," or any(c.dep_ == "cc" for c in verb.children):
        return None
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "and that Tapper, Bash and Blitzer had mentioned it": its own clause
    told = tells_whom(verb, load_lexicon())  # "he told reporters": whom, not what
    if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and not told for c in verb.children):
        return None  # "Trump continued his attacks", "and, he argued, to help ...": its own
    rest = [t for t in verb.doc[verb.right_edge.i + 1 : verb.sent.end] if not t.is_space]
    return comma if all(t.is_punct for t in rest) else None


def parenthetical(verb: Token) -> bool:
    """The cue's clause stands between commas or dashes inside another sentence."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    if doc[last].is_punct:
        last -= 1
    marks = SET_OFF | {"--"}
    before = doc[first - 1].text if first > 0 and not doc[first].is_punct else doc[first].text
    after = doc[last + 1].text if last + 1 < len(doc) else ""
    return first > 0 and before in marks and after in marks


SUBJECT_LIKE = ("npadvmod", "nsubj", "dep", "nmod")


def fronted_clause(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """'These employees, Stumpf explained earlier in the hearing, were "well-paid"': the parse
    made the cue the sentence's root, the clause's subject a loose noun before it and its verb
    a conjunct after it. What was said is that noun and that verb's words."""
    if verb.lemma_.lower() not in lexicon.clause or verb.dep_ != "ROOT":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    comma = subject.left_edge.i - 1 if subject is not None else -1
    if comma <= verb.sent.start or verb.doc[comma].text != ",":
        return None
    front = [c for c in verb.children if c.i < comma]
    if (
        len(front) != 1
        or front[0].dep_ not in SUBJECT_LIKE
        or front[0].left_edge.i > verb.sent.start
    ):
        return None
    joined = next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i), None)
    if joined is None or joined.pos_ not in ("VERB", "AUX") or not after_comma(joined):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in joined.children):
        return None  # "A, Roe said, and Ray agreed": a clause of its own
    rest = [t for t in verb.doc[joined.left_edge.i : verb.sent.end] if not t.is_space]
    return [*front[0].subtree, *rest]


def after_comma(token: Token) -> bool:
    """The token's phrase opens right after a comma."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","
