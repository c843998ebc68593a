"""`pipeline.EarlyText`: in fast mode the claims model's text cues and the figures' first pass
are read in a thread during the parse, and the stages take them only when they read the very
sentences and text the stages see."""

import threading

import pytest

from presslens import pipeline
from presslens.ingest import load
from presslens.settings import Settings
from presslens.stages.claims import checkworthy
from presslens.stages.claims import stage as claims_stage
from presslens.stages.figures import stage as figures_stage

FAST = Settings(models="fast", analysis_seconds=0)
TEXT = (
    "Port strike ends\n\nDock workers in Rotterdam voted on Monday to end a nine-day strike, "
    'the union said. "We won a 6% raise," said its leader, Anna de Vries. Prices rose 3% in '
    "2024, and the port handled 440 million tonnes."
)


def comparable(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in ("created", "analysed_at")}


def threads_calling(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The names of the threads that read the claims' text cues and the figures' first pass."""
    seen: dict[str, list[str]] = {"cues": [], "figures": []}
    cues, figures = checkworthy.read_text_cues, figures_stage.read_figures

    def read_cues(sentences: list[str]) -> checkworthy.TextCues:
        seen["cues"].append(threading.current_thread().name)
        return cues(sentences)

    def read_figures(text: str, **kw: bool) -> tuple:
        seen["figures"].append(threading.current_thread().name)
        return figures(text, **kw)

    monkeypatch.setattr(checkworthy, "read_text_cues", read_cues)
    monkeypatch.setattr(claims_stage, "read_text_cues", read_cues)
    monkeypatch.setattr(figures_stage, "read_figures", read_figures)
    return seen


def test_fast_mode_reads_the_words_once_during_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = threads_calling(monkeypatch)
    dossier = pipeline.analyse(TEXT, settings=FAST)
    assert dossier.models == "fast" and dossier.claims and dossier.figures
    assert seen == {"cues": ["presslens-ahead"], "figures": ["presslens-ahead"]}


def test_the_early_reading_gives_the_dossier_of_a_reading_after_the_parse() -> None:
    article = load(TEXT, settings=FAST)
    early = pipeline.analyse(article, settings=FAST)
    doc = pipeline.parse_within(article.text, FAST, pipeline.nlp.Deadline.of(0))
    after = pipeline.analyse_parsed(article, doc, settings=FAST)  # no early reading
    assert comparable(early.to_dict()) == comparable(after.to_dict())


def test_a_reading_of_other_sentences_or_text_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def elsewhere(article: pipeline.Article, sentences: tuple) -> pipeline.TextReadings:
        other = load("Another text.\n\nIt has 12 sheep and 3 goats, said the farmer.")
        return pipeline.TextReadings(
            claims_stage.text_cues(other, (pipeline.Span(0, 13),)),
            figures_stage.read_text(other.text),
        )

    article = load(TEXT, settings=FAST)
    before = comparable(pipeline.analyse(article, settings=FAST).to_dict())
    monkeypatch.setattr(pipeline, "read_words", elsewhere)
    seen = threads_calling(monkeypatch)
    assert comparable(pipeline.analyse(article, settings=FAST).to_dict()) == before
    read_again = ["presslens-ahead", "MainThread"]  # the other text ahead, then this one
    assert seen == {"cues": read_again, "figures": read_again}


def test_a_failed_early_reading_leaves_the_stages_to_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article: pipeline.Article, sentences: tuple) -> pipeline.TextReadings:
        raise RuntimeError("no reading")

    article = load(TEXT, settings=FAST)
    before = comparable(pipeline.analyse(article, settings=FAST).to_dict())
    monkeypatch.setattr(pipeline, "read_words", broken)
    after = pipeline.analyse(article, settings=FAST)
    assert comparable(after.to_dict()) == before and not after.warnings


def test_accurate_mode_reads_no_words_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = threads_calling(monkeypatch)
    pipeline.analyse(TEXT, settings=Settings(analysis_seconds=0))
    assert seen["cues"] == [] and "presslens-ahead" not in seen["figures"]
