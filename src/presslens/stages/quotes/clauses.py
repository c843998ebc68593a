"""Which clause a reporting verb reports, when the parse hangs more than one on it or hangs it
wrongly: an adverbial clause ("After the senator quit, Roe said ...") or a writer's lead-in
before a colon is not what was said; of two clauses the one "that" opens is; a subject the
parse took for the cue's object belongs to the clause ("It said supporters ... were sharing").
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.sources import FINITE_TAGS

# subordinating words that open a clause of time, cause or concession, not what was said
ADVERBIAL_MARKS = frozenset(
    {"after", "before", "when", "while", "because", "since", "although", "though", "once", "as"}
)


def object_as_subject(verb: Token, clause: Token) -> list[Token]:
    """'It said supporters of the group were sharing ...': the clause's subject, which the parse
    took for the cue's object, as the clause is finite and has none of its own (not "urged
    them consider", "told itself that not voting does not mean")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children):
        return []
    if not finite(clause):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
    return list(objects[0].subtree) if len(objects) == 1 else []


def finite(clause: Token) -> bool:
    """A clause with a tense: a finite verb, or a tense or modal auxiliary (not "to")."""
    if clause.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in clause.children)


def quoted(clause: Token) -> bool:
    return any(t.is_quote for t in clause.subtree)


def that_marked(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def adverbial(clause: Token) -> bool:
    """'After the senator quit, Roe said ...', 'But when Congress cut funding, Mexico said
    ...': a clause set before the cue that its subordinating word or wh-adverb shows to be
    adverbial (when or why it was said, not what)."""
    if clause.i > clause.head.i:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), clause)
    return any(opens_adverbial(c) and c.i < subject.i for c in clause.children)


def opens_adverbial(word: Token) -> bool:
    """A subordinating word as written ("after", not "Reem As Saba'ee" read as one), or a
    wh-adverb in any case ("When ...")."""
    if word.dep_ == "mark":
        return word.text in ADVERBIAL_MARKS
    return word.dep_ == "advmod" and word.tag_ == "WRB" and word.lower_ in ADVERBIAL_MARKS


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})


def small_clause(clause: Token) -> bool:
    """'Roe found herself playing defense': a reflexive subject of a participle is the cue's
    own subject in a state, not a thing said."""
    return clause.tag_ in ("VBG", "VBN") and any(
        c.dep_ == "nsubj" and c.lower_ in REFLEXIVES for c in clause.children
    )


def unmarked_clause(verb: Token) -> Token | None:
    """A clause with its own subject and no subordinating word that the parser hung on the
    cue as an adverbial ("said after the convention he would not accept"): what was said."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i or child.pos_ not in ("VERB", "AUX"):
            continue
        deps = {c.dep_ for c in child.children if c.i < child.i}
        if "nsubj" in deps and not deps & {"mark", "advmod"}:
            return child
    return None


def after_colon(verb: Token, content: list[Token] | None) -> list[Token] | None:
    """'Then came the boldest line: "A," exhorted Roe.': a cue after what it reports does not
    reach back past a colon; the words before it are the writer's."""
    if not content or content[-1].i > verb.i:
        return content
    colons = [t.i for t in content if t.text == ":"]
    return [t for t in content if t.i > colons[-1]] if colons else content


def before_colon(verb: Token, clause: Token) -> bool:
    """'The news set off a row on Friday: Republicans said they were convinced ...': a clause
    ending before a colon that comes before the cue is the writer's lead-in, not what was said."""
    if clause.i > verb.i:
        return False
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    return any(t.text == ":" for t in between)


def apart_from_cue(verb: Token, clause: Token) -> bool:
    """A clause before the cue that a colon sets apart from it, or that no mark ties to it."""
    return before_colon(verb, clause) or run_into(verb, clause)


def run_into(verb: Token, clause: Token) -> bool:
    """'The contest jumped into the headlines after a group unearthed columns Bradley wrote
    ...': a clause before the cue with no mark between them (a comma, a dash, a colon, a
    quotation mark) is not what the cue reports ("The plan is dead, Roe said"); the parse
    read a zero relative ("columns [that] Bradley wrote") as the sentence's reporting verb."""
    if clause.i > verb.i:
        return False
    between = verb.doc[clause.right_edge.i : verb.i]  # its own last word may be the comma
    return not any(t.is_punct or t.is_quote for t in between)


