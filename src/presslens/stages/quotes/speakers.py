"""Speakers: the noun phrase that says something, from the dependency parse, and who it is.

A speaker is the subject of the cue verb, the object of "according to", or the possessor or
"by"-agent of a reporting noun. Its span is the phrase without relative clauses ("Dugin, whose
philosophy ..." -> "Dugin"). The actor is linked by the phrase's head, so "the Director of the
Minsk Dialogue Council" is not mistaken for the council; joint speakers ("Smith and Jones said")
are linked to every actor named. A pronoun or a definite role noun ("the candidate", "the
company") names no one by itself: it is marked here and resolved later (`resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from presslens.model import Actor, Span
from presslens.stages.entities.junk import titles_a_name
from presslens.stages.entities.rules import rules
from presslens.stages.parties import party_of
from presslens.stages.quotes.misparsed import (
    actor_for,
    name_before_role,
    set_off_name,
    whose_apposition,
)
from presslens.stages.quotes.nobody import names_no_one
from presslens.stages.quotes.subjects import in_dateline, subject_of
from presslens.stages.reporting import load_lexicon
from presslens.stages.roles import Roles, load_roles

CUT_DEPS = {"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp"}
PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
DEFINITE = {"the", "this", "that"}
NAMING_TYPES = {"PERSON", "ORG"}  # a role noun modified by one is not a bare role: "the Trump
# campaign" is not the nearest campaign, and it is not Trump either


@dataclass(frozen=True, slots=True)
class Speaker:
    span: Span
    head: int  # token index of the phrase's head
    name: str  # surface, or the resolved name for a pronoun
    actor_id: str | None
    pronoun: bool = False
    actor_ids: tuple[str, ...] = ()  # every actor of a joint speaker, the first = actor_id
    plural: bool = False  # "they", "officials", "Smith and Jones"
    role: str | None = None  # PERSON | ORG | DOCUMENT: a role noun to resolve ("the group")
    gender: str | None = None  # "m" | "f" when the phrase says it ("the congresswoman")
    holder: bool = False  # holds a stance ("Roe wants ..."), did not speak


AGE_UNITS = frozenset({"year", "month", "week"})


def of_a_number(head: Token) -> bool:
    """'the mother of three': a relation to a number of people describes the person."""
    return any(c.lower_ == "of" and any(o.pos_ == "NUM" for o in c.children) for c in head.children)


def age_phrase(head: Token) -> bool:
    """'the 46-year-old' standing alone for a person: "old" with its "year" before it."""
    return head.lower_ == "old" and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in AGE_UNITS for c in head.children
    )


def phrase_tokens(head: Token) -> list[Token]:
    """The head with its modifiers, cutting relative clauses and other clausal attachments."""
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in CUT_DEPS and not (child.dep_ == "acl" and token.pos_ == "PRON"):
                continue  # but "those affected by the shootings" needs its clause
            if child.dep_ == "npadvmod" and (token.i == head.i or token.pos_ in ("NOUN", "PROPN")):
                if not age_phrase(token):
                    continue  # "Trump this week said": when, not who ("57-year-old" stays)
            if not_of_the_phrase(child, head) or whose_apposition(child):
                continue
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    first = last = head.i
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    run = list(doc[first : last + 1])
    while run and (run[-1].is_punct or run[-1].is_space or run[-1].dep_ in ("case", "cc")):
        if run[-1].text == "%" and len(run) > 1:
            break  # "42%": a share of people, not a mark
        run.pop()  # "WaPo.]" and the paragraph break after it
    while run and (run[0].is_punct or run[0].is_space):
        run.pop(0)
    opened = sum(t.text == "(" for t in run) - sum(t.text == ")" for t in run)
    close = run[-1].i + 1 if run else len(doc)
    if close + 1 < len(doc) and doc[close].text == ".":
        close += 1  # "(I-Vt.)": the abbreviation's stop before the bracket
    if run and opened > 0 and close < len(doc) and doc[close].text == ")":
        run += doc[run[-1].i + 1 : close + 1]  # "Rep. Jason Chaffetz (R-Utah)", its bracket closed
    return run or [head]


def not_of_the_phrase(child: Token, head: Token) -> bool:
    """What the parse hangs on a noun that is not part of it: a verb with its own subject read
    as a modifier ("Trump dismissed critics who called ...": 'dismissed' amod, 'Trump' its
    npadvmod), or a phrase set off by a comma before the head ("On Wednesday, ...")."""
    if child.dep_ == "amod" and child.tag_.startswith("VB"):
        # a verb with a subject of its own; not "the Trump-backed candidate" (hyphenated)
        own = [c for c in child.children if c.dep_ in ("npadvmod", "nsubj") and c.i < child.i]
        return any(c.whitespace_ and c.pos_ in ("PROPN", "NOUN") for c in own)
    if child.dep_ == "appos" and child.i > head.i and child.left_edge.tag_ == "VBD":
        return True  # "Ann Roe, a lawyer, endorsed the plan Saturday, saying": her verb
    if child.dep_ == "prep" and child.i > head.i and when_phrase(child):
        return True  # "The Hale campaign on Monday said": when, not who
    if child.dep_ != "prep" or child.i > head.i:
        return False
    after = child.doc[child.right_edge.i + 1] if child.right_edge.i + 1 < len(child.doc) else None
    return after is not None and after.text == ","


def when_phrase(prep: Token) -> bool:
    """'on Monday', 'in a statement on Friday' is no: a preposition whose object is a date or a
    time."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def name_after_dateline(text: str, head: Token) -> Token | None:
    """The proper name apposed to a dateline the parser made a subject: Biden in "New York
    (AFP) – Vice President Joe Biden on Monday hit ...", not the agency in its brackets."""
    names = (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return next((c for c in names if not in_dateline(text, c.idx)), None)


def name_head(head: Token) -> Token:
    """The token that names the speaker: an apposed proper name beats a common-noun head. Not
    one the parse hung across the verb ("The lawyers pointed to two hopefuls, Sen. Roe ...")."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not head.i < head.head.i < child.i:
            return child
    return head


def make_speaker(
    text: str, head: Token, actors: tuple[Actor, ...], roles: Roles | None = None
) -> Speaker | None:
    if in_dateline(text, head.idx):  # "WASHINGTON -- President Obama said": Obama, apposed
        named = name_after_dateline(text, head)
        if named is None:
            return None
        head = named
    if head.lower_ == "one":
        head = name_head(head)  # "One of its managers, Nora Quist, testified": Quist
    if names_no_one(head):
        return None
    head = name_after_rank(text, head)
    if head.pos_ in ("VERB", "AUX") and actor_for(actors, head) is None:
        return None  # a verb, unless it is an actor's name read as one ("Trump [VB] said")
    head = words_owner(head)
    run = phrase_tokens(head)
    if any(t.lower_ == "whose" and t.i < head.i for t in run):
        return None  # "whose philosophy": a relative clause, not a speaker (one after the
        # name describes it: "Ann Roe, a director and whose film ..., told")
    span = Span(run[0].idx, run[-1].idx + len(run[-1].text))
    if head.pos_ == "PRON":
        plural = head.lower_ in PLURAL_PRONOUNS
        return Speaker(span, head.i, head.text, None, pronoun=True, plural=plural)
    found = joint_actors(actors, head)
    ids = tuple(dict.fromkeys(a.id for a in found))
    plural = len(ids) > 1 or many_conjoined(head) or plural_noun(head, found)
    if found and described(head, found[0]):
        found = []  # "the Kentucky Republican" is a person, not the Republicans
    roles = roles or load_roles()
    if not found:
        found = (
            named_members(head, actors)
            or set_off_name(head, actors)
            or name_before_role(head, actors)
            or body_spoken_for(head, actors, roles)
            or kind_of_body(head, actors, roles)
            or body_by_last_word(head, actors, roles)
        )
        ids = tuple(dict.fromkeys(a.id for a in found))
    if found:
        name = " and ".join(dict.fromkeys(a.name for a in found))
        return Speaker(span, head.i, name, ids[0], actor_ids=ids, plural=plural)
    role, gender = role_of(head, run, roles)
    author = document_author(head, actors) if roles.kind(head.lemma_.lower()) else None
    if author is not None and roles.kind(head.lemma_.lower()) == "DOCUMENT":
        return Speaker(span, head.i, author.name, author.id, actor_ids=(author.id,))
    return Speaker(span, head.i, span.of(text), None, plural=plural, role=role, gender=gender)


def name_after_rank(text: str, head: Token) -> Token:
    """'said Navy Capt. Jeff Davis': the parse ends the sentence at "Capt." and takes the
    rank for the subject; the speaker is the name after it."""
    if not titles_a_name(text[head.idx : head.idx + 40]):
        return head
    names = []
    for token in head.doc[head.i + 1 : head.i + 6]:
        if token.pos_ == "PROPN":
            names.append(token)
        elif names or token.text != ".":
            break
    return names[-1] if names else head


def words_owner(head: Token) -> Token:
    """Whose words a speech noun or a document are: "his best response was to say ...", "Roe's
    statement says ...", "Her submission to the court noted ...": the owner speaks. Any other
    phrase is its own speaker."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.pos_ != "NOUN" or owner is None:
        return head
    lemma = head.lemma_.lower()
    if lemma in load_lexicon().nouns:
        owners: tuple[str, ...] = ("PRON", "PROPN")
    elif load_roles().kind(lemma) == "DOCUMENT":
        owners = ("PRON",)  # "Roe's brief" is found by `document_author`; "May's poll" no one
    else:
        return head
    return owner if owner.pos_ in owners else head


def many_conjoined(head: Token) -> bool:
    """'Smith and Jones', 'the mayor and the governor': several. Common nouns joined under one
    determiner describe one: 'the former secretary of state and current nominee'."""
    if not head.conjuncts:
        return False
    if head.pos_ != "NOUN" or any(t.pos_ != "NOUN" for t in head.conjuncts):
        return True
    return any(c.dep_ == "det" for t in head.conjuncts for c in t.children)


def described(head: Token, actor: Actor) -> bool:
    """A singular group word describing a person: "a Republican", "the Kentucky Republican"
    (not "the Swiss", who are many)."""
    if actor.type != "NORP" or head.tag_ != "NNP" or head.conjuncts:
        return False
    children = list(head.children)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children):
        return True
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in children)


