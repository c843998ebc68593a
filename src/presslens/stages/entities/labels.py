"""Labels the small tagger gets wrong, set right from the words around a name: a relative's
name taken for a product ("Ivanka Trump"), a place run into an organisation's name ("Indiana
GOP"), a city named with its state ("Worcester, Massachusetts" as a person), a person listed
among people ("Modi" as a place), a person's name run into the organisation before it ("Fox
News' Sean Hannity")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.nlp.columns import ents_of
from presslens.stages.entities.couples import untagged_partners
from presslens.stages.entities.names import common_noun, given_name
from presslens.stages.entities.retype import outlet_named
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import organisation_named
from presslens.stages.entities.variants import group_word_opens
from presslens.stages.places import load_places

OFTEN_MISTYPED = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT"})


def relative_named(ent: DocSpan, people: set[str], text: str) -> DocSpan:
    """A given name and the surname of a person of the article, which the tagger took for a
    product or a title ("Ivanka Trump" PRODUCT beside Donald Trump), is a person's name: one of
    the family. Its first word is a given name the catalogues know, or, unknown to them
    ("Ivanka"), the name is written more than once. Not "Trump Tower" (no given name first),
    nor "Harry Potter" when no Potter is a person of the article."""
    if ent.label_ not in OFTEN_MISTYPED or len(ent) not in (2, 3):
        return ent
    if not all(t.pos_ == "PROPN" and t.is_title for t in ent) or ent[0].text == ent[-1].text:
        return ent
    if ent[-1].text not in people or common_noun(ent[0].text):
        return ent  # "Queen Nancy"
    if not given_name(ent[0].text) and text.count(ent.text) < 2:
        return ent  # "Dump Trump", "Impeaching Trump": a slogan, a title, said once
    return DocSpan(ent.doc, ent.start, ent.end, label="PERSON")


def joined_names(doc: Doc) -> list[DocSpan]:
    """The parse's entities, a place's name that runs straight into an organisation's joined to
    it: the tagger splits "U.S. PIRG Education Fund" and "Indiana GOP" in two, and a place
    directly before an organisation's name is part of that name. A partner's name the tagger
    left out ("James and Olive Meehan") is added (couples.untagged_partners)."""
    ents = sorted([*ents_of(doc), *untagged_partners(doc)], key=lambda ent: ent.start)
    joined: list[DocSpan] = []
    for ent in ents:
        before = joined[-1] if joined else None
        if before is not None and before.label_ == "GPE" and ent.label_ == "ORG":
            if before.end == ent.start and doc[before.end - 1].whitespace_:
                joined[-1] = DocSpan(doc, before.start, ent.end, label="ORG")
                continue
        if before is not None and group_word_opens(before, ent):  # "Republican" + "National
            joined[-1] = DocSpan(doc, before.start, ent.end, label="ORG")  # Committee"
            continue
        joined.append(ent)
    return joined


def city_of_region(ent: DocSpan) -> bool:
    """A city's name (the gazetteer's) followed by a comma and the name of a state or country:
    "Hampstead, New Hampshire", "Worcester, Mass." is not known, "Worcester, Massachusetts" is."""
    places = load_places()
    doc = ent.doc
    if places.kind(ent.text) != "city" or ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    for size in (1, 2, 3):
        after = doc[ent.end + 1 : ent.end + 1 + size]
        if len(after) == size and places.kind(after.text) in ("region", "country"):
            return True
    return False


def listed_with_people(ent: DocSpan) -> bool:
    """A name in a list of three or more ('A, B and C') whose other members the tagger reads
    as people."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [first, *(t for t in first.subtree if t.dep_ == "conj")]
    others = [t for t in members if not (ent.start <= t.i < ent.end)]
    return len(others) >= 2 and all(t.ent_type_ == "PERSON" for t in others)


def owner_and_person(ents: list[DocSpan], people: set[str]) -> list[DocSpan]:
    """The entities with an organisation's name run into a person's after its possessive
    ("Fox News' Sean Hannity", "CNN's Jake Tapper" as one ORG) cut in two: the organisation and
    the person (`personal_name`). Not "Grayson's Democratic Senate primary", nor "McDonald's
    Corporation"."""
    return cut_in_two(ents, lambda ent: owner_end(ent, people))


