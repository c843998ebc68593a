"""The quotes stage: pairing of quotation marks, the cue lexicon, and who said what."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from presslens.model import Article, Span
from presslens.stages.quotes_lexicon import load_lexicon, parse_lexicon
from presslens.stages.quotes_marks import find_quoted, find_single_quoted

SHOWCASE = Path(__file__).resolve().parents[3] / "shared" / "articles" / "imperialists-peace.txt"


# --- quotation marks, no model needed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "warns"),
    [
        (
            "“We will win,” he said, “whatever it takes.”",
            ["“We will win,”", "“whatever it takes.”"],
            0,
        ),
        ('She said "no" twice.', ['"no"'], 0),
        # a quotation over two paragraphs: no closing mark until the second
        ("He said: “One.\n\n“Two.”\n\nDone.", ["“One.\n\n“Two.”"], 0),
        # a mark typed the wrong way round still opens by its position
        ("He explained: ”Mind the gap.”", ["”Mind the gap.”"], 0),
        # nested marks stay inside the outer quotation
        (
            '"The question was “why?” and nobody knew."',
            ['"The question was “why?” and nobody knew."'],
            0,
        ),
        # a stray opening mark: the inner pair is kept, the stray ignored
        ("cut back to “a more “modest plan” to train.", ["“modest plan”"], 1),
        # a stray closing mark
        ("It says the figure rose.” Then more.", [], 1),
        # left open: closed at the end of its paragraph
        ("He said “we will win.\n\nNext paragraph.", ["“we will win."], 1),
        ("", [], 0),
        ('"', [], 1),
    ],
)
def test_find_quoted(text: str, expected: list[str], warns: int) -> None:
    found, warnings = find_quoted(text)
    assert [q.span.of(text) for q in found] == expected
    assert len(warnings) == warns


def test_multi_paragraph_quote_counts_paragraphs() -> None:
    text = "“One.\n\n“Two.\n\n“Three.”"
    (quoted,), _ = find_quoted(text)
    assert quoted.paragraphs == 3 and quoted.span == Span(0, len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ‘peace’ deal", ["‘peace’"]),
        ("Ukraine’s ‘best’ offer", ["‘best’"]),
        ("Putin’s and Trump’s plans", []),
    ],
)
def test_find_single_quoted(text: str, expected: list[str]) -> None:
    assert [s.of(text) for s in find_single_quoted(text)] == expected


def test_lexicon_loads_every_section() -> None:
    lexicon = load_lexicon()
    assert {"say", "argue", "warn"} <= lexicon.clause
    assert {"claim", "boast"} <= lexicon.nouns
    assert "want" in lexicon.intent and "show" in lexicon.document
    assert "call for" in lexicon.preposition


@pytest.mark.parametrize(
    ("raw", "error"),
    [("say\n", "before any"), ("[verbs]\nsay\n", "unknown section")],
)
def test_lexicon_errors_name_the_problem(raw: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_lexicon(raw)


# --- with the spaCy model ----------------------------------------------------------------------


def run(text: str):
    from presslens import nlp
    from presslens.stages.entities import find_actors
    from presslens.stages.quotes import find_quotes

    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text))
    article = Article(text=text, paragraphs=paragraphs, language="en")
    doc = nlp.parse(text)
    actors = find_actors(article, doc)
    quotes, terms, warnings = find_quotes(article, doc, actors)
    names = {a.id: a.name for a in actors}
    return quotes, terms, warnings, names


@pytest.mark.parametrize(
    ("text", "kind", "speaker", "content"),
    [
        (
            "“We will win,” Maria Lopez said, “whatever it takes.”",
            "direct",
            "Maria Lopez",
            "“We will win,” Maria Lopez said, “whatever it takes.”",
        ),
        (
            "The minister Anna Berg said that the budget would be cut next year.",
            "indirect",
            "The minister Anna Berg",
            "that the budget would be cut next year",
        ),
        (
            "According to the ministry, exports fell sharply last year.",
            "indirect",
            "the ministry",
            "exports fell sharply last year",
        ),
        (
            "Senator Jones argued that the bill was “a disgrace to the whole chamber” on Monday.",
            "mixed",
            "Senator Jones",
            "that the bill was “a disgrace to the whole chamber” on Monday",
        ),
    ],
)
def test_who_said_what(text: str, kind: str, speaker: str, content: str) -> None:
    quotes, _terms, _warnings, _names = run(text)
    assert len(quotes) == 1
    (quote,) = quotes
    assert (quote.kind, quote.speaker, quote.span.of(text)) == (kind, speaker, content)
    assert quote.speaker_span is not None and quote.speaker_span.of(text) == speaker


def test_pronoun_speaker_resolves_to_earlier_person() -> None:
    text = "Maria Lopez visited the factory on Monday.\n\n“We will keep every job here,” she said."
    quotes, _terms, _warnings, names = run(text)
    (quote,) = quotes
    assert quote.speaker == "she" and names[quote.speaker_actor_id] == "Maria Lopez"


def test_scare_quotes_are_terms_not_quotes() -> None:
    text = "The so-called “peace plan” was met with “disbelief” in the capital."
    quotes, terms, _warnings, _names = run(text)
    assert quotes == ()
    assert [t.text for t in terms] == ["peace plan", "disbelief"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "”” “ ” “",
        '"He said "what" and "why',
        "“Open quote that never closes\n\nand a paragraph\n\n“and another",
        "said said said: “ ” “”",
        "\n\n\n",
        "“" * 200,
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    quotes, _terms, warnings, _names = run(text)
    for quote in quotes:
        assert 0 <= quote.span.start <= quote.span.end <= len(text)
    assert all(w.stage == "quotes" for w in warnings)


@pytest.mark.skipif(not SHOWCASE.exists(), reason="../shared is absent")
def test_showcase_acceptance() -> None:
    """Every direct quotation of the showcase has the right speaker; reported statements are
    indirect; no scare-quoted term is a quote."""
    from presslens import nlp
    from presslens.ingest import load
    from presslens.stages.entities import find_actors
    from presslens.stages.quotes import find_quotes

    article = load(SHOWCASE)
    doc = nlp.parse(article.text)
    actors = find_actors(article, doc)
    quotes, terms, _warnings = find_quotes(article, doc, actors)
    text = article.text
    names = {a.id: a.name for a in actors}

    def quote_with(fragment: str):
        found = [q for q in quotes if fragment in q.span.of(text)]
        assert found, f"no quote holds {fragment!r}"
        return found[0]

    def who(quote) -> str:
        return names.get(quote.speaker_actor_id) or quote.speaker or ""

    expected_direct = [
        ("divvy up", "Trump"),
        ("Seizing the remainder of Donetsk", "ISW"),
        ("Our troops have the strategic initiative", "Putin"),
        ("defend the Russian speaking population", "Lavrov"),
        ("Each day it becomes more and more evident", "Dugin"),
        ("For security guarantees to offer", "Director of the Minsk Dialogue Council"),
    ]
    for fragment, speaker in expected_direct:
        quote = quote_with(fragment)
        assert quote.kind in ("direct", "mixed"), fragment
        assert speaker in who(quote), (fragment, who(quote))

    expected_indirect = [
        ("Russian fossil fuel export revenues", "CREA"),
        ("EU imports of Russian fossil fuels", "CREA"),
        ("will get him a place in heaven", "Trump"),
        ("no US troops will participate", "Trump"),
        ("all US and EU sanctions are lifted", "Kremlin"),
        ("a task for the UN Security Council", "Kremlin"),
    ]
    for fragment, speaker in expected_indirect:
        quote = quote_with(fragment)
        assert quote.kind == "indirect", fragment
        assert speaker in who(quote), (fragment, who(quote))

    quoted_texts = [q.span.of(text) for q in quotes if q.kind != "indirect"]
    term_texts = {t.text for t in terms}
    scare_quoted = ("the bottom line", "Coalition of the willing", "no limits", "wokeness")
    for term in (*scare_quoted, "respect", "black-hundred", "swapping of territories"):
        assert term in term_texts
        assert not any(f"“{term}”" in quoted for quoted in quoted_texts), term
    # the second "divvy up", with no speaker near it, is an echo: a term
    assert sum(q.span.of(text).strip("“”") == "divvy up" for q in quotes) == 1