def plural_noun(head: Token, found: list[Actor]) -> bool:
    """'Officials', 'Democrats'; not a person's name the tagger takes for a plural ("Sanders")."""
    return head.tag_ in ("NNS", "NNPS") and not (found and found[0].type == "PERSON")


def joint_actors(actors: tuple[Actor, ...], head: Token) -> list[Actor]:
    """The actor of the head, then those of its conjuncts: "Smith and Jones said". Those
    before it only when the head ends the list after "and" ("Newport and Harter:"): a head the
    parse joined to a noun before a comma is not that noun's ("the attraction to Mr. Trump,
    union members and leaders say")."""
    found = []
    closing = head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].lower_ in ("and", "&")
    for token in (head, *(c for c in head.conjuncts if c.i > head.i or closing)):
        for partner in joined_modifiers(token):
            actor = actor_for(actors, partner)
            if actor is not None and actor.type in ("PERSON", "ORG"):
                found.append(actor)
        # the head's own name first: "Rep. Stephen Lynch (D-Mass.)" is Lynch, not the state
        # tag apposed to him; an apposed name serves a common-noun head ("his rival, Cruz")
        actor = actor_for(actors, token) or actor_for(actors, name_head(token))
        if actor is not None:
            found.append(actor)
        found += apposed_list(actors, token)
    return found


