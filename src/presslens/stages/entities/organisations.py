"""Organisations: the forms of one organisation's name merged into one group.

One name in two word orders is one ("Department of Justice" / "Justice Department"), and so
is one whose country is written two ways ("U.N." / "United Nations Security Council"). An
acronym joins the name whose initials it spells ("Institute for the Study of War (ISW)"); a
short form joins the one longer organisation name it ends or opens ("the Post", "NBC" of NBC
News; the head before "of": "the Chamber" of the U.S. Chamber of Commerce; a first word cut
short: "the Fed" of the Federal Reserve; a hyphenated middle word: "Post-ABC"), by recency
when several end with it ("the Council"); a one-word name never joins a longer name that
merely holds it ("Minsk" is not the "Minsk Dialogue Council", "Clinton" not the "Clinton
Foundation"), and an institution one word names ("the Senate") only its country's or its own
full title ("the Treasury Department").
"""

from __future__ import annotations

import re
from collections import Counter

from presslens.model import Span
from presslens.nlp.firstnames import known_first_name
from presslens.stages.entities.names import Key, dominant
from presslens.stages.entities.retype import outlet_named
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import (
    LEGAL_FORMS,
    PLACE_LABELS,
    Group,
    actor_type,
    organisation_named,
)
from presslens.stages.entities.works import names_a_work

ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")  # "ISW", "F.B.I."
CONNECTORS = {"of", "the", "for", "and", "on", "in", "&"}  # no initial in an acronym
CLIPPED = 4  # letters of a name cut short at most: "Fed"
ORDERED_HEADS = {"Department", "Ministry"}  # "Department of Justice" is the Justice Department


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def spells(letters: str, name: str) -> bool:
    """Whether an acronym spells the name's initials, with or without its small words ("DOJ"
    and "DJ" of the Department of Justice), or a department's those of its field alone ("VA"
    of the Department of Veterans Affairs)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if any(w[0].islower() and w.casefold() not in CONNECTORS for w in words):
        return letters == initials(name)  # "S.C" is not the "Sanders campaign"
    every = "".join(w[0] for w in words)
    field = ordered_form(name).split()[:-1] if ORDERED_HEADS & {words[0], words[-1]} else []
    if field:  # "VA", "HUD": a department's field alone
        every += f" {initials(' '.join(field))}"
    return letters in (initials(name), *every.upper().split()) and len(words) > 1


def merge_organisations(groups: dict[Key, Group]) -> None:
    """Acronyms into the name they abbreviate, then short forms into the one organisation
    name they end or open ("the Post" of the Washington Post, "NBC" of NBC News)."""
    join_legal_forms(groups)
    join_word_orders(groups)
    names = {key[0] for key in groups if not key[1]}
    for key in [k for k in groups if not k[1] and ACRONYM.fullmatch(k[0])]:
        letters = key[0].replace(".", "")
        owners = [n for n in names if n != key[0] and " " in n and spells(letters, n)]
        if len(owners) > 1:  # "DNC" beside the Committee and the Convention (an event's)
            owners = [n for n in owners if actor_type(groups[(n, "")]) == "ORG"]
            owners = [n for n in owners if not names_a_work(n)]
        if len(owners) == 1 and (owners[0], "") in groups:
            groups[(owners[0], "")].absorb(groups.pop(key))
    for key in [k for k in groups if not k[1]]:
        if key not in groups:
            continue
        owner = organisation_of(key[0], groups)
        if owner is not None:  # the short form's votes go to the owner's type ("Fox": ORG)
            short = groups.pop(key)
            short.labels = Counter({actor_type(groups[(owner, "")]): sum(short.labels.values())})
            groups[(owner, "")].absorb(short)
            continue
        ending, _ = longer_names(key[0], groups)
        if len(ending) > 1:
            share_by_recency(key[0], ending, groups)


def join_legal_forms(groups: dict[Key, Group]) -> None:
    """A company's name without its legal form joins the name with it ("Pfizer" of "Pfizer
    Inc"), whatever the tagger called the short one, unless a person's full name claims it."""
    for key in [k for k in groups if not k[1] and " " in k[0]]:
        words = key[0].split()
        if words[-1].rstrip(".").casefold() not in LEGAL_FORMS or key not in groups:
            continue
        short = (" ".join(words[:-1]).rstrip(" ,&"), "")
        if short in groups and not groups[short].person and not groups[short].titles:
            groups[key].absorb(groups.pop(short))


