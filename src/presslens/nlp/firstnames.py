"""The sex a given name usually says, and whether a word is a known given name at all.

A pronoun must agree with the person it takes up ("she said" is not Denis McDonough), but an
article often shows no one's sex in so many words (no "Mrs.", no "he said" right after the name);
and the entities stage must tell a given name ("Kurt" of "envoy to Ukraine Kurt Volker", tagged
one ORG) from a place's or a word. Two sources, the first that knows the name answers:

1. The first-name catalogue, resources/first_names.txt, built by train/firstnames/census.py from
   the US Census 1990 lists (public domain): 5,163 given names with the share of their bearers
   who are women, their frequency as a first name and as a surname, and a mark on those that
   are also common English words. A name at least FEMALE_SHARE women's is a woman's, at most
   1 - FEMALE_SHARE a man's. A name both sexes bear ("Jordan", "Jean", "Kim", "Pat") gets the
   encoder's call: on PolNeAR train it gives 9 of the 12 such first names a sex, 8 of them the
   article's ("Lindsey", 0.90 women's, is Lindsey Graham), where leaving them without one lost
   those 8 at the same agreement.
2. The shipped encoder's word-piece embeddings, for the names the catalogue lacks ("Vladimir")
   or refuses (`not_a_name`). The encoder (nlp/encoder.py) learned that "Wendy" keeps the company
   of "she" and "Denis" that of "he": the first name's word-piece vector, projected on the
   direction from the mean of male words to the mean of female words (WORDS below), says which;
   a name it is unsure of ("Harry") gets none.

`known_first_name` is the catalogue's membership with floors: an entry rarer than NAME_FLOOR
(0.002% of people: "In", "An", "So" are Census entries) does not count, nor one rarer than
WORD_FLOOR (0.015%) that is also a common word ("Will", "Young", "Major", "Long", "King",
"Sterling", "May", "Faith"; "Hope", 0.017%, and "Grant", 0.018%, count), nor one that is five
times commoner as a surname ("Cruz", "Taylor", "Johnson"; SURNAME_RATIO). Set on PolNeAR train:
of the 60 Census entries written more often in lower case than as a capitalised name there, the
floors keep 11 (names as well: "Rose", "Don", "Sue", "Guy", "Joy", "Hope"); of the first names
the articles' "Mr."/"Mrs." evidence shows (below) and the Census lists, they keep 155 of 165 on
train and 37 of 37 on dev (lost: rare names, "Lael", "Marine", and names commoner as surnames,
"Clark", "Davis", "Stewart", which the entities stage then leaves to the encoder).

Measured against that evidence (a first name beside a surname that "Mr." or "Mrs."/"Ms."
precedes elsewhere in the same article; `python eval/firstnames.py`): the share of first names
given a sex rose from 0.621 / 0.700 (train / dev, the encoder alone) to 0.733 / 0.800, agreeing
0.966 / 0.950 (was 0.960 / 0.971; the two dev disagreements are slips of the evidence: "Bill"
counted a woman's name, "Michelle" a man's). Callers use the sex only when the article itself
says nothing.
"""

from __future__ import annotations

import json
from functools import cache
from typing import NamedTuple

import numpy as np

from presslens.nlp.encoder import FOLDER, WEIGHTS_FILE
from presslens.resources import read_text

EMBEDDINGS = "lower/embeddings.word_embeddings.weight"
WORDS = {
    "f": "she her herself woman women mrs ms female girl mother daughter sister wife queen",
    "m": "he his himself man men mr male boy father son brother husband king",
}
FEMALE_FROM = 0.10  # cosine with the direction at or above which a name is a woman's
MALE_UNTIL = -0.04  # at or below which a man's (male names sit closer to the middle)
CATALOGUE = "first_names.txt"
FEMALE_SHARE = 0.95  # of a name's bearers, at or above which it is a woman's (below 0.05 a man's)
NAME_FLOOR = 0.002  # percent of people: rarer catalogue entries are no known given name
WORD_FLOOR = 0.015  # the same for a name that is also a common English word ("Hope" 0.017)
SURNAME_RATIO = 0.2  # a name this much rarer as a first name than as a surname is a surname's


class GivenName(NamedTuple):
    """One catalogue entry: the share of its bearers who are women, its percent of all people
    as a first name and as a surname, and whether it is also a common lower-case English word
    ("hope", "grant"). A named tuple: 5,000 of them are built in a few milliseconds."""

    female_share: float
    frequency: float
    surname_frequency: float
    word: bool


@cache
def catalogue() -> dict[str, GivenName]:
    """Lower-case given name -> its entry, from resources/first_names.txt."""
    return parse_catalogue(read_text(CATALOGUE))


def parse_catalogue(raw: str) -> dict[str, GivenName]:
    """'name<TAB>female share<TAB>frequency<TAB>surname frequency[<TAB>word]' lines; comments
    and blanks skipped, any other line refused."""
    found = {}
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            if parts[4:] not in ([], ["word"]):
                raise ValueError
            entry = GivenName(float(parts[1]), float(parts[2]), float(parts[3]), len(parts) == 5)
        except (ValueError, IndexError):
            message = f"{CATALOGUE}: {line!r} is not 'name, share, frequency, surname[, word]'"
            raise ValueError(message) from None
        found[parts[0]] = entry
    return found


