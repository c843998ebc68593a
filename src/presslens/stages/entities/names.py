"""One actor per person or organisation: the forms of one name merged, other people kept apart.

A person's full names merge when their parts agree: the same surname and generation ("Jr."),
first names equal or one a short form of the other ("Tim" / "Timothy"), middle names absent
from one or with the same initials ("Timothy J. Sloan" / "Tim Sloan"; "George W. Bush" and
"George HW Bush" stay two). A full name agreeing with two people ("George Bush" beside both) is
left apart. A one-word name joins the one person whose surname it is ("Sloan"), or, failing
that, whose first name it is ("Hillary"); a title's sex must agree ("Mrs. Doe" never joins a man
the article calls "he", nor, of two, one whose first name is a man's: nlp/firstnames.py). A
surname two people share stays apart ("Clinton" beside Bill and Hillary Clinton, when neither
title nor first name tells them apart), as does a bare surname beside both "Mr. X" and
"Mrs. X".

Organisations' names are merged in organisations.py.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from nicknames import NickNamer
from spacy.tokens import Doc

from presslens.model import Span
from presslens.nlp.firstnames import (
    encoder_sex,
    first_name_sex,
    given_name_sex,
    known_first_name,
    not_a_name,
)
from presslens.stages.entities.maiden import join_maiden_names
from presslens.stages.entities.rules import rules
from presslens.stages.entities.sexes import (
    first_names_saying,
    likely_gender,
    role_gender,
    told_apart,
)
from presslens.stages.entities.types import (
    PLACE_LABELS,
    Group,
    actor_type,
    mention_tokens,
    organisation_named,
)
from presslens.stages.entities.variants import (
    doubled_letter,
    given_forms,
    spelled_alike,
    surname_variant,
)
from presslens.stages.entities.works import without_epithet
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

Key = tuple[str, str]  # (name, gender of a one-word name's title)
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
PARTICLES = {
    "de",
    "da",
    "di",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "la",
    "le",
    "du",
}
# A bare surname shared by several people goes to the one named this many times as often as
# each other (on the 20 gold articles' build half, shared surnames were the main split left)
DOMINANCE = 3
SHORT_FORM = 3  # "Tim" is a short form of "Timothy"; "Al" is no short form of "Alan"
SUBJECTS = {"nsubj", "nsubjpass"}
PRONOUN_WINDOW = 40  # tokens after a mention searched for the pronoun that takes it up


@dataclass(frozen=True, slots=True)
class PersonName:
    first: str
    middle: tuple[str, ...]
    last: str
    suffix: str

    def initials(self) -> str:
        return "".join(initial_letters(part) for part in self.middle)


def name_form(name: str, label: str = "") -> str:
    """One spelling for the forms of a name that differ only in typography: curly or straight
    apostrophes ("O’Neill", "O'Neill"), a particle capitalised at a sentence start ("De Blasio").
    A person's "Al" is a given name (Al Gore, Al Sharpton), not the Arabic article."""
    words = name.replace("’", "'").split(" ")
    given = label == "PERSON" and words[0] == "Al"
    if len(words) > 1 and words[0].casefold() in PARTICLES and not given:
        words[0] = words[0].casefold()
    return " ".join(words)


def initial_letters(part: str) -> str:
    """'J.' -> 'J', 'HW' -> 'HW', 'Rodham' -> 'R'."""
    bare = part.replace(".", "")
    return bare if bare.isupper() and len(bare) <= 3 else bare[:1]


def parse_person(name: str) -> PersonName | None:
    words = name.split()
    suffix = ""
    if len(words) > 2 and words[-1].casefold().rstrip(",") in rules().name_suffixes:
        suffix, words = words[-1].casefold().rstrip("."), words[:-1]
        words[-1] = words[-1].rstrip(",")
    if len(words) < 2 or not all(capitalised(w) for w in (words[0], words[-1])):
        return None
    if not all(NAME_WORD.fullmatch(w) and (capitalised(w) or w in PARTICLES) for w in words):
        return None  # "Christie and Jindal", "Weak - Rubio": no one person's name
    middle = words[1:-1]
    last = words[-1]
    while middle and middle[-1].casefold() in PARTICLES:  # "Bill de Blasio", "Chris Van
        last = f"{middle.pop().casefold()} {last}"  # Hollen": "de Blasio", "van Hollen"
    return PersonName(words[0], tuple(middle), last, suffix)


ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an)[-‐]", re.IGNORECASE)


