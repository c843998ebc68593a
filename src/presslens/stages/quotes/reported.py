"""Reported speech from the parse, with or without quotation marks.

A reporting verb with a clause ("X said that ...", "..., X warned"), an intention ("X wants
to ..."), "according to X", reporting nouns ("Putin's boast that ...", "the claim by Lavrov
that ..."), states of mind ("X is confident that ...") and headline lead-ins ("Name: ...").
The cues are data (resources/reporting_verbs.txt, read by `lexicon`).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, LEMMA, LOWER, POS, TAG
from spacy.tokens import Token

from presslens.model import Span
from presslens.nlp.columns import Columns
from presslens.stages.quotes.according import according_attribution, findings_attribution
from presslens.stages.quotes.clauses import (
    adverbial,
    after_colon,
    apart_from_cue,
    contrast_after,
    gerund_after,
    lone_object,
    object_as_subject,
    parallel_report,
    question_clause,
    quoted,
    reduced_relative,
    small_clause,
    that_marked,
    unmarked_clause,
    wh_gap,
)
from presslens.stages.quotes.context import (
    Attribution,
    Context,
    acts_as_verb,
    cue_phrase,
    naming,
    subtree_span,
    token_span,
    trim,
)
from presslens.stages.quotes.interrupted import fronted_clause, interrupted_clause, parenthetical
from presslens.stages.quotes.misparsed import (
    name_after_quotation,
    name_before_cue,
    set_off_segment,
    that_clause_on_a_noun,
    whose_clause,
)
from presslens.stages.quotes.nesting import outermost
from presslens.stages.quotes.passives import accusation_grounds, passive_attribution, told_by
from presslens.stages.quotes.speakers import Speaker, make_speaker
from presslens.stages.quotes.subjects import a_person, passive_controller, subject_of
from presslens.stages.reporting import Lexicon
from presslens.stages.roles import load_roles

# prepositions that introduce what a reporting noun or adjective is about: "criticism of NATO"
OBJECT_PREPOSITIONS = ("of", "on", "for", "about", "with", "to", "that")


def complement_of(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """What a cue verb reports: its clause, its to-infinitive (intent verbs), its object
    (object verbs), its prepositional object ("call for"), or the clause it interrupts."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    opening = whose_clause(verb)  # "Roe, whose firm sells seed, said": not what was said
    if naming(verb, lexicon) or any(c.dep_ == "prt" and c.lower_ in OTHER_SENSE for c in children):
        return None  # "called off the projects": no saying
    clauses = [
        child
        for child in children
        if child.dep_ == "ccomp"
        and child != opening
        and child.ent_type_ != "WORK_OF_ART"  # "In his book, "Make Your Kid a Millionaire,"
        and not adverbial(child)
        and not small_clause(child)
        and not reduced_relative(verb, child)
        and not apart_from_cue(verb, child)
        and not parallel_report(verb, child, lexicon.clause)
        and (lemma in lexicon.clause or lemma in lexicon.document)
    ]
    if any(c.i > verb.i and that_marked(c) for c in clauses):
        clauses = [c for c in clauses if c.i > verb.i or quoted(c)]  # not "A was upset,
        # though they swore that B", but '"A," he told a crowd that the campaign estimated'
    if clauses:
        return [*object_as_subject(verb, clauses[0]), *clauses[0].subtree]
    contrast = next((contrast_after(verb, c) for c in children if c.dep_ == "ccomp"), None)
    if contrast is not None:  # "A, X reported, while B, Y reported": B is Y's
        return [t for t in contrast.subtree if not (t.dep_ == "mark" and t.head == contrast)]
    if lemma in lexicon.clause:
        clause = unmarked_clause(verb) or that_clause_on_a_noun(verb) or gerund_after(verb)
        if clause is not None:
            return list(clause.subtree)
    if lemma in lexicon.intent:
        for child in children:
            if child.dep_ == "xcomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                return list(child.subtree)
    question = question_clause(verb) if lemma in lexicon.addressee else None
    if question is not None:
        return list(question.subtree)  # "asked the students if they were ..."
    if lemma in lexicon.object and not finding_by_someone(verb, lexicon):
        objects = [c for c in children if c.dep_ in ("dobj", "obj", "oprd")]
        if lemma in lexicon.addressee:  # "asked Herman Cain", "asked reporters"
            objects = [c for c in objects if not a_person(of_whom(c))]
        grounds = accusation_grounds(verb, lexicon)
        if objects and grounds:  # "accused Roe of lying": whom, and of what
            return [t for c in (*objects, *grounds) for t in c.subtree]
        if lemma in lexicon.naming and lone_object(objects):
            objects = []  # "called the hearing", not "called the plan "odd"" or "a disaster"
        if objects and not (len(objects) == 1 and bare_pronoun(objects[0])):
            return [t for c in objects for t in c.subtree]  # "called the statement "odd""
    answers = [c for c in children if c.dep_ == "intj" and c.i > verb.i]
    if answers and lemma in lexicon.clause:
        return answers  # 'said no
    return prepositional_object(verb, lexicon) or clause_around(verb, lexicon)


