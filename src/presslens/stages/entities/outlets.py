"""Outlets the tagger missed behind a capitalised "The" (issue 16, "actors").

A "The" written with a capital inside a sentence opens a title: a newspaper's, a magazine's, a
site's, a book's or a show's ("the editors of The Advocate", "Lee Wang of The Intercept",
"told The Star-Ledger"). The small tagger often gives such a title no name at all. The
capitalised words after it are an organisation's name when the grammar makes them one:

- what someone named is "of" ("George Roe of The Nation", "Ann Roe, editor at large of The
  Forward", "the editors of The Advocate"), unless a work's maker's noun stands right before
  the "of" ("Tom Hale, author of The Glut", "host of The Roe Show": a work, not a body);
- whom someone "told" ("told The Star-Ledger of Newark");
- apposed to an organisation's noun ("the local newspaper, The Perry Chief").

A title the tagger named too is read once (mentions.within_none keeps the longer mention).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.stages.roles import load_roles

MAKERS = frozenset({"author", "director", "producer", "creator", "star", "host", "composer"})
TOLD = frozenset({"tell"})
PERSON_LINKS = frozenset({"prep", "pobj", "appos", "amod", "advmod"})  # "editor at large of"


def untagged_outlets(doc: Doc, ents: list[DocSpan]) -> list[DocSpan]:
    """The entities, with the titles after a capitalised "The" that the grammar makes an
    organisation's name (see the module's docstring)."""
    found = [title for the in doc if (title := title_after(the)) is not None]
    found = [title for title in found if names_a_body(title)]
    if not found:
        return ents
    return sorted(ents + found, key=lambda ent: (ent.start, -ent.end))


def title_after(the: Token) -> DocSpan | None:
    """The capitalised words after a capitalised "The"."""
    doc = the.doc
    if the.text != "The":
        return None
    end = the.i + 1
    while end < len(doc) and title_word(doc[end]):
        end += 1
    return DocSpan(doc, the.i + 1, end, label="ORG") if end > the.i + 1 else None


def title_word(word: Token) -> bool:
    """A capitalised word, or the hyphen inside one ("Star-Ledger": three tokens); not a day
    the tagger reads as a date ("told The New York Times Tuesday")."""
    if word.ent_type_ in ("DATE", "TIME"):
        return False
    if word.text == "-" and not word.whitespace_ and not word.nbor(-1).whitespace_:
        return word.i + 1 < len(word.doc) and word.nbor().text.istitle()
    return word.text.istitle()


def names_a_body(title: DocSpan) -> bool:
    """Whether the grammar makes the title an organisation's (see the module's docstring)."""
    root = title.root
    head = root.head
    if root.dep_ == "appos" and load_roles().kind(head.lemma_.lower()) == "ORG":
        return True  # "the local newspaper, The Perry Chief"
    if root.dep_ in ("dobj", "dative") and head.lemma_ in TOLD:
        return True  # "told The Star-Ledger"
    if root.dep_ != "pobj" or head.lower_ != "of" or head.i == 0:
        return False
    return head.nbor(-1).lemma_.lower() not in MAKERS and someone_named(head.head)


def someone_named(word: Token) -> bool:
    """Whether the word "of" hangs on is a person's name, or a person's role noun leading to
    one or standing alone ("the editors of")."""
    for _ in range(4):
        if word.ent_type_ == "PERSON":
            return True
        if word.ent_type_ == "" and load_roles().kind(word.lemma_.lower()) == "PERSON":
            return True
        if word.dep_ not in PERSON_LINKS or word.head is word:
            return False
        word = word.head
    return False
