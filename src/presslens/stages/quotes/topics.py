"""What the words were about rather than what they said. A reporting cue whose content is only
a topic ("talked about national security issues", "discussed the files", "highlighted the
delays") reports no words: the quotes stage lists it among the stances. A clause, someone's
quoted words, a noun of speech or a noun holding a that-clause, and an "as" claim ("mentioned
China as a possible suspect") still report what was said; a short quoted title ("in "13th"")
is no one's words."""

from __future__ import annotations

from spacy.tokens import Span, Token

from presslens.stages.quotes.clauses import that_marked
from presslens.stages.quotes.subjects import a_thing
from presslens.stages.titles import title_like

TOPIC_DEPS = ("pobj", "prep", "npadvmod")


def only_a_topic(content: list[Token]) -> bool:
    """'talked about national security issues', 'his response to a series of crises', 'her
    words on the debate', 'talked about the things she had come to believe': a prepositional
    object, a noun however long its clauses, with nothing quoted, says what the words were
    about, not what they said (a direct object may be what was said: "denied the
    allegations"; a clause is: "talked about how the system is rigged"; so is a demand spelt
    out: "called for more spending on schools that serve the poor")."""
    if not content or quoted_words(content):
        return False
    quoted_as = any(t.is_quote for t in content) and any(t.lower_ == "as" for t in content)
    if quoted_as:
        return False  # "referring to the US as the "Great Satan"": the name given is quoted
    roots = roots_of(content)
    if any(t.pos_ in ("VERB", "AUX") for t in roots):
        return False  # a clause
    clauses = any(t.pos_ in ("VERB", "AUX") for t in content)
    if clauses and any(t.head.lower_ == "for" for t in roots):
        return False  # a demand, spelt out: "called for more spending on schools that ..."
    # phrases trailing the object ("... at the rally") hang on the cue too
    return any(t.dep_ == "pobj" for t in roots) and all(t.dep_ in TOPIC_DEPS for t in roots)


def demanded(cue: Token, content: list[Token], demand: frozenset[str]) -> bool:
    """'called for a ban on imports', 'warned of a recession', 'pointed to the jobs report':
    the object of one of these pairs is what the words asked for, warned of or pointed to,
    not a topic. Not when a thing does it: "the pipelines pointed to the heart of the old
    Soviet Union"."""
    if any(c.dep_ == "nsubj" and a_thing(c) for c in cue.children):
        return False
    prepositions = {t.head for t in roots_of(content) if t.dep_ == "pobj"}
    pairs = {f"{cue.lemma_.lower()} {p.lower_}" for p in prepositions if p.head == cue}
    return bool(pairs & demand)


def a_noun_only(content: list[Token], speech: frozenset[str]) -> bool:
    """'highlighted the delays', 'discussed the files that the panel had asked for': a noun
    phrase however long its clauses, with nothing quoted, no clause of its own, and not a
    noun of speech, which may hold what was said ("highlighted his message that ...")."""
    if not content or quoted_words(content):
        return False
    roots = roots_of(content)
    if any(c.dep_ in ("acl", "ccomp") and that_marked(c) for t in roots for c in t.children):
        return False  # "expressed concern that the policy could lead to fraud"
    if any(t.lower_ == "as" and t.dep_ == "prep" for t in content):
        return False  # "mentioned China as a possible suspect": a claim about it
    nouns = [t for t in roots if t.pos_ in ("NOUN", "PROPN", "PRON")]
    trailing = all(t in nouns or t.dep_ in TOPIC_DEPS or purpose(t) for t in roots)
    return bool(nouns) and trailing and not any(t.lemma_.lower() in speech for t in nouns)


def roots_of(content: list[Token]) -> list[Token]:
    """The content's words that hang on a word outside it (or on none), punctuation aside."""
    return [t for t in content if (t.head not in content or t.head.i == t.i) and not t.is_punct]


def quoted_words(content: list[Token]) -> bool:
    """Whether the content quotes someone's words: a quotation that is no short title."""
    return any(t.is_quote for t in content) and not titled(content)


def purpose(token: Token) -> bool:
    """'... to help give context': an infinitive saying what for, trailing the object."""
    return token.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def titled(content: list[Token]) -> bool:
    """Whether every quotation in the content is a title, no one's words: a run of capitalised
    words (`titles.title_like`: "the "Steve Harvey Morning Show"") or a short capitalised or
    numeric one ("the issue of incarceration in "13th"", "her film "Selma"")."""
    marks = [t for t in content if t.is_quote]
    pairs = list(zip(marks[::2], marks[1::2], strict=False))
    if len(marks) % 2 or not pairs:
        return False
    return all(title_like(inner.text) or short_title(inner) for inner in quoted_runs(pairs))


def quoted_runs(pairs: list[tuple[Token, Token]]) -> list[Span]:
    return [start.doc[start.i + 1 : end.i] for start, end in pairs]


def short_title(inner: Span) -> bool:
    return 0 < len(inner) <= 3 and (inner[0].text[:1].isupper() or inner[0].like_num)
