"""One name written in other letter cases: the forms joined before people are merged.

- 'al Ashry' and 'Al Ashry' (an Arabic article capitalised at a sentence start), 'Obama
  Administration' and 'Obama administration': two groups whose names differ only in letter case
  (or in an article's hyphen, 'Al-Muteiri' / 'al Muteiri') are one group, shown in the form
  the article writes most often.
- 'CLINTON' (a transcript's speaker line), 'OBAMA' (a capitalised heading), 'Al-Awlaki' at a
  sentence start: a name whose letter-case-free form is a person's surname as the article
  writes it in a full name ('Anwar al-Awlaki') takes that spelling, so that the surname's rules
  (names.owner_of) read it. An acronym of two or three letters ("AP") is never re-cased.
- 'MNSBC' beside 'MSNBC': a name in capitals of four letters or more that is another's of the
  article with two letters next to each other swapped is a slip of the keyboard, joined to the
  form written more often (else the first); the slip's votes go to that form's type.
"""

from __future__ import annotations

import re
from collections import Counter

from presslens.stages.entities.names import Key, parse_person
from presslens.stages.entities.types import Group, actor_type

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


def join_transposed(groups: dict[Key, Group]) -> None:
    """A name in capitals that another's swap of two neighbouring letters spells joins it:
    "MNSBC suggested" after "According to MSNBC"."""
    shouted = [k for k in groups if not k[1] and len(k[0]) >= SHOUTED and k[0].isalpha()]
    shouted = [k for k in shouted if k[0].isupper()]
    for key in shouted:
        for other in shouted:
            if key in groups and other in groups and key < other and swapped(key[0], other[0]):
                owner = max((key, other), key=lambda k: written(groups[k]))
                slip = groups.pop(other if owner == key else key)
                slip.labels = Counter({actor_type(groups[owner]): sum(slip.labels.values())})
                groups[owner].absorb(slip)


def swapped(a: str, b: str) -> bool:
    """Whether b is a with two neighbouring letters swapped ("MSNBC" / "MNSBC")."""
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    if len(a) != len(b) or len(apart) != 2 or apart[1] != apart[0] + 1:
        return False
    return a[apart[0]] == b[apart[1]] and a[apart[1]] == b[apart[0]]


def written(group: Group) -> tuple[int, int]:
    """How often a form is written, then how early (the first written wins a tie)."""
    return len(group.spans), -min(span.start for span in group.spans)
