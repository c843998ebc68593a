"""Outlets the tagger missed behind a capitalised "The" (issue 16, "actors"): "the editors of
The Clarion", "told The Star-Ledger", "the local newspaper, The Perry Chief" name a body
(stages/entities/outlets.py); "author of The Age of Plenty" names a book; on invented texts."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import presslens
from presslens.stages.entities.outlets import names_a_body, title_after


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "That did not sit well with the editors of The Clarion, who wrote a sharp reply.",
            "Clarion",
        ),
        ("Roe told The Star-Ledger of Newark last week that she would not resign.", "Star-Ledger"),
        ("A student wrote to the local newspaper, The Perry Chief, about the plan.", "Perry Chief"),
        ("Ann Roe of The Forward asked the mayor about the plan on Friday.", "Forward"),
        ("Ann Roe told The Clarion Tuesday that she would not resign.", "Clarion"),
    ],
)
def test_a_title_after_a_capitalised_the_names_an_outlet(sentence: str, name: str) -> None:
    found = actors(
        "Mayor faces questions over the bridge plan\n\n"
        "Mayor Tom Hale said on Monday that the bridge would be built by 2020. "
        f"{sentence} Hale said he would answer every question.\n"
    )
    assert found.get(name, ("", 0))[0] == "ORG"


def parsed(words: str, heads: list[int], deps: list[str]) -> Doc:
    """A parse given by hand, the first word a person's name."""
    tokens = words.split()
    ents = ["B-PERSON"] + ["O"] * (len(tokens) - 1)
    lemmas = [t.lower() for t in tokens]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=tokens, heads=heads, deps=deps, ents=ents, lemmas=lemmas)


def test_a_title_after_its_makers_noun_is_a_work() -> None:
    """ "Tom Hale, author of The Age of Plenty": a book, not a body. Given by hand: the small
    tagger names most invented titles itself, so invented texts never reach the rule."""
    deps = ["nsubj", "punct", "appos", "prep", "det", "pobj", "punct", "ROOT", "punct"]
    doc = parsed("Hale , author of The Glut , said .", [7, 0, 0, 2, 5, 3, 0, 7, 7], deps)
    title = title_after(doc[4])
    assert title is not None and title.text == "Glut"
    assert not names_a_body(title)
    deps = ["nsubj", "prep", "det", "pobj", "ROOT", "punct"]
    doc = parsed("Roe of The Glut said .", [4, 0, 3, 1, 4, 4], deps)
    title = title_after(doc[2])
    assert title is not None and names_a_body(title)