def clause_around(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """A clause the parse did not hang under the cue: "X insists, in an interview, that Y",
    "Y, he said", "These workers, Roe said, were paid"."""
    return (
        that_clause_above(verb, lexicon)
        or interrupted_clause(verb, lexicon)
        or fronted_clause(verb, lexicon)
    )


def prepositional_object(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """'called for a ban', 'spoke on trade': the object of the cue's preposition of speech;
    not whom ("responded to Sanders"), when ("spoke on Monday") or a bare pronoun ("agreed
    with him" says no what)."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        pair = f"{lemma} {child.lower_}"
        if child.dep_ == "prep" and (pair in lexicon.preposition or pair in lexicon.accusation):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and lemma in lexicon.addressee and bare_name(objects[0]):
                continue
            if objects and objects[0].ent_type_ in ("DATE", "TIME"):
                continue
            if objects and not bare_pronoun(objects[0]):
                return list(objects[0].subtree)
    return None


def of_whom(token: Token) -> Token:
    """'several of those protected individuals' -> individuals: a part of a whole is of the
    whole's kind."""
    if token.pos_ not in ("ADJ", "DET", "NUM", "PRON"):
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None else token


def finding_by_someone(verb: Token, lexicon: Lexicon) -> bool:
    """'found ways to ...', 'showed signs of ...': a document's verb whose subject is neither
    a document nor a body takes a thing as object, not a report ("the poll shows Clinton
    ahead", "the group found support for ..." stay)."""
    if verb.lemma_.lower() not in lexicon.document:
        return False
    subject = subject_of(verb)
    if subject is None:
        return True
    if subject.ent_type_ == "ORG":
        return False  # "Working America found support for ...": a body's survey
    return load_roles().kind(subject.lemma_.lower()) != "DOCUMENT"


def that_clause_above(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """'X continues to insist, most recently in an interview, that Y': a "that" clause set
    after a long aside is parsed as the sentence's head, the cue's clause hung under it. The
    clause opened by "that" after the cue is what the cue reports."""
    if verb.lemma_.lower() not in lexicon.clause:
        return None
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.clause for c in verb.children):
        return None  # "continues to insist ...": the inner verb reports
    node = verb
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head  # "continues to insist": the clause of "continues"
    head = node.head
    if node.dep_ != "ccomp" or head is node or head.i < verb.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i for c in head.children):
        return None
    own = {t.i for t in node.subtree}
    return [t for t in head.subtree if t.i not in own and not (t.is_punct and t.i < head.i)]


OTHER_SENSE = frozenset({"off"})  # "called off", "signed off": a particle that ends speech


def bare_name(token: Token) -> bool:
    """A name and nothing else: 'Sanders', 'the Clinton campaign' are; 'Sanders's attack' is
    not."""
    words = [t for t in token.subtree if not t.is_punct]
    return bool(token.ent_type_) and all(t.ent_iob_ != "O" or t.lower_ == "the" for t in words)


def bare_pronoun(token: Token) -> bool:
    """'saw him', 'praised themselves': a pronoun alone reports nothing said."""
    return token.pos_ == "PRON" and all(c.is_punct for c in token.children)


def own(tokens: list[Token]) -> set[int]:
    return {t.i for t in tokens}


def verb_attribution(ctx: Context, verb: Token) -> Attribution | None:
    if verb.lemma_.lower() not in ctx.lexicon.verbs or not acts_as_verb(verb):
        return None
    if verb.i in ctx.quote_of_token or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if wh_gap(verb):
        return None  # "how experts say it would shape the law": no claim given
    content = after_colon(verb, complement_of(verb, ctx.lexicon))
    speaker = subject_speaker(ctx, verb) if content else None
    if not content or speaker is None:
        return None
    cue = controlled_cue(verb) or cue_phrase(verb)
    if len(content) == 1 and content[0].lower_ in ("which", "that", "what", "who", "it"):
        return None  # a bare pronoun says nothing on its own
    core = subtree_span(content)
    if core.contains(speaker.span) and not (
        set_off(ctx, verb) and speaker.head not in own(content)
    ):
        return None  # "What Trump proposes changes ...": the subject came from the content
    span = trim(ctx.text, to_sentence_end(ctx, verb, core))
    return Attribution("indirect", span, cue, verb.i, speaker, 0.7, core=core)


def set_off(ctx: Context, verb: Token) -> bool:
    """The cue and its subject stand inside what they report, between commas or dashes."""
    if parenthetical(verb) or set_off_segment(verb) is not None:
        return True
    return fronted_clause(verb, ctx.lexicon) is not None


def subject_speaker(ctx: Context, verb: Token) -> Speaker | None:
    """The speaker the cue verb's subject names; None for no subject or "it"/"there"."""
    subject = unquoted_subject(ctx, verb)
    if subject is None or subject.dep_ == "expl":
        return None
    return make_speaker(ctx.text, subject, ctx.actors)


def unquoted_subject(ctx: Context, verb: Token) -> Token | None:
    """The cue verb's subject outside any quotation: quoted words are no speaker ('Stressing
    the point, Roe said, "If we ..."' is not "we"), but a name the parse hung on the quotation
    before the cue is ('"A," Roe, an aide, said on "Fox and Friends"')."""
    subject = subject_of(verb)
    if subject is not None and subject.i in ctx.quote_of_token and verb.i not in ctx.quote_of_token:
        return name_after_quotation(verb) or name_before_cue(verb)
    return subject


PLAIN_WORDS = ("clear", "plain")


def made_clear(ctx: Context, verb: Token) -> Attribution | None:
    """ "X made (it) clear (that) ...", "X made plain ...": the clause after the adjective is
    what X said (14 PolNeAR train cues)."""
    if verb.lemma_.lower() != "make" or not acts_as_verb(verb):
        return None
    plain = next((c for c in verb.children if c.lower_ in PLAIN_WORDS and c.i > verb.i), None)
    if plain is None:
        return None
    clauses = [
        c
        for c in (*plain.children, *verb.children)
        if c.dep_ in ("ccomp", "advcl") and c.i > plain.i and c.pos_ in ("VERB", "AUX")
    ]
    speaker = subject_speaker(ctx, verb) if clauses else None
    if speaker is None:
        return None
    core = subtree_span(list(clauses[0].subtree))
    cue = Span(verb.idx, plain.idx + len(plain.text))
    span = trim(ctx.text, to_sentence_end(ctx, verb, core))
    return Attribution("indirect", span, cue, verb.i, speaker, 0.7, core=core)


def to_sentence_end(ctx: Context, cue: Token, content: Span) -> Span:
    """A clause reported after its cue runs to the end of the sentence ("X said Y, compared to
    Z"): the parser often hangs trailing phrases on the cue verb instead of the clause."""
    if content.start < cue.idx or cue.dep_ in ("pcomp", "acl", "relcl", "amod", "advcl"):
        return content  # "With Trump saying that ..., the onus is on ...": a side clause
    sentence = cue.sent
    end = sentence.end_char
    after = [c for c in cue.children if c.idx > content.end]
    source = next((c for c in after if c.lower_ == "according"), None)
    if source is not None:
        end = source.idx  # "..., according to a transcript": where the writer read it
    while end > content.end and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ".!?,"):
        end -= 1
    return Span(content.start, max(content.end, end))