def known_first_name(word: str) -> bool:
    """Whether the catalogue knows the word as a given name common enough to be read as one:
    "Kurt", "Hope" (a common word, but a frequent name); not "Will", "Young", "Major" (names
    rarer than the word), "In" (a rare entry), nor "Cruz", "Taylor" (more often surnames)."""
    entry = catalogue().get(word.strip(".").lower())
    if entry is None or not_a_name(entry):
        return False
    return entry.frequency >= SURNAME_RATIO * entry.surname_frequency


def not_a_name(word_or_entry: str | GivenName) -> bool:
    """A catalogue entry too rare to count, or rarer than WORD_FLOOR and also a common English
    word ("Will", "Young", "In"): more often the word than the name. False for a word the
    catalogue lacks."""
    entry = (
        catalogue().get(word_or_entry.strip(".").lower())
        if isinstance(word_or_entry, str)
        else word_or_entry
    )
    if entry is None:
        return False
    return entry.frequency < NAME_FLOOR or (entry.word and entry.frequency < WORD_FLOOR)


def rare_name_but_surname(word: str) -> bool:
    """A word the catalogue has as a rare given name (below NAME_FLOOR) but more often as a
    surname ("Lu", "Li", "Yang"): opening a name, it is likelier the family name written
    first ("Lu Kang") than a given name, and says no sex."""
    entry = catalogue().get(word.strip(".").lower())
    return entry is not None and entry.frequency < NAME_FLOOR < entry.surname_frequency


def given_name_sex(name: str) -> str | None:
    """The sex a person's first name says, for a name of two words or more; for a person only
    ever named by one word ("Melanie", a voter the article never gives a surname), the sex the
    catalogue gives that word only where it is more often a first name than a surname ("Kevin";
    not "Warren", "Graham": a surname alone is more likely)."""
    words = name.split()
    if len(words) == 1:
        return lone_name_sex(words[0])
    if rare_name_but_surname(words[0]):
        return None  # "Lu Kang": the family name first
    return first_name_sex(words[0])


def catalogue_sex(word: str) -> str | None:
    """'f' or 'm' for a lower-case name the catalogue gives clearly to one sex, else None (also
    for a name that is mostly a word: the encoder, which reads the word, decides). Rare names
    below NAME_FLOOR and names more often surnames keep their sex ("Lael", "Carson"): only
    people's first names are asked."""
    entry = catalogue().get(word)
    if entry is None or (entry.word and entry.frequency < WORD_FLOOR):
        return None
    if entry.female_share >= FEMALE_SHARE:
        return "f"
    return "m" if entry.female_share <= 1 - FEMALE_SHARE else None


def lone_name_sex(word: str) -> str | None:
    """The catalogue's sex for a word that names a person on its own, where the word is more
    often a first name than a surname: one name alone is likelier a surname ("Warren" said,
    "Graham" said) unless the Census sees it more as a first name ("Melanie", "Kevin"). The
    encoder is not asked: it reads the word, not the name."""
    entry = catalogue().get(word.strip(".").lower())
    if entry is None or not_a_name(entry) or entry.frequency < entry.surname_frequency:
        return None
    return catalogue_sex(word.strip(".").lower())


@cache
def embeddings() -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray] | None:
    """The encoder's vocabulary, its word-piece embeddings (int8) with their per-row scales, and
    the unit male-to-female direction; None when the encoder's files are missing."""
    tokenizer, weights = FOLDER / "tokenizer.json", FOLDER / WEIGHTS_FILE
    if not (tokenizer.is_file() and weights.is_file()):
        return None
    vocab: dict[str, int] = json.loads(tokenizer.read_text(encoding="utf-8"))["model"]["vocab"]
    with np.load(weights, allow_pickle=False) as stored:
        rows, scale = stored[EMBEDDINGS], stored[f"{EMBEDDINGS}.scale"]
    female = mean_direction(rows, scale, [vocab[w] for w in WORDS["f"].split()])
    male = mean_direction(rows, scale, [vocab[w] for w in WORDS["m"].split()])
    return vocab, rows, scale, (female - male) / np.linalg.norm(female - male)


def unit_rows(rows: np.ndarray, scale: np.ndarray, ids: list[int]) -> np.ndarray:
    chosen = rows[ids].astype(np.float32) * scale[ids][:, None]
    return chosen / np.maximum(np.linalg.norm(chosen, axis=1, keepdims=True), 1e-9)


def mean_direction(rows: np.ndarray, scale: np.ndarray, ids: list[int]) -> np.ndarray:
    return unit_rows(rows, scale, ids).mean(axis=0)


@cache
def first_name_sex(name: str) -> str | None:
    """'f', 'm' or None for a given name ('Wendy' -> 'f'): the catalogue's, else the encoder's."""
    word = name.strip(".").lower()
    return catalogue_sex(word) or encoder_sex(word)


def encoder_sex(word: str) -> str | None:
    loaded = embeddings()
    if loaded is None or len(word) < 2 or not word.isalpha() or word not in loaded[0]:
        return None
    vocab, rows, scale, direction = loaded
    score = float(unit_rows(rows, scale, [vocab[word]])[0] @ direction)
    if score >= FEMALE_FROM:
        return "f"
    return "m" if score <= MALE_UNTIL else None
