"""Speakers the parser hides: the usual misreadings of a sentence around a reporting verb
that leave the cue with no subject, or a speaker phrase with words not its own, mended from
the tokens around them (`subjects.subject_of` and `speakers.phrase_tokens` ask here)."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.model import Actor, Span
from presslens.stages.entities import actor_at
from presslens.stages.entities.labels import subject_end
from presslens.stages.entities.mentions import person_names
from presslens.stages.quotes.marks import SET_OFF
from presslens.stages.reporting import load_lexicon
from presslens.stages.sources import FINITE_TAGS

SUBJECTS = ("nsubj", "csubj")


def whose_clause_subject(verb: Token) -> Token | None:
    """'Ms. Roe, whose company, Acme, sells seed, said ...': the parser reads the "whose"
    clause as what was said and leaves the cue with no subject; the name set before "whose" is
    the one speaking."""
    clause = whose_clause(verb)
    return None if clause is None else next(c for c in clause.children if c.dep_ in SUBJECTS)


def whose_clause(verb: Token) -> Token | None:
    """The clause a cue's subject opens with ", whose ..." when the parse took it for what
    was said (`whose_clause_subject`)."""
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i or doc[verb.i - 1].text != ",":
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.pos_ != "PROPN" or subject.i + 2 >= clause.i:
            continue
        if doc[subject.i + 1].text == "," and doc[subject.i + 2].lower_ in ("whose", "who"):
            return clause
    return None


def name_after_quotation(verb: Token) -> Token | None:
    """'"A," Mark Roe, the mayor's former aide, said of ...': the parse hangs the name on the
    quotation as an apposition and the cue on the quoted verb, so the cue has no subject of
    its own; the name set between the closing mark and the cue is the one speaking."""
    doc = verb.doc
    end = verb.i - 1
    if end < 2 or doc[end].text != ",":
        return None
    for token in reversed(doc[max(0, end - 20) : end]):
        if token.dep_ != "appos" or token.pos_ != "PROPN" or token.right_edge.i != end - 1:
            continue
        first = token.left_edge.i
        if first < token.i and doc[first].is_quote:
            return token  # the closing mark hung on the name itself
        if first > 0 and doc[first - 1].is_quote and doc[first - 1].i > doc[first - 1].head.i:
            return token
    return None


NAME_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET"})
NAME_PHRASE_MAX = (
    8  # tokens between the closing mark and the cue: "Tulsa police Chief Chuck Jordan"
)


def name_before_cue(verb: Token) -> Token | None:
    """'"A," Tulsa police Chief Chuck Jordan said', '(long opening phrase), former president
    Bill Clinton said his wife ...': only a name's phrase stands between the closing mark (or
    the comma closing an opening phrase) and the cue, but the parse read a word of it as a
    verb ("Tulsa") or hung the name on an earlier one as an apposition, leaving the cue no
    subject (or the quoted clause's); the name right before the cue is the one speaking."""
    doc = verb.doc
    name = doc[verb.i - 1] if verb.i > 0 else verb
    if name.tag_ == "RB" and name.dep_ == "advmod" and name.i > 0:
        name = doc[name.i - 1]  # "..., Brenda Roe also railed against ...
    if name.text == ",":
        name = apposed_name(name) or name  # ", Senator Harry Reid, the minority leader, said"
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG"):
        return None
    for token in reversed(doc[max(0, name.i - NAME_PHRASE_MAX) : name.i]):
        if token.is_quote:
            closing = token.i > 0 and doc[token.i - 1].text in (",", "?", "!")
            return name if closing else None
        if token.text == ",":
            return name if token.i < name.i - 1 else None
        if token.pos_ not in NAME_PHRASE_POS and not token.ent_type_:
            return None
    return None


def name_ending_a_body(verb: Token) -> Token | None:
    """'with the editorial board of the Washington Post Trump said that ...': the tagger ran
    the surname of a person named elsewhere into the organisation's name before the cue, and
    the parse hung it there; the surname is the speaker (the entities stage cuts the name the
    same way: `labels.subject_end`)."""
    doc = verb.doc
    name = doc[verb.i - 1] if verb.i > 0 else verb
    if name.pos_ != "PROPN" or name.ent_type_ != "ORG" or name.ent_iob_ == "B":
        return None
    body = next((ent for ent in doc.ents if ent.start <= name.i < ent.end), None)
    if body is None or body.end != verb.i:
        return None
    return name if subject_end(body, person_names(doc)) else None


def noun_before_participle(verb: Token) -> Token | None:
    """'"... resign in disgrace!" the presumptive GOP nominee, Donald Trump, tweeted Sunday':
    the parse made the speaker's noun the sentence's root and the cue a participle hung on it
    ("nominee tweeted"); a past tense right after the noun's phrase, which opens right after
    the closing mark, is the cue, and the noun its speaker."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or noun.dep_ != "ROOT" or noun.i > verb.i:
        return None
    first = noun.left_edge
    if noun.pos_ not in ("NOUN", "PROPN") or first.i == 0 or not verb.doc[first.i - 1].is_quote:
        return None
    return noun


def apposed_name(comma: Token) -> Token | None:
    """The name an apposition set off before a comma describes: "Reid" of "Senator Harry Reid,
    the minority leader,"."""
    token = comma.doc[comma.i - 1] if comma.i > 0 else comma
    for _ in range(NAME_PHRASE_MAX):
        if token.dep_ == "appos" and token.head.i < token.i:
            return token.head
        if token.head.i == token.i or token.head.i >= comma.i:
            return None
        token = token.head
    return None


ASIDE_WORDS = 20  # the longest aside read between a closing mark and its cue


def subject_in_aside(verb: Token) -> Token | None:
    """'"A," Mr. Roe, now 64 and retired in Dayton, said': the parse read the aside's
    participle ("retired") as a verb of the quotation's, gave it the name for its subject,
    and hung the cue on the quoted verb with no subject of its own; the name after the
    closing mark is the one speaking."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return None
    before = doc[max(0, verb.i - ASIDE_WORDS) : verb.i]
    closing = next((t for t in reversed(before) if t.is_quote), None)
    if closing is None or closing.i < 1 or doc[closing.i - 1].text not in (",", "?", "!"):
        return None
    if verb.head.i >= closing.i:
        return None  # hung on a word after the quotation: its own sentence
    for token in doc[closing.i + 1 : verb.i]:
        if token.dep_ == "nsubj" and token.pos_ == "PROPN" and closing.i < token.head.i < verb.i:
            return token
        if token.dep_ == "nsubj":
            return None
    return None


def inverted_object(verb: Token) -> Token | None:
    """'"A," exhorted Roe's introducer, Ann Poe.': right after a quotation the parse may take
    the speaker after the cue for its object; a cue there has no object of its own."""
    doc = verb.doc
    if verb.i < 2 or not doc[verb.i - 1].is_quote or doc[verb.i - 2].text not in (",", "?", "!"):
        return None
    if verb.tag_ not in FINITE_TAGS:
        return None  # '"that person," telling Fox 35 that ...': a participle, its own subject
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return objects[0] if len(objects) == 1 else None


def modal_name(verb: Token) -> Token | None:
    """'Will wrote', 'While Will acknowledges ...': a capitalised modal before a verb that no
    modal can govern (past, participle, third person) is a name, George Will's; the parse
    made it the verb's auxiliary and left the verb with no subject."""
    if verb.tag_ not in ("VBD", "VBN", "VBZ"):
        return None
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD" and child.text[:1].isupper():
            if child.i == verb.i - 1 and child.text != child.text.upper():
                return child
    return None


def conjoined_subject(verb: Token) -> Token | None:
    """'charged the officer with murder and Emanuel fired his chief, acknowledging ...': the
    parse joined the name to the noun before "and", and left the verb after it with no
    subject; the name right between "and" and the verb is its subject. So too when the verb
    is hung as a second clause of the cue before it ("Republicans said they were convinced
    the department mishandled the case and Democrats accused the GOP of ...")."""
    doc = verb.doc
    if verb.dep_ not in ("conj", "ccomp") or verb.i < 2 or verb.tag_ not in FINITE_TAGS:
        return None
    name, joint = doc[verb.i - 1], doc[verb.i - 2]
    named = name.pos_ == "PROPN" or (name.pos_ == "NOUN" and name.text[:1].isupper())
    if not named or name.head.i == verb.i or joint.lower_ not in ("and", "but"):
        return None
    return name if name.dep_ in ("conj", "dobj", "pobj") else None


SET_OFF_WORDS = 6  # the longest speaker phrase read between a comma and its cue


def set_off_subject(verb: Token) -> Token | None:
    """'The source of the attraction, union members and leaders say, is manifold': a cue set
    off inside a sentence whose subject the parse joined to the noun before the comma (and
    gave the cue the sentence's own subject); the words between the comma and the cue are the
    speaker, whose head leads out of them."""
    segment = set_off_segment(verb)
    return None if segment is None else segment[0]


def set_off_segment(verb: Token) -> tuple[Token, range] | None:
    """The speaker `set_off_subject` finds and the tokens from the comma before it to the
    comma after the cue."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or verb.head.i < verb.i or verb.tag_ not in FINITE_TAGS:
        return None
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text not in SET_OFF:
        return None
    comma = next((t for t in reversed(doc[max(0, verb.i - SET_OFF_WORDS - 1) : verb.i])
                  if t.text == ","), None)  # fmt: skip
    if comma is None or comma.i + 1 == verb.i:
        return None
    run = range(comma.i + 1, verb.i)
    heads = [doc[i] for i in run if doc[i].head.i not in run]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or heads[0].dep_ != "conj":
        return None
    return heads[0], range(comma.i, verb.i + 2)


def whose_apposition(token: Token) -> bool:
    """'Ms. Roe, whose company, Acme, ...': a "whose" clause the parse hung on as an
    apposition describes the speaker; it is not part of the name."""
    return token.dep_ == "appos" and any(c.lower_ == "whose" for c in token.children)


def set_off_name(head: Token, actors: tuple[Actor, ...]) -> list[Actor]:
    """'The editor I was talking to, Tim Grady, said': a name set off by commas right before
    the cue names a common-noun subject, though the parse hung it in the relative clause."""
    verb, doc = head.head, head.doc
    if head.pos_ != "NOUN" or head.dep_ != "nsubj" or verb.i < head.i + 4:
        return []
    if doc[verb.i - 1].text != "," or doc[verb.i - 2].pos_ != "PROPN":
        return []
    first = verb.i - 2
    while first - 1 > head.i and doc[first - 1].pos_ == "PROPN":
        first -= 1
    if doc[first - 1].text != "," or first - 1 <= head.i:
        return []
    actor = actor_for(actors, doc[verb.i - 2])
    return [actor] if actor is not None and actor.type == "PERSON" else []


def name_before_role(head: Token, actors: tuple[Actor, ...]) -> list[Actor]:
    """'Pike, the senator from Vermont, said': a name opening the sentence, set off before a
    role noun subject, that the parse read as an interjection; the name is the speaker."""
    doc, first = head.doc, head.left_edge.i
    if head.pos_ != "NOUN" or head.dep_ != "nsubj" or first < 2 or doc[first - 1].text != ",":
        return []
    name = doc[first - 2]  # its tag may be wrong too ("Pike" an interjection)
    actor = actor_for(actors, name)
    if actor is None or name.dep_ in SUBJECTS:
        return []
    start = name.i
    while start > 0 and actor_for(actors, doc[start - 1]) is actor:
        start -= 1
    if start != name.sent.start:
        return []
    return [actor] if actor is not None and actor.type in ("PERSON", "ORG") else []


def actor_for(actors: tuple[Actor, ...], token: Token) -> Actor | None:
    """The actor one of whose mentions holds the token, if any."""
    return actor_at(actors, Span(token.idx, token.idx + len(token.text)))


# prepositions of the asides between a cue and its clause: when, where, to whom, on what
# grounds ("said on Friday during a news conference that", "told the board in a meeting
# that", "claimed without any evidence that"); not "because of concerns that", "over fears
# that", "as a plan that": their nouns take a clause of their own
CIRCUMSTANCES = frozenset({"in", "at", "during", "on", "to", "after", "before", "without"})


def definite(noun: Token) -> bool:
    """'the claim that', 'the hope that': a noun whose own clause "the" announces."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def that_clause_on_a_noun(verb: Token) -> Token | None:
    """'Roe said on Friday during a news conference that he may wait': the parse hangs the
    cue's "that" clause on the last noun of its asides as a relative clause; but a relative
    "that" is the clause's subject or object, while this one only marks it (dep `mark`), so
    the clause is what the cue reports. Only after asides of when, where and to whom, on a
    noun "the" does not announce (`CIRCUMSTANCES`, `definite`)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in CIRCUMSTANCES:
            continue
        for noun in (t for t in prep.subtree if t.dep_ == "pobj" and not definite(t)):
            for clause in noun.children:
                if clause.dep_ not in ("relcl", "acl") or clause.i < noun.i:
                    continue
                if clause.dep_ == "acl" and noun.lemma_.lower() in load_lexicon().nouns:
                    continue  # "in a statement that ...": the noun's own report
                first = clause.doc[clause.left_edge.i]
                if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == clause.i:
                    return clause
    return None


# prepositions whose object may be a gerund's own subject: "despite supporters now saying";
# "with" only opening the clause ("With Roe saying ..., the onus is on ...") or with no comma
# before the gerund ("ended with Maddow asking"): "sided with the Democrats, saying" and
# "tangled with Trump, saying" are the verb's own "with", the subject's saying
GERUND_SUBJECT_PREPOSITIONS = frozenset({"despite", "amid"})
OPENING = frozenset({"with", "without"})


def object_before_gerund(verb: Token) -> Token | None:
    """'McConnell and Ryan remain confident despite a few early supporters of the bill, such as
    Bob Corker, now saying they think ...': the parse hangs the gerund on the main verb, but
    the noun object of "despite" ("amid", an opening "with") right before it says it."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in GERUND_SUBJECT_PREPOSITIONS | OPENING:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
            continue
        between = verb.doc[noun.right_edge.i + 1 : verb.i]
        if not all(t.is_punct or t.dep_ == "advmod" for t in between):
            continue
        if prep.lower_ in OPENING and prep.i > verb.head.i and any(t.text == "," for t in between):
            continue
        return noun
    return None
