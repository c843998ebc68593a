"""One article's analysis stays bounded whatever the input: long texts are parsed in pieces with
exact offsets, punctuation runs and long chunks are tokenized in linear time, a time limit
stops the parse and the stages, and the dossier says what was cut. Also: terminal control
characters never reach the Markdown summary, and a page nested past libxml2's depth limit keeps
its text. The big inputs are measured in bench/hostile.py, not here."""

from __future__ import annotations

import time

import pytest

from presslens import nlp, pipeline
from presslens.ingest import load
from presslens.model import Dossier, StageWarning
from presslens.nlp import pieces
from presslens.nlp.deadline import Deadline, TimeLimit
from presslens.render.markdown import render_markdown
from presslens.settings import Settings

pytestmark = pytest.mark.hostile

SENTENCES = (
    "The harbour reopened on Monday, the mayor said. Ferries ran {n} times a day. "
    '"We are back," said Anna de Vries of the ferry union. Prices rose by {n}% in May. '
)


def article_of(paragraphs: int, repeat: int = 2) -> str:
    """Distinct paragraphs (ingest drops repeated ones)."""
    body = [SENTENCES.format(n=n + 2) * repeat for n in range(paragraphs)]
    return "Harbour news\n\n" + "\n\n".join(body) + "\n"


def messages(dossier: Dossier, stage: str | None = None) -> list[str]:
    return [w.message for w in dossier.warnings if stage is None or w.stage == stage]


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        ("short text", 100, [(0, 10)]),
        ("aaaa\nbbbb\ncccc\n", 10, [(0, 10), (10, 15)]),  # at the paragraph break
        ("One. Two three. Four five six.", 20, [(0, 16), (16, 30)]),  # after a sentence end
        ("one two three four five", 10, [(0, 8), (8, 14), (14, 23)]),  # after a space
        ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),  # nowhere better: anywhere
    ],
)
def test_char_pieces_cut_at_the_best_boundary(
    text: str, max_chars: int, expected: list[tuple[int, int]]
) -> None:
    assert pieces.char_pieces(text, max_chars) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words here", [(0, 16, False)]),
        ('say "' + '"' * 20 + " now", [(0, 4, False), (4, 26, True), (26, 29, False)]),
        ("a" * 450, [(0, 200, False), (200, 400, False), (400, 450, False)]),
        ("*" * 15, [(0, 15, False)]),  # shorter than a run
    ],
)
def test_segments_split_runs_and_long_chunks(
    text: str, expected: list[tuple[int, int, bool]]
) -> None:
    assert pieces.segments(text) == expected


def test_a_text_over_the_ceiling_is_parsed_in_pieces_with_exact_offsets() -> None:
    text = article_of(12)
    doc = nlp.parse(text, Settings(parse_piece_chars=2000))
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert doc.has_annotation("DEP") and len(doc.ents) > 0
    assert nlp.model_id_of(doc) is not None
    whole = nlp.parse(text)  # under the default ceiling: one piece
    assert [t.text for t in doc] == [t.text for t in whole]


@pytest.mark.parametrize(
    "hostile",
    [
        '"' * 20_000,  # quadratic in spaCy's tokenizer: 8,000 took 10 s
        "'s" * 8_000,  # a chunk of suffixes
        "(" * 5_000 + "x" + ")" * 5_000,
    ],
)
def test_punctuation_runs_and_long_chunks_tokenize_in_linear_time(hostile: str) -> None:
    text = f"Title\n\nThe mayor said {hostile} and left.\n"
    started = time.perf_counter()
    doc = nlp.prepare(text)
    assert time.perf_counter() - started < 3
    assert doc.text == text
    assert len(doc) < 10_000


def test_a_run_of_quotation_marks_is_one_token_and_a_warning() -> None:
    dossier = pipeline.analyse("Title\n\n" + 'He said "no". ' + '"' * 20_000 + "\n")
    assert any("punctuation characters read as one token" in m for m in messages(dossier))
    assert any("run of 20000 quotation marks" in m for m in messages(dossier))