def controlled_cue(verb: Token) -> Span | None:
    """'was forced to admit': the passive verb an infinitive cue hangs on belongs to the cue
    (it says how the words came), from its first auxiliary on."""
    if verb.dep_ != "xcomp" or passive_controller(verb) is None:
        return None
    head = verb.head
    first = min([head.i, *(c.i for c in head.children if c.dep_ in ("aux", "auxpass"))])
    return Span(verb.doc[first].idx, cue_phrase(verb).end)


def noun_speaker(ctx: Context, noun: Token, clause: bool = False) -> Speaker | None:
    """The possessor ("Putin's boast"), the by/from agent ("the claim by Lavrov", "warnings
    from his attorney"; "reports of migrants" are about them) or, before a that-`clause`, a
    name or body set before the noun ("union claims that ...", not "voter support for it")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return make_speaker(ctx.text, child, ctx.actors)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is None:
                continue
            if agent.pos_ == "PROPN" or agent.ent_type_ or child.lower_ != "of" and someone(agent):
                return make_speaker(ctx.text, agent, ctx.actors)
    before = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    if clause and before and (before[0].ent_type_ in ("PERSON", "ORG") or someone(before[0])):
        return make_speaker(ctx.text, before[0], ctx.actors)
    return None


def someone(noun: Token) -> bool:
    """A role noun for a person or a body ("his attorney", "the media")."""
    return noun.pos_ == "NOUN" and load_roles().kind(noun.lemma_.lower()) in ("PERSON", "ORG")


def means_speaker(ctx: Context, noun: Token) -> Speaker | None:
    """'X told reporters in a statement that ...': a reporting noun with a that-clause as the
    speaking verb's means (the parser hangs the clause on the noun); the verb's subject
    speaks. Not "in response to any questions": no clause, no speech."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "through", "via") or verb is prep:
        return None
    if verb.lemma_.lower() not in ctx.lexicon.clause:
        return None
    subject = subject_of(verb)
    return make_speaker(ctx.text, subject, ctx.actors) if subject is not None else None


