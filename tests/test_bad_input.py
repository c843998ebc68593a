"""Bad input never produces a traceback: a one-line error and a non-zero exit, or a warning."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from presslens import analyse
from presslens.errors import InputError

GERMAN = (
    "Regierung beschließt neues Klimapaket\n\n"
    "Die Bundesregierung hat am Mittwoch ein neues Klimapaket beschlossen. Nach Angaben des "
    "Ministeriums sollen die Emissionen bis 2030 um weitere zehn Prozent sinken. Kritiker halten "
    "die Maßnahmen für unzureichend und fordern schnellere Schritte beim Ausbau der Windkraft."
)
RUSSIAN = (
    "Правительство объявило о новых мерах\n\n"
    "Правительство России в среду объявило о новых мерах поддержки экономики. По словам министра, "
    "расходы бюджета вырастут на десять процентов, а инфляция должна замедлиться к концу года."
)


def make_inputs(folder: Path) -> dict[str, tuple[Path, bool]]:
    """name -> (file, should succeed)."""
    rng = random.Random(7)
    files = {
        "empty": (b"", False),
        "random_bytes": (bytes(rng.randrange(256) for _ in range(4096)), False),
        "invalid_utf8": (
            b"Headline\n\nThe mayor \xff\xfe said the plan \xc3\x28 would work well.",
            True,
        ),
        "cp1251_russian": (RUSSIAN.encode("cp1251"), True),
        "german": (GERMAN.encode("utf-8"), True),
        "html_no_text": (
            b"<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>",
            True,
        ),
        "unbalanced_quotes": (b'Title\n\nShe said "this never ends. And "again.', True),
    }
    result = {}
    for name, (data, ok) in files.items():
        path = folder / f"{name}.txt"
        path.write_bytes(data)
        result[name] = (path, ok)
    big = folder / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result["fifty_megabytes"] = (big, False)
    return result


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, bool]]:
    return make_inputs(tmp_path_factory.mktemp("bad"))


CASES = [
    "empty",
    "random_bytes",
    "invalid_utf8",
    "cp1251_russian",
    "german",
    "html_no_text",
    "unbalanced_quotes",
    "fifty_megabytes",
]


@pytest.mark.parametrize("name", CASES)
def test_cli_never_shows_a_traceback(inputs, name: str) -> None:
    path, ok = inputs[name]
    result = subprocess.run(
        [sys.executable, "-m", "presslens.cli", "analyze", str(path), "-f", "json"],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert b"Traceback" not in result.stderr
    if ok:
        assert result.returncode == 0, result.stderr
        json.loads(result.stdout)
    else:
        assert result.returncode == 2
        lines = result.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("presslens: error:")
        assert str(path) in lines[0]


@pytest.mark.parametrize(("name", "language"), [("german", "de"), ("cp1251_russian", "ru")])
def test_non_english_is_structured_and_warned(inputs, name: str, language: str) -> None:
    dossier = analyse(inputs[name][0])
    assert dossier.article.language == language
    assert dossier.reading_time_minutes > 0
    assert dossier.article.title
    assert dossier.actors == () and dossier.quotes == ()
    assert any(w.stage == "language" for w in dossier.warnings)


def test_api_raises_a_clear_error_for_empty_input() -> None:
    with pytest.raises(InputError, match="empty"):
        analyse("   ")
