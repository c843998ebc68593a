"""The words that name each political party (resources/parties.txt): the quotes stage ties
roles and actors to parties with them (stages/quotes/parties.py), and the entities stage
reads a party's name set before a candidate's role as a description ("GOP nominee Jane
Roe": entities/junk.party_role)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from presslens.resources import parse_sections, read_text


@cache
def party_words() -> dict[str, str]:
    """Each lower-case word naming a party -> the party's key (one-letter tag forms included)."""
    lines = parse_sections(read_text("parties.txt"), ("parties",), "parties.txt")["parties"]
    words: dict[str, str] = {}
    for line in lines:
        key, *forms = line.split()
        words.update({form: key for form in (key, *forms)})
    return words


def party_of(token: Token) -> str | None:
    """The party a capitalised word names ("GOP", "Democratic", "Republicans"), if any; one
    letter is a party only in a tag (`tag_party`)."""
    if not token.text[:1].isupper() or len(token.text) < 2:
        return None
    return party_words().get(token.lower_) or party_words().get(token.lemma_.lower())
