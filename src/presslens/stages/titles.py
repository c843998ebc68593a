"""Titles in quotation marks, shared by the quotes stage and the entities stage.

A quoted run of capitalised words names a show, a book or a slogan ("The Steve Harvey Morning
Show", "Make America Great Again") more often than it reports speech. Holding a noun for a work
("The Late Show With Stephen Colbert"), beside one (his book, "An American Son"; the podcast
"Here's the Thing"; the "Squawk Box" program) or after a network's possessive (CNBC's "Squawk
Box"), or told something (told "Fox and Friends"), it is a work's title: no one's words, and the
names inside it ("This Week with George Stephanopoulos") are no actors acting. The nouns for
works are the `[work]` section of the WordNet catalogue (presslens.stages.roles).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from presslens.model import Span
from presslens.stages.roles import load_roles

TITLE_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
TITLE_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
TITLE_MAX_WORDS = 10
SENTENCE_INSIDE = re.compile(r"[.!?;:]\s")
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def capitalised_words(inner: str) -> list[str] | None:
    """The words of a quotation written as a title (each capitalised but the small ones, no
    sentence inside), None when it is not so written."""
    words = TITLE_WORDS.findall(inner)
    if not 1 <= len(words) <= TITLE_MAX_WORDS or SENTENCE_INSIDE.search(inner.strip()):
        return None
    if all(w[0].isupper() or w in TITLE_SMALL for w in words):
        return words
    return None


def title_like(inner: str) -> bool:
    """'"The Steve Harvey Morning Show"', '"Make America Great Again"': a quoted run of two
    capitalised words or more names a show, a book or a slogan; like a short fragment, it is
    speech only where the parse ties it to its cue."""
    words = capitalised_words(inner)
    if not words or words[0].lower() in TITLE_SMALL - {"a", "an", "the"}:
        return False  # "In Fisher," opening a quoted sentence
    return len([w for w in words if w.lower() not in TITLE_SMALL]) >= 2


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[span.start] if span is not None and len(span) else None


def work_noun(token: Token | None) -> bool:
    return (
        token is not None
        and token.pos_ in ("NOUN", "PROPN")
        and load_roles().work(token.lemma_.lower())
    )


def network_possessive(token: Token | None) -> bool:
    """'CNBC's' just before the quotation: a programme of that network."""
    return (
        token is not None
        and token.text in POSSESSIVE_MARKS
        and token.i > 0
        and token.doc[token.i - 1].ent_type_ == "ORG"
    )


def work_title(doc: Doc, text: str, span: Span, inner: Span) -> bool:
    """Whether a quotation (`span` with its marks, `inner` between them) of the doc's `text`
    is a work's title."""
    if capitalised_words(inner.of(text)) is None:
        return False
    opening = token_at(doc, span.start)
    closing = token_at(doc, span.end - 1)
    if opening is None or closing is None:
        return False
    before = doc[opening.i - 1] if opening.i > 0 else None
    if before is not None and before.text == "," and before.i > 0:
        before = doc[before.i - 1]  # 'his book, "An American Son"'
    after = doc[closing.i + 1] if closing.i + 1 < len(doc) else None
    words = doc[opening.i + 1 : closing.i]  # "The Late Show With Stephen Colbert"
    titled = title_like(inner.of(text))
    named_work = titled and any(work_noun(w) and w.ent_type_ != "PERSON" for w in words)
    told = titled and before is not None and before.lemma_ == "tell"  # told "Fox and Friends"
    return named_work or told or work_noun(before) or network_possessive(before) or work_noun(after)
