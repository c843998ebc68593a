"""A person's sex as the article or the first name tells it, for telling namesakes apart
("Mrs. Clinton" is Hillary, not Bill; "his son, Eric Trump")."""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.model import Span
from presslens.nlp.firstnames import given_name_sex
from presslens.stages.entities.types import mention_tokens
from presslens.stages.roles import load_roles


def role_gender(doc: Doc, span: Span) -> str:
    """The sex a gendered role noun in apposition to the name says ("Ivana Trump, his first
    wife", "his son, Eric Trump"), '' for none."""
    tokens = mention_tokens(doc, span)
    if tokens is None:
        return ""
    root = tokens.root
    apposed = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        apposed.append(root.head)
    roles = load_roles()
    for word in apposed:
        sex = roles.gender(word.lemma_.lower())
        if sex:
            return {"m": "male", "f": "female"}[sex]
    return ""


def told_apart(owner: str, gender: str, namesakes: list[str], genders: dict[str, str]) -> bool:
    """Whether first names (or a role: "her husband, Saeed Abedini") tell which of the people
    sharing a surname a title of `gender` stands for: another's says the other sex ("Mr.
    Clinton" is Bill when Hillary Clinton is named too). The owner's own first name does not:
    "Mr. Bush" beside George W. Bush and a "Mrs. Bush" may be Jeb, never named in full."""
    others = [n for n in namesakes if n != owner]
    return any((genders.get(n) or likely_gender(n)) not in ("", gender) for n in others)


def first_names_saying(fits: list[str], gender: str) -> list[str]:
    """Of several people, those whose first name does not say the other sex. For a woman's
    title, those whose first name says a woman's, if any does ("Mrs. Clinton" is Hillary or
    Chelsea, never Bill): men's names sit near the middle of the encoder's scale, so a first
    name it is unsure of is more often a man's (a man's title keeps them: "Mr. Bush" beside
    George W. and Prescott Bush may be either, or Jeb)."""
    same = [n for n in fits if likely_gender(n) == gender]
    if gender == "female" and same:
        return same
    return [n for n in fits if likely_gender(n) in ("", gender)] or fits


def likely_gender(name: str) -> str:
    """The sex a person's first name says ('male', 'female', '' when it says none)."""
    sex = given_name_sex(name) if " " in name else None
    return {"m": "male", "f": "female"}.get(sex or "", "")
