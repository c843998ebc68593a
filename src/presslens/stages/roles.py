"""Role nouns, shared by the quotes stage (who a speaker phrase like "the candidate" may be)
and the entities stage (a name used for a kind of people, a place owning a thing).

Two files, each loaded once: resources/speaker_roles.txt, kept by hand, decides first; then
resources/role_nouns.txt, the rest of English's nouns from WordNet by their most frequent sense
(built by train/roles/wordnet.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from presslens.resources import parse_sections, read_text

ROLE_SECTIONS = (
    "person",
    "organisation",
    "institution",
    "document",
    "male",
    "female",
    "spokesperson",
    "offices",
    "bare",
    "same",
)
CATALOGUE_SECTIONS = (
    "person",
    "organisation",
    "male",
    "female",
    "relational",
    "structure",
    "work",
    "occasion",
    "same",
    "thing",
)

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
    institution: frozenset[str] = frozenset()  # "the court": only a body named so
    offices: frozenset[str] = frozenset()  # "mayor", "senator": one at a time
    bare: frozenset[str] = frozenset()  # "the woman": only someone called so
    wide: dict[str, frozenset[str]] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)  # role -> the first of its synset

    def kind(self, lemma: str) -> str | None:
        """PERSON, ORG or DOCUMENT for a role noun, None for any other noun. A noun of a
        person's make ("scientist", "historian", "congressman") is a person's role too."""
        if lemma in self.person or lemma in self.male or lemma in self.female:
            return "PERSON"
        if len(lemma) >= MIN_SUFFIXED and lemma.endswith(PERSON_SUFFIXES):
            return "PERSON"
        if lemma in self.organisation or lemma in self.institution:
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

    def body_noun(self, lemma: str) -> bool:
        """An organisation's noun that is no thing too ("coalition", "committee"; not "bank",
        "house"): the head of a body's name."""
        return self.kind(lemma) == "ORG" and not self.thing(lemma)

    def thing(self, lemma: str) -> bool:
        """A noun for a thing, a state or a quantity ("climate", "border"), not an act, a
        person or a body: what a place owns without acting."""
        return lemma in self.wide.get("thing", ())

    def structure(self, lemma: str) -> bool:
        """A building or a work ("tower", "hotel", "museum", "airport"), by WordNet's most
        frequent sense."""
        return lemma in self.wide.get("structure", ())

    def work(self, lemma: str) -> bool:
        """A work with a title ("book", "film", "podcast", "show"): presslens.stages.titles."""
        return lemma in self.wide.get("work", ())

    def occasion(self, lemma: str) -> bool:
        """An election, a contest or a meeting ("primary", "race", "caucus", "rally"): held
        somewhere, by WordNet's most frequent sense."""
        return lemma in self.wide.get("occasion", ())

    def same_as(self, lemma: str) -> str:
        """One name for roles of one sense: "attorney" and "lawyer" are both "attorney"."""
        return self.synonyms.get(lemma, lemma)

    def named_only(self, lemma: str) -> bool:
        """A body the article names by the noun ("the court" for the Supreme Court): only an
        organisation whose name holds it is it, never the nearest one."""
        return lemma in self.institution

    def office(self, lemma: str) -> bool:
        """A public office a person holds one of at a time ("mayor", "senator")."""
        return lemma in self.offices

    def bare_noun(self, lemma: str) -> bool:
        """A noun that says only a person's sex or age ("the woman", "the man", "the girl"):
        used before someone is named, it is someone else ("the woman's quotes ... its reporter
        Jane Roe ... the woman said" is the unnamed voter the piece profiled)."""
        return lemma in self.bare or self.same_as(lemma) in self.bare

    def relational(self, lemma: str) -> bool:
        """Someone who stands for another ("the spokesman", "his lawyer", "the wife"): only an
        actor the article gives that role is them; the nearest person is most often the one
        they stand for."""
        return lemma in self.spokesperson or lemma in self.wide.get("relational", ())


def lemma_sections(raw: str, sections: tuple[str, ...], what: str) -> dict[str, set[str]]:
    """The sections of a lexicon of lower-case lemmas (presslens.resources.parse_sections)."""
    found = parse_sections(raw.lower(), sections, what)
    return {name: set(words) for name, words in found.items()}


def parse_roles(raw: str, catalogue: str = "") -> Roles:
    found = lemma_sections(raw, ROLE_SECTIONS, "speaker roles")
    wide = lemma_sections(catalogue, CATALOGUE_SECTIONS, "role nouns") if catalogue else {}
    groups = [line.split() for line in wide.pop("same", set()) | found.pop("same", set())]
    return Roles(
        **{name: frozenset(words) for name, words in found.items()},
        wide={name: frozenset(words) for name, words in wide.items()},
        synonyms={word: min(group) for group in groups for word in group},
    )


@functools.cache
def load_roles() -> Roles:
    return parse_roles(read_text("speaker_roles.txt"), read_text("role_nouns.txt"))
