"""One name written in other letter cases: the forms joined before people are merged.

- 'al Ashry' and 'Al Ashry' (an Arabic article capitalised at a sentence start), 'Obama
  Administration' and 'Obama administration': two groups whose names differ only in letter case
  (or in an article's hyphen, 'Al-Muteiri' / 'al Muteiri') are one group, shown in the form
  the article writes most often.
- 'CLINTON' (a transcript's speaker line), 'OBAMA' (a capitalised heading), 'Al-Awlaki' at a
  sentence start: a name whose letter-case-free form is a person's surname as the article
  writes it in a full name ('Anwar al-Awlaki') takes that spelling, so that the surname's rules
  (names.owner_of) read it. An acronym of two or three letters ("AP") is never re-cased.
"""

from __future__ import annotations

import re

from presslens.stages.entities.names import Key, parse_person
from presslens.stages.entities.types import Group

ARTICLE_HYPHEN = re.compile(r"\b(al|el)[-‐]\s*", re.IGNORECASE)  # "Al-Muteiri" ~ "al Muteiri"
SHOUTED = 4  # an all-capital name this long or longer may be a name written in capitals


def folded(name: str) -> str:
    """The name with no letter case, one apostrophe and an article's hyphen as a space."""
    return ARTICLE_HYPHEN.sub(r"\1 ", name.replace("’", "'")).casefold()


def cased_apart(a: str, b: str) -> bool:
    """Two spellings of one name that differ in letter case only; one in capitals only when too
    long for an acronym ('NATO' / 'Nato' yes, 'AP' / 'Ap' no)."""
    if a == b or folded(a) != folded(b):
        return False
    shouted = [n for n in (a, b) if n.isupper()]
    return not shouted or len(re.sub(r"\W", "", shouted[0])) >= SHOUTED


def join_case_forms(groups: dict[Key, Group]) -> None:
    """Groups whose names differ only in letter case become one (a name in capitals only when
    the tagger read it as a person's: a dateline, "BOSTON —", or a heading, "CHINA'S DECLINE",
    stays out of the place), then a name written in capitals or with a capitalised article
    takes the spelling of the surname it is, when the tagger read it as a person's or one
    person alone bears that surname ("SIEGEL" of a death notice naming four Siegels does not)."""
    by_form: dict[tuple[str, str], list[Key]] = {}
    for key in groups:
        by_form.setdefault((folded(key[0]), key[1]), []).append(key)
    for keys in by_form.values():
        if len(keys) < 2:
            continue
        owner = max(keys, key=lambda k: (not k[0].isupper(), len(groups[k].spans), k[0]))
        for key in keys:
            person = groups[key].labels["PERSON"] > 0 or not key[0].isupper()
            if key != owner and person and cased_apart(key[0], owner[0]):
                groups[owner].absorb(groups.pop(key))
    surnames = written_surnames(groups)
    for key in list(groups):
        spelling, holders = surnames.get(folded(key[0]), ("", 0))
        if not spelling or not cased_apart(key[0], spelling):
            continue
        if holders > 1 and not groups[key].labels["PERSON"]:
            continue
        target = (spelling, key[1])
        group = groups.pop(key)
        if target in groups:
            groups[target].absorb(group)
        else:
            group.name = spelling
            groups[target] = group


def written_surnames(groups: dict[Key, Group]) -> dict[str, tuple[str, int]]:
    """The surnames of the article's full names by their letter-case-free form, with how many
    full names bear them ('al awlaki' -> ('al-Awlaki', 1)); a surname written two ways is left
    out."""
    found: dict[str, list[str]] = {}
    for name, gender in groups:
        parsed = parse_person(name) if not gender and " " in name else None
        if parsed is not None:
            found.setdefault(folded(parsed.last), []).append(parsed.last)
    return {
        form: (spellings[0], len(spellings))
        for form, spellings in found.items()
        if len(set(spellings)) == 1
    }