def without_article(last: str) -> str:
    """'al-Assad' -> 'Assad', 'el-Sisi' -> 'Sisi': writers often drop the article later on."""
    return ARABIC_ARTICLE.sub("", last)


def capitalised(word: str) -> bool:
    """'Rubio', and 'al-Assad' after its article."""
    return without_article(word)[:1].isupper()


def surname_form(name: str) -> bool:
    """A one-word name, or a surname with its particle ("de Blasio", "van Hollen")."""
    words = name.split(" ")
    return len(words) == 1 or (len(words) == 2 and words[0] in PARTICLES and words[1][:1].isupper())


def first_names_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    if len(short) == 1:
        return long_.startswith(short)  # an initial: "J. Smith"
    if len(short) >= SHORT_FORM and long_.startswith(short) and not sexes_differ(short, long_):
        return True  # "Tim" of Timothy; not "Eric" of "Erica": a father and his daughter
    return is_nickname(short, long_) or is_nickname(long_, short)


def sexes_differ(a: str, b: str) -> bool:
    """Whether the first-name catalogues give two given names different sexes ("Eric", "Erica";
    "Dan", "Dana"): the longer is then another name, not the shorter's full form."""
    sex_a, sex_b = first_name_sex(a), first_name_sex(b)
    return sex_a is not None and sex_b is not None and sex_a != sex_b


NICKNAME_NAMES = 6  # given names a short form may stand for and still tell one ("Tony": six)


@functools.cache
def nicknamer() -> NickNamer:
    return NickNamer()


def is_nickname(nickname: str, name: str) -> bool:
    """'Chuck' of Charles, 'Ted' of Edward, 'Bill' of William: the `nicknames` package's
    hand-curated table of English given names and their short forms. A short form that many
    given names share ('Al': Alan, Albert, Alfred and eleven more) tells nothing."""
    table = nicknamer()
    if len(table.canonicals_of(nickname)) > NICKNAME_NAMES:
        return False
    return nickname.lower() in table.nicknames_of(name)


def same_person(a: PersonName, b: PersonName) -> bool:
    if a.last == b.last and a.suffix == b.suffix and double_surname(a, b):
        return True
    if a.suffix == b.suffix and spelled_alike(a.first, a.last, b.first, b.last):
        return not (a.middle and b.middle) or a.initials() == b.initials()  # "Adbulhadi"
    if a.last != b.last or a.suffix != b.suffix or not first_names_agree(a.first, b.first):
        return False
    return not (a.middle and b.middle) or a.initials() == b.initials()


def double_surname(a: PersonName, b: PersonName) -> bool:
    """'Wasserman Schultz' for Debbie Wasserman Schultz, 'Vander Plaats' for Bob Vander Plaats:
    a two-word name that is a longer name's last two words is its surname, not another
    person's first name and surname."""
    short, full = (a, b) if len(a.middle) < len(b.middle) else (b, a)
    return not short.middle and bool(full.middle) and full.middle[-1] == short.first


def merge_people(groups: dict[Key, Group], doc: Doc) -> None:
    """Full names, then one-word names, into one group per person."""
    join_maiden_names(groups)  # "Dena Minning" of "Dena Minning Grayson" and "Dena Grayson"
    people = cluster_full_names(groups, doc)
    genders = {name: person_gender(groups[(name, "")], doc) for name in people}
    for key in [k for k in groups if surname_form(k[0])]:
        # of namesakes, the one the pronouns taking the surname up say ("Trump ... herself"
        # beside Donald and Ivanka Trump), before the one named most
        owner = None if key[1] else owner_by_pronouns(key[0], groups, people, genders, doc)
        owner = owner or owner_of(key, groups, people, genders)
        if owner is not None:
            groups[(owner, "")].absorb(groups.pop(key))
    join_bare_surnames(groups)