def join_word_orders(groups: dict[Key, Group]) -> None:
    """One organisation's name in two word orders, with its country written two ways or a word
    in the plural once ("Department of Justice" / "Justice Department", "Republican Party of
    Wyoming" / "Wyoming Republican Party", "U.N. Security Council" / "United Nations Security
    Council") is one, shown in the form the article uses most."""
    by_form: dict[str, list[Key]] = {}
    for key, group in groups.items():
        if not key[1] and " " in key[0] and actor_type(group) == "ORG" and not group.person:
            by_form.setdefault(ordered_form(key[0]), []).append(key)
    for keys in by_form.values():
        owner = max(keys, key=lambda k: (len(groups[k].spans), k[0]))
        for key in keys:
            if key != owner:
                groups[owner].absorb(groups.pop(key))


def ordered_form(name: str) -> str:
    """A name's words in one order, its country in one spelling and no word's plural "s":
    "Department of Justice" -> "Justice Department", "Republican Party of Wyoming" ->
    "Wyoming Republican Party", "U.N. Security Council" -> "United Nations Security Council",
    "Acme Pharmaceuticals" and "Acme Pharmaceutical" alike."""
    words = name.split()
    for width in (3, 2, 1):  # a country written two ways ("U.N.", "United Nations")
        country = rules().canonical.get(" ".join(words[:width]).casefold())
        if country and len(words) > width:
            words = [*country.split(), *words[width:]]
            break
    if len(words) > 2 and words[0] in ORDERED_HEADS and words[1] == "of":
        words = [*words[2:], words[0]]  # "Department of Justice"
    elif "Party" in words[1:-2] and words[words.index("Party") + 1] == "of":
        party = words.index("Party")
        words = [*words[party + 2 :], *words[: party + 1]]  # "Party of Wyoming"
    return " ".join(word.removesuffix("s") for word in words)  # "Pharmaceutical(s)"


def organisation_of(short: str, groups: dict[Key, Group]) -> str | None:
    """The longer organisation name whose last words are `short` (its head: "Post", "Security
    Council", "Homeland Security"; of several, the dominant one), or else whose first word is
    `short` when `short` is an acronym or no person's ("NBC" of "NBC News", "Hofstra" of
    "Hofstra University", but not "Trump" of "Trump University"). A name the tagger calls a
    person's joins only a name that says it is an organisation ("Bucknell University") or an
    outlet ("Fox" of Fox News). A
    place or a person is never a short form ("Minsk" is not the "Minsk Dialogue Council")."""
    ending, opening = longer_names(short, groups)
    # the head first: "Homeland Security" is the Department of Homeland Security, not Homeland
    # Security Investigations; of several heads, the one the article names far more often
    if ending:
        return dominant(ending, groups)
    return opening[0] if len(opening) == 1 else None


