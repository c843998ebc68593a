"""The public API is small and pinned: changing it is a deliberate act."""

from __future__ import annotations

import dataclasses
import json
import tomllib
from pathlib import Path

import pytest

import presslens
from presslens.errors import InputError, MissingInputError, SettingsError
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
    "load_dossier",
}
STAGE_FUNCTIONS = {"match_claims", "score_checkworthiness", "tone_toward"}


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
    expected = {"parse", "encoder", "entities", "quotes", "figures", "sources", "claims", "tone"}
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


# --- a str names what a user means: a file, a URL, or text (issue 19) ------------------------

ARTICLE = "A headline\n\nThe council met on Monday and agreed the budget for next year."


@pytest.fixture(scope="module")
def analysed() -> presslens.Dossier:
    return presslens.analyse(ARTICLE)


def test_a_str_naming_a_file_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    dossier = presslens.analyse("article.txt")
    assert dossier.article.title == "A headline"
    assert dossier.article.origin.uri == "article.txt"


@pytest.mark.parametrize(
    "name", ["article.txt", "page.html", "~/news/missing.htm", "./notes", "/no/such/file.jsonl"]
)
def test_a_str_shaped_like_a_missing_file_is_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MissingInputError, match="does not exist"):
        presslens.analyse(name)


def test_a_str_naming_a_directory_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "articles").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="is a directory"):
        presslens.analyse("articles")


def test_a_str_url_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.ingest.fetch as fetch

    asked: list[str] = []

    def fake_fetch(url: str, *, settings: object = None) -> tuple[bytes, str]:
        asked.append(url)
        return ARTICLE.encode(), "2026-01-01T00:00:00+00:00"

    monkeypatch.setattr(fetch, "fetch_url", fake_fetch)
    dossier = presslens.analyse("https://example.org/news/a")
    assert asked == ["https://example.org/news/a"]
    assert (dossier.article.origin.kind, dossier.article.title) == ("url", "A headline")


@pytest.mark.parametrize("text", ["Mayors agree.", "One line of text, with words.", "Hello"])
def test_real_text_stays_text(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = presslens.analyse(text).article
    assert text in (article.text, article.title)  # one line alone is read as a title
    assert article.origin.uri is None


def test_a_dossier_prints_short(analysed: presslens.Dossier) -> None:
    long = dataclasses.replace(
        analysed, article=dataclasses.replace(analysed.article, text="word " * 50_000)
    )
    for shown in (repr(long), str(long), repr(long.article)):
        assert len(shown) < 200 and "\n" not in shown
    assert "A headline" in repr(long) and "actors" in repr(long)


def test_stored_dossier_loads_back(analysed: presslens.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(analysed.to_json(), encoding="utf-8")
    assert presslens.load_dossier(analysed.to_json()) == analysed
    assert presslens.load_dossier(path) == analysed
    assert presslens.load_dossier(str(path)) == analysed
    assert presslens.load_dossier({"id": "x", "dossier": analysed.to_dict()}) == analysed
    assert presslens.Dossier.from_dict(json.loads(analysed.to_json())) == analysed
    with pytest.raises(InputError, match="not a presslens dossier"):
        presslens.load_dossier('{"title": "x"}')
    with pytest.raises(MissingInputError):
        presslens.load_dossier(tmp_path / "missing.json")


def test_records_have_docstrings() -> None:
    for record in (presslens.Span, presslens.Article, presslens.Actor, presslens.Quote):
        assert not record.__doc__.startswith(record.__name__ + "("), record  # dataclass default
    for record in (presslens.Figure, presslens.Claim, presslens.Source, presslens.Dossier):
        assert not record.__doc__.startswith(record.__name__ + "("), record


def test_package_ships_py_typed() -> None:
    from importlib import resources

    assert resources.files("presslens").joinpath("py.typed").is_file()
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    package_data = tomllib.loads(pyproject.read_text())["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data["presslens"]


def test_unknown_setting_is_refused_with_a_close_match(tmp_path: Path) -> None:
    config = tmp_path / "presslens.toml"
    config.write_text("[presslens]\nword_per_minute = 250\n")
    with pytest.raises(SettingsError, match="'word_per_minute'.*did you mean 'words_per_minute'"):
        load_settings(config)
