"""The public API is small and pinned: changing it is a deliberate act."""

from __future__ import annotations

from pathlib import Path

import pytest

import presslens
from presslens.errors import SettingsError
from presslens.settings import Settings, load_settings

CORE = {
    "Actor",
    "Article",
    "Claim",
    "Dossier",
    "Figure",
    "PresslensError",
    "Quote",
    "Settings",
    "Source",
    "Span",
    "__version__",
    "analyse",
    "load",
}
STAGE_FUNCTIONS = {"score_checkworthiness", "tone_toward"}


def test_public_names_are_pinned() -> None:
    assert CORE <= set(presslens.__all__)
    assert set(presslens.__all__) <= CORE | STAGE_FUNCTIONS
    for name in presslens.__all__:
        assert hasattr(presslens, name), name


@pytest.mark.parametrize("kind", [str, bytes, Path])
def test_analyse_accepts_text_bytes_and_paths(tmp_path: Path, kind: type) -> None:
    raw = "A headline\n\nThe council met on Monday and agreed the budget for next year."
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    source = {str: raw, bytes: raw.encode(), Path: path}[kind]
    dossier = presslens.analyse(source)
    assert dossier.article.title == "A headline"
    assert dossier.to_dict()["article"]["word_count"] == 14


def test_settings_layering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "presslens.toml"
    config.write_text("[presslens]\nwords_per_minute = 250\nclaim_threshold = 0.7\n")
    monkeypatch.setenv("PRESSLENS_CLAIM_THRESHOLD", "0.6")
    settings = load_settings(config, words_per_minute=300)
    assert settings.words_per_minute == 300.0  # keyword beats file
    assert settings.claim_threshold == 0.6  # environment beats file
    assert Settings().words_per_minute == 200.0


def test_bad_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLENS_WORDS_PER_MINUTE", "fast")
    with pytest.raises(SettingsError, match="words_per_minute"):
        load_settings()


def test_timings_name_the_parse_and_every_stage() -> None:
    timings: dict[str, float] = {}
    presslens.analyse("A title\n\nThe council met on Monday and agreed a budget.", timings=timings)
    expected = {"parse", "entities", "quotes", "figures", "sources", "claims", "tone"}
    assert set(timings) == expected
    assert all(seconds >= 0 for seconds in timings.values())


def test_a_failing_stage_is_a_warning_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.pipeline as pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "find_figures", broken)
    dossier = presslens.analyse("A title\n\nSales rose 5% to $3 billion in 2024, the firm said.")
    assert dossier.figures == ()
    assert [(w.stage, "boom" in w.message) for w in dossier.warnings] == [("figures", True)]
    assert dossier.quotes  # the stages after it still ran
