"""Names the tagger's own reading says are no actor's (issue 16, "actors").

- A person's name is made of names: a name of two or more words typed PERSON with a word the
  tagger itself reads as a common word (a verb, an adjective, a common noun: "Last Man
  Standing", "Top Secret" files, "Dirty Dancing" posters) and no given name the catalogues
  know, never under a title or a person's role, never a subject nor set beside a body's noun
  ("the advocacy group Autism Speaks": a body the tagger typed a person), never taken up by
  "he" or "she", is a work's, a slogan's or a thing's name. The tagger reads most such words
  as proper nouns, so a name whose words are all nouns WordNet writes in lower case ("Magic
  Box", "operations Desert Shield and Desert Storm", "a replica Purple Heart") is read as
  common words too; then it must also own nothing ("Conservative Solution's top donor") and
  come after no person's role nor beside a person's name ("comedian Carrot Top", "Brian
  Burton, AKA Danger Mouse").
- A one-word name typed a person or an organisation that only ever modifies a noun for a
  thing ("the Kazakh economy", "Hoosier polls", "a Latina-to-Latina program", "Bollywood
  films"), never acting, describes: a group word, or, when the gazetteer knows it, a place ("a
  Rochester rally", "the Copenhagen summit"). Not an outlet or a platform ("a CNN poll": the
  network polls; "Time magazine": the outlet and its kind), a body before its officer's title
  and name ("Acme co-founder Jane Roe"), an acronym or an institution's word ("FBI
  investigations", "a Senate race": bodies), a country, a given name ("his Bernie flag"), nor
  a person of the article ("the Clinton email scandal" is Hillary Clinton's, merged before),
  nor before a person's or a body's noun ("Trump supporters", "Obama administration").
- A name the article gives to a thing ("a chemical called IL-25", "a beer called Swing State
  Pale Ale", "a program called BleachBit", "a system known as SMART"): the noun it is the
  name of, by WordNet's most frequent sense, is a thing's or a work's, not a person's or a
  body's ("a group called Color of Change", "a cleric named Fethullah Gülen"); it is no
  actor unless it acts (types.ACTS) or is written in other forms too.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.openings import abstract_nouns
from presslens.stages.entities.retype import media_names, outlet_named, person_context
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import ACTS, Group, actor_type, mention_tokens
from presslens.stages.entities.works import SMALL_WORDS
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

COMMON_POS = frozenset({"VERB", "ADJ", "NOUN", "ADV", "AUX"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
CALLING = frozenset({"call", "name", "dub", "nickname", "know", "title", "brand"})
TITLE_REACH = 4  # tokens after the noun a name may start in: "Acme co - founder Jane Roe"


def common_words_named(group: Group, doc: Doc) -> bool:
    """Whether a PERSON name of two or more words reads as common words (module docstring)."""
    words = group.name.split()
    if len(words) < 2 or len(group.surfaces) > 1 or group.titles or group.genders:
        return False  # "Jane Roe" also written "Roe": a person's forms merged
    if actor_type(group) != "PERSON" or group.labels["PERSON"] > len(group.spans):
        return False  # a person's role word was seen ("adviser Jane Roe")
    if any(known_first_name(word) for word in words):
        return False
    lexical = english_words(words)  # "Magic Box", "Prison Break": nouns of the dictionary
    for span in group.spans:
        tokens = mention_tokens(doc, span)
        if tokens is None:
            return False
        common = lexical or english_plurals(tokens)  # "Battleground States"
        if not (common or any(common_word(t.text, t.pos_) for t in tokens)):
            return False
        root = tokens.root
        if root.dep_ in ("nsubj", "nsubjpass", "poss") or body_apposed(root):
            return False  # "the advocacy group Autism Speaks": a body the tagger typed PERSON
        if person_described(doc, tokens):
            return False  # "comedian Carrot Top", "Brian Burton, AKA Danger Mouse"
    return not any(person_context(doc, group, group.name))


@functools.cache
def english_nouns() -> frozenset[str]:
    """Every noun WordNet writes in lower case (resources/role_nouns.txt, abstract_nouns.txt)."""
    return frozenset().union(*load_roles().wide.values(), abstract_nouns())


def english_words(words: list[str]) -> bool:
    """Whether every word of a name but its small words is an English noun WordNet writes in
    lower case ("Magic Box", "Desert Storm"; not "Yasutaka Uchiyama")."""
    content = [word.lower() for word in words if word.casefold() not in SMALL_WORDS]
    return bool(content) and all(word in english_nouns() for word in content)


def english_plurals(tokens: DocSpan) -> bool:
    """Whether every word of a name but its small words is such a noun or, where the tagger
    reads the word as a plural, a plural of one ("Battleground States", "Broad Streets"; not
    "Tiger Woods", whose "Woods" it reads as a name)."""
    content = [t for t in tokens if t.is_alpha and t.text.casefold() not in SMALL_WORDS]
    return bool(content) and all(
        t.lower_ in english_nouns() or t.tag_ in ("NNS", "NNPS") and plural_of_noun(t.lower_)
        for t in content
    )


def plural_of_noun(word: str) -> bool:
    """A plural of a lower-case noun of WordNet ("states", "policies", "boxes")."""
    nouns = english_nouns()
    if word.endswith("ies") and word[:-3] + "y" in nouns:
        return True
    return word.endswith("s") and (word[:-1] in nouns or word.endswith("es") and word[:-2] in nouns)


def titles_a_name(doc: Doc, noun: Token) -> bool:
    """Whether the noun, with only nouns and hyphens after it, comes right before a person's
    name: "co-founder Jane Roe" (the tagger splits "co - founder")."""
    for token in doc[noun.i + 1 : noun.i + TITLE_REACH]:
        if token.ent_type_ == "PERSON":
            return True
        if token.pos_ != "NOUN" and token.text != "-":
            return False
    return False


def person_described(doc: Doc, tokens: DocSpan) -> bool:
    """Whether a person's role noun comes right before the name ("comedian Carrot Top") or the
    name is set in apposition to a person's name or role ("Brian Burton, AKA Danger Mouse")."""
    roles = load_roles()
    if tokens.start > 0 and roles.kind(doc[tokens.start - 1].text.lower()) == "PERSON":
        return True
    root = tokens.root
    if root.dep_ != "appos":
        return False
    return root.head.ent_type_ == "PERSON" or roles.kind(root.head.lemma_.lower()) == "PERSON"


