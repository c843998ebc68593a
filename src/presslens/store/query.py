"""The search box's query language: parsed once here, compiled for SQLite FTS5 and PostgreSQL.

    harbour budget            every word, anywhere in the piece, in any order
    "harbour budget"          the words side by side, in this order (a phrase)
    budget OR tax             either one (OR in capitals; it joins the terms on each side)
    -health  -"health care"   without this word or phrase

Nothing else is syntax, on either backend: parentheses, *, column:, NEAR, AND, NOT, & and | are
text, so the words in them are searched and the rest is dropped. An unbalanced quote mark is
dropped (what follows it is plain words), a lone - is nothing, an OR with no term on one side is
the common word "or". A word joined to the next by punctuation ("O'Brien", "well-known", "U.S.")
is searched as a phrase of its parts, as both backends index it.

Common words ("the", "of"; `STOP_WORDS`) are left out of the query and reported in `ignored`:
PostgreSQL's english configuration never indexes them while SQLite's FTS5 does, so keeping them
would make SQLite require them and PostgreSQL ignore them. Inside a phrase they stay (SQLite
then wants them in place; PostgreSQL wants any one word there).

A query of exclusions only ("-taxes") has nothing to exclude from: its terms are searched as
words, as they would be if the dash were a typo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")  # letters and digits: what both backends' tokenizers keep
INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
QUOTES = '"\u201c\u201d\u201e'  # straight and curly double quotes
MAX_TERMS = 24
MAX_PHRASE_WORDS = 16

# Common English words that PostgreSQL's english configuration does not index (each is checked
# against the server in tests/store/test_search_query.py). A word PostgreSQL ignores that is not
# here is still required by SQLite.
STOP_WORDS = frozenset(
    """
    a an the and or but if of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once here there
    when where why how all any both each few more most other some such no nor not only own same so
    than too very can will just should now i me my myself we our ours ourselves you your yours
    yourself yourselves he him his himself she her hers herself it its itself they them their
    theirs themselves what which who whom this that these those am is are was were be been being
    have has had having do does did doing as until while because
    """.split()
)


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query. `text` is as typed (less quotes and dash): PostgreSQL parses
    it the way it parsed the documents; `words` are its letters-and-digits runs, for FTS5."""

    text: str
    words: tuple[str, ...]
    quoted: bool = False

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(word.casefold() for word in self.words)

    def shown(self) -> str:
        return f'"{self.text}"' if self.quoted else self.text

    def pg_text(self) -> str:
        # "well-known" as "well known": PostgreSQL indexes the parts of a hyphenated word at
        # their own positions, so the phrase of parts finds both spellings, as it does on FTS5.
        return INNER_HYPHEN.sub(" ", self.text)


@dataclass(frozen=True)
class Query:
    """Every group must match (a group is one term, or terms joined by OR); no excluded term
    may. Falsy when there is nothing to search for."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    ignored: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    def words(self) -> list[str]:
        """The distinct words of the terms to find, in order (case-folded)."""
        seen: dict[str, None] = {}
        for group in self.groups:
            for term in group:
                seen.update((w, None) for w in term.key if w not in STOP_WORDS)
        return list(seen)

    def any_word(self) -> Query | None:
        """The looser query: any one of the words, with the same exclusions; None when it
        would find nothing more than this one does."""
        words = self.words()
        simple = len(self.groups) == 1 and all(len(t.words) == 1 for t in self.groups[0])
        if len(words) < 2 or simple:
            return None
        group = tuple(Term(word, (word,)) for word in words)
        return Query((group,), self.excluded, self.ignored)

    def shown(self) -> str:
        """The query as understood, in the syntax it was typed in."""
        parts = [" OR ".join(term.shown() for term in group) for group in self.groups]
        parts += ["-" + term.shown() for term in self.excluded]
        return " ".join(parts)


@dataclass(frozen=True)
class Token:
    text: str
    negated: bool = False
    quoted: bool = False


OR = Token("OR")


def tokens(text: str) -> list[Token]:
    """The query's pieces: quoted phrases, runs of other characters, and OR."""
    found: list[Token] = []
    at, end = 0, len(text)
    while at < end:
        char = text[at]
        if char.isspace():
            at += 1
            continue
        negated = char == "-" and at + 1 < end and starts_term(text[at + 1])
        if negated:
            at += 1
            char = text[at]
        if char in QUOTES:
            close = next((i for i in range(at + 1, end) if text[i] in QUOTES), -1)
            if close >= 0:
                found.append(Token(text[at + 1 : close], negated, quoted=True))
                at = close + 1
            else:
                at += 1  # an unbalanced quote mark: what follows is plain words
            continue
        stop = at
        while stop < end and not text[stop].isspace() and text[stop] not in QUOTES:
            stop += 1
        piece = text[at:stop]
        found.append(OR if piece == "OR" and not negated else Token(piece, negated))
        at = stop
    return found


