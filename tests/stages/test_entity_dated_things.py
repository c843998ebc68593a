"""A year between an article and a name dates a model or an edition of a thing, and names no
one (issue 16): "the 2017 Ford Fusion", which the tagger may call a person or a body. Invented
texts through `analyse()`."""

from __future__ import annotations

import presslens


def actors(text: str) -> dict[str, int]:
    return {a.name: len(a.mentions) for a in presslens.analyse(text).actors}


def test_a_model_dated_by_its_year_is_no_actor() -> None:
    text = (
        "Carmakers weigh a border tax\n\n"
        "A presentation that the trade minister carries shows what the 2017 Dorran Meridian, "
        "made in Hermosillo, in northern Mexico, would cost if a 35 percent tariff were "
        "imposed. Dana Kell, a spokeswoman for Halvern Motors, said the company would not "
        "comment. Halvern Motors builds two other cars in Mexico."
    )
    found = actors(text)
    assert "Dorran Meridian" not in found
    assert {"Dana Kell", "Halvern Motors"} <= set(found)


def test_a_person_as_of_a_year_is_still_named() -> None:
    text = (
        "A candidate changes his tune\n\n"
        "The 2008 Tobias Wrenfield would have opposed the farm bill. Wrenfield said on Monday "
        "that he had changed his mind, and Dana Kell, his spokeswoman, said he would vote for it."
    )
    assert actors(text).get("Tobias Wrenfield") == 2


def test_a_body_or_a_qualifier_after_a_year_is_kept() -> None:
    # the parse at times hangs the year on a body's name that qualifies a noun ("a 2014
    # University of California paper"), and the year may precede a name that qualifies a noun
    # ("the 2012 Wrenfield campaign"): unit tests on parses given by hand, as invented texts
    # parse right
    import spacy
    from spacy.tokens import Doc

    from presslens.stages.entities.junk import dated_thing

    words = ["a", "2014", "Corvell", "University", "paper", "found", "it", "."]
    heads = [4, 3, 3, 5, 3, 5, 5, 5]
    deps = ["det", "nummod", "compound", "nsubj", "appos", "ROOT", "dobj", "punct"]
    ents = ["O", "B-DATE", "B-ORG", "I-ORG", "O", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)
    assert doc.ents[1].text == "Corvell University" and not dated_thing(doc.ents[1])
    words = ["the", "2012", "Wrenfield", "campaign", "won", "."]
    heads = [3, 2, 3, 4, 4, 4]
    deps = ["det", "nummod", "compound", "nsubj", "ROOT", "punct"]
    ents = ["O", "B-DATE", "B-PERSON", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)
    assert doc.ents[1].text == "Wrenfield" and not dated_thing(doc.ents[1])