def longer_names(short: str, groups: dict[Key, Group]) -> tuple[list[str], list[str]]:
    """The organisation names that end with `short`, and those that open with it ([] for a
    name that is never a short form: a person's, a place's, a country's, a group word)."""
    group = groups[(short, "")]
    if group.person or group.titles or group.genders or actor_type(group) in PLACE_LABELS:
        return [], []
    if rules().types.get(short) or actor_type(group) == "NORP":
        return [], []
    read_as_person = group.labels["PERSON"] > 0  # "Bucknell" (PERSON): Bucknell University
    if read_as_person and surname_of_person(short, groups):
        return [], []
    words = short.split()
    ending: list[str] = []
    opening: list[str] = []
    for (name, gender), other in groups.items():
        longer = name.split()
        if gender or len(longer) <= len(words) or actor_type(other) != "ORG":
            continue
        named = organisation_named(name) or outlet_named(name)  # "Fox" (PERSON): Fox News
        named = named or other.body  # "Janney" of "the investment company Janney Montgomery"
        if read_as_person and (not named or body_of_person(longer) or known_first_name(short)):
            continue  # "Bill" (Clinton) is not the "Bill and Melinda Gates Foundation"
        if clipped(short, longer) or joint_word(words, longer):
            opening.append(name)  # "the Fed": the Federal Reserve; "Post-ABC"
            continue
        head = longer[: longer.index("of", 1)] if "of" in longer[1:] else longer
        if short in rules().standalone and not (
            national(longer, words) or (len(head) > len(words) and national(head, words))
        ):
            continue  # "House" is not the "White House"
        if longer[-len(words) :] == words or head[-len(words) :] == words:
            ending.append(name)  # "Council", "Chamber" of the "U.S. Chamber of Commerce"
        elif longer[: len(words)] == words:
            opening.append(name)
    return ending, opening


def clipped(short: str, longer: list[str]) -> bool:
    """Whether a word of three or four letters is the first word of a longer name cut short
    ("Fed" of "Federal Reserve"); not a whole word that opens a longer one ("Congress" of the
    "Congressional Budget Office")."""
    first = longer[0]
    return 3 <= len(short) <= CLIPPED and first.startswith(short) and len(first) > len(short) + 1


def joint_word(words: list[str], longer: list[str]) -> bool:
    """Whether a hyphenated one-word name is a middle word of a longer name ("Post-ABC" of the
    "Washington Post-ABC News" poll, its two sponsors)."""
    return len(words) == 1 and "-" in words[0] and words[0] in longer[1:-1]


def surname_of_person(short: str, groups: dict[Key, Group]) -> bool:
    """Whether a person the article names in full has this surname: "Trump" beside Donald
    and Melania Trump is never short for "Trump University"."""
    return any(g.person and name.split()[-1] == short for (name, _), g in groups.items())


def body_of_person(words: list[str]) -> bool:
    """'Rubio campaign', 'Obama administration': a person's body, whose name is still a
    person's ("Rubio said" is Rubio, not his campaign)."""
    return words[-1].casefold() in rules().person_bodies


def national(longer: list[str], words: list[str]) -> bool:
    """'U.S. Senate', 'United States House', 'House of Representatives', 'Treasury
    Department': the one-word institution with its country or its own full title, not another
    body."""
    if longer[: len(words)] == words:
        return longer[len(words)] in ("of", "Department")  # "the Treasury Department"
    country = " ".join(longer[: -len(words)]) if longer[-len(words) :] == words else ""
    found = rules().canonical.get(country.casefold(), country)
    return rules().types.get(found) == "GPE"


def share_by_recency(short: str, owners: list[str], groups: dict[Key, Group]) -> None:
    """'the Council' in an article naming the Security Council and the Human Rights Council:
    each mention is the council named last before it (a reader's reading); the short form is
    left alone when one of its mentions comes before any of them."""
    group = groups[(short, "")]
    starts = {name: sorted(s.start for s in groups[(name, "")].spans) for name in owners}
    shares: dict[str, list[Span]] = {}
    for span in group.spans:
        before = {
            n: max((s for s in found if s < span.start), default=-1) for n, found in starts.items()
        }
        owner = max(before, key=lambda n: before[n])
        if before[owner] < 0:
            return
        shares.setdefault(owner, []).append(span)
    del groups[(short, "")]
    for owner, spans in shares.items():
        groups[(owner, "")].absorb(part_of(group, spans))


def part_of(group: Group, spans: list[Span]) -> Group:
    """Some of a short form's mentions as a group of their own (its votes in proportion)."""
    share = len(spans) / len(group.spans)
    part = Group(group.name, spans=list(spans))
    part.labels.update({k: round(v * share) for k, v in group.labels.items()})
    part.surfaces.update({k: max(1, round(v * share)) for k, v in group.surfaces.items()})
    part.acting = round(group.acting * share)
    return part
