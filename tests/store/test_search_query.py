"""The search query language (store/query.py): how a search box's text is read, and what the
two backends are given for it."""

from __future__ import annotations

import random

import pytest

from presslens.store.query import MAX_TERMS, STOP_WORDS, fts5, parse, tsquery

READINGS = [
    # (typed, understood: the query as parsed, shown in its own syntax)
    ("harbour budget", "harbour budget"),
    ('"harbour budget" cost', '"harbour budget" cost'),
    ("tax OR levy council", "tax OR levy council"),
    ("tax OR levy OR duty", "tax OR levy OR duty"),
    ("Clinton -health", "Clinton -health"),
    ('Clinton -"health care"', 'Clinton -"health care"'),
    ("\u201cbudget cut\u201d", '"budget cut"'),  # curly quotes from a word processor
    ("O'Brien well-known U.S.", "O'Brien well-known U.S."),
    # hostile or stray syntax is text
    ('"obama', "obama"),  # unbalanced quote: dropped
    ('taxes" OR ""="', "taxes"),
    ("- taxes --", "taxes"),  # lone dashes are nothing
    ("OR taxes OR", "taxes"),  # OR with no term on one side
    ("taxes OR -rise", "taxes -rise"),
    ("NEAR(taxes rise)", "NEAR(taxes rise)"),
    ("taxes* body:rise", "taxes* body:rise"),
    ("taxes AND NOT rise", "taxes rise"),  # common words, not operators
    ("(war) & | ! :*", "(war)"),
    ("a\x00b", "a\x00b"),
    ("the harbour of the city", "harbour city"),
    ("taxes taxes TAXES", "taxes"),
    # exclusions only: searched as words
    ("-taxes", "taxes"),
    ('-"harbour budget" -cost', '"harbour budget" cost'),
    ("", ""),
    ("the of", ""),
    ("the -taxes", "-taxes"),  # a word to find was typed: the exclusion stays
]


@pytest.mark.parametrize(("typed", "understood"), READINGS)
def test_reading(typed: str, understood: str) -> None:
    assert parse(typed).shown() == understood


def test_common_words_are_reported() -> None:
    assert parse("the harbour of the city").ignored == ("the", "of")
    assert parse('"the of"').ignored == ("the of",)


def test_or_binds_the_terms_beside_it() -> None:
    query = parse("council tax OR levy -duty")
    assert [[t.text for t in group] for group in query.groups] == [["council"], ["tax", "levy"]]
    assert [t.text for t in query.excluded] == ["duty"]


def test_any_word_is_the_looser_query() -> None:
    wider = parse('"harbour budget" cost -tax').any_word()
    assert wider is not None and wider.shown() == "harbour OR budget OR cost -tax"
    assert parse("harbour").any_word() is None
    assert parse("harbour OR budget").any_word() is None


COMPILED = [
    # (typed, FTS5 MATCH, tsquery expression, its parameters)
    ("tax", '("tax")', "(phraseto_tsquery('english', ?))", ["tax"]),
    (
        'tax OR "budget cut" -health',
        '(("tax" OR "budget cut")) NOT ("health")',
        "((phraseto_tsquery('english', ?) || phraseto_tsquery('english', ?))) "
        "&& !!(phraseto_tsquery('english', ?))",
        ["tax", "budget cut", "health"],
    ),
    ("well-known U.S.", '("well known") AND ("U S")', None, ["well known", "U.S."]),
    ('NEAR("of the")', '("NEAR")', None, ["NEAR("]),  # "of the": common words only
]


@pytest.mark.parametrize(("typed", "match", "expression", "params"), COMPILED)
def test_compiled(typed: str, match: str, expression: str | None, params: list[str]) -> None:
    query = parse(typed)
    assert fts5(query) == match
    compiled, values = tsquery(query)
    assert values == params
    if expression is not None:
        assert compiled == expression


def test_compiled_forms_hold_no_user_text_as_syntax() -> None:
    rng = random.Random(3)
    alphabet = "ab -\"'()*:^&|!<>\\;%_NEAROT\u201c\u201d\x00\ud800\u00e9 \t\n"
    for _ in range(2000):
        typed = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        query = parse(typed)
        if not query:
            continue
        match = fts5(query)
        # FTS5: only quoted strings of letters and digits, and our own operators between them
        outside = "".join(match.split('"')[0::2])
        assert set(outside) <= set("()ANDORT "), (typed, match)
        expression, params = tsquery(query)
        assert expression.count("?") == len(params)
        assert all(any(ch.isalnum() for ch in param) for param in params)


def test_the_number_of_terms_is_bounded() -> None:
    query = parse(" ".join(f"word{n}" for n in range(100)))
    assert len(query.groups) == MAX_TERMS


def test_common_words_are_common_to_postgresql(postgres_url: str) -> None:
    """Leaving a word out on both backends agrees with PostgreSQL only if it ignores it too."""
    import psycopg

    with psycopg.connect(postgres_url) as connection:
        kept = [
            word
            for word in sorted(STOP_WORDS)
            if connection.execute("SELECT to_tsvector('english', %s) <> ''", (word,)).fetchone()[0]
        ]
    assert kept == []
