"""Documents as speakers: "the poll", "the study", "the ruling" stand for whoever made them,
an organisation named with the document ("a Gallup poll", "CNN's poll") or the one whose verb
the document's noun is made from ("the appeals court ruled ... the ruling said")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from presslens.model import Actor
from presslens.stages.quotes.context import Context, sentence_of
from presslens.stages.quotes.speakers import RESEARCHERS, Speaker, document_author
from presslens.stages.quotes.subjects import subject_of
from presslens.stages.roles import load_roles

DOCUMENT_SENTENCES_BACK = 12  # "a poll" may look further for its pollster, back or ahead
NEWCOMER_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})
INDEFINITE = frozenset({"a", "an", "another"})


def referent(speaker: Speaker, actor: Actor) -> Speaker:
    return replace(speaker, name=actor.name, actor_id=actor.id, actor_ids=(actor.id,))


def indefinite(token: Token) -> bool:
    """'a witness', 'another witness' as a subject or object: one newcomer. Plurals are left
    out: 'candidates' is most often a kind ("candidates release their taxes"), not people
    brought in."""
    if token.tag_ != "NN" or token.dep_ not in NEWCOMER_ROLES:
        return False  # "he is a senator", "someone, not a senator": no one brought in
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)


def document_source(ctx: Context, speaker: Speaker, earlier: Sequence[Speaker] = ()) -> Speaker:
    """'the poll' -> the organisation named with the nearest earlier poll ("a Gallup poll",
    "CNN's poll"), else with a later one ("A new poll shows ... The Reuters/Ipsos poll"); no
    actor when none names one. A study, a report and a survey are one document to a writer;
    a later one brought in as new ("a 2014 study by ...") is another."""
    family = same_document(ctx.doc[speaker.head].lemma_.lower())
    known = not indefinite(ctx.doc[speaker.head])  # "the study"; "a new poll" is named later
    own = sentence_of(ctx, speaker.head)
    back = own if known else DOCUMENT_SENTENCES_BACK  # "the report" may be the one of page 1
    first = ctx.sentences[max(0, own - back)][0]
    last = ctx.sentences[min(len(ctx.sentences) - 1, own + DOCUMENT_SENTENCES_BACK)][1]
    before = range(speaker.head - 1, first - 1, -1)
    after = range(speaker.head + 1, last)  # "A new study ... Its authors, at Gallup"
    for i in (*before, *after):
        token = ctx.doc[i]
        if (
            token.lemma_.lower() not in family
            or token.i > speaker.head
            and known
            and indefinite(token)
        ):
            continue  # "The study found ... A 2014 study by Levitt found": another study
        actor = document_author(token, ctx.actors)
        if actor is not None:
            return referent(speaker, actor)
    actor = maker_by_verb(ctx, speaker.head, first) or last_body(ctx, speaker, earlier, known)
    return referent(speaker, actor) if actor is not None else speaker


def last_body(
    ctx: Context, speaker: Speaker, earlier: Sequence[Speaker], known: bool
) -> Actor | None:
    """'The Refugee Processing Center said that 98.33 percent ... According to the data, ...':
    definite data, figures or results no earlier noun brings in are what the organisation that
    spoke in the sentence right before gave out."""
    own = sentence_of(ctx, speaker.head)
    last = earlier[-1] if earlier else None
    head = ctx.doc[speaker.head]
    if head.lemma_.lower() not in NUMBERS_GIVEN or any(
        c.dep_ in ("compound", "poss", "nmod") for c in head.children
    ):
        return None  # "the statement" may be anyone's; "the RealClearPolitics average" its own
    if not known or last is None or last.actor_id is None or own == 0:
        return None
    if sentence_of(ctx, last.head) != own - 1:
        return None
    actor = next((a for a in ctx.actors if a.id == last.actor_id), None)
    return actor if actor is not None and actor.type == "ORG" else None


def maker_by_verb(ctx: Context, head: int, first: int) -> Actor | None:
    """'The appeals court ruled that ... "A state cannot ...," the ruling said': the subject
    of the nearest earlier verb the document's "-ing" noun is made from (ruling, filing,
    finding), when an organisation or a person of the article."""
    noun = ctx.doc[head].lemma_.lower()
    if not noun.endswith("ing"):
        return None
    for token in reversed(list(ctx.doc[first:head])):
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or noun not in (lemma + "ing", lemma[:-1] + "ing"):
            continue
        subject = subject_of(token)
        actor = ctx.actor_of_token.get(subject.i) if subject is not None else None
        if actor is None and subject is not None:
            actor = body_named_by(ctx, subject)  # "The appeals court ruled": the court's
        if actor is not None and actor.type in ("ORG", "PERSON"):
            return actor
    return None


def body_named_by(ctx: Context, noun: Token) -> Actor | None:
    """The one organisation of the article whose name holds the noun of a body named only so
    ("the court": the U.S. Court of Appeals for the Sixth Circuit), if there is one."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or not load_roles().named_only(lemma):
        return None
    bodies = {a.id for a in ctx.actors if a.type == "ORG" and lemma in a.name.lower().split()}
    kept = named_with(ctx, noun, bodies)  # "the appeals court", not the Supreme Court
    return next(a for a in ctx.actors if a.id in kept) if len(kept) == 1 else None


def named_with(ctx: Context, head: Token, holders: set[str]) -> set[str]:
    """Of the bodies a noun names ("the appeals court"), those whose name holds a word set
    before the noun; all of them when none does."""
    words = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod")}
    names = {a.id: set(a.name.lower().split()) for a in ctx.actors if a.id in holders}
    return {h for h in holders if words & names.get(h, set())} or holders


REPORT_NOUNS = frozenset({"study", "report", "analysis", "paper", "survey"})
BOOK_NOUNS = frozenset({"book", "memoir", "autobiography"})  # "a memoir ... the book said"
# what a body gives out as numbers, which "the data" and "the figures" take up
NUMBERS_GIVEN = frozenset({"datum", "data", "figure", "number", "count", "tally", "result"})


def same_document(lemma: str) -> frozenset[str]:
    """The nouns a writer uses for one document: "the study" and "the report" alike; "the
    researchers" and "the authors" are those of the study; "the book" is the memoir."""
    if lemma in BOOK_NOUNS:
        return BOOK_NOUNS
    return REPORT_NOUNS if lemma in REPORT_NOUNS | RESEARCHERS else frozenset({lemma})