def body_apposed(root: Token) -> bool:
    """Whether the name is set in apposition to a body's noun ("the group Autism Speaks")."""
    return root.dep_ == "appos" and load_roles().kind(root.head.lemma_.lower()) == "ORG"


def common_word(text: str, pos: str) -> bool:
    return pos in COMMON_POS and text[:1].isalpha() and text.casefold() not in SMALL_WORDS


def describing_kind(group: Group, doc: Doc) -> str | None:
    """'group' or 'place' for a one-word name that only ever describes (module docstring),
    None for any other name."""
    name = group.name
    if " " in name or group.person or group.titles or group.genders or group.acting:
        return None
    if actor_type(group) not in ("PERSON", "ORG") or rules().types.get(name):
        return None  # a country's name ("Russia") is no group word
    if name in rules().platforms or name.casefold() in media_names() or outlet_named(name):
        return None
    if name.isupper() or name in rules().standalone or known_first_name(name):
        return None  # "FBI investigations", "Senate race", "his Bernie flag": a body, a person
    if not all(modifies_a_thing(doc, span) for span in group.spans):
        return None
    return "place" if load_places().kind(name) is not None else "group"


def modifies_a_thing(doc: Doc, span: Span) -> bool:
    """Whether the mention only qualifies a common noun that names no person or body."""
    tokens = mention_tokens(doc, span)
    if tokens is None or len(tokens) != 1:
        return False
    word = tokens[0]
    noun = word.head
    if word.dep_ not in MODIFIER_DEPS or noun.pos_ != "NOUN" or noun.i == word.i:
        return False
    if noun.text.title() in rules().outlet_heads:
        return False  # "Time magazine", "the Fox network": the outlet named with its kind
    if titles_a_name(doc, noun):
        return False  # "Acme co-founder Jane Roe": a title before a name, the body's
    lemma = noun.lemma_.lower()
    return load_roles().kind(lemma) is None and lemma not in rules().person_bodies


def called_a_thing(group: Group, doc: Doc) -> bool:
    """Whether the article gives the name to a thing and it never acts (module docstring)."""
    if group.acting >= ACTS or group.titles or group.genders or len(group.surfaces) > 1:
        return False  # "the EB-5 Investment Coalition" merged with "a program known as EB-5"
    return any(thing_called(doc, span) for span in group.spans)


def thing_called(doc: Doc, span: Span) -> bool:
    """Whether the mention follows "<noun> called", "named", "dubbed" or "known as" (an
    article between), the noun a thing's or a work's, in the singular."""
    tokens = mention_tokens(doc, span)
    if tokens is None:
        return False
    start = (
        tokens.start - 1 if tokens.start and doc[tokens.start - 1].lower_ == "the" else tokens.start
    )
    if start > 1 and doc[start - 1].lower_ == "as":
        start -= 1  # "known as": the verb before "as"
    if start < 2 or doc[start - 1].lemma_.lower() not in CALLING:
        return False
    verb = doc[start - 1]
    if verb.dep_ not in ("acl", "relcl") or verb.head.tag_ != "NN":
        return False  # "opposition forces known as X": a name for many is a group's
    lemma = verb.head.lemma_.lower()
    roles = load_roles()
    return roles.kind(lemma) is None and (roles.thing(lemma) or roles.work(lemma))
