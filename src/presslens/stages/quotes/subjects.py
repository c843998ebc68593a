"""The subject of a cue verb: who says, as the dependency parse shows it, mended where the
parse is known to go wrong (a relative "who" for its antecedent, a subject borrowed from the
verb a clause hangs on, a dateline the parser made a subject). `speakers.make_speaker` turns
the subject into a speaker."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.stages.entities.junk import dateline
from presslens.stages.quotes.clauses import ADVERBIAL_MARKS
from presslens.stages.quotes.marks import DASHES
from presslens.stages.quotes.misparsed import (
    SUBJECTS,
    conjoined_subject,
    inverted_object,
    modal_name,
    name_after_quotation,
    name_before_cue,
    name_ending_a_body,
    noun_before_participle,
    object_before_gerund,
    set_off_subject,
    subject_in_aside,
    whose_clause_subject,
)
from presslens.stages.quotes.nobody import NOT_SPEAKERS
from presslens.stages.reporting import load_lexicon
from presslens.stages.roles import load_roles

DATELINE_CHARS = 120  # the longest paragraph opening read for a dateline
RELATIVE = {"who", "that", "which"}
DISTRIBUTIVE = {"each", "both"}  # "A and B vied, each touting ...": A and B
CLAUSES = ("advcl", "conj", "ccomp")


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, borrowed from the verb it hangs on when it has none."""
    current = verb
    if set_off_subject(verb) is not None:
        return set_off_subject(verb)  # "A, union members and leaders say, is B"
    for _ in range(4):
        subjects = subjects_of(current)
        if subjects:
            child = likeliest_subject(subjects, current)
            if child.lower_ in RELATIVE and current.dep_ == "relcl":
                noun = who_antecedent(child, current.head)  # "voters who say ..." -> voters
                return described_subject(noun) or giver(noun) or noun
            if child.lower_ in RELATIVE and antecedent(child) is not None:
                return antecedent(child)  # the parser missed the relative clause
            if child.lower_ in DISTRIBUTIVE and current.dep_ in ("advcl", "conj"):
                return main_subject(current) or child  # "A and B vied, each touting ..."
            if current.i != verb.i and expletive(child, current):
                return nearest_clause_subject(current, verb)
            if current.i != verb.i and child.lower_ == "it" and current.pos_ == "ADJ":
                return None  # "make it easy to predict": no one predicts
            return child
        if current.i == verb.i and passive_side_clause(verb):
            return None
        if current.i == verb.i and misparsed_subject(verb) is not None:
            return misparsed_subject(verb)
        if current.i == verb.i and current.dep_ == "ccomp" and conjoined_subject(verb):
            return conjoined_subject(verb)  # "they were sure A and Democrats accused ..."
        if current.i == verb.i and current.dep_ == "xcomp" and controller(current) is not None:
            return controller(current)  # "prompted Ms. Roe to announce": Ms. Roe announces
        if current.i == verb.i and current.dep_ == "xcomp" and passive_controller(current):
            return passive_controller(current)  # "he's poised to argue", "was forced to admit"
        if current.i != verb.i and any(c.dep_ == "expl" for c in current.children):
            return nearest_clause_subject(current, verb)  # "There is talk about Roe, ..., saying"
        if (
            current.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp")
            and current.head.i != current.i
        ):
            if current.dep_ == "acl" and current.head.lower_ in DISTRIBUTIVE:
                return main_subject(current.head)  # "A and B met voters, each saying ..."
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
                noun = of_phrase_owner(current.head)  # "issued a statement saying ...": the
                return (giver(noun) or noun) if speaking_noun(noun) else None  # issuer speaks
            shared = subject_shared(current)
            if shared is not None:
                return shared
            current = current.head
            if aside_closed_before(current, verb):
                current = current.head  # "- where the Panthers played - while chanting"
            continue
        if current.lower_ in SHARED_PREPOSITIONS and current.head.pos_ in ("VERB", "AUX"):
            if current.lower_ not in CLAUSE_PREPOSITIONS or saying(verb):
                if passive_after(current, verb) is not None:
                    return passive_after(current, verb)  # "After saying A, she was taken"
                current = current.head  # "asserted his plans by saying": who asserted
                continue
        if current.lower_ in SHARED_PREPOSITIONS and current.head.dep_ in SUBJECTS:
            if saying(verb):
                return current.head  # "Ryan, despite admitting that ..., said": hung on Ryan
        return None
    return None


