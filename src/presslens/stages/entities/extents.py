"""Where a name starts and ends: cut back when title-case words ran on into it ("Donald Trump
Leads"), carried on over "for the" after a court's name ("Court of Appeals for the Sixth
Circuit") and when the parse stopped short of a surname the article spells out elsewhere
("Enrique Peña" before "Nieto", with "Peña Nieto" used alone later), cut at a bracket it does
not close ("Associated Press (") and at a line break, split at the slashes that join a
joint poll's sponsors ("ABC News/Washington Post"), cut after a country's name run into a
person's ("envoy to Ukraine Kurt Volker"), and carried on over the organisation's noun the
tagger left after it ("the Central and East European Coalition", tagged "East European")."""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.rules import rules
from presslens.stages.entities.variants import joined_parts
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles


class NameMention(Protocol):
    """What these functions read and set of a mention (mentions.Mention)."""

    span: Span
    name: str
    label: str


M = TypeVar("M", bound=NameMention)

NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*\w)")  # a capitalised word on the same line


def run_on_names_cut(mentions: list[M], text: str) -> list[M]:
    """A person's name run on into the capitalised words after it ("Donald Trump Leads" in a
    headline quoted in title case, "Bernie Sanders Pins The Rise ...") is cut back to the name
    the article uses elsewhere for a person only ("Donald Trump"), when the words cut are no
    part of any other name: "Dena Minning Grayson" keeps "Grayson" (Alan Grayson's), and a
    generation ("Jr.") is part of a name."""
    labels: dict[str, set[str]] = {}
    words_used: Counter[str] = Counter()
    for mention in mentions:
        labels.setdefault(mention.name, set()).add(mention.label)
    for name in labels:
        words_used.update(set(name.split()))
    known = {name for name, found in labels.items() if found == {"PERSON"} and " " in name}
    for mention in mentions:
        words = mention.name.split()
        if mention.label != "PERSON" or len(words) < 3:
            continue
        shorter = next((" ".join(words[:n]) for n in range(len(words) - 1, 1, -1)
                        if " ".join(words[:n]) in known), None)  # fmt: skip
        if shorter is None or not run_on(words[len(shorter.split()) :], words_used):
            continue
        at = mention.span.of(text).find(shorter)
        if at >= 0:
            start = mention.span.start + at
            mention.span, mention.name = Span(start, start + len(shorter)), shorter
    return mentions


def run_on(cut: list[str], words_used: Counter[str]) -> bool:
    """Words after a name that are no name of their own: in no other name, no generation."""
    suffix = cut[0].casefold().rstrip(".,") in rules().name_suffixes
    return not suffix and all(words_used[word] == 1 for word in cut)


def names_completed(mentions: list[M], text: str) -> list[M]:
    """A person's name the parse ended one word short ("Enrique Peña" of "Enrique Peña Nieto")
    takes the capitalised word after it when the article names a person by the name's last word
    and that word together ("Peña Nieto"): a double surname. A word that opens another mention
    is left to it, and an organisation's name ("Clinton Foundation") is no evidence."""
    pairs = {tuple(m.name.split()[i : i + 2]) for m in mentions if m.label == "PERSON"
             for i in range(len(m.name.split()) - 1)}  # fmt: skip
    starts = {m.span.start for m in mentions}
    for mention in mentions:
        found = NEXT_WORD.match(text, mention.span.end)
        if mention.label != "PERSON" or found is None or found.start(1) in starts:
            continue
        if (mention.name.split()[-1], found.group(1)) in pairs:
            mention.span = Span(mention.span.start, found.end(1))
            mention.name = f"{mention.name} {found.group(1)}"
    return mentions


# last words of a court's name that "for the ..." goes on ("U.S. Court of Appeals for the Sixth
# Circuit", "U.S. District Court for the District of Columbia"); committees and centres were
# tried and left: "the Select Committee" then no longer joins "House Select Committee on
# Benghazi", and "Rubio's campaign for the GOP nomination" is no name
CONTINUED_HEADS = frozenset({"court", "appeals"})
CONTINUATION = re.compile(r" for the (?=[A-Z])")


def bodies_continued(mentions: list[M], text: str) -> list[M]:
    """A court's name the tagger cut at "for the" takes the name right after it, as one: "U.S.
    Court of Appeals for the Sixth Circuit" is one court, not a court and a circuit."""
    by_start = {m.span.start: m for m in mentions}
    taken: set[int] = set()
    for mention in mentions:
        words = mention.name.split()
        if mention.label != "ORG" or not words or words[-1].casefold() not in CONTINUED_HEADS:
            continue
        link = CONTINUATION.match(text, mention.span.end)
        after = by_start.get(link.end()) if link is not None else None
        if after is None or after is mention or "\n" in text[mention.span.start : after.span.end]:
            continue
        mention.span = Span(mention.span.start, after.span.end)
        mention.name = text[mention.span.start : after.span.end]
        taken.add(id(after))
    return [m for m in mentions if id(m) not in taken]


def first_line(text: str) -> str:
    """A name never runs past a line break ("Fault" of a heading over the next paragraph)."""
    return text.split("\n", 1)[0].rstrip()


