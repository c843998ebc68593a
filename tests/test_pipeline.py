"""`analyse_many`: the batch path parses many articles at once and must match `analyse()`."""

from collections.abc import Iterator

import pytest

from presslens import nlp, pipeline
from presslens.ingest import load
from presslens.settings import Settings

ARTICLES = [
    "Port strike ends\n\nDock workers in Rotterdam voted on Monday to end a nine-day strike, "
    'the union said. "We won a 6% raise," said its leader, Anna de Vries.',
    "Rain again\n\nIt rained for the 12th day in a row.\nThe council said 40 streets flooded.",
    "Short note\n\nNothing much happened.",
]


def comparable(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in ("created", "analysed_at")}


def loaded() -> list:
    return [load(text, settings=Settings()) for text in ARTICLES]


def test_batch_parse_gives_the_same_dossiers_as_one_by_one() -> None:
    one_by_one = [comparable(pipeline.analyse(text).to_dict()) for text in ARTICLES]
    together = list(pipeline.analyse_many(loaded()))
    assert [comparable(d.to_dict()) for d in together] == one_by_one
    assert any(d.quotes for d in together) and any(d.figures for d in together)


def test_a_failed_batch_parse_falls_back_to_one_parse_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = nlp.parse_many

    def broken(texts: list[str], settings: Settings | None = None) -> Iterator:
        texts = list(texts)
        if len(texts) > 1:  # a batch fails; one text at a time (nlp.parse) still works
            raise MemoryError("batch too big")
        yield from real(texts, settings)

    monkeypatch.setattr(nlp, "parse_many", broken)
    results = list(pipeline.analyse_many(loaded()))
    assert [r.article.title for r in results] == ["Port strike ends", "Rain again", "Short note"]


def test_an_article_that_fails_is_returned_as_its_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = pipeline.analyse_parsed

    def fussy(article, doc, **kw):
        if "rained" in article.text:
            raise ValueError("cannot analyse this one")
        return real(article, doc, **kw)

    monkeypatch.setattr(pipeline, "analyse_parsed", fussy)
    results = list(pipeline.analyse_many(loaded()))
    assert isinstance(results[1], ValueError)
    assert results[0].article.title == "Port strike ends" and results[2].warnings == ()


class RecordingModel:
    """The real spaCy model, noting the size of every batch it is asked to parse."""

    def __init__(self, model: object) -> None:
        self.model = model
        self.batches: list[int] = []

    def pipe(self, docs: list, batch_size: int) -> Iterator:
        self.batches.append(len(docs))
        return self.model.pipe(docs, batch_size=batch_size)

    def __getattr__(self, name: str) -> object:
        return getattr(self.model, name)


def test_batches_hold_at_most_the_token_budget_and_a_long_text_goes_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recording = RecordingModel(nlp.get_model())
    monkeypatch.setattr(nlp.parser, "get_model", lambda settings=None: recording)
    texts = ["one two three", "four five", "six " * 20, "seven"]
    parsed = list(nlp.parse_many(texts, batch_tokens=6))
    assert recording.batches == [2, 1, 1]
    assert [d.text for d in parsed] == texts and all(d.has_annotation("DEP") for d in parsed)


def test_an_article_over_the_piece_ceiling_gets_the_same_dossier_in_a_batch() -> None:
    settings = Settings(parse_piece_chars=100, analysis_seconds=0)  # no time limit: no cut
    articles = [load(text, settings=settings) for text in ARTICLES]
    assert not nlp.fits_one_piece(articles[0].text, settings)
    one_by_one = [comparable(pipeline.analyse(a, settings=settings).to_dict()) for a in articles]
    together = list(pipeline.analyse_many(articles, settings=settings))
    assert [comparable(d.to_dict()) for d in together] == one_by_one


def test_the_encoder_started_during_the_parse_is_the_one_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = nlp.encode_sentences

    def counted(text: str, spans: list) -> nlp.SentenceVectors:
        calls.append(len(spans))
        return real(text, spans)

    monkeypatch.setattr(nlp, "encode_sentences", counted)
    article = loaded()[0]
    dossier = pipeline.analyse(article)
    assert dossier.models == "accurate" and calls == [len(dossier.sentences)]


def test_an_early_encoding_of_other_sentences_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    real_start = pipeline.EarlyVectors.start

    def wrong(self: pipeline.EarlyVectors, doc: object) -> None:
        real_start(self, doc)
        self.spans = self.spans[:1]  # as if the sentences changed after the parser

    article = loaded()[0]
    before = pipeline.analyse(article).to_dict()
    monkeypatch.setattr(pipeline.EarlyVectors, "start", wrong)
    assert comparable(pipeline.analyse(article).to_dict()) == comparable(before)
