"""The gender of the people in an article, from what the article itself says about them.

spaCy's small model knows no gender, and a first name is a guess: a pronoun ("she said") is only
tested for agreement with a person whose gender the article shows. The evidence, weighed: an
honorific before a mention ("Mr. Roe", "Mrs. Bell": 3 votes), a gendered noun beside a mention
("Congresswoman Bell", "Tom Ray, her husband": 3 votes; a "-man" noun such as "spokesman",
written for women too, 3 beside a man's first name, 1 beside a name of no known sex), and a he,
she or his outside quotation marks in a sentence where that person, a subject, is the only one
named before it (or, none being named before it, the only one named in the sentence before: 1
vote each). A title such as "Sen." says nothing. A gender needs 2 votes and three times the
votes of the other; else it stays unknown. A person the article gives no vote at all has, as a
likely sex, the one their first name usually says (`likely_genders`, nlp/firstnames.py: "Wendy
Sherman" is a woman): a pronoun of the other sex does not take them up, but neither does it rank
them before a person of unknown sex, as a sex the article shows does.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from spacy.tokens import Doc

from presslens.model import Actor, Span
from presslens.nlp.firstnames import given_name_sex
from presslens.stages.quotes.marks import SET_OFF, Quoted
from presslens.stages.roles import Roles, load_roles

HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mister|Madam)\.?\s*$")
HONORIFIC_GENDER = {"mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f"}
# subject and reflexive forms, and "his": an object ("Roe attacked her") is most often someone else
PRONOUN_RE = re.compile(r"\b([Hh]e|[Hh]is|[Hh]imself|[Ss]he|[Hh]erself)\b")
MALE = {"he", "his", "himself"}
STRONG, WEAK = 3, 1
Votes = dict[str, list[int]]  # actor id -> [male votes, female votes]


def actor_genders(
    text: str,
    starts: list[int],
    doc: Doc,
    actors: tuple[Actor, ...],
    quoted: list[Quoted],
    sentences: list[tuple[int, int]],
    roles: Roles | None = None,
) -> dict[str, str]:
    """Actor id -> "m" or "f" for the people whose gender the article shows."""
    people = [a for a in actors if a.type == "PERSON"]
    if not people:
        return {}
    votes: Votes = defaultdict(lambda: [0, 0])
    name_votes(text, starts, doc, people, roles or load_roles(), votes)
    pronoun_votes(text, doc, starts, people, quoted, sentences, votes)
    return {actor_id: g for actor_id, counts in votes.items() if (g := decide(counts))}


def likely_genders(actors: tuple[Actor, ...], shown: dict[str, str]) -> dict[str, str]:
    """Actor id -> the sex the first name says, for the people whose sex the article does not
    show (`shown`)."""
    likely = {}
    for person in actors:
        if person.type == "PERSON" and person.id not in shown:
            sex = given_name_sex(person.name)
            if sex is not None:
                likely[person.id] = sex
    return likely


def vote(votes: Votes, actor_id: str, gender: str | None, weight: int) -> None:
    if gender is not None:
        votes[actor_id][0 if gender == "m" else 1] += weight


def decide(counts: list[int]) -> str | None:
    male, female = counts
    if male >= 2 and male >= 3 * female:
        return "m"
    if female >= 2 and female >= 3 * male:
        return "f"
    return None


def name_votes(
    text: str, starts: list[int], doc: Doc, people: list[Actor], roles: Roles, votes: Votes
) -> None:
    """Honorifics and gendered nouns right beside a person's mentions."""
    for actor in people:
        for mention in actor.mentions:
            found = HONORIFIC_RE.search(text[max(0, mention.start - 9) : mention.start])
            inside = HONORIFIC_RE.search(text[mention.start : mention.start + 5] + " ")
            honorific = found or (inside if inside and inside.start() == 0 else None)
            if honorific:
                vote(votes, actor.id, HONORIFIC_GENDER[honorific.group(1).lower()], STRONG)
            first = bisect.bisect_left(starts, mention.start)
            last = max(first, bisect.bisect_left(starts, mention.end) - 1)
            if first > 0:  # "Congresswoman Bell", "businessman Tom Ray"
                noun_vote(votes, roles, doc[first - 1].lower_, actor)
            for child in doc[last].children:  # "Tom Ray, her husband", not "Ann Bell's son"
                if child.dep_ == "appos" and set_off(doc, last, child.i):
                    noun_vote(votes, roles, child.lemma_.lower(), actor)


def noun_vote(votes: Votes, roles: Roles, noun: str, person: Actor) -> None:
    """The sex a noun beside a name says. A "-man" noun ("spokesman", "chairman") is written
    for women too ("Trump spokesman Hope Hicks"): strong beside a man's first name, weak beside
    a name that says no sex, nothing beside a woman's; "spokeswoman", "husband" are strong."""
    gender = roles.gender(noun)
    if gender == "m" and noun.endswith("man"):
        sex = given_name_sex(person.name)
        if sex != "f":
            vote(votes, person.id, gender, STRONG if sex == "m" else WEAK)
        return
    vote(votes, person.id, gender, STRONG)


def set_off(doc: Doc, name: int, appos: int) -> bool:
    """Whether a comma or a dash sets the apposition off from the name, as a true apposition
    is ("Tom Ray, her husband"): the parser also reads "Sanders’ son" as one."""
    return any(doc[k].text in SET_OFF or doc[k].text == "(" for k in range(name + 1, appos))


def pronoun_votes(
    text: str,
    doc: Doc,
    starts: list[int],
    people: list[Actor],
    quoted: list[Quoted],
    sentences: list[tuple[int, int]],
    votes: Votes,
) -> None:
    """A he or she bound to the one person named before it in its sentence (or, none named, in
    the sentence before), when that person is a subject there: "Roe said he ...", not "asked
    about Roe, she said". A pronoun in a quotation may be anyone's: those are skipped."""
    inside = [q.span for q in quoted]
    mentions = sorted(
        (m.start, a.id, is_subject(doc, starts, m))
        for a in people
        for m in a.mentions
        if not any(span.start <= m.start < span.end for span in inside)
    )
    offsets = [start for start, _, _ in mentions]
    bounds = [(starts[a], starts[b - 1] if b > a else starts[a]) for a, b in sentences]
    sentence_starts = [b[0] for b in bounds]
    for match in PRONOUN_RE.finditer(text):
        at = match.start()
        number = bisect.bisect_right(sentence_starts, at) - 1
        if number < 0 or any(span.start <= at < span.end for span in inside):
            continue
        named = mentions[
            bisect.bisect_left(offsets, bounds[number][0]) : bisect.bisect_left(offsets, at)
        ]
        if not named and number > 0:
            first = bisect.bisect_left(offsets, bounds[number - 1][0])
            named = mentions[first : bisect.bisect_left(offsets, bounds[number][0])]
        people_named = {actor_id for _, actor_id, _ in named}
        if len(people_named) == 1 and any(subject for _, _, subject in named):
            gender = "m" if match.group(1).lower() in MALE else "f"
            vote(votes, people_named.pop(), gender, WEAK)


def is_subject(doc: Doc, starts: list[int], mention: Span) -> bool:
    """Whether the mention's head is the subject of its clause."""
    first = bisect.bisect_left(starts, mention.start)
    last = max(first, bisect.bisect_left(starts, mention.end) - 1)
    return doc[last].dep_ in ("nsubj", "nsubjpass")