def joint_names_split(mentions: list[M], text: str) -> list[M]:
    """An organisation's name that is two or more joined by slashes ("ABC News/Washington
    Post", the sponsors of a joint poll) is a mention of each, with its own span; so is a name
    joined by "and" whose parts are people of the article ("Petraeus and Panetta" tagged as
    one ORG: Petraeus and Panetta)."""
    surnames = {
        m.name.split()[-1] for m in mentions if m.label == "PERSON" and " and " not in m.name
    }
    found: list[M] = []
    for mention in mentions:
        parts, label = joint_parts(mention.name, mention.label, surnames)
        if parts == [mention.name]:
            found.append(mention)
            continue
        at = mention.span.start
        for part in parts:
            start = text.find(part, at, mention.span.end)
            if start < 0:
                break
            piece = copy.copy(mention)
            piece.span, piece.name, piece.label = Span(start, start + len(part)), part, label
            found.append(piece)
            at = start + len(part)
    return found


def joint_parts(name: str, label: str, surnames: set[str]) -> tuple[list[str], str]:
    """The names a joint name stands for, and their label; one part when it is one name (or
    the name less a tail the tagger ran on: variants.joined_parts)."""
    parts = name.split("/")
    if label == "ORG" and len(parts) >= 2 and all(p[:1].isupper() for p in parts):
        return parts, label
    parts = name.split(" and ")
    if (
        len(parts) == 2
        and parts[0] != parts[1]
        and all(  # not "Johnson and Johnson"
            p[:1].isupper() and p.split()[-1] in surnames for p in parts
        )
    ):
        return parts, "PERSON"
    return joined_parts(name, label, surnames) or ([name], label)  # "Kingson - Deacon"


def outside_brackets(text: str, start: int) -> tuple[str, int]:
    """A name cut at a bracket it does not close or open: "Associated Press (" ends before
    it; "[Humayun] Khan", an editor's insertion the tagger took half of, is "Khan", and
    "Gary]" is "Gary"."""
    opening = re.search(r"[\[(](?!.*[\])])", text)
    if opening:
        text = text[: opening.start()].rstrip()
    closing = re.search(r"[\])]", text)
    if closing and not re.search(r"[\[(]", text[: closing.start()]):
        after = text[closing.end() :]
        if re.search(r"[^\W\d_]", after):
            return after.lstrip(), start + len(text) - len(after.lstrip())
        text = text[: closing.start()].rstrip()
    return text, start


def countries_cut(mentions: list[M], text: str) -> list[M]:
    """A country's name the tagger ran into the person's name after it ("special envoy to
    Ukraine Kurt Volker", tagged ORG) is cut off: the mention is the person's from a known first
    name on, when at least a first name and a surname are left ("Jordan Peterson" keeps its
    one word) and the country's name is no first name itself ("Chad Michael Murray")."""
    places = load_places()
    for mention in mentions:
        words = mention.name.split()
        for size in range(1, min(3, len(words) - 2) + 1):
            country, rest = " ".join(words[:size]), words[size:]
            if places.kind(country) != "country" or known_first_name(country):
                continue
            if not known_first_name(rest[0]):
                continue
            at = mention.span.of(text).find(rest[0], len(country))
            if at >= 0:
                start = mention.span.start + at
                mention.span, mention.name = Span(start, mention.span.end), " ".join(rest)
                mention.label = "PERSON"
            break
    return mentions


def body_head_joined(ent: DocSpan) -> DocSpan:
    """'the Central and East European Coalition' tagged "East European": a name of a body or
    a people followed right away by a capitalised organisation's noun ("Coalition",
    "Council", not "House") takes it, and a body's name takes the capitalised words joined by
    "and" between "the" and it ("Central and")."""
    doc, start, end = ent.doc, ent.start, ent.end
    if ent.label_ not in ("ORG", "NORP") or doc[end - 1].tag_ == "POS":
        return ent
    if end < len(doc) and body_noun(doc[end]):
        end += 1
    elif not body_noun(doc[end - 1]):
        return ent
    while start >= 3 and doc[start - 1].lower_ == "and" and doc[start - 2].text.istitle():
        if doc[start - 3].lower_ != "the":
            break
        start -= 2
    return DocSpan(doc, start, end, label="ORG") if (start, end) != (ent.start, ent.end) else ent


def body_noun(word: Token) -> bool:
    """A capitalised organisation's noun that is no thing ("Coalition", not "Bank")."""
    return word.text.istitle() and load_roles().body_noun(word.lower_)


JOINTS = frozenset({"and", "of", "for"})


def untagged_bodies(doc: Doc, ents: list[DocSpan]) -> list[DocSpan]:
    """The entities, with the bodies the tagger missed: after "the", three capitalised words
    or more (joined by "and", "of" or "for") that end with an organisation's noun and hold no
    name of a person or a body ("the Central and East European Coalition", where the tagger
    saw only a place, "Central")."""
    found = []
    for the in (t for t in doc if t.lower_ == "the" and t.i + 3 < len(doc)):
        end = the.i + 1
        while end < len(doc) and (doc[end].text.istitle() or doc[end].lower_ in JOINTS):
            end += 1
        while end > the.i + 1 and doc[end - 1].lower_ in JOINTS:
            end -= 1
        words = doc[the.i + 1 : end]
        if len(words) < 3 or not body_noun(words[-1]) or words[0].lower_ in JOINTS:
            continue
        if any(t.ent_type_ in ("PERSON", "ORG") or t.is_sent_start for t in words):
            continue
        found.append(DocSpan(doc, words.start, words.end, label="ORG"))
    if not found:
        return ents
    return sorted(ents + found, key=lambda ent: (ent.start, -ent.end))
