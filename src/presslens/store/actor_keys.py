"""One key per person or organisation across the corpus, so that "Trump" in one article and
"Donald Trump" in another are one actor page and one `--speaker` filter.

An article's actor carries every name form the article used for it (`name` and `aliases`). A
person's key is the first and last word of the fullest form, titles, initials and suffixes left
out ("Sen. Timothy J. Sloan Jr." -> "timothy sloan"), so an article that names the person in
full once joins every other article that does. A person named only by surname keeps the surname
as key ("trump"): a surname alone never merges two different people (Donald and Ivanka Trump),
though the actor page of a surname lists the full names that end in it. Other actors are keyed
by their longest name, lower case, without a leading "the".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from presslens.resources import read_json

POSSESSIVE = re.compile(r"['’]s?$")
HONORIFICS = ("mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "prof.", "sir")
SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


@functools.cache
def titles() -> tuple[str, ...]:
    """Titles that may stand before a name: actors.json's, then honorifics; longest first."""
    known = [title.casefold() for title in read_json("actors.json")["titles"]]
    return tuple(sorted({*known, *HONORIFICS}, key=len, reverse=True))


def name_words(form: str) -> list[str]:
    """A name form's words, lower case, without a leading title or article, possessive,
    initials and suffixes: "Sen. Timothy J. Sloan Jr.'s" -> ["timothy", "sloan"]."""
    text = POSSESSIVE.sub("", form.strip()).casefold()
    text = re.sub(r"^the\s+", "", text)
    for title in titles():
        if text.startswith(title + " "):
            text = text[len(title) + 1 :]
            break
    words = text.split()
    return [w for w in words if w not in SUFFIXES and not re.fullmatch(r"\w\.?", w)]


def person_key(forms: Iterable[str]) -> str:
    """First and last word of the fullest form; the lone word when no form has two."""
    split = [words for words in map(name_words, forms) if words]
    if not split:
        return ""
    fullest = max(split, key=len)
    return " ".join((fullest[0], fullest[-1])) if len(fullest) > 1 else fullest[0]


def other_key(forms: Iterable[str]) -> str:
    cleaned = [
        re.sub(r"^the\s+", "", POSSESSIVE.sub("", form.strip()).casefold()) for form in forms
    ]
    return max(cleaned, key=len, default="")


def actor_key(name: str, aliases: Iterable[str], kind: str | None) -> str:
    forms = [name, *aliases]
    return person_key(forms) if kind == "PERSON" else other_key(forms)


def query_keys(name: str) -> list[str]:
    """The keys a user's name may stand for: as a person's key and as another actor's."""
    keys = [person_key([name]), other_key([name])]
    return [key for key in dict.fromkeys(keys) if key]
