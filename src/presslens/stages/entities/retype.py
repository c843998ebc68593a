"""Types the tagger's votes get wrong, set right from the name itself and the article before
the forms of a name are merged (issue 16, "actors"). Only for a name under no title and not
only inside an indefinite description ("take home a Golden Globe"):
- an outlet's name (its last word a newspaper's or a broadcaster's, actors.json "outlet_heads":
  "Palo Alto Weekly", "Miami Herald"; a web address, "Politico.com"; a name of the sources
  stage's outlet catalogue, "Politico", unless a person of the article bears it, "Michael
  Bloomberg") is an organisation's;
- a town or county of the gazetteer written with its state or country ("Ferguson, Missouri",
  "San Pedro Sula, Honduras"), or a town of 50,000 or more the tagger calls a place more than
  half the time, is a place when nothing marks it as a person's (a title, a person's role,
  "he"/"she" taking it up, "X said", a person of the article whose surname it is);
- two or three words opening with a first name the Census or nickname catalogues know
  ("Alton Sterling", "Carly Fiorina", "Dwight D. Eisenhower") and ending with no common noun
  but a person's ("Eli Broad", "Jim Baker"), no plural ("Dallas Cowboys"), no organisation's,
  company's, school's or outlet's word ("Emerson College", "Edison Research") are a person's
  name, whatever the tagger said; not a place the gazetteer knows ("Santa Monica"), nor a name
  after a state's ("Virginia Tech"), nor a thing named for a person ("the Edgar A. Poe award"
  tagged FAC, "Ted Cruz Super" PAC), nor one the article also writes with a company's form
  ("Merrill Lynch & Co.").
- a name the tagger calls a person's that the grammar gives an organisation's noun of the role
  catalogue ("the Gülen movement, also known as Hizmet", "the company Theranos", "Theranos, a
  blood-testing company"), and never a person's role or title, is an organisation's; its first
  word alone, also typed a person, is its short form ("that Janney fire him", after "the
  investment company Janney Montgomery Scott": organisations.longer_names).
The one-word surname the tagger calls a place ("to Kasich", GPE) joins its person in names.py
(`owner_of`) unless the gazetteer knows it as a place.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.tokens import Doc, Token

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.resources import read_json
from presslens.stages.entities.names import (
    NAME_LABELS,
    PRONOUN_WINDOW,
    SUBJECTS,
    Key,
    common_noun,
    nicknamer,
    parse_person,
    pronoun_family,
)
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import (
    LEGAL_FORMS,
    PLACE_LABELS,
    Group,
    actor_type,
    mention_tokens,
    organisation_named,
)
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

WEB_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|gop|news|co|us|io)", re.I)
TOWNS = ("city", "county")
BIG_TOWN = 50_000  # a town the tagger alone calls a place ("Obama", Japan, 29,000: no)
SPEECH = frozenset({"say", "tell", "add", "argue", "write", "insist", "explain", "ask", "tweet"})


@functools.cache
def media_names() -> frozenset[str]:
    """The outlets the sources stage knows by name (resources/sources_cues.json)."""
    return frozenset(read_json("sources_cues.json")["media_names"])


def retype_groups(groups: dict[Key, Group], doc: Doc) -> None:
    """Outlets as organisations, towns as places, first names and surnames as people."""
    names = {key[0] for key in groups}
    for (name, gender), group in groups.items():
        if gender or group.titles or group.genders or only_describing(group):
            continue
        if outlet_named(name) and not surname_of_someone(name, names):
            relabel(group, "ORG")
        elif town_named(name, group, names, doc):
            relabel(group, "GPE")
        elif actor_type(group) == "PERSON" and body_named(group, doc):
            relabel(group, "ORG")
            group.body = True  # its short forms join it (organisations.longer_names)
        elif person_named(name, names) and not named_for_a_thing(group):
            relabel(group, "PERSON")


ALSO_NAMED = frozenset({"know", "call", "name", "dub"})  # "a movement known as X"


def body_named(group: Group, doc: Doc) -> bool:
    """A name the grammar gives an organisation's noun at least once (`body_noun_of`) and
    never a person's role word ("adviser Dugin": two more PERSON votes than mentions)."""
    if group.labels["PERSON"] > len(group.spans):
        return False
    for span in group.spans:
        tokens = mention_tokens(doc, span)
        if tokens is not None and body_noun_of(tokens.root, tokens.start):
            return True
    return False