def apposed_list(actors: tuple[Actor, ...], head: Token) -> list[Actor]:
    """'Trailing contenders Ted Cruz and John Kasich': the names after the first of a list
    apposed to a plural common noun."""
    named = name_head(head)
    if named.i == head.i or head.tag_ != "NNS" or actor_for(actors, head) is not None:
        return []
    listed = (actor_for(actors, c) for c in named.conjuncts if c.i > named.i)
    return [actor for actor in listed if actor is not None]


def joined_modifiers(token: Token) -> list[Token]:
    """'Donald J. Trump and Senators Ted Cruz and Marco Rubio': a name the parse hung on the
    next one as a modifier, with the "and" that joins them on it: a speaker of its own."""
    return [
        child
        for child in token.children
        if child.dep_ in ("nmod", "compound")
        and child.i < token.i
        and any(g.dep_ == "cc" and g.lower_ == "and" and g.i > child.i for g in child.children)
    ]


ENUMERATING = ("including", "like", "as")  # "critics, like Grassley", "groups such as X"
BODY_PREPOSITIONS = ("at", "of", "for", "from", "with", "in")
BODY_TYPES = ("ORG", "GPE")


def named_members(head: Token, actors: tuple[Actor, ...]) -> list[Actor]:
    """The actors a speaker phrase names as its members: "Critics, like Senators Grassley and
    Leahy, said" is Grassley and Leahy; "Proponents, including the Conference of Mayors"."""
    found: list[Actor] = []
    for prep in (*head.children, *group_children(head)):
        if prep.dep_ != "prep" or prep.lower_ not in ENUMERATING:
            continue
        if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found += joint_actors(actors, obj)
    for clause in head.children:  # "The authors, which include the PIRG Education Fund"
        if clause.dep_ == "relcl" and clause.lemma_.lower() == "include":
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                found += joint_actors(actors, obj)
    return [a for a in found if a.type in ("PERSON", "ORG", "GPE")]