def office_and_person(ents: list[DocSpan], people: set[str]) -> list[DocSpan]:
    """'Secretary of Defense Leon Panetta' tagged ORG "Defense Leon Panetta": the office's
    object and the person who holds it, cut in two (the object then goes as an office's
    word, `junk.office_word`); 'envoy to Ukraine Kurt Volker' tagged ORG "Ukraine Kurt
    Volker": the country and the person; "the Washington Post Trump said" tagged ORG: the
    newspaper and its subject (`subject_end`)."""
    return cut_in_two(
        ents,
        lambda ent: (
            office_end(ent, people)
            or place_end(ent, people)
            or outlet_end(ent, people)
            or subject_end(ent, people)
        ),
    )


Cut = tuple[int, int]  # where the organisation's part ends and the person's starts


def cut_in_two(ents: list[DocSpan], cut_of: Callable[[DocSpan], Cut | None]) -> list[DocSpan]:
    """Each ORG entity `cut_of` finds a cut in, as an ORG part and a PERSON part."""
    found: list[DocSpan] = []
    for ent in ents:
        cut = cut_of(ent) if ent.label_ == "ORG" else None
        if cut is None:
            found.append(ent)
            continue
        found.append(DocSpan(ent.doc, ent.start, cut[0], label="ORG"))
        found.append(DocSpan(ent.doc, cut[1], ent.end, label="PERSON"))
    return found


def owner_end(ent: DocSpan, people: set[str]) -> Cut | None:
    mark = next((t.i for t in ent[1:-2] if possessive(t)), None)
    if mark is None or not personal_name(ent.doc[mark + 1 : ent.end], people):
        return None
    return mark, mark + 1  # the possessive mark goes with neither


def office_end(ent: DocSpan, people: set[str]) -> Cut | None:
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return None
    if doc[ent.start - 2].lower_ not in rules().offices:
        return None
    if len(ent) in (3, 4) and personal_name(ent[1:], people):  # one word of office, the name
        return ent.start + 1, ent.start + 1
    return None


def place_end(ent: DocSpan, people: set[str]) -> Cut | None:
    """A country's or a region's name (the gazetteer's) run into the name of a person the
    article names elsewhere ("Volker"): not "Texas Politics Project"."""
    places = load_places()
    for size in (1, 2):
        name = ent[size:]
        if len(name) in (2, 3) and places.kind(ent[:size].text) in ("country", "region"):
            if name[-1].text in people and personal_name(name, people):
                return name.start, name.start
    return None


def outlet_end(ent: DocSpan, people: set[str]) -> Cut | None:
    """'At CPAC, Fox News Sean Hannity asked ...': an outlet's name run into a personal name
    with no possessive between (owner_end reads "Fox News' Sean Hannity")."""
    start = ent.start + (ent[0].lower_ == "the")
    for cut in range(start + 1, ent.end - 1):
        if outlet_named(ent.doc[start:cut].text) and personal_name(ent.doc[cut : ent.end], people):
            return cut, cut
    return None


def subject_end(ent: DocSpan, people: set[str]) -> Cut | None:
    """'a meeting with the editorial board of the Washington Post Trump said that ...': an
    outlet's or an organisation's name of two words or more (its head an outlet's or a body's
    noun: `retype.outlet_named`, `types.organisation_named`) run into the surname of a person the
    article names elsewhere, straight before a verb the parse left with no other subject: the
    surname is that verb's subject (not "Goldman Sachs": one word before the surname)."""
    doc, last = ent.doc, ent[-1]
    if ent.end >= len(doc) or last.text not in people:
        return None
    body = ent[1:-1] if ent[0].lower_ == "the" else ent[:-1]
    if len(body) < 2 or not (outlet_named(body.text) or organisation_named(body.text)):
        return None  # "Actress Amandla Stenberg was ...": no body's name before the surname
    verb = doc[ent.end]
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj") and c != last]
    if verb.pos_ not in ("VERB", "AUX") or subjects:
        return None
    return last.i, last.i


def possessive(token: Token) -> bool:
    """'s, or an apostrophe after a plural's s ("Fox News’", which the tagger reads as a
    closing quotation mark)."""
    if token.tag_ == "POS":
        return True
    before = token.doc[token.i - 1]
    return token.text in ("'", "’") and before.text.endswith("s") and not before.whitespace_


def personal_name(words: DocSpan, people: set[str]) -> bool:
    """Two or three capitalised proper nouns, a given name first, last a person's surname or
    at least no common noun nor an institution's name ("Senate")."""
    if len(words) not in (2, 3) or not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return False
    first, last = words[0].text, words[-1].text
    if not given_name(first) or common_noun(first):
        return False
    return last in people or not (common_noun(last) or last in rules().standalone)
