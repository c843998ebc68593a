"""Names that are not actors: works, events and products, plural titles, and epithets.

- A name whose head noun (or last word) is an event's, a prize's or a law's (resources/
  actors.json "event_heads": "State of the Union Address", "Republican National Convention")
  names a thing the article talks about, not someone acting in it; so does a name the tagger
  cut from the end of one ("Media" of "the Erikson Prize for Excellence ... by the Media").
  WordNet's [work] nouns (roles.work) were tried and left out: "Drudge Report" is an outlet.
- A name set beside a work's noun ("her 2003 book, Living History", "the film Fight Club",
  "her newsletter, Piping Hot Truth") is the work's title, no one acting, unless it opens with
  a given name ("the author of the book, Mitchell Zuckoff": the parse hangs the author on
  "book").
- A name written only inside quoted runs of capitalised words (presslens.stages.titles
  `title_like`: '"Fox and Friends"', "''Prison Break''", 'the "Bernie or Bust" crowd', 'to
  perform "Takin' It to the Streets"') is a show's, a book's, a song's or a slogan's words,
  not someone acting; unless it opens with a given name ('I wrote in "Ralph Nader"', a
  person's name quoted) or is a verb's subject ('the "Smithsonian Museum" had expressed
  interest': the body acts, the marks only doubt the name).
- A one-word name that is a title's abbreviation in the plural ("Govs." of "Govs. Roe and
  Poe", "Sens.") names the title, not a person.
- A person's display name does not open with a word that is no given name before a name that
  does ("Crooked Jane Roe", a nickname in a quotation, is shown as "Jane Roe").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.rules import name_head, rules
from presslens.stages.entities.types import Group, actor_type, every_mention, mention_tokens
from presslens.stages.roles import load_roles


def names_a_work(name: str) -> bool:
    """Whether a name of two or more words is headed by, or ends with, an event's noun."""
    if " " not in name:
        return False
    head = name_head(name)
    if head in rules().event_heads:
        return True
    # "State of the Union Address": the last word heads it, unless the first word is a body's
    # ("Institute for the Study of War", "Conference on Disarmament")
    last = name.split()[-1].casefold()
    return last in rules().event_heads and load_roles().kind(head) is None


def event_named(group: Group) -> bool:
    """An event's, a prize's, a law's or a work's name (`names_a_work`), also where the tagger
    typed it a person's ("the revamped Davis Cup format", tagged PERSON), unless something
    marks a person: a title, a sex, a known first name ("Jane Open"). (`Group.person` is set
    for every name of several words the tagger typed a person's, so it tells nothing here.)"""
    if not names_a_work(group.name):
        return False
    if actor_type(group) != "PERSON":
        return True
    if group.titles or group.genders or group.gender:
        return False
    return not known_first_name(group.name.split()[0])


def titled_work(group: Group, doc: Doc) -> bool:
    """Whether every mention of the name is set beside a work's noun (roles.work): apposed to
    it ("her book, Living History") or after it ("the film Fight Club")."""
    if group.titles or group.genders or known_first_name(group.name.split()[0]):
        return False
    return every_mention(group, doc, beside_a_work)


# nouns for who made a work: a title set before one ("The New Jim Crow author Michelle
# Alexander", "Harry Potter author J.K. Rowling") names the work, not a body; not "director"
# or "writer", which a body sets before its staff ("FBI Director", "Breitbart writer")
MAKERS = frozenset({"author", "novelist", "playwright", "screenwriter"})


def beside_a_work(root: Token) -> bool:
    works = load_roles().work
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and works(root.head.lemma_.lower()):
        return True
    if apposed_as_conj(root) and works(root.head.lemma_.lower()):
        return True  # "her play, Cleanliness, Godliness ...", parsed as a list
    if root.dep_ == "compound" and root.head.lemma_.lower() in MAKERS:
        return True
    return any(
        child.dep_ in ("compound", "appos")
        and child.i < root.i
        and child.pos_ == "NOUN"
        and works(child.lemma_.lower())
        for child in root.children
    )