# verbs that do no more than put a noun of speech forward: "made the case that ...", "issued a
# warning that ...", "gave assurances that ..."
LIGHT_VERBS = frozenset({"make", "issue", "give", "offer", "deliver", "lodge", "voice", "raise"})


def light_verb_speaker(ctx: Context, noun: Token) -> Speaker | None:
    """'Roe made the case that the bank had failed': a noun of speech with a that-clause as
    the object of a verb that only puts it forward; the verb's subject speaks."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    subject = subject_of(verb)
    return make_speaker(ctx.text, subject, ctx.actors) if subject is not None else None


ADDRESSEE_TYPES = ("PERSON", "ORG", "GPE", "NORP")
WHEN_TYPES = ("DATE", "TIME")


def noun_object(noun: Token) -> list[Token]:
    """'criticism of NATO', 'support for the bill': the prepositional object. A name after
    "to" is the one addressed, not what was said: "his remarks to the Daily News"; a date or
    time says when: "their remarks on Monday"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS and child.i > noun.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and child.lower_ == "to" and objects[0].ent_type_ in ADDRESSEE_TYPES:
                continue
            if objects and objects[0].ent_type_ in WHEN_TYPES:
                continue
            if objects:
                return list(objects[0].subtree)
    return []


def adjective_attribution(ctx: Context, adjective: Token) -> Attribution | None:
    """'X is confident that ...', 'X is skeptical of ...': a state of mind reported."""
    if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp" or adjective.i in ctx.quote_of_token:
        return None
    if adjective.lemma_.lower() not in ctx.lexicon.adjective:
        return None
    content = next(
        (list(c.subtree) for c in adjective.children if c.dep_ in ("ccomp", "xcomp")), None
    ) or noun_object(adjective)
    manner = adjective.lemma_.lower() in ctx.lexicon.manner and not speech_after(ctx, adjective)
    subject = subject_of(adjective.head)
    if not content or subject is None or subject.dep_ == "expl" or subject.lower_ == "it":
        return None
    speaker = make_speaker(ctx.text, subject, ctx.actors)
    if speaker is None:
        return None
    span = trim(ctx.text, subtree_span(content))
    stance = "stance" if manner else None  # "quick to embrace the nominee": how one acts
    return Attribution(
        "indirect", span, token_span(adjective), adjective.i, speaker, 0.55, stance=stance
    )


