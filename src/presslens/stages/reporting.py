"""The reporting cues (resources/reporting_verbs.txt), loaded once: read by the quotes stage and
by the entities stage (a name where words are aired: "said on CNN"). The speakers' role nouns
are `presslens.stages.roles`."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from presslens.resources import read_text
from presslens.stages.roles import lemma_sections

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
    "likelihood",
    "addressee",
    "naming",
    "manner",
    "topic",
    "demand",
    "judging",
)


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
    likelihood: frozenset[str] = frozenset()  # "X promises to be ...": what is likely
    addressee: frozenset[str] = frozenset()  # "asked Roe", "responded to Roe": whom, not what
    naming: frozenset[str] = frozenset()  # "a PAC called Future 45": a name, not a saying
    manner: frozenset[str] = frozenset()  # "quick to point out": speech only through a cue
    topic: frozenset[str] = frozenset()  # "discussed the budget": what about, not what said
    demand: frozenset[str] = frozenset()  # "called for a ban": the object is what was said
    judging: frozenset[str] = frozenset()  # "lambasted the plan": read as [object] verbs

    verbs: frozenset[str] = frozenset()  # every verb above, for a quick first test


def parse_lexicon(raw: str) -> Lexicon:
    found = lemma_sections(raw, SECTIONS, "reporting lexicon")
    found["object"] |= found["judging"]  # verbs of praise and blame are object verbs
    found["preposition"] |= found["demand"]  # a demand's pair is a cue whatever [preposition] says
    verbs = set().union(*(found[name] for name in ("clause", "intent", "document", "object")))
    verbs |= {pair.split()[0] for pair in found["preposition"] | found["accusation"]}
    return Lexicon(
        **{name: frozenset(words) for name, words in found.items()}, verbs=frozenset(verbs)
    )


@functools.cache
def load_lexicon() -> Lexicon:
    raw = read_text("reporting_verbs.txt")
    return parse_lexicon(raw)