def owner_by_pronouns(
    word: str,
    groups: dict[Key, Group],
    people: dict[str, PersonName],
    genders: dict[str, str],
    doc: Doc,
) -> str | None:
    """'Clinton said she ...' beside Bill and Hillary Clinton: a bare surname that several
    people share goes to the one of them whose sex, as the article or the first name tells it,
    is the one the pronouns taking up the bare surname say (one or more, three times those of
    the other sex, none inside a quotation: a pronoun is only counted after a subject, with no
    other person named between); None when not exactly one is."""
    fits = [n for n, p in people.items() if p.last == word]
    if len(fits) < 2:
        return None
    votes = Counter(
        pronoun_after(doc, span, {word}, quoted=False) for span in groups[(word, "")].spans
    )
    votes.pop("", None)
    sex, count = votes.most_common(1)[0] if votes else ("", 0)
    if count < 1 or count < 3 * (sum(votes.values()) - count):
        return None  # no pronoun, or both sexes: the surname stands for both people
    same = [n for n in fits if (genders[n] or likely_gender(n)) == sex]
    return same[0] if len(same) == 1 else None


def is_person(group: Group) -> bool:
    return actor_type(group) == "PERSON" or bool(group.genders)


def titled_elsewhere(name: str, groups: dict[Key, Group]) -> bool:
    """A full name the tagger typed otherwise ("Mason Rudolph", "Tashfeen Malik" as ORG) is a
    person's when its last word stands under a personal title elsewhere ("Mr. Rudolph", "Ms.
    Malik"), its first word is no common noun and its last no organisation's ("Rail Union"
    beside a "Mr. Union" is not)."""
    words = name.split()
    if len(words) != 2 or common_noun(words[0]) or load_roles().kind(words[-1].lower()) == "ORG":
        return False  # "Tashfeen Malik" beside "Ms. Malik": a first name the encoder lacks
    return any(key[0] == words[-1] and key[1] for key in groups)


def taken_up_as_person(name: str, groups: dict[Key, Group], doc: Doc) -> bool:
    """A full name the tagger typed otherwise ("Carly Fiorina" as ORG) is a person's when it
    opens with a first name and the pronouns taking up it or its last word alone are "he" or
    "she" as the first name says, never the other, never "it" ("Fiorina delivered a speech,
    though her disclosure ...")."""
    words = name.split()
    if len(words) != 2 or common_noun(words[-1]):
        return False  # "Republican Party", "Washington Post": an organisation's noun
    sex = {"m": "he", "f": "she"}.get(given_name_sex(name) or "")
    if sex is None:
        return False
    forms = [groups[key] for key in ((name, ""), (words[-1], "")) if key in groups]
    spans = [span for group in forms for span in group.spans]
    votes = Counter(pronoun_family(doc, span, set(words)) for span in spans)
    votes.pop("", None)
    return set(votes) == {sex}


def surname_read_as_person(name: str, group: Group, groups: dict[Key, Group]) -> bool:
    """A two-word name the tagger typed an organisation's ("Rahm Emanuel", "Novak Djokovic")
    is a person's when its last word, standing alone, is read as a person's ("Emanuel said")
    and neither word is a common noun nor the name an organisation's by its head ("Stop
    Trump", "Young Latinos", "Trump University" stay)."""
    words = name.split()
    bare = groups.get((words[-1], ""))
    if len(words) != 2 or bare is None or not tagged_person(bare) or group.labels["NORP"]:
        return False  # "Southeast Manchester" (NORP) beside a "Manchester" the tagger misread
    return not (any(common_noun(w) for w in words) or organisation_named(name))


def common_noun(word: str) -> bool:
    """A role or a thing in WordNet's catalogue ("party", "post", "times")."""
    roles = load_roles()
    lemma = word.lower()
    return roles.kind(lemma) is not None or roles.thing(lemma)


def pronoun_family(
    doc: Doc, span: Span, own: set[str], names: set[str] | frozenset[str] = frozenset({"PERSON"})
) -> str:
    """'he', 'she' or 'it' for the first pronoun taking up a subject mention (before a name of
    the `names` labels, outside quotations), '' for none."""
    found = first_pronoun_after(doc, span, own, set(names), quoted=False)
    if found in MALE:
        return "he"
    if found in FEMALE:
        return "she"
    return "it" if found else ""