def speech_after(ctx: Context, adjective: Token) -> bool:
    """'quick to point out that ...': the infinitive after the adjective reports words."""
    verbs = [c for c in adjective.children if c.dep_ == "xcomp"]
    return any(v.lemma_.lower() in ctx.lexicon.clause for v in verbs)


def headline_attribution(ctx: Context, token: Token) -> Attribution | None:
    """'Pat Caddell: Democrat voters worried ...': an actor's name opening a sentence, then a
    colon (an inline heading the tagger took for a name, which the entities stage set aside,
    is no speaker)."""
    # Cheap token tests first: `token.sent` builds a Span, and this runs for every token.
    if token.ent_iob_ != "B" or token.ent_type_ not in ("PERSON", "ORG"):
        return None
    sentence = token.sent
    if token.i != sentence.start:
        return None
    end = token.i
    while end + 1 < sentence.end and ctx.doc[end + 1].ent_iob_ == "I":
        end += 1
    if end + 2 >= sentence.end or ctx.doc[end + 1].text != ":" or token.i in ctx.quote_of_token:
        return None
    if ctx.actor_of_token.get(token.i) is None:
        return None  # a name the entities stage set aside: "Veto Power Impedes Peace Efforts:"
    speaker = make_speaker(ctx.text, ctx.doc[end], ctx.actors)
    if speaker is None:
        return None
    colon = ctx.doc[end + 1]
    span = trim(ctx.text, Span(colon.idx + 1, sentence.end_char))
    if not len(span) or "\n" in ctx.text[colon.idx : span.start]:
        return None  # "Video Transcript:" heading the next paragraph says nothing itself
    return Attribution("indirect", span, token_span(colon), colon.i, speaker, 0.6)


