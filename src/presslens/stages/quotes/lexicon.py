"""The word lists of the quotes stage, each loaded once: the reporting cues
(resources/reporting_verbs.txt) and the speakers' role nouns (resources/speaker_roles.txt, kept
by hand, then resources/role_nouns.txt, the rest of English's from WordNet)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from presslens.resources import parse_sections, read_text

SECTIONS = (
    "clause",
    "intent",
    "nouns",
    "document",
    "object",
    "preposition",
    "accusation",
    "adjective",
    "stance",
    "refusal",
    "speech",
    "modal",
)

ROLE_SECTIONS = ("person", "organisation", "document", "male", "female", "spokesperson")
CATALOGUE_SECTIONS = ("person", "organisation", "male", "female", "relational", "same", "thing")


@dataclass(frozen=True, slots=True)
class Lexicon:
    clause: frozenset[str]  # verbs reporting a clause or a quotation
    intent: frozenset[str]  # verbs reporting an intention through a to-infinitive
    nouns: frozenset[str]  # nouns reporting what someone said or holds
    document: frozenset[str]  # verbs whose subject is often a poll or a study
    object: frozenset[str] = frozenset()  # verbs whose direct object is the content
    preposition: frozenset[str] = frozenset()  # "verb preposition" pairs: "call for"
    accusation: frozenset[str] = frozenset()  # "accuse of", "blame for": whom, and of what
    adjective: frozenset[str] = frozenset()  # "X is confident that ..."
    # what kind of attribution a cue makes (they find none of their own)
    stance: frozenset[str] = frozenset()  # "X opposes ...", "X seeks to ...": not speech
    refusal: frozenset[str] = frozenset()  # "X declined to comment"
    speech: frozenset[str] = frozenset()  # speaking verbs besides [clause]: "elaborate"
    modal: frozenset[str] = frozenset()  # "X could say": hypothetical speech

    verbs: frozenset[str] = frozenset()  # every verb above, for a quick first test


# endings that make a noun for a person: "activist", "historian", "anchorman"; long words
# only ("list", "twist", "wrist" are things)
PERSON_SUFFIXES = ("ist", "ian", "man", "woman")
MIN_SUFFIXED = 7


@dataclass(frozen=True, slots=True)
class Roles:
    """Role nouns a speaker phrase may be ("the candidate"), and nouns that say a gender. The
    hand-kept lists decide first; `wide` is the WordNet catalogue (role_nouns.txt)."""

    person: frozenset[str]
    organisation: frozenset[str]
    document: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    spokesperson: frozenset[str] = frozenset()  # "officials at X" speak for X
    wide: dict[str, frozenset[str]] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)  # role -> the first of its synset

    def kind(self, lemma: str) -> str | None:
        """PERSON, ORG or DOCUMENT for a role noun, None for any other noun. A noun of a
        person's make ("scientist", "historian", "congressman") is a person's role too."""
        if lemma in self.person or lemma in self.male or lemma in self.female:
            return "PERSON"
        if len(lemma) >= MIN_SUFFIXED and lemma.endswith(PERSON_SUFFIXES):
            return "PERSON"
        if lemma in self.organisation:
            return "ORG"
        if lemma in self.document:
            return "DOCUMENT"
        if lemma in self.wide.get("person", ()):
            return "PERSON"
        return "ORG" if lemma in self.wide.get("organisation", ()) else None

    def gender(self, lemma: str) -> str | None:
        if lemma in self.male or lemma in self.wide.get("male", ()):
            return "m"
        if lemma in self.female or lemma in self.wide.get("female", ()):
            return "f"
        return None

    def thing(self, lemma: str) -> bool:
        """A noun for a thing, a state or a quantity ("climate", "border"), not an act, a
        person or a body: what a place owns without acting."""
        return lemma in self.wide.get("thing", ())

    def same_as(self, lemma: str) -> str:
        """One name for roles of one sense: "attorney" and "lawyer" are both "attorney"."""
        return self.synonyms.get(lemma, lemma)

    def relational(self, lemma: str) -> bool:
        """Someone who stands for another ("the spokesman", "his lawyer", "the wife"): only an
        actor the article gives that role is them; the nearest person is most often the one
        they stand for."""
        return lemma in self.spokesperson or lemma in self.wide.get("relational", ())


def lemma_sections(raw: str, sections: tuple[str, ...], what: str) -> dict[str, set[str]]:
    """The sections of a lexicon of lower-case lemmas (presslens.resources.parse_sections)."""
    found = parse_sections(raw.lower(), sections, what)
    return {name: set(words) for name, words in found.items()}


def parse_lexicon(raw: str) -> Lexicon:
    found = lemma_sections(raw, SECTIONS, "reporting lexicon")
    verbs = set().union(*(found[name] for name in ("clause", "intent", "document", "object")))
    verbs |= {pair.split()[0] for pair in found["preposition"] | found["accusation"]}
    return Lexicon(
        **{name: frozenset(words) for name, words in found.items()}, verbs=frozenset(verbs)
    )


@functools.cache
def load_lexicon() -> Lexicon:
    raw = read_text("reporting_verbs.txt")
    return parse_lexicon(raw)


def parse_roles(raw: str, catalogue: str = "") -> Roles:
    found = lemma_sections(raw, ROLE_SECTIONS, "speaker roles")
    wide = lemma_sections(catalogue, CATALOGUE_SECTIONS, "role nouns") if catalogue else {}
    groups = [line.split() for line in wide.pop("same", set())]
    return Roles(
        **{name: frozenset(words) for name, words in found.items()},
        wide={name: frozenset(words) for name, words in wide.items()},
        synonyms={word: min(group) for group in groups for word in group},
    )


@functools.cache
def load_roles() -> Roles:
    return parse_roles(read_text("speaker_roles.txt"), read_text("role_nouns.txt"))
