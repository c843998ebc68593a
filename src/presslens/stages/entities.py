"""Actors: spaCy's named entities merged into people, organisations and places.

"Donald Trump", "Trump" and "Trump's" become one actor; titles ("President") and possessives
are stripped; known aliases ("US", "the United States", "America") and acronyms introduced in
the text ("Institute for the Study of War (ISW)") are merged. A name's type is the majority of
the tagger's labels for it, corrected by the words around it: a role noun marks a person
("adviser Dugin", "leaders such as Macron"), a place noun introducing a list marks places
("cities such as Kherson, Kramatorsk"), and a country's name is always a place. The rules live
in resources/actors.json.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from presslens.model import Actor, Article, Span
from presslens.resources import read_json

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
PERSON_SHARE = 0.25
CONNECTORS = {"of", "the", "for", "and", "on", "in", "&"}


@dataclass(frozen=True, slots=True)
class Rules:
    titles: tuple[str, ...]
    canonical: dict[str, str]
    types: dict[str, str]
    drop: frozenset[str]
    person_roles: frozenset[str]
    place_roles: frozenset[str]


@functools.cache
def rules() -> Rules:
    data = read_json("actors.json")
    canonical = {
        alias.casefold(): name for name, aliases in data["canonical"].items() for alias in aliases
    }
    titles = tuple(sorted((t.casefold() for t in data["titles"]), key=len, reverse=True))
    drop = frozenset(d.casefold() for d in data["drop"])
    types = {country: "GPE" for country in data["countries"]} | data["types"]
    return Rules(
        titles,
        canonical,
        types,
        drop,
        frozenset(data["person_roles"]),
        frozenset(data["place_roles"]),
    )


@dataclass(slots=True)
class Group:
    name: str
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    spans: list[Span] = field(default_factory=list)


def strip_name(text: str, start: int) -> tuple[str, int]:
    """Drop leading articles, titles and lower-case words, and what follows a possessive."""
    rule = rules()
    text = re.split(r"['’]s\b", text)[0] if re.search(r"['’]s\b.", text) else text
    changed = True
    while changed:
        changed = False
        lowered = text.casefold()
        for prefix in ("the ", *(f"{title} " for title in rule.titles)):
            if lowered.startswith(prefix) and len(text) > len(prefix):
                start, text, changed = start + len(prefix), text[len(prefix) :], True
                break
    lead = re.match(r"^(?:(?:[a-z][\w-]*|of|the|for|and)\s+)+(?=[A-Z])", text)
    if lead:
        start, text = start + lead.end(), text[lead.end() :]
    text = POSSESSIVE.sub("", text).rstrip(" .,;:")
    return text, start


def name_key(text: str) -> str:
    return rules().canonical.get(text.casefold(), text)


def collect_groups(doc: Doc) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        text, start = strip_name(ent.text, ent.start_char)
        if not re.search(r"[^\W\d_]", text) or text.islower() or text.casefold() in rules().drop:
            continue
        key = name_key(text)
        group = groups.setdefault(key, Group(name=key))
        group.labels["GPE" if has_place_role(ent) else ent.label_] += 1
        if ent.label_ != "PERSON" and has_person_role(ent):
            group.labels["PERSON"] += 2
        group.surfaces[text] += 1
        group.spans.append(Span(start, start + len(text)))
    add_acronyms(doc, groups)
    return groups


def has_person_role(ent: DocSpan) -> bool:
    """'Putin's advisor, Alexandr Dugin', 'adviser Dugin' and 'leaders such as Macron': a role
    noun marks a person."""
    roles = rules().person_roles
    root = ent.root
    if root.dep_ in ("compound", "nmod") and root.head.pos_ == "PROPN":
        return False  # "candidate Texas Senator Ted Cruz": the role is Cruz's, not Texas's
    if root.dep_ == "appos" and root.head.lemma_.lower() in roles:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in roles for c in root.children):
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lemma_.lower() in roles:
        return True
    return class_noun(ent) in roles


ENUMERATING = {"as", "like", "including"}  # "cities such as X", "leaders like Y"


def class_noun(ent: DocSpan, joins: set[str] = ENUMERATING) -> str:
    """The noun a list of names is introduced by ('major cities such as Kherson, Zaporizhzhia,
    Kramatorsk', 'leaders like Macron and Scholz'; with "of" in `joins`, 'the town of
    Bakhmut'), as a lower-cased lemma, or "" when there is none."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "Kramatorsk" -> "Zaporizhzhia" -> "Kherson"
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in joins:
        return ""
    noun = prep.head.head if prep.head.lower_ == "such" else prep.head
    if noun.pos_ != "NOUN" or not (noun.is_lower or noun.is_sent_start):
        return ""  # "the State of the Union" is a name itself
    if prep.lower_ == "of" and noun.tag_ != "NN":  # "the countries of the EU" is not a list
        return ""
    return noun.lemma_.lower()


def has_place_role(ent: DocSpan) -> bool:
    """Names a place noun introduces are places (the small model tags such names PERSON); but
    'the president of France' does not make France a person, so "of" counts only here."""
    return class_noun(ent, ENUMERATING | {"of"}) in rules().place_roles


def add_acronyms(doc: Doc, groups: dict[str, Group]) -> None:
    """All-capital proper nouns the tagger left out ("The CREA reports") become organisations."""
    for token in doc:
        text = token.text
        if token.ent_type_ or token.pos_ != "PROPN" or not re.fullmatch(r"[A-Z]{3,6}", text):
            continue
        if text.casefold() in rules().drop:
            continue
        key = name_key(text)
        group = groups.setdefault(key, Group(name=key))
        group.labels["ORG"] += 1
        group.surfaces[text] += 1
        group.spans.append(Span(token.idx, token.idx + len(text)))


def merge_into(groups: dict[str, Group], source: str, target: str) -> None:
    moved = groups.pop(source)
    kept = groups[target]
    kept.labels.update(moved.labels)
    kept.surfaces.update(moved.surfaces)
    kept.spans.extend(moved.spans)


def merge_surnames(groups: dict[str, Group]) -> None:
    """A one-word person name joins the one full name that ends with it."""
    full_names = [g for g in groups.values() if len(g.name.split()) > 1 and g.labels["PERSON"]]
    for key in [k for k, g in groups.items() if len(g.name.split()) == 1]:
        owners = [g for g in full_names if g.name.split()[-1] == key]
        if len(owners) == 1 and key in groups:
            merge_into(groups, key, owners[0].name)


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def merge_acronyms(groups: dict[str, Group]) -> None:
    """'ISW' joins 'Institute for the Study of War' when the initials agree."""
    acronyms = [k for k in groups if re.fullmatch(r"[A-Z]{2,6}", k)]
    for acronym in acronyms:
        owners = [
            k for k in groups if k != acronym and len(k.split()) > 1 and initials(k) == acronym
        ]
        if len(owners) == 1:
            merge_into(groups, acronym, owners[0])


def surname_probes(groups: dict[str, Group]) -> dict[str, str]:
    """Surname -> full name, for people whose surname no other person shares."""
    owners: dict[str, list[str]] = defaultdict(list)
    for group in groups.values():
        words = group.name.split()
        if len(words) > 1 and actor_type(group) == "PERSON" and words[-1][:1].isupper():
            owners[words[-1]].append(group.name)
    return {surname: names[0] for surname, names in owners.items() if len(names) == 1}


def find_more_mentions(text: str, groups: dict[str, Group]) -> None:
    """Mentions the tagger missed: other occurrences of surface forms and of surnames."""
    taken = bytearray(len(text))  # 1 where a mention already lies
    for group in groups.values():
        for span in group.spans:
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    probes = [(surface, key) for key, g in groups.items() for surface in g.surfaces]
    probes += [(surname, key) for surname, key in surname_probes(groups).items()]
    for surface, key in sorted(probes, key=lambda probe: len(probe[0]), reverse=True):
        if len(surface) < 2 or (len(surface) < 3 and not surface.isupper()):
            continue
        group = groups[key]
        for start in whole_word_starts(text, surface):
            end = start + len(surface)
            if taken.find(1, start, end) == -1:
                group.spans.append(Span(start, end))
                group.surfaces[surface] += 1
                taken[start:end] = b"\x01" * (end - start)


def whole_word_starts(text: str, word: str) -> Iterator[int]:
    """Where `word` occurs in `text` not inside a longer word or hyphenated compound.

    str.find is a fast substring search; a regex with a leading look-behind tries every
    position, which made this the costliest step of the stage."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not (is_word_char(text, start - 1) or is_word_char(text, end)):
            yield start
        start = text.find(word, start + 1)


def is_word_char(text: str, position: int) -> bool:
    if position < 0 or position >= len(text):
        return False
    char = text[position]
    return char.isalnum() or char in "_-"


def actor_type(group: Group) -> str:
    fixed = rules().types.get(group.name)
    if fixed:
        return fixed
    total = sum(group.labels.values())
    if group.labels["PERSON"] and group.labels["PERSON"] >= PERSON_SHARE * total:
        return "PERSON"  # the small model often tags a person's surname ORG or GPE
    return group.labels.most_common(1)[0][0]


def find_actors(article: Article, doc: Doc) -> tuple[Actor, ...]:
    """Actors with their type, aliases and every mention span, in order of first mention."""
    groups = collect_groups(doc)
    merge_surnames(groups)
    merge_acronyms(groups)
    find_more_mentions(article.text, groups)
    ordered = sorted(groups.values(), key=lambda g: min(s.start for s in g.spans))
    actors = []
    for number, group in enumerate(ordered, start=1):
        aliases = tuple(sorted({s for s in group.surfaces if s != group.name}))
        actors.append(
            Actor(
                id=f"a{number}",
                name=group.name,
                type=actor_type(group),
                aliases=aliases,
                mentions=tuple(sorted(set(group.spans), key=lambda s: s.start)),
            )
        )
    return tuple(actors)


def actor_at(actors: tuple[Actor, ...], span: Span) -> Actor | None:
    """The actor with a mention overlapping `span` (the longest such mention wins)."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        for mention in actor.mentions:
            if mention.overlaps(span) and (best is None or len(mention) > best[0]):
                best = (len(mention), actor)
    return best[1] if best else None


def actors_by_id(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    return {actor.id: actor for actor in actors}