def cluster_full_names(groups: dict[Key, Group], doc: Doc) -> dict[str, PersonName]:
    """Merge the full names of each person; returns each person's name -> its parts."""
    parsed = {
        key[0]: parts
        for key, group in groups.items()
        if " " in key[0]
        and (
            is_person(group)
            or titled_elsewhere(key[0], groups)
            or taken_up_as_person(key[0], groups, doc)
            or surname_read_as_person(key[0], group, groups)
        )
        and (parts := parse_person(key[0])) is not None
    }
    for name in named_for_people(parsed, groups):
        parsed.pop(name, None)  # "Trump Tower": a building named for a person, not one
        group = groups[(name, "")]
        group.labels = Counter({"FAC": sum(group.labels.values())})  # the tagger's person: none
    order = sorted(parsed, key=lambda n: (-len(n.split()), -len(groups[(n, "")].spans)))
    clusters: list[list[str]] = []
    for name in order:
        fits = [c for c in clusters if all(same_person(parsed[name], parsed[m]) for m in c)]
        if len(fits) == 1:
            fits[0].append(name)
        else:
            clusters.append([name])  # a new person, or one that could be either of two
    people = {}
    for cluster in clusters:
        head = max(cluster, key=lambda n: (len(groups[(n, "")].spans), len(n)))
        head = fullest(head, [n for n in cluster if given_name_first(groups[(n, "")], doc)])
        head = without_epithet(head, cluster)  # "Crooked Jane Roe" -> "Jane Roe"
        for name in cluster:
            if name != head:
                groups[(head, "")].absorb(groups.pop((name, "")))
        groups[(head, "")].person = True
        people[head] = parsed[head]
    return people


def named_for_people(parsed: dict[str, PersonName], groups: dict[Key, Group]) -> list[str]:
    """Names of things called after a person of the article (`parsed`: its people's full
    names) that the tagger reads as a person's or an organisation's: two words, the first
    another full name's surname and no given name, the last a noun WordNet knows as a thing and
    no body ("Trump Tower", "Bundy Ranch" beside Ammon Bundy, "Walsh Place" beside Donald
    Walsh; not "Patrick Murphy" beside Craig Patrick, nor "Trump Organization"), or, given
    name or not, a name only ever written where words are aired: a show ("Kelly File")."""
    surnames = {person.last for person in parsed.values()}
    roles = load_roles()
    found = []
    for (name, title), group in groups.items():
        words = name.split()
        if title or len(words) != 2 or words[0] not in surnames:
            continue
        if not (group.labels["ORG"] or group.labels["PERSON"]):
            continue
        noun = words[1].casefold()
        if roles.thing(noun) and roles.kind(noun) is None and not given_name(words[0]):
            found.append(name)
        elif group.aired == len(group.spans) and roles.kind(noun) is None:
            found.append(name)  # "on tonight's Kelly File" beside Megyn Kelly: her show
    return found


def tagged_person(group: Group) -> bool:
    """Whether the tagger reads the name as a person's more often than anything else."""
    return bool(group.labels) and group.labels.most_common(1)[0][0] == "PERSON"


def given_name(word: str) -> bool:
    """A first name the catalogues know ("Donald", "Patrick", "Kurt"; not "Trump", "Bundy"): the
    `nicknames` package's, the Census first-name catalogue's when common enough ("Hope", not
    "Young": nlp/firstnames.py), or, for a word that catalogue does not refuse, one the encoder's
    embeddings give a sex ("Ivanka"; not "Major", a rare name and a word)."""
    lowered = word.casefold()
    known = nicknamer().nicknames_of(lowered) or nicknamer().canonicals_of(lowered)
    if known or known_first_name(word):
        return True
    return not not_a_name(word) and encoder_sex(word.strip(".").lower()) is not None


def fullest(head: str, names: list[str]) -> str:
    """The name a person's commonest name is the end of: "Enrique Peña Nieto" for "Peña
    Nieto", a double surname used more often than the full name."""
    return max((n for n in names if n.endswith(f" {head}")), key=len, default=head)


def given_name_first(group: Group, doc: Doc) -> bool:
    """Whether the tagger reads the first word of every mention as a proper noun: "Enrique" of
    "Enrique Peña Nieto", not "Telling" of "After Telling Jeb Bush" in a title-case line."""
    firsts = (mention_tokens(doc, s) for s in group.spans)
    return all(span is not None and span[0].pos_ == "PROPN" for span in firsts)


