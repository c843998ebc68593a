"""Who a speaker cannot stand for: the actors named in its own phrase and in its own clause.

"The activist, who backs Cruz, warned" is not Cruz, nor is "Roe's lawyer" Roe. And a pronoun
or role noun is never an actor its verb takes as an object: "The judge agreed with Ann Roe",
"the senator attacked Roe", "she told Roe" are someone other than Roe (a writer says "herself"
for the same one). A name in what was said may be the speaker's own ("He said Trump's
microphone failed": news writing repeats names), as may a name before the speaker ("After Roe
left, she said") or inside a quotation.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.model import Actor
from presslens.stages.quotes.context import Context

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "dative", "prep", "agent"})  # whom, and "with", "against", ...


def not_the_speaker(ctx: Context, head: Token) -> set[str]:
    """The ids of the actors the speaker's head cannot stand for."""
    return named_inside(ctx, head) | named_in_clause(ctx, head)


def named_inside(ctx: Context, head: Token) -> set[str]:
    """The actors named in the speaker's own phrase, its clauses too."""
    found = {ctx.actor_of_token.get(t.i) for t in head.subtree if t.i != head.i}
    return {actor.id for actor in found if actor is not None}


def named_in_clause(ctx: Context, head: Token) -> set[str]:
    """The actors the subject's verb takes as objects after it ("agreed with Roe", "attacked
    Roe", "told Roe"), outside quotations. What was said does not count: a writer repeats the
    speaker's name in a paraphrase ("the company said that it had suspended 125,000 Twitter
    accounts", "He notes that ... Trump's microphone")."""
    if head.dep_ not in SUBJECTS:
        return set()
    found = {
        ctx.actor_of_token.get(t.i)
        for child in head.head.children
        if child.i > head.i and child.dep_ in OBJECTS
        for t in child.subtree
        if t.i not in ctx.quote_of_token and not in_clause_below(t, child)
    }
    return {actor.id for actor in found if actor is not None}


CLAUSES = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "xcomp"})


def in_clause_below(token: Token, top: Token) -> bool:
    """A word of a clause or apposition under the object: "called Roe 'the next Washington',
    the founder whom Beck idolizes" may be Beck's own words about Beck."""
    while token.i != top.i:
        if token.dep_ in CLAUSES:
            return True
        token = token.head
    return False


def cataphor(ctx: Context, head: Token) -> Actor | None:
    """'After he claimed that the vote was rigged, Governor Jim Poe was mocked': the person
    named as the main clause's subject, for a pronoun subject of a clause a subordinating word
    opens before it; and 'Trump was right when he said A': the subject of the clause a "when"
    clause follows."""
    clause = head.head
    if head.pos_ != "PRON" or head.dep_ not in SUBJECTS or clause.dep_ != "advcl":
        return None
    main = clause.head
    if clause.i > main.i and clause.left_edge.lower_ == "when":
        subject = next((c for c in main.children if c.dep_ in SUBJECTS and c.i < main.i), None)
        actor = ctx.actor_of_token.get(subject.i) if subject is not None else None
        return actor if actor is not None and actor.type == "PERSON" else None
    if clause.i > main.i or not any(c.dep_ == "mark" and c.i < head.i for c in clause.children):
        return None
    subject = next((c for c in main.children if c.dep_ in SUBJECTS and c.i > clause.i), None)
    actor = ctx.actor_of_token.get(subject.i) if subject is not None else None
    return actor if actor is not None and actor.type == "PERSON" else None
