"""One person written two ways, and two names written as one (issue 16, "actors").

- A name misspelt once is the same person when the rest agrees: two full names with the same
  surname whose given names, five letters or more, differ by one letter or two letters swapped
  ("Abdulhadi" / "Adbulhadi"); two full names with the same given name whose surnames, six
  letters or more, differ by one letter added, dropped or changed ("Zelensky" / "Zelenskiy");
  and a bare surname one such edit away from the surname of exactly one person ("Zelenskiy"
  alone beside Volodymyr Zelensky). Not a plural or a possessive ("Clintons" is the family),
  and short names never ("Dan" / "Don", "Ivan" / "Ivana" are other people).
- A bare given name that opens another written form of exactly one person's name ("Pete"
  beside Peter Roe, whom the article also calls "Pete Roe") is that person; so is one the tagger
  reads as a person's that writes a letter of one person's given name twice, or once
  ("Terrence" beside Terence Roe: `doubled_letter`, read by names.owner_of).
- A name the tagger ran over a spaced dash ("Kingson - Deacon", "Jane Roe - Poe's partner")
  is two names: a name never holds " - "; so is one it ran over a comma or "to" between
  people's names ("Crane, Kibbe", "Carly Fiorina to Rubio"), and one ending with a lower-case
  small word ("Christie at") ends before it (joined_parts).
- A party or nationality word set right before an organisation's name of two or more words
  ("Republican National Committee", tagged "Republican" NORP + "National Committee" ORG) is
  part of that name, as a place's is ("Indiana GOP", labels.joined_names).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span as DocSpan

from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import LEGAL_FORMS, Group
from presslens.stages.entities.works import SMALL_WORDS
from presslens.stages.places import load_places

GIVEN_MIN = 5  # letters of a given name for a one-letter slip to be a slip, not a name
SURNAME_MIN = 6  # letters of a surname for the same
DASHES = (" - ", " – ", " — ")


def one_slip(a: str, b: str, *, changes_length: bool) -> bool:
    """Whether `a` and `b` differ by one changed letter or two adjacent letters swapped, or,
    with `changes_length`, by one letter added or dropped; never by a final "s" or "'s". Letter
    case aside: "McLenney" drops the "C" of "McClenney"."""
    if a == b or a[:1] != b[:1]:
        return False  # a name's first letter is seldom the slip
    a, b = a.casefold(), b.casefold()
    if a == b:
        return False  # other letter cases only: forms.py
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    if not changes_length or abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_.endswith("s") and long_[:-1] == short:
        return False  # "Clintons", "Khans": a family, not a slip
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def doubled_letter(a: str, b: str) -> bool:
    """Whether two given names differ only by a letter one of them writes twice ("Terrence" /
    "Terence", "Phillip" / "Philip"): one name in two spellings. Four letters or more in the
    shorter ("Ann" / "Anne" are not that, nor "Ana" / "Anna")."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1 or len(short) < GIVEN_MIN - 1:
        return False
    pairs = range(len(long_) - 1)
    return any(long_[i] == long_[i + 1] and long_[:i] + long_[i + 1 :] == short for i in pairs)


def spelled_alike(first_a: str, last_a: str, first_b: str, last_b: str) -> bool:
    """Two full names of one person, one of them misspelt (see the module's docstring)."""
    if last_a == last_b:
        long_enough = min(len(first_a), len(first_b)) >= GIVEN_MIN
        return long_enough and one_slip(first_a, first_b, changes_length=False)
    if first_a == first_b and min(len(last_a), len(last_b)) >= SURNAME_MIN:
        return one_slip(last_a, last_b, changes_length=True)
    return False


def surname_variant(word: str, surnames: dict[str, str]) -> str | None:
    """The one person (`surnames`: person -> surname) whose surname `word` misspells, if one."""
    if len(word) < SURNAME_MIN or not word[:1].isupper():
        return None
    fits = [n for n, last in surnames.items() if one_slip(word, last, changes_length=True)]
    return fits[0] if len(fits) == 1 else None


def given_forms(name: str, groups: Mapping[tuple[str, str], Group]) -> set[str]:
    """The first words of the full names a person (`name`, a key's name) is written with."""
    return {s.split()[0] for s in groups[(name, "")].surfaces if " " in s}


def joined_parts(name: str, label: str, surnames: set[str]) -> tuple[list[str], str] | None:
    """The names a name the tagger ran over two stands for, and their label, or None:
    - parts joined by a spaced dash ("Kingson - Deacon", "Jane Roe - Poe"): a name never
      holds one;
    - parts joined by a comma or by "to" ("Crane, Kibbe", "World Trade Center, Santilli",
      "Carly Fiorina to Rubio") when a part, or with "to" every part, ends with the surname
      of a person of the article (`surnames`), and no part is a generation, a legal form or
      an abbreviation ("Robert Roe, Jr.", "Acme, Inc.", "Burns, Ore.");
    - a name less the small words the tagger ran on at its end ("Christie at").
    Parts whose last words are all people's surnames are people's names."""
    words = name.split(" ")
    while len(words) > 1 and words[-1] in SMALL_WORDS:  # not "Roe campaign" (a body)
        words.pop()
    trimmed = " ".join(words)
    parts = [trimmed]
    for dash in DASHES:
        parts = [piece.strip() for part in parts for piece in part.split(dash)]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        parts = split_by_names(trimmed, surnames)
    if parts == [name]:
        return None
    if len(parts) >= 2 and all(p.split()[-1] in surnames for p in parts):
        return parts, "PERSON"
    return parts, label


def split_by_names(name: str, surnames: set[str]) -> list[str]:
    """`name` cut at commas or at " to " between names of people (see joined_parts)."""
    for joint, needed in ((", ", any), (" to ", all)):
        parts = name.split(joint)
        if len(parts) < 2 or not all(whole_name(p) for p in parts):
            continue
        if needed(p.split()[-1] in surnames for p in parts):
            return parts
    return [name]


def whole_name(part: str) -> bool:
    """A capitalised name of its own: no generation ("Jr."), legal form ("Inc."), state
    ("Ore.") or title's abbreviation ("Pres")."""
    last = part.split()[-1] if part.split() else ""
    if not part[:1].isupper() or len(part.rstrip(".")) < 3 or part.endswith("."):
        return False
    bare = last.rstrip(".,").casefold()
    if bare in rules().name_suffixes or bare in LEGAL_FORMS or f"{bare}." in rules().titles:
        return False
    return load_places().kind(part) not in ("region", "country")


def group_word_opens(before: DocSpan, ent: DocSpan) -> bool:
    """'Republican' (NORP) right before 'National Committee' (ORG): one word of a party or a
    nationality, capitalised, then an organisation's name of two or more capitalised words,
    with only a space between."""
    if before.label_ != "NORP" or ent.label_ != "ORG" or len(before) != 1 or len(ent) < 2:
        return False
    if before.end != ent.start or not before[-1].whitespace_ or "\n" in before[-1].whitespace_:
        return False
    return before[0].is_title and all(t.is_title for t in ent if t.is_alpha and len(t) > 3)