def owner_of(
    key: Key, groups: dict[Key, Group], people: dict[str, PersonName], genders: dict[str, str]
) -> str | None:
    """The one person a one-word name stands for, or None when none or several fit."""
    word, gender = key
    group = groups[key]
    if rules().types.get(word) or actor_type(group) == "NORP":
        return None  # a country ("Jordan") or a group word
    if actor_type(group) in PLACE_LABELS and mostly_where(group) and not group.labels["PERSON"]:
        if load_places().kind(word) is not None:  # "to Kasich", no place's name, is his
            return None  # "in London" is not the surname of "Breitbart London"
    fits = [n for n, p in people.items() if word in (p.last, without_article(p.last))]
    if not fits:  # "Ms. Acosta" for Melba Acosta Febo
        fits = [n for n, p in people.items() if word in p.middle and len(word) > 2]
    if not fits and is_person(group):  # "Zelenskiy" for Volodymyr Zelensky
        found = surname_variant(word, {n: p.last for n, p in people.items()})
        fits = [found] if found else []
    if not fits and not gender:  # "Hillary"; "Pete" for Peter Roe, written "Pete Roe" too
        fits = [n for n, p in people.items() if word == p.first or word in given_forms(n, groups)]
    if not fits and not gender and tagged_person(group):  # "Joe" for Joseph R. Biden Jr.
        fits = [n for n, p in people.items() if is_nickname(word, p.first)]
    if not fits and not gender and (tagged_person(group) or given_name(word)):
        fits = [n for n, p in people.items() if doubled_letter(word, p.first)]  # "Terrence"
    if not fits and gender:  # "Mr. Ban" for Ban Ki-moon, "Mr. Lou" for Lou Jiwei: a first
        first = [n for n, p in people.items() if p.first == word and surname_first(p, groups)]
        return first[0] if len(first) == 1 else None  # word that is a family name tells no sex
    if gender:
        fits = [n for n in fits if genders[n] in ("", gender)]
        if len(fits) > 1:  # "Mrs. Clinton" beside Hillary and Bill: the first names tell
            fits = first_names_saying(fits, gender)
    elif len({g for w, g in groups if w == word and g}) == 2:
        return None  # "Doe" beside both "Mr. Doe" and "Mrs. Doe"
    elif other_sex_only(word, fits, groups, genders):
        return None  # "President Obama" beside "Mr. Obama" and Michelle Obama: his
    owner = dominant(fits, groups) or introduced_first(fits, group, groups)
    if owner is None:
        return None
    if gender and not genders[owner] and other_gender_present(word, gender, groups):
        namesakes = [n for n in people if people[n].last == word]
        if not told_apart(owner, gender, namesakes, genders):
            return None  # "Mrs. Doe" beside "Mr. Doe" and Donald Doe, whose sex is unknown
    return owner


def other_sex_only(
    word: str, fits: list[str], groups: dict[Key, Group], genders: dict[str, str]
) -> bool:
    """Every full name the bare surname fits is of the other sex than the one titled
    namesake ("Mr. Obama"), who is named more often than each: the bare name is then the
    titled one's, whom `join_bare_surnames` gives it, not the full name's ("Ms. Trump" named
    once beside Donald J. Trump does not take "Trump")."""
    titled = [g for w, g in groups if w == word and g]
    if len(titled) != 1 or not fits or any(genders[n] in ("", titled[0]) for n in fits):
        return False
    return len(groups[(word, titled[0])].spans) > max(len(groups[(n, "")].spans) for n in fits)


def mostly_where(group: Group) -> bool:
    """A name used as a location at least half the time ("in London"); one "from Schiff" among
    twenty-three mentions the tagger calls a place does not make a surname a place."""
    return 2 * group.locative >= len(group.spans)


def surname_first(person: PersonName, groups: dict[Key, Group]) -> bool:
    """A two-part name written family name first: its given name hyphenated with a lower-case
    second part ("Ban Ki-moon", "Moon Jae-in"), or no given name the catalogues know and never
    standing alone ("Lou Jiwei", "Xi Jinping"; not "Lou Dobbs ... Dobbs said")."""
    given = person.last.split("-")
    if person.middle or (len(given) == 2 and given[1][:1].islower()):
        return not person.middle
    return not given_name(person.last) and not any(word == person.last for word, _ in groups)


def dominant(fits: list[str], groups: dict[Key, Group]) -> str | None:
    """The one person a name fits, or, of several, the one the article is about: named at
    least DOMINANCE times as often as each other ("Clinton" in a story about Hillary Clinton
    that names Bill Clinton once). None when no one stands out."""
    if len(fits) == 1:
        return fits[0]
    if not fits:
        return None
    counts = sorted(((len(groups[(n, "")].spans), n) for n in fits), reverse=True)
    (top, name), (second, _) = counts[0], counts[1]
    return name if top >= DOMINANCE * second else None


EARLY_MENTIONS = 2  # bare mentions before any namesake is named: the first-named one's