def test_the_time_limit_cuts_the_parse_and_says_so() -> None:
    text = article_of(150)
    settings = Settings(parse_piece_chars=1000, analysis_seconds=3)
    dossier = pipeline.analyse(text, settings=settings)
    [cut] = [m for m in messages(dossier, "parse") if "time limit" in m]
    analysed = int(cut.split("the first ")[1].split(" of")[0].replace(",", ""))
    assert 0 <= analysed < len(dossier.article.text)
    assert dossier.article.text == load(text).text  # the dossier keeps the whole text
    assert all(s.end <= analysed for s in dossier.sentences)


def test_a_long_text_is_analysed_up_to_a_paragraph_break_before_the_size_limit() -> None:
    text = article_of(30)
    settings = Settings(max_analysed_chars=2000, analysis_seconds=0)
    dossier = pipeline.analyse(text, settings=settings)
    [cut] = messages(dossier, "parse")
    assert "the analysis reads at most 2,000 characters" in cut
    end = max(s.end for s in dossier.sentences)
    assert 1000 < end <= 2000 and dossier.article.text[end] == "\n"
    assert dossier.quotes and all(q.span.end <= end for q in dossier.quotes)


def test_a_stage_that_overruns_is_stopped_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(*args: object, **kwargs: object) -> tuple:
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # noqa: BLE001, S112 - a stage's own catch-all must not hold it
                continue

    monkeypatch.setattr(pipeline, "find_figures", endless)
    started = time.perf_counter()
    dossier = pipeline.analyse(article_of(2), settings=Settings(analysis_seconds=4))
    assert time.perf_counter() - started < 8
    assert any(m.startswith("stopped after") for m in messages(dossier, "figures"))
    assert dossier.figures == ()
    assert dossier.actors  # the stages before it kept their results


def test_stages_with_no_time_left_are_skipped() -> None:
    runner = pipeline.StageRunner([], deadline=Deadline(0.0))
    assert runner("tone", (), lambda: ("never",)) == ()
    assert runner.warnings == [
        StageWarning("tone", "skipped: the article's time limit of 0 s had run out")
    ]


def test_a_block_that_ends_in_time_is_never_interrupted() -> None:
    with Deadline(0.3).enforced():
        pass
    time.sleep(0.5)  # the alarm was disarmed: nothing is raised here
    with pytest.raises(TimeLimit), Deadline(0.2).enforced():
        while True:
            pass


def test_a_long_text_in_a_batch_is_parsed_in_pieces() -> None:
    settings = Settings(parse_piece_chars=1500)
    texts = [article_of(1, 1), article_of(6)]
    docs = list(nlp.parse_many(texts, settings))
    assert [d.text for d in docs] == texts


def test_terminal_escapes_never_reach_the_markdown() -> None:
    dossier = pipeline.analyse("Port news\n\nThe port reopens on Monday, the harbour master said.")
    hostile = dossier.article.__class__(
        text=dossier.article.text, title="Port \x1b[2J\x1b]0;owned\x07news\x9b31m"
    )
    summary = render_markdown(Dossier(hostile))
    assert not any(ch in summary for ch in "\x1b\x07\x9b")
    assert "\\x1b[2J" in summary


def test_a_page_nested_past_the_parser_limit_keeps_its_text() -> None:
    paragraph = "<p>The harbour will reopen on Monday, the mayor said in a statement.</p>"
    page = (
        "<html><head><title>Harbour news</title></head><body><article>"
        + "<div>" * 3000
        + paragraph
        + "</div>" * 3000
        + "<p>After that the council met again to vote on the budget.</p></article></body></html>"
    )
    article = load(page.encode())
    assert "reopen on Monday" in article.text and "vote on the budget" in article.text
    assert any("nests its elements too deep" in w.message for w in article.warnings)