def starts_term(char: str) -> bool:
    return char in QUOTES or bool(WORD.match(char))


def term_of(token: Token) -> Term | None:
    words = tuple(WORD.findall(token.text))[:MAX_PHRASE_WORDS]
    if not words:
        return None
    text = token.text.strip() if token.quoted else token.text
    if len(words) == MAX_PHRASE_WORDS:
        text = " ".join(words)  # cut at the word limit, on both backends alike
    return Term(text, words, token.quoted)


def parse(text: str) -> Query:
    """The query a search box's text asks for (see the module's docstring); never fails."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    ignored: list[str] = []
    seen: set[tuple[bool, tuple[str, ...]]] = set()
    typed_positive = False
    joining = False  # an OR came right after a term to find
    previous_positive = False
    for token in tokens(text):
        if token is OR:
            joining = previous_positive
            continue
        term = term_of(token)
        typed_positive = typed_positive or (term is not None and not token.negated)
        if term is None or all(word in STOP_WORDS for word in term.key):
            if term is not None:
                ignored.append(term.text)
            continue  # a dropped term leaves an OR before it joining the next one
        if (token.negated, term.key) in seen or len(seen) >= MAX_TERMS:
            continue
        seen.add((token.negated, term.key))
        if token.negated:
            excluded.append(term)
            joining = previous_positive = False
            continue
        if joining and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining, previous_positive = False, True
    if not groups and not typed_positive:
        groups, excluded = [[term] for term in excluded], []
    return Query(tuple(tuple(g) for g in groups), tuple(excluded), tuple(dict.fromkeys(ignored)))


# --- compiled forms ---------------------------------------------------------------------------


def fts5_string(term: Term) -> str:
    # An FTS5 string is a phrase of its tokens, never syntax; words hold no quote to double.
    return '"' + " ".join(term.words) + '"'


def fts5(query: Query) -> str:
    """The FTS5 MATCH expression of a non-empty query."""
    found = " AND ".join(
        "(" + " OR ".join(fts5_string(term) for term in group) + ")" for group in query.groups
    )
    if not query.excluded:
        return found
    return f"({found}) NOT ({' OR '.join(fts5_string(term) for term in query.excluded)})"


TSQUERY_TERM = "phraseto_tsquery('english', ?)"


def tsquery(query: Query) -> tuple[str, list[str]]:
    """A PostgreSQL tsquery expression of a non-empty query and its parameters: each term is
    parsed by phraseto_tsquery (a common word in it becomes a gap, all common words nothing), so
    no user text is ever tsquery syntax."""
    params: list[str] = []

    def either(terms: tuple[Term, ...]) -> str:
        params.extend(term.pg_text() for term in terms)
        return "(" + " || ".join(TSQUERY_TERM for _ in terms) + ")"

    found = " && ".join(either(group) for group in query.groups)
    if query.excluded:
        found = f"({found}) && !!{either(query.excluded)}"
    return found, params
