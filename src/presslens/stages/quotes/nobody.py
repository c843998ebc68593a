"""Words in a speaker's place that name no one: a relative or demonstrative pronoun, "let's",
a number alone."""

from __future__ import annotations

from spacy.tokens import Token

NOT_SPEAKERS = {"that", "which", "this", "there", "what", "who", "these", "those", "one"}


def names_no_one(head: Token) -> bool:
    return head.lower_ in NOT_SPEAKERS or exhorted(head) or bare_number(head)


def bare_number(head: Token) -> bool:
    """'where 475 pledged delegates ...' parsed with "475" pledging: a number alone names no
    one ("Two of the senators", "47% say" have more words)."""
    return head.tag_ == "CD" and head.n_lefts + head.n_rights == 0


def exhorted(head: Token) -> bool:
    """'let's focus on ...', 'let us consider ...': the writer urging, not someone reported."""
    verb = head.head
    return head.lemma_ == "us" and verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ == "let"