def parallel_report(verb: Token, clause: Token, cues: frozenset[str]) -> bool:
    """'42% say they're liberal, 32% call themselves conservative': a clause before a cue that
    reports something of its own after it, the clause reporting with a subject of its own, is
    a second attribution set beside it ('Six donors agreed to serve, the party announced'
    is what the party announced)."""
    if clause.i > verb.i or clause.lemma_.lower() not in cues or quoted(clause):
        return False
    own = any(c.i > verb.i and c.dep_ in ("ccomp", "dobj", "xcomp", "oprd") for c in verb.children)
    own = own or contrast_after(verb, clause) is not None
    return own and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


CONTRASTING = frozenset({"while", "whereas"})


def contrast_after(verb: Token, clause: Token) -> Token | None:
    """'A, KING-TV reported, while in Chicago B, the Sun-Times reported': the "while" clause
    between a first report and the cue is what the cue reports (the first report is set
    beside it, `parallel_report`)."""
    for child in verb.children:
        if child.dep_ != "advcl" or not clause.i < child.i < verb.i:
            continue
        marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in CONTRASTING]
        if marks and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return child
    return None


def lone_object(objects: list[Token]) -> bool:
    """'Republicans had called the hearing': a naming verb ("call", "label", "dub") with one
    object and no complement naming it, and nothing quoted, convenes or summons; it says
    nothing ("called the plan 'odd'", "called the deal a disaster" say something)."""
    if len(objects) != 1 or objects[0].dep_ == "oprd":
        return False
    inside = [t for t in objects[0].subtree if t.i != objects[0].i]
    if any(t.dep_ in ("dobj", "oprd", "attr") for t in inside):
        return False  # "called the notion of warming a hoax": the parse hid the complement
    if any(t.dep_ == "appos" and t.doc[t.left_edge.i - 1].text != "," for t in inside):
        return False  # "called her son her hero"
    return not any(t.is_quote for t in objects[0].subtree)


def question_clause(verb: Token) -> Token | None:
    """'asked the students if they were ...', 'asked Roe whether ...', 'challenged his bishops
    to be humbler': the question asked, or what one was asked or challenged to do."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        if child.dep_ in ("advcl", "ccomp") and marks & {"if", "whether"}:
            return child
        if child.dep_ == "xcomp" and "to" in marks:
            return child
    return None


def reduced_relative(verb: Token, clause: Token) -> bool:
    """'Three names mentioned as nominees are Jane Roe and ...': a participle with no auxiliary
    describes the noun before it, which is the subject of the clause the parse hung on the
    participle (that clause has none of its own); nobody is said to have mentioned anything."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = ("nsubj", "nsubjpass", "csubj", "expl")
    return clause.i > verb.i and not any(c.dep_ in subjects for c in clause.children)


GAP_TAGS = ("WP", "WDT")  # "what", "who", "which": a word of the clause set before it


def wh_gap(cue: Token) -> bool:
    """'the gap between what Trump says his plan would do and how experts say it would shape
    the law': a wh-word before the cue's subject, of the cue or of its clause, leaves a gap in
    what was said; the clause names words without giving them."""
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > cue.i or cue.dep_ in ("ROOT", "relcl"):
        return False  # "Why did Roe say ...?" takes for granted she did; "A, which the bank
        # detailed": the relative word stands for A, what was said
    clauses = [cue, *(c for c in cue.children if c.dep_ == "ccomp")]
    return any(gap_word(t) and t.i < subject.left_edge.i for c in clauses for t in c.children)


def gap_word(token: Token) -> bool:
    """A wh-word standing for a part of the clause ("what", "which", "how"), not one telling
    when or where it was said ("when the state said that ...")."""
    return token.tag_ in GAP_TAGS or token.lower_ == "how"


def gerund_after(verb: Token) -> Token | None:
    """'suggested looking at your card statement', 'proposed raising the tax': a gerund right
    after the cue is what was put forward."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.dep_ != "xcomp" or after.head != verb or after.tag_ != "VBG":
        return None
    return after