def group_children(head: Token) -> list[Token]:
    """The words hung on what a collective noun is made of: "a coalition of 40 groups,
    including the Academy of Nurses" lists its members on "groups"."""
    return [
        child
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.tag_ == "NNS"
        for child in obj.children
    ]


def kind_of_body(head: Token, actors: tuple[Actor, ...], roles: Roles) -> list[Actor]:
    """'the nationalist Global Times tabloid noted', 'a Daily Courier video said': a common
    noun that says what kind of body an organisation's name set before it is, or what it made,
    stands for that organisation; not a person's role ("a CNN host"), a document, whose
    author `document_author` finds ("a CNN poll"), nor a noun the catalogue has as a thing,
    which holds the people who speak only for themselves ("one GOP source", "the founders")."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or roles.kind(lemma) not in (None, "ORG") or roles.thing(lemma):
        return []
    names = [actor_for(actors, c) for c in head.children if c.dep_ == "compound"]
    return [a for a in names if a is not None and a.type == "ORG"][:1]


def body_by_last_word(head: Token, actors: tuple[Actor, ...], roles: Roles) -> list[Actor]:
    """'the fund predicted' in a story of the International Monetary Fund: "the" and the last
    word of the one organisation's name stand for it, when the noun is no role of its own
    (a role noun, "the agency", goes to the nearest body it fits)."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or roles.kind(lemma) is not None:
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return []
    named = [
        a for a in actors if a.type == "ORG" and len(a.name.split()) > 1
        and a.name.split()[-1].lower() == head.lower_
    ]  # fmt: skip
    return named if len(named) == 1 else []