def introduced_first(fits: list[str], bare: Group, groups: dict[Key, Group]) -> str | None:
    """Of several people sharing a surname, the one named first, when the bare surname is used
    at least EARLY_MENTIONS times before any of the others is named: news names its subject in
    full, calls them by surname, and names relatives in full when they come in ("Sen. Ted Cruz
    ... Cruz ... Cruz ... his father, Rafael Cruz"). None otherwise ("Bill and Hillary Clinton
    ... Clinton" names both before the surname stands alone)."""
    if len(fits) < 2:
        return None
    firsts = sorted((min(s.start for s in groups[(n, "")].spans), n) for n in fits)
    (first_start, first), (second_start, _) = firsts[0], firsts[1]
    early = [s for s in bare.spans if first_start < s.start < second_start]
    return first if len(early) >= EARLY_MENTIONS else None


def other_gender_present(word: str, gender: str, groups: dict[Key, Group]) -> bool:
    return any(w == word and g and g != gender for w, g in groups)


def join_bare_surnames(groups: dict[Key, Group]) -> None:
    """'Wicks' joins 'Mr. Wicks' when the article has no other gendered 'Wicks'."""
    for word, gender in [k for k in groups if k[1]]:
        bare = (word, "")
        if bare in groups and not other_gender_present(word, gender, groups):
            groups[(word, gender)].absorb(groups.pop(bare))


def person_gender(group: Group, doc: Doc) -> str:
    """A person's sex from titles ('Mrs.'), failing that from the first name when it says one
    ('Donald J. Trump'), failing that from the pronouns that take up their full name ('Jane Roe
    said she ...': the next pronoun may be another's, "if Donald J. Trump wins. She offers");
    '' when unknown or mixed."""
    votes = Counter(group.genders)
    if not votes:
        votes.update(role_gender(doc, span) for span in group.spans[:6])
        votes.pop("", None)  # "Ivana Trump, his first wife": the role says her sex
    if not votes and likely_gender(group.name):
        return likely_gender(group.name)
    if not votes:
        own = set(group.name.split())
        for span in group.spans[:6]:
            votes[pronoun_after(doc, span, own)] += 1
        votes.pop("", None)
    if len(votes) != 1:
        return ""
    return next(iter(votes))


THING_PRONOUNS = {"it", "its", "itself"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}  # another name: the pronoun may be its


def pronoun_after(doc: Doc, span: Span, own: set[str], quoted: bool = True) -> str:
    """The sex of the first third-person pronoun after a mention that is a subject, before
    another person's name (`own`: the words of this person's name); `quoted` False: nor after
    a quotation mark (a pronoun in a quotation is the speaker's, about anyone)."""
    found = first_pronoun_after(doc, span, own, {"PERSON"}, quoted=quoted, wanted=MALE | FEMALE)
    if found in MALE:
        return "male"
    return "female" if found in FEMALE else ""


def first_pronoun_after(
    doc: Doc,
    span: Span,
    own: set[str],
    names: set[str],
    *,
    quoted: bool,
    wanted: frozenset[str] | set[str] = frozenset(),
) -> str:
    """The first of the `wanted` pronouns (default: he, she, it and their forms) after a mention
    that is a subject (only a subject is reliably taken up by the next pronoun), lower-cased;
    '' when a name of the `names` labels that is not one of `own`'s words or, `quoted` False, a
    quotation mark comes first."""
    token = mention_tokens(doc, span)
    if token is None or token.root.dep_ not in SUBJECTS:
        return ""
    wanted = wanted or MALE | FEMALE | THING_PRONOUNS
    for follower in doc[token.end : token.end + PRONOUN_WINDOW]:
        if not quoted and follower.is_quote:
            return ""
        if follower.ent_type_ in names and follower.text not in own:
            return ""
        if follower.lower_ in wanted:
            return follower.lower_
    return ""


def surname_probes(groups: dict[Key, Group]) -> dict[str, Key]:
    """Surname -> the person's key, for people whose surname no other name of the article
    shares; the mention search looks for these words."""
    owners: dict[str, list[Key]] = {}
    for key, group in groups.items():
        person = parse_person(key[0]) if " " in key[0] else None
        if person is not None and not key[1] and actor_type(group) == "PERSON":
            owners.setdefault(person.last, []).append(key)
    taken = {word for word, _ in groups if " " not in word}
    return {last: keys[0] for last, keys in owners.items() if len(keys) == 1 and last not in taken}