def body_noun_of(root: Token, start: int) -> bool:
    """'the company Theranos', 'Theranos, a blood-testing company', 'the Gülen movement,
    also known as Hizmet': an organisation's noun of the hand-kept catalogue ("company",
    "group", "movement"; not WordNet's wider "ally", "publisher", nouns for people too) set
    before the name, in apposition to it or naming it ("known as", "called"). Not when a
    person's role is set there too (a misparse: "The firm -- owned by ..., hedge fund manager
    Bob Mercer --" hangs Mercer on "firm"), nor past another name ("Stephen K. Bannon of
    Breitbart News, a conservative website": the website is Breitbart's)."""
    doc = root.doc
    nouns = [child for child in root.children if child.dep_ == "appos" and not named_between(child)]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if start > 0 and doc[start - 1].dep_ == "compound":
        nouns.append(doc[start - 1])  # "the company Theranos"
    named = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if root.dep_ in ("pobj", "oprd") and named.lemma_.lower() in ALSO_NAMED:
        nouns.append(named.head)  # "a movement known as X", "a group called X"
    roles = load_roles()
    lemmas = [noun.lemma_.lower() for noun in nouns if noun.pos_ == "NOUN" and noun.is_lower]
    if any(roles.kind(lemma) == "PERSON" for lemma in lemmas):
        return False
    return any(lemma in roles.organisation for lemma in lemmas)


def named_between(appos: Token) -> bool:
    """Whether another name stands between a name and the noun in apposition after it: the
    noun is then most often that name's, the parse notwithstanding."""
    doc = appos.doc
    name_end = appos.head.i
    return any(token.ent_type_ for token in doc[name_end + 1 : appos.i])


def named_for_a_thing(group: Group) -> bool:
    """'the Edgar A. Poe award' (FAC), 'the John Wayne airport': a person's name the tagger
    only ever reads as a building's, or only ever set before a common noun."""
    return group.labels["FAC"] == sum(group.labels.values()) or group.media == len(group.spans)


def only_describing(group: Group) -> bool:
    """'take home a Golden Globe': a name only ever inside an indefinite description."""
    return group.descriptive == len(group.spans)


def relabel(group: Group, label: str) -> None:
    group.labels = Counter({label: sum(group.labels.values())})


def outlet_named(name: str) -> bool:
    """'Palo Alto Weekly', 'Politico.com', 'Politico': an outlet's name."""
    words = name.split()
    if len(words) >= 2 and words[-1] in rules().outlet_heads:
        return True
    return WEB_ADDRESS.fullmatch(name) is not None or name.casefold() in media_names()


def surname_of_someone(word: str, names: set[str]) -> bool:
    """Whether a full name of the article ends with the word ("Michael Bloomberg")."""
    return any(other.endswith(f" {word}") and parse_person(other) for other in names)


def town_named(name: str, group: Group, names: set[str], doc: Doc) -> bool:
    """A town or county of the gazetteer written with its state or country at least once or
    called a place by the tagger at least half the time, that nothing marks as a person's."""
    places = load_places()
    if places.kind(name) not in TOWNS or rules().types.get(name):
        return False
    if actor_type(group) in PLACE_LABELS:
        return False
    placed = group.labels["GPE"] + group.labels["LOC"]
    if not group.placed and (2 * placed <= len(group.spans) or places.population(name) < BIG_TOWN):
        return False
    if group.labels["PERSON"] > len(group.spans):
        return False  # a person's role word ("adviser Ferguson") was seen
    if surname_of_someone(name, names):
        return False  # "Clinton, Iowa" beside Hillary Clinton: the merge decides
    return not any(person_context(doc, group, name))


def person_context(doc: Doc, group: Group, name: str) -> list[bool]:
    """For each mention, whether it says a person's: "he" or "she" takes it up, or it says
    something ("Ferguson said")."""
    found = []
    for span in group.spans:
        if pronoun_family(doc, span, set(name.split())) in ("he", "she"):
            found.append(True)
            continue
        tokens = mention_tokens(doc, span)
        root = tokens.root if tokens is not None else None
        found.append(
            root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH
        )
    return found