def body_spoken_for(head: Token, actors: tuple[Actor, ...], roles: Roles) -> list[Actor]:
    """The organisation a spokesperson speaks for: "officials at Homeland Security", "a State
    Department spokeswoman", "an executive of the bank". A person is no body: "an aide to Roe"
    and "Roe's lawyer" are someone else. A place's public body speaks for the place ("Tulsa
    police said", "Moscow authorities": the entities stage has the place act through it)."""
    if head.lemma_.lower() in rules().institutions:
        places = [actor_for(actors, c) for c in head.children if c.dep_ == "compound"]
        found = [a for a in places if a is not None and a.type == "GPE"]
        if found:
            return found[:1]
    if head.lemma_.lower() not in roles.spokesperson:
        return []
    bodies = [c for c in head.children if c.dep_ in ("compound", "nmod")]
    bodies += [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in BODY_PREPOSITIONS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for token in bodies:
        actor = actor_for(actors, token)
        if actor is not None and actor.type in BODY_TYPES:
            return [actor]
    return []


AUTHOR_DEPS = ("compound", "nmod", "poss")
SITES = frozenset({"website", "site", "page", "blog", "account", "feed"})  # where one publishes


def document_author(head: Token, actors: tuple[Actor, ...]) -> Actor | None:
    """The organisation or person a poll or report names as its author: "a Government
    Accountability Office report", "the latest Reuters/Ipsos poll", "Gallup's survey", "a study
    by the Brookings Institution"."""
    stack = [c for c in head.children if c.dep_ in AUTHOR_DEPS]
    stack += [
        grandchild
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
        for grandchild in c.children
        if grandchild.dep_ == "pobj"
    ]
    stack += [  # "a document on the Trump campaign's website": the site's owner
        owner
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for site in c.children
        if site.dep_ == "pobj" and site.lemma_.lower() in SITES
        for owner in site.children
        if owner.dep_ == "poss"
    ]
    stack += [  # "a complaint filed by the SEC", "a study released Tuesday by Gallup"
        obj
        for clause in head.children
        if clause.dep_ == "acl"
        for agent in clause.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj"
    ]
    stack += relative_subjects(head)  # "a memo that Roe wrote"
    while stack:
        token = stack.pop(0)
        actor = actor_for(actors, token)
        if actor is not None and actor.type in ("ORG", "PERSON"):
            return actor
        stack.extend(c for c in token.children if c.dep_ in (*AUTHOR_DEPS, "conj"))
        stack.extend(relative_subjects(token))
    return named_authors(head, actors) or producer(head, actors)


def relative_subjects(token: Token) -> list[Token]:
    """The subjects of relative clauses that make or carry a document or what it is from: "a
    memo that Roe wrote", "a slide from a presentation that Mr. Roe and his aides carry"; not
    the relative pronoun of "a poll that shows ..." (the poll itself), nor a clause of another
    verb ("exit polls from the primary, which Trump won")."""
    return [
        subject
        for clause in token.children
        if clause.dep_ == "relcl" and clause.lemma_.lower() in PRODUCING | CARRYING
        for subject in clause.children
        if subject.dep_ == "nsubj" and subject.tag_ not in ("WDT", "WP")
    ]


CARRYING = frozenset({"carry", "present", "show", "give", "deliver", "circulate", "distribute"})


PRODUCING = frozenset(
    {
        *("publish", "release", "conduct", "commission", "issue", "produce", "write", "prepare"),
        *("send", "run", "air", "file", "post", "launch", "unveil"),  # "sent out a release"
    }
)  # verbs whose subject makes or puts out the document they take as object


def producer(document: Token, actors: tuple[Actor, ...]) -> Actor | None:
    """'PIRG published the study', 'Gallup conducted the poll': the subject of a verb that
    makes the document (not one that only cites it: "Trump cited the poll")."""
    verb = document.head
    if document.dep_ != "dobj" or verb.lemma_.lower() not in PRODUCING:
        return None
    subject = subject_of(verb)
    actor = actor_for(actors, subject) if subject is not None else None
    return actor if actor is not None and actor.type in ("ORG", "PERSON") else None


RESEARCHERS = frozenset({"researcher", "author"})  # "the researchers reported": a study's
AUTHOR_NOUNS = RESEARCHERS | {"sponsor", "publisher"}


def named_authors(document: Token, actors: tuple[Actor, ...]) -> Actor | None:
    """'The authors of the report, which include the PIRG Education Fund': the first named."""
    holder = (
        document.head.head if document.dep_ == "pobj" and document.head.lower_ == "of" else None
    )
    if holder is None or holder.lemma_.lower() not in AUTHOR_NOUNS:
        return None
    found = named_members(holder, actors)
    return found[0] if found else None


def named_by_another(document: Token) -> bool:
    """A document named by a name no actor is ("the Monmouth poll" when the tagger calls
    Monmouth a place): it has a maker of its own, so another poll's is not borrowed."""
    deps = ("compound", "poss", "amod", "nmod")
    return any(c.dep_ in deps and c.pos_ == "PROPN" for c in document.children)


def determiners_of(head: Token) -> list[str]:
    return [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]


def role_of(head: Token, run: list[Token], roles: Roles) -> tuple[str | None, str | None]:
    """A definite role noun ("the former president", "the company") and the gender it says.

    Only a bare role is resolved later: not "a spokesman" (someone new), not "the Trump
    campaign" (named by someone), and "his wife" (someone else) only when it is relational:
    then only the actor the article gives that role is the speaker. "His campaign" is the
    body named for the one "his" stands for (`resolve.owners_body`)."""
    lemma = head.lemma_.lower()
    if lemma in RESEARCHERS and head.tag_ == "NNS" and determiners_of(head) == ["the"]:
        return "DOCUMENT", None  # "the researchers reported": the study's authors
    singular = head.tag_ in ("NN", "NNP") or roles.named_only(lemma)  # "the police" too
    kind = roles.kind(lemma) if singular or roles.kind(lemma) == "DOCUMENT" else None
    # not "officials"; but "the data", "the filings" are documents
    if age_phrase(head):
        kind = "PERSON"  # "said the 46-year-old": a person the article has described
    if kind is None and head.tag_ == "NNP" and party_of(head):
        kind = "PERSON"  # "the Arizona Republican": one of the party, its party a constraint
    if kind is None:
        return None, None
    determiners = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
    if not determiners and run[0].dep_ == "det":  # "The former secretary of state and
        determiners = [run[0].lower_]  # current nominee": the parse gives "The" to "secretary"
    if kind == "DOCUMENT" and named_by_another(head):
        return None, None  # "the Monmouth poll": its own maker, not another poll's
    if kind == "DOCUMENT" and determiners in (["a"], ["an"]):
        return kind, None  # "a new poll shows": the article's poll, its pollster named nearby
    possessed = any(c.dep_ == "poss" for c in head.children)
    if possessed and roles.relational(lemma) and len(determiners) == 1:
        return kind, roles.gender(lemma)  # "Roe's lawyer": only the one named as such
    if kind == "ORG" and determiners in (["his"], ["her"], ["their"]):
        return kind, None  # "his campaign": the body named for the one "his" stands for
    if len(determiners) != 1 or determiners[0] not in DEFINITE:
        return None, roles.gender(lemma)
    naming = NAMING_TYPES if kind != "PERSON" else {"PERSON"}
    if any(t.ent_type_ in naming for t in run):
        return None, roles.gender(lemma)  # a party does not name its candidate: "the GOP
    return kind, roles.gender(lemma)  # candidate" is a role, "the Trump campaign" a name
