"""The reporting-cue lexicon of the quotes stage, loaded once from resources/reporting_verbs.txt."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from presslens.resources import read_text

SECTIONS = ("clause", "intent", "nouns", "document", "object", "preposition", "adjective")


@dataclass(frozen=True, slots=True)
class Lexicon:
    clause: frozenset[str]  # verbs reporting a clause or a quotation
    intent: frozenset[str]  # verbs reporting an intention through a to-infinitive
    nouns: frozenset[str]  # nouns reporting what someone said or holds
    document: frozenset[str]  # verbs whose subject is often a poll or a study
    object: frozenset[str] = frozenset()  # verbs whose direct object is the content
    preposition: frozenset[str] = frozenset()  # "verb preposition" pairs: "call for"
    adjective: frozenset[str] = frozenset()  # "X is confident that ..."

    verbs: frozenset[str] = frozenset()  # every verb above, for a quick first test


def parse_lexicon(raw: str) -> Lexicon:
    """`[section]` headers, one lemma a line; blank lines and # comments ignored."""
    found: dict[str, set[str]] = {name: set() for name in SECTIONS}
    section = None
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section not in found:
                raise ValueError(f"reporting lexicon: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"reporting lexicon: {line!r} comes before any [section]")
        found[section].add(line)
    verbs = set().union(*(found[name] for name in ("clause", "intent", "document", "object")))
    verbs |= {pair.split()[0] for pair in found["preposition"]}
    return Lexicon(
        **{name: frozenset(words) for name, words in found.items()}, verbs=frozenset(verbs)
    )


@functools.cache
def load_lexicon() -> Lexicon:
    raw = read_text("reporting_verbs.txt")
    return parse_lexicon(raw)