def person_named(name: str, names: set[str]) -> bool:
    """Two or three words, a first name the catalogues know first, no common noun nor an
    organisation's, a company's or an outlet's word last, and no known place."""
    words = name.split()
    if len(words) not in (2, 3) or parse_person(name) is None:
        return False
    first, last = words[0], words[-1]
    if not catalogued_first_name(first) or common_noun(first) or first.isupper():
        return False
    if plural_noun(last) or last in rules().standalone or last in rules().outlet_heads:
        return False  # "Dallas Cowboys", "Senate", "Miami Herald"
    if last in rules().body_heads:
        return False  # "Emerson College", "Edison Research"
    if common_noun(last) and load_roles().kind(last.lower()) != "PERSON":
        return False  # "Grant Park", "Sandy Hook"; not "Eli Broad", "Jim Baker"
    if last.rstrip(".").casefold() in LEGAL_FORMS or organisation_named(name):
        return False
    places = load_places()
    if places.kind(name) is not None or places.kind(first) in ("country", "region"):
        return False  # "Santa Monica", "Virginia Tech"
    before = " ".join(words[:-1])
    if before in names and (len(words) == 3 or places.kind(before) is not None):
        return False  # "Ted Cruz Super" (PAC) beside Ted Cruz, "Cleveland Convention"
    # (a first name alone proves no such thing: "Sean Hannity" beside a vocative "Sean")
    return not any(other.startswith(f"{name} ") and company_form(other) for other in names)


def catalogued_first_name(word: str) -> bool:
    """A first name of the Census catalogue, or one the `nicknames` package gives short forms
    of (not the encoder's guess: "San", "Las", "Dow"; nor a short form alone: "West")."""
    return known_first_name(word) or bool(nicknamer().nicknames_of(word.casefold()))


def plural_noun(word: str) -> bool:
    """A common noun's plural ("Cowboys" of the Dallas Cowboys)."""
    return len(word) > 3 and word.endswith("s") and common_noun(word[:-1])


def company_form(name: str) -> bool:
    """'Merrill Lynch & Co.', 'Walt Disney Co': a company's legal form closing a longer name."""
    return name.split()[-1].rstrip(".").casefold() in LEGAL_FORMS


def retype_by_pronouns(groups: dict[Key, Group], doc: Doc) -> None:
    """'Politifact ... It rated', 'Theranos said its ...', 'Politifact ruled ... they
    published': a one-word name the tagger calls a person, never named with a title, a first
    name or a person's role, that the pronouns taking it up call "it" or "they" (two or more,
    none "he" or "she") is an organisation."""
    for key, group in groups.items():
        if " " in key[0] or key[1] or group.person or actor_type(group) != "PERSON":
            continue
        if group.titles or group.labels["PERSON"] > len(group.spans):
            continue  # a title or a person's role word ("adviser Dugin") was seen
        votes = Counter(thing_or_person_after(doc, span, key[0]) for span in group.spans)
        plural = sum(they_after(doc, span) for span in group.spans)
        if votes["thing"] + plural >= 2 and not votes["person"]:
            group.labels["ORG"] += group.labels.pop("PERSON")


def thing_or_person_after(doc: Doc, span: Span, word: str) -> str:
    """'thing' when the first third-person pronoun after a subject mention (before another
    name, outside quotations) is "it" or "its", 'person' when "he" or "she"; else ''."""
    family = pronoun_family(doc, span, {word}, NAME_LABELS)
    return {"it": "thing", "he": "person", "she": "person"}.get(family, "")


THEY = frozenset({"they", "their", "them"})
QUOTE_MARK = re.compile(r'["“”]|\B\'\'|``')
SINGULAR = frozenset({"he", "him", "his", "she", "her", "hers", "it", "its"})


def they_after(doc: Doc, span: Span) -> bool:
    """Whether the first third-person pronoun after a subject mention, outside quoted words, is
    "they" with no plural noun for people or bodies between them: one person's name between
    does not take up a "they" ("Politifact checked Donald Trump's claim ... they published")."""
    token = mention_tokens(doc, span)
    if token is None or token.root.dep_ not in SUBJECTS:
        return False
    # a pronoun in quoted words is the speaker's, about anyone (a mark may be on the name's
    # own token: 'Clinton:"We')
    inside = bool(QUOTE_MARK.search(doc[token.end - 1].text))
    for follower in doc[token.end : token.end + PRONOUN_WINDOW]:
        if QUOTE_MARK.search(follower.text):  # also one the tokenizer left on a word
            inside = not inside
            continue
        if inside:
            continue
        if follower.lower_ in SINGULAR:
            return False
        if follower.lower_ in THEY:
            return True
        if follower.tag_ in ("NNS", "NNPS") and people_word(follower):
            return False
    return False


def people_word(token: Token) -> bool:
    """A plural noun "they" may stand for: people or bodies ("voters", "Republicans")."""
    if token.ent_type_ in ("NORP", "ORG", "PERSON"):
        return True
    return load_roles().kind(token.lemma_.lower()) in ("PERSON", "ORG")