def noun_attribution(ctx: Context, noun: Token) -> Attribution | None:
    """'X's claim that ...': a reporting noun with a that-clause and a speaker."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.lexicon.nouns:
        return None
    if noun.i in ctx.quote_of_token:
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        ),
        None,
    )
    content = list(clause.subtree) if clause is not None else noun_object(noun)
    if not content:
        return None
    cue = token_span(noun)
    speaker = noun_speaker(ctx, noun, clause is not None) or (
        means_speaker(ctx, noun) if clause else None
    )
    if speaker is None and clause is not None:
        speaker = light_verb_speaker(ctx, noun)
        cue = Span(noun.head.idx, cue.end)  # "made the case"
    if speaker is None:
        return None
    span = trim(ctx.text, subtree_span(content))
    return Attribution("indirect", span, cue, noun.i, speaker, 0.65)


def reported_speech(ctx: Context) -> list[Attribution]:
    return reported_and_inner(ctx)[0]


def reported_and_inner(ctx: Context) -> tuple[list[Attribution], list[Attribution]]:
    """The reported clauses, each token in one, and those set inside another's content (a
    report inside a report: "Lynch said clients are beginning to demand ...")."""
    found = []
    for i in cue_tokens(ctx):
        token = ctx.doc[i]
        made = (
            verb_attribution(ctx, token)
            or made_clear(ctx, token)
            or passive_attribution(ctx, token)
            or told_by(ctx, token)
            or according_attribution(ctx, token)
            or findings_attribution(ctx, token)
            or noun_attribution(ctx, token)
            or headline_attribution(ctx, token)
            or adjective_attribution(ctx, token)
        )
        if made:
            found.append(made)
    kept = outermost(ctx, found)
    inner = [item for item in found if not any(item is k for k in kept)]
    return [stopped_at_next(ctx, item, kept) for item in kept], inner


def cue_tokens(ctx: Context) -> list[int]:
    """The tokens a reader of `reported_speech` may start from, in order; every reader returns
    None at its first test for every other token (that test, here on the token columns):
    a verb's lemma, "make", a past participle, "according", a reporting noun, a name opening
    a heading, an adjective's complement."""
    lexicon = ctx.lexicon
    columns = Columns.of(ctx.doc, [LEMMA, TAG, LOWER, POS, DEP, ENT_IOB, ENT_TYPE])
    verb = columns.where(LEMMA, lambda lemma: lemma.lower() in lexicon.verbs)
    make = columns.where(LEMMA, lambda lemma: lemma.lower() == "make")
    participle = columns.equals(TAG, "VBN")
    according = columns.equals(LOWER, "according") | columns.equals(LOWER, "in")
    noun = columns.equals(POS, "NOUN") & columns.where(
        LEMMA, lambda lemma: lemma.lower() in lexicon.nouns
    )
    name = columns.equals(ENT_IOB, "B") & (
        columns.equals(ENT_TYPE, "PERSON") | columns.equals(ENT_TYPE, "ORG")
    )
    adjective = columns.equals(POS, "ADJ") & columns.equals(DEP, "acomp")
    candidates = verb | make | participle | according | noun | name | adjective
    return np.flatnonzero(candidates).tolist()


# "..., but has" before "said", "..., when" before "the state stated": the joining or relative
# word, and the next cue's auxiliaries
TRAILING_JOIN = re.compile(
    r"(?:[\s,]+(?:and|but|or|while|whereas|although|though|even as|as|when|where|which|who)"
    r"|,\s*that)"
    r"(?:\s+(?:has|have|had|will|would|also|later|then|since|had not|has not))*$",
    re.IGNORECASE,
)
SIDE_CLAUSES = ("relcl", "acl", "pcomp", "pobj", "amod")


def stopped_at_next(ctx: Context, item: Attribution, others: list[Attribution]) -> Attribution:
    """A content run on to its sentence's end stops where another attribution of the sentence
    begins: 'X said A, but she denied B', 'X said A, calling it B' hold two things said (not
    at a relative clause: 'records from July, which showed B' still qualify A)."""
    if item.core is None or item.span.end <= item.core.end:
        return item
    text = ctx.text
    others = [o for o in others if o is not item and not side_clause(ctx, o)]
    stops = [next_start(item.core, other) for other in others]
    stops = [at for at in stops if item.core.end <= at < item.span.end]
    if not stops:
        return item
    span = trim(text, Span(item.span.start, min(stops)))
    join = TRAILING_JOIN.search(span.of(text))  # "..., but" before "she denied"
    if join is not None:
        span = trim(text, Span(span.start, span.start + join.start()))
    return replace(item, span=span)


def side_clause(ctx: Context, item: Attribution) -> bool:
    return item.cue_head is not None and ctx.doc[item.cue_head].dep_ in SIDE_CLAUSES


def next_start(core: Span, other: Attribution) -> int:
    """Where another attribution's own words begin: its speaker when it stands after the
    content ("but she denied"), else its cue ("promising")."""
    cue = other.cue or other.span
    speaker = other.speaker.span if other.speaker is not None else None
    if speaker is not None and speaker.start >= core.end and speaker.start < cue.start:
        return speaker.start
    return cue.start