def passive_after(preposition: Token, cue: Token) -> Token | None:
    """The passive subject of the verb a time preposition hangs on, when it has no active one:
    whom "After saying A, she was taken to hospital" tells of, the one who said A (not "added
    by threatening")."""
    verb = preposition.head
    if preposition.lower_ not in TIME_PREPOSITIONS or not saying(cue) or subjects_of(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def subject_shared(clause: Token) -> Token | None:
    """The subject a joined clause shares with the one before it when the parse gave it
    none: a passive's ("Roe was joined by Poe and joked"), a conjoined one's, or a name the
    parse hung on the first clause's opening phrase ("..., Ohio, Ann Roe railed ... and
    said")."""
    if clause.dep_ == "conj" and passive_subject(clause) is not None:
        return passive_subject(clause)
    if conjoined_subject(clause) is not None:
        return conjoined_subject(clause)
    if clause.dep_ == "conj" and not subjects_of(clause.head):
        return name_before_cue(clause.head)
    return None


def of_phrase_owner(noun: Token) -> Token:
    """'a POLITICO analysis of other data identified ...' (the parse hung the verb on "data"):
    the noun an "of" phrase hangs on, when that one speaks; else the noun itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and speaking_noun(noun.head.head):
        return noun.head.head
    return noun


def aside_closed_before(clause: Token, verb: Token) -> bool:
    """'looping the streets around the stadium - where the Panthers played the Vikings - while
    chanting': a clause of place or time set off by dashes is an aside, and the words after
    its closing dash do not go on with its subject."""
    wh = any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in clause.lefts)
    doc = clause.doc
    between = doc[clause.i + 1 : verb.i]
    return wh and any(t.text in DASHES or t.text == ")" or spaced_hyphen(t) for t in between)


def spaced_hyphen(token: Token) -> bool:
    """A hyphen set off by spaces, as a dash ("the stadium - where ..."), not "weight-loss"."""
    return token.text == "-" and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def misparsed_subject(verb: Token) -> Token | None:
    """The speaker of a cue the parse left with no subject, by the usual misreadings
    (presslens.stages.quotes.misparsed): "Ms. Roe, whose company ..., said", '"A," Mark Roe,
    an aide, said', ", former president Bill Clinton said", '"A," exhorted Roe', "Roe
    would"."""
    for finder in (
        whose_clause_subject,
        name_after_quotation,
        name_before_cue,
        name_ending_a_body,
        noun_before_participle,
        subject_in_aside,
        inverted_object,
        modal_name,
        object_before_gerund,
    ):
        found = finder(verb)
        if found is not None:
            return found
    return None


# prepositions whose "-ing" clause shares the subject of the verb they hang on ("asserted ...
# by saying"), unlike "quoted a witness as saying", "kept clerks from denying"
SHARED_PREPOSITIONS = frozenset(
    {"by", "after", "before", "in", "while", "since", "upon", "despite"}
)
# of those, one that shares it only with a verb of saying ("despite admitting that ...", not
# "despite having to defend more seats")
CLAUSE_PREPOSITIONS = frozenset({"despite"})
# of those, the ones that tell when: their clause's doer is the main clause's subject, even a
# passive one ("After saying A, she was taken to hospital"; not "added by threatening")
TIME_PREPOSITIONS = frozenset({"after", "before", "upon", "while", "since"})


def saying(verb: Token) -> bool:
    return verb.lemma_.lower() in load_lexicon().clause


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects; those the parse hung on its auxiliary when it has none ("Murdoch,
    who is by all accounts enjoying ...": "who" under "is")."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
    if subjects or verb.pos_ != "VERB":
        return subjects
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return [g for aux in auxiliaries for g in aux.children if g.dep_ in SUBJECTS]


def speaking_noun(noun: Token) -> bool:
    """A noun that may speak through a participle hung on it: a name, or a document ("a press
    release saying ...", whose author `make_speaker` finds)."""
    if noun.pos_ == "PROPN":
        return True
    return noun.pos_ == "NOUN" and load_roles().kind(noun.lemma_.lower()) == "DOCUMENT"


def passive_subject(conjunct: Token) -> Token | None:
    """The subject a conjoined verb borrows from a passive one with none acting ("Roe was
    joined by Poe and joked"); none across a relative clause between them ("Roe was asked by
    Poe, who ... but has dismissed": Poe's words)."""
    verb = conjunct.head
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    between = conjunct.doc[verb.i + 1 : conjunct.i]
    if any(t.dep_ == "relcl" for t in between):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def who_antecedent(relative: Token, noun: Token) -> Token:
    """The noun a relative clause is about: "a critic of the plan who says" is the critic,
    when the parse hangs a "who" clause on a thing ("plan") in a phrase of a noun, or on a
    body or a place where the noun of the phrase is a person or a body ("the head of the union
    who", "her campaign and Democrats across the country, who"); not "a friend of Roe who"."""
    owner = noun.head.head
    if relative.lower_ != "who" or noun.dep_ != "pobj" or owner.pos_ not in ("NOUN", "PROPN"):
        return noun
    return owner if a_thing(noun) or not (a_person(noun) or a_thing(owner)) else noun


def a_thing(noun: Token) -> bool:
    """A common noun that names no person nor body ("plan", "retirements", "the storm"); not
    a name, a pronoun or a role ("the company", "officials", "the report")."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    return load_roles().kind(noun.lemma_.lower()) is None


def a_person(token: Token) -> bool:
    """A person or people: a name, a pronoun, or a noun for people ("reporters", "the
    senator")."""
    if token.ent_type_ == "PERSON" or token.pos_ == "PRON":
        return True
    return token.pos_ == "NOUN" and load_roles().kind(token.lemma_.lower()) == "PERSON"


def described_subject(noun: Token) -> Token | None:
    """The one a predicate or apposed noun describes: "Roe is a serial liar and birther who has
    pledged ..." pledges as Roe; None for a name ("It is Smith who said"), naming no one, or
    a thing the predicate names ("The barrier is voters who ...")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.ent_type_ == "PERSON":
        return noun.head  # "John Bentel, a staffer at the State Department who told ..."
    if noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":  # "Roe incites violence and is a liar who"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in NOT_SPEAKERS or expletive(subject, verb):
        return None
    if a_thing(subject):
        return None  # "The main barrier has been black voters, who rejected ...": the voters
    return subject


# verbs whose object is words someone gives: "issued a statement that said ..."
GIVING = frozenset({"make", "issue", "give", "deliver", "release", "post", "publish", "send"})
SPOKEN = frozenset({"speech", "interview", "address"})  # words given that no clause follows


def giver(noun: Token) -> Token | None:
    """'The campaign issued a statement that said ...', 'prompted Roe to make a comment that
    described ...': words given, as the object of a verb of giving, are the giver's (the
    verb's subject); None for other nouns."""
    lemma = noun.lemma_.lower()
    lexicon = load_lexicon()
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in GIVING:
        return None
    if lemma not in lexicon.nouns | SPOKEN and load_roles().kind(lemma) != "DOCUMENT":
        return None
    return subject_of(noun.head)


def passive_side_clause(verb: Token) -> bool:
    """'... when asked if he still believes ...', 'Asked about the delay, Roe said': a past
    participle hung on another clause without a subject of its own is passive, and its
    subject would be the one asked or told, not the one who spoke."""
    opening = verb.tag_ == "VBD" and verb.dep_ == "advcl" and verb.is_sent_start
    opening = opening or verb.tag_ == "VBD" and verb.dep_ == "advcl" and after_when(verb)
    if (verb.tag_ != "VBN" and not opening) or verb.dep_ not in ("advcl", "xcomp", "pcomp"):
        return False  # "Asked what ..., Devine replied": the tagger reads "Asked" as VBD
    if verb.lower_ in load_lexicon().adjective:
        return False  # "Worried the nation might miss its target, the government ...": a state
    return not any(child.dep_ in ("aux", "nsubj") for child in verb.children)


WHEN_WORDS = ADVERBIAL_MARKS | {"if", "unless", "until"}  # "said Roe when asked if ..."


def after_when(verb: Token) -> bool:
    """'said Roe when asked if ...': a participle right after "when" (the tagger reads it as a
    past tense there)."""
    return any(
        c.lower_ in WHEN_WORDS and c.i == verb.i - 1 and c.dep_ in ("advmod", "mark")
        for c in verb.children
    )


def expletive(subject: Token, verb: Token) -> bool:
    """'It was a potent punch', 'there were cheers': a subject that names no one."""
    return subject.lower_ in ("it", "there") and verb.lemma_ == "be"


def nearest_clause_subject(head: Token, cue: Token) -> Token | None:
    """'It was a punch, as Mrs. Clinton echoed the criticism, saying ...': a participle hung on
    a clause with an empty subject speaks for the subject of the clause just before it."""
    clauses = [c for c in head.children if c.dep_ in CLAUSES and c.i < cue.i]
    for clause in sorted(clauses, key=lambda c: c.i, reverse=True):
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
        if subjects:
            return likeliest_subject(subjects, clause)
    return person_before_comma(cue)


def person_before_comma(cue: Token) -> Token | None:
    """'There is a lot of chatter about Roe, who is the most animated on stage, saying ...':
    the person whose phrase ends at the comma before the participle."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    end = cue.i - 2
    for token in doc[cue.sent.start : end + 1]:
        if token.pos_ != "PROPN" or token.ent_type_ != "PERSON" or token.dep_ == "compound":
            continue
        words = [t for t in token.subtree if not t.is_punct]
        if words[-1].i == end:
            return token  # "Ann Bell, a spokeswoman for Roe, told": Bell, not Roe
    return None


def likeliest_subject(subjects: list[Token], verb: Token) -> Token:
    """Of two subjects the parser gave one verb (a name and its apposition, "Ban Ki-moon, the
    secretary general, vowed"; a dateline or a heading and the real subject; a name ending a
    quotation, '"... esteem Sen. John McCain," Trump said'), a name outside any dateline and
    with no quotation mark between it and the verb, else the one nearest the verb."""
    if len(subjects) == 1:
        return subjects[0]
    text = verb.doc.text
    kept = [s for s in subjects if not in_dateline(text, s.idx)] or subjects
    kept = [s for s in kept if not quoted_apart(s, verb)] or kept
    marks = [c.i for c in verb.children if c.dep_ == "mark" and c.i < verb.i]
    kept = [s for s in kept if s.i > max(marks)] or kept if marks else kept  # "Roe, who ...,
    # as a diplomat put it, ...": the subject after "as", not a name before the clause
    named = [s for s in kept if s.pos_ == "PROPN" and s.ent_type_ in ("PERSON", "ORG")]
    return named[0] if named else min(kept, key=lambda s: abs(s.i - verb.i))


def quoted_apart(subject: Token, verb: Token) -> bool:
    """Whether a quotation mark stands between the subject and its verb: the subject is in
    the quotation, the words of someone else."""
    first, last = sorted((subject.i, verb.i))
    between = verb.doc[first + 1 : last]
    return any(t.is_quote and t.tag_ != "POS" for t in between)  # not "Sanders’ aide"


def controller(infinitive: Token) -> Token | None:
    """The object of the verb an infinitive complements, who does what it says ("the leak
    prompted Ms. Roe to resign", "forced him to admit"); None when that verb has none, or
    reports a wish or words itself ("urged employees to report abuses": not yet reported)."""
    head = infinitive.head
    lexicon, lemma = load_lexicon(), head.lemma_.lower()
    if lemma in lexicon.verbs or lemma in lexicon.stance:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < infinitive.i), None)


# passives that report what others say of someone ("is said to have", "is reported to have"):
# their own cue takes the whole phrase
EVIDENTIAL = frozenset(
    {"say", "report", "believe", "think", "know", "understand", "allege", "rumor", "rumour"}
)


def passive_controller(infinitive: Token) -> Token | None:
    """The passive subject of the verb an infinitive complements, who does what it says ("he
    was forced to admit", "he's poised to argue"; whether it was said, `kinds.bidden` tells);
    None under an evidential passive ("is reported to have called")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None
    head = infinitive.head
    if head.lemma_.lower() in EVIDENTIAL:
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass" and c.i < head.i), None)


def main_subject(clause: Token) -> Token | None:
    """The subject of the clause a participle or conjunct hangs on, None when it has none."""
    head = clause.head
    if head.i == clause.i:
        return None
    return next((c for c in head.children if c.dep_ in SUBJECTS), None)


def antecedent(relative: Token) -> Token | None:
    """The name or noun just before a relative pronoun ("the Police Department, which
    reported ..."), None when another word comes between."""
    before = relative.i - 1
    if before >= 0 and relative.doc[before].text == ",":
        before -= 1
    if before < 0 or relative.doc[before].pos_ not in ("NOUN", "PROPN"):
        return None
    return relative.doc[before]


def in_dateline(text: str, index: int) -> bool:
    """Whether `index` lies in the dateline opening its paragraph ("PHILADELPHIA, July 29
    (UPI) -"), which the parser sometimes makes a subject: a place and an agency say nothing."""
    start = text.rfind("\n", 0, index) + 1
    return index < start + dateline(text[start : start + DATELINE_CHARS])
