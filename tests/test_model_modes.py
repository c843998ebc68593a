"""The two modes of the models (Settings.models): accurate (the contextual encoder, the default)
and fast; the dossier says which ran, and one threshold decides what counts as a claim."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presslens import nlp, pipeline, score_checkworthiness
from presslens.errors import SettingsError
from presslens.settings import Settings, load_settings

TEXT = (
    "Harbour fees rise\n\n"
    "The port authority raised its fees by 12% in March, the third rise in two years. "
    "Shipping firms paid $40 million in fees last year, according to the authority's report. "
    "Good morning to all of you. "
    "What will the ferries do now? "
    'The harbour master, Mary Collins, said the rise was "long overdue" and blamed the storms. '
    "Critics called the decision reckless. "
    "Collins, who has run the harbour since 2019, said the authority needed the money."
)


def test_accurate_is_the_default_and_the_dossier_says_so() -> None:
    dossier = pipeline.analyse(TEXT)
    assert dossier.models == "accurate"
    assert dossier.to_dict()["models"] == "accurate"
    assert pipeline.analyse(TEXT, settings=Settings(models="fast")).models == "fast"


def test_accurate_claims_are_exactly_the_sentences_over_the_threshold() -> None:
    settings = Settings()
    dossier = pipeline.analyse(TEXT, settings=settings)
    body = list(dossier.sentences)  # the title is not in the text: every sentence is body
    scores = score_checkworthiness([s.of(dossier.article.text) for s in body])
    over = {s.start for s, score in zip(body, scores, strict=True) if score >= 0.5}
    assert {claim.span.start for claim in dossier.claims} == over
    assert over  # the fee rise and the report's figure at least
    for claim in dossier.claims:
        assert claim.score >= settings.claim_threshold
    assert not any("Good morning" in claim.text for claim in dossier.claims)


def test_a_higher_threshold_lists_fewer_claims() -> None:
    low = pipeline.analyse(TEXT, settings=Settings(claim_threshold=0.2))
    high = pipeline.analyse(TEXT, settings=Settings(claim_threshold=0.9))
    assert len(high.claims) < len(low.claims)
    assert all(claim.score >= 0.9 for claim in high.claims)


def test_an_encoder_that_fails_leaves_the_fast_models_and_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(text: str, spans: list) -> nlp.SentenceVectors:
        raise RuntimeError("no encoder here")

    monkeypatch.setattr(nlp, "encode_sentences", broken)
    dossier = pipeline.analyse(TEXT)
    assert dossier.models == "fast"
    assert any(w.stage == "encoder" and "no encoder here" in w.message for w in dossier.warnings)
    assert dossier.claims and dossier.tones  # the fast models answered


def test_an_unknown_mode_is_refused_in_one_line() -> None:
    with pytest.raises(SettingsError, match="accurate, fast"):
        Settings(models="best")
    with pytest.raises(SettingsError):
        load_settings(None, models="best")


def test_the_fast_flag_on_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")

    def models(*flags: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "presslens.cli", "analyze", str(path), "-f", "json", *flags],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return json.loads(done.stdout)["models"]

    assert models("--fast") == "fast"
    assert models() == "accurate"


def test_the_fast_mode_never_runs_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.nlp import encoder

    def refused(texts: object) -> list:
        raise AssertionError("the fast mode ran the encoder")

    monkeypatch.setattr(encoder, "encode", refused)
    dossier = pipeline.analyse(TEXT, settings=Settings(models="fast"))
    assert dossier.models == "fast" and dossier.claims and dossier.tones
    assert not [w for w in dossier.warnings if w.stage in ("encoder", "claims", "tone")]