def named_in_titles_only(group: Group, doc: Doc, titles: list[Span]) -> bool:
    """Whether every mention lies inside a quoted title or slogan (module docstring)."""
    if not group.spans or known_first_name(group.name.split()[0]):
        return False
    for span in group.spans:
        if not any(title.contains(span) for title in titles):
            return False
        tokens = mention_tokens(doc, span)
        if tokens is None or tokens.root.dep_ in ("nsubj", "nsubjpass"):
            return False
    return True


def apposed_as_conj(root: Token) -> bool:
    """'her play, Cleanliness': a name right after a comma that the parse joined to a singular
    noun as the next of a list, with no "and" between them: an apposition."""
    head = root.head
    if root.dep_ != "conj" or head.tag_ != "NN" or root.left_edge.i != head.i + 2:
        return False
    return root.doc[head.i + 1].text == "," and not any(
        c.dep_ == "cc" and c.i < root.i for c in head.children
    )


def plural_title(name: str) -> bool:
    """'Govs', 'Sens', 'Reps': a title's abbreviation in the plural, no one's name."""
    if " " in name or len(name) < 3 or not name.endswith("s"):
        return False
    single = name[:-1].casefold()
    return f"{single}." in rules().titles


def without_epithet(head: str, names: list[str]) -> str:
    """The display name of a person whose names are `names`: `head` without its first word
    when that word is no given name and the rest is another of the names that opens with a
    known first name ("Crooked Jane Roe" -> "Jane Roe")."""
    words = head.split()
    shown = head  # as written: "Billionaire  Donald Trump" keeps its two spaces
    while len(words) > 2 and not known_first_name(words[0]):
        rest = " ".join(words[1:])
        if rest not in names or not known_first_name(words[1]):
            break
        words, shown = words[1:], rest
    return shown


def join_epithets(groups: dict[tuple[str, str], Group]) -> None:
    """'Crooked Jane' beside Jane Roe: a two-word person's name whose first word is no given
    name and whose second is the given name of exactly one other person of the article is
    that person under a nickname; its mentions join hers (epithet_word)."""
    people = [key for key, group in groups.items() if group.person and " " in key[0]]
    for key in [k for k in groups if not k[1] and len(k[0].split()) == 2]:
        epithet, given = key[0].split()
        if known_first_name(epithet) or not known_first_name(given) or key not in groups:
            continue
        if groups[key].labels.most_common(1)[0][0] != "PERSON" or not epithet_word(key, groups):
            continue
        owners = [p for p in people if p != key and p[0].split()[0] == given]
        if len(owners) == 1 and owners[0] in groups:
            groups[owners[0]].absorb(groups.pop(key))


def epithet_word(key: tuple[str, str], groups: dict[tuple[str, str], Group]) -> bool:
    """Whether a name's first word may be an epithet: no title stands before the name ("Sen.
    Rand Paul") and the word is no common noun ("rand", a currency: Rand Paul is no nickname of
    a Paul of the article), as "Crooked", "Lyin'", "Little" are not."""
    word = key[0].split()[0].casefold()
    return not groups[key].titles and not load_roles().kind(word) and not load_roles().thing(word)


SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"})
NAME_REACH = 12  # words looked back over for the head of a longer name


def in_event_name(text: str, group: Group) -> bool:
    """Whether every mention ends a longer name of an event or a prize the tagger cut ("Media"
    of "the Erikson Prize for Excellence in Coverage by the Media"): the capitalised and small
    words right before it, with no punctuation between, hold an event's head word."""
    return bool(group.spans) and all(event_before(text, span.start) for span in group.spans)


def event_before(text: str, start: int) -> bool:
    """Whether the name starting at `start` ends an event's name, or is its acronym in
    brackets right after it ("the Affordable Care Act (ACA)"); a run of words in capitals is a
    heading ("THE NEXT GOP DEBATE STAGE Jane Roe ..."), no name."""
    words = text[max(0, start - 200) : start].split(" ")
    if words[-1] not in ("", "("):
        return False  # glued to the word before
    for word in reversed(words[:-1][-NAME_REACH:]):
        if not word.isalpha() or not (word[0].isupper() or word in SMALL_WORDS):
            return False
        if len(word) > 1 and word.isupper():
            return False
        if word[0].isupper() and word.casefold() in rules().event_heads:
            return True
    return False
