"""`pipeline.EarlyPieces`: in fast mode the claims model's sentences are tokenized (WordLlama,
without the GIL) in a thread during the parse, and the claims stage takes the ids only for its
very sentences."""

import threading

import pytest

from presslens import pipeline
from presslens.ingest import load
from presslens.nlp import embeddings
from presslens.settings import Settings
from presslens.stages.claims.stage import body_sentences

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="wordllama not installed")
FAST = Settings(models="fast", analysis_seconds=0)
TEXT = (
    "Port strike ends\n\nDock workers in Rotterdam voted on Monday to end a nine-day strike, "
    'the union said. "We won a 6% raise," said its leader, Anna de Vries. Prices rose 3% in '
    "2024, and the port handled 440 million tonnes."
)


def comparable(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in ("created", "analysed_at")}


def tokenizing(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    """(number of texts, thread name) of each call of the WordLlama tokenizer."""
    calls: list[tuple[int, str]] = []
    real = embeddings.piece_ids

    def counted(texts: list[str]) -> list[list[int]]:
        calls.append((len(texts), threading.current_thread().name))
        return real(texts)

    monkeypatch.setattr(embeddings, "piece_ids", counted)
    return calls


def test_the_claims_sentences_are_tokenized_during_the_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = tokenizing(monkeypatch)
    dossier = pipeline.analyse(TEXT, settings=FAST)
    body = len(body_sentences(dossier.article, dossier.sentences))  # what the claims score
    assert dossier.models == "fast" and dossier.claims
    assert (body, "presslens-ahead") in calls and (body, "MainThread") not in calls


def test_the_dossier_is_that_of_a_tokenizing_after_the_parse() -> None:
    article = load(TEXT, settings=FAST)
    early = pipeline.analyse(article, settings=FAST)
    doc = pipeline.parse_within(article.text, FAST, pipeline.nlp.Deadline.of(0))
    after = pipeline.analyse_parsed(article, doc, settings=FAST)  # nothing read ahead
    assert comparable(early.to_dict()) == comparable(after.to_dict())


def test_ids_of_other_sentences_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    article = load(TEXT, settings=FAST)
    before = comparable(pipeline.analyse(article, settings=FAST).to_dict())
    monkeypatch.setattr(pipeline, "body_texts", lambda article, sentences: ["Other words."])
    calls = tokenizing(monkeypatch)
    assert comparable(pipeline.analyse(article, settings=FAST).to_dict()) == before
    assert calls[0] == (1, "presslens-ahead") and calls[1][1] == "MainThread"


def test_a_failed_tokenizing_ahead_leaves_it_to_the_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(texts: list[str]) -> embeddings.Pieces:
        raise RuntimeError("no tokenizer here")

    article = load(TEXT, settings=FAST)
    before = comparable(pipeline.analyse(article, settings=FAST).to_dict())
    monkeypatch.setattr(pipeline, "tokenized", broken)
    after = pipeline.analyse(article, settings=FAST)
    assert comparable(after.to_dict()) == before and not after.warnings


def test_accurate_mode_tokenizes_nothing_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = tokenizing(monkeypatch)
    pipeline.analyse(TEXT, settings=Settings(analysis_seconds=0))
    assert all(name == "MainThread" for _, name in calls)
