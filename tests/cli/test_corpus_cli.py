"""`presslens ingest`, `batch`, `serve` and the settings file, as a user meets their failures:
exit codes that say whether anything worked, a mistyped path refused before anything is stored,
a misspelt setting named, a missing extra named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.errors import MissingExtraError, MissingInputError, SettingsError

runner = CliRunner()
GOOD = "Harbour vote\n\nThe mayor, Jane Smith, said the harbour will open in May.\n"


def inputs(folder: Path, **files: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest(*args: str) -> object:
    return runner.invoke(app, ["ingest", "-q", *args])


def test_ingest_exits_1_when_every_input_failed(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in", empty="", blank="  \n")
    result = ingest(str(folder), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 1, result.output
    assert "2 failed" in result.output and "empty.txt" in result.output


def test_ingest_names_a_partial_failure_and_lists_only_this_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert ingest(str(inputs(tmp_path / "old", old="")), "--db", db).exit_code == 1
    result = ingest(str(inputs(tmp_path / "in", good=GOOD, empty="")), "--db", db)
    assert result.exit_code == 0, result.output
    assert "presslens: 1 of 2 inputs failed" in result.output
    assert "in/empty.txt" in result.output and "old.txt" not in result.output


def test_ingest_refuses_a_missing_path_before_storing(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in", good=GOOD)
    db = tmp_path / "c.db"
    result = ingest(
        str(folder), str(tmp_path / "typo.txt"), str(tmp_path / "*.htm"), "--db", str(db)
    )
    assert isinstance(result.exception, MissingInputError)
    assert "typo.txt" in str(result.exception) and "*.htm" in str(result.exception)
    assert not db.exists()  # no store, so no error row to list on every later run


def test_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "presslens.cli", "ingest", str(tmp_path / "typo.txt")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 2
    assert done.stderr.startswith("presslens: error: ") and done.stderr.count("\n") == 1
    assert not (tmp_path / "presslens.db").exists()


@pytest.mark.parametrize(("done", "failed", "code"), [(0, 2, 1), (1, 1, 0), (2, 0, 0)])
def test_batch_exit_code_says_whether_anything_worked(
    done: int, failed: int, code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import presslens.batch.run as run

    monkeypatch.setattr(run, "run_batch", lambda *a, **k: run.Summary(done, failed))
    folder = inputs(tmp_path / "in", good=GOOD)
    result = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == code, result.output
    assert ("1 of 2 inputs failed" in result.output) == (done == failed == 1)


def test_batch_refuses_a_missing_path_before_opening_out(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"id": "kept"}\n')
    result = runner.invoke(app, ["batch", str(tmp_path / "typo"), "--out", str(out)])
    assert isinstance(result.exception, MissingInputError)
    assert out.read_text() == '{"id": "kept"}\n'  # a new run would have emptied it


def test_unknown_setting_in_the_file_is_named(tmp_path: Path) -> None:
    config = tmp_path / "presslens.toml"
    config.write_text("[presslens]\nclaim_treshold = 0.7\n")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--config", str(config)])
    assert isinstance(result.exception, SettingsError)
    assert "did you mean 'claim_threshold'" in str(result.exception)


def test_serve_without_the_web_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a)
    )
    result = runner.invoke(app, ["serve"])
    assert isinstance(result.exception, MissingExtraError)
    assert "pip install 'presslens[web]'" in str(result.exception)


def test_a_missing_driver_is_one_line_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import presslens.cli as cli

    def no_driver() -> None:
        raise ModuleNotFoundError("No module named 'psycopg'", name="psycopg")

    monkeypatch.setattr(cli, "app", no_driver)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    assert "presslens[postgres]" in capsys.readouterr().err


def test_serve_with_workers_runs_uvicorn_on_a_factory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[tuple[object, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **options: calls.append((target, options)))
    for name in ("PRESSLENS_DB", "PRESSLENS_ALLOWED_HOSTS"):
        # serve sets them; setenv first makes monkeypatch put back the absence after the test
        # (delenv of an absent name records nothing, and a leaked allowed host "x.org" made
        # every later test server refuse 127.0.0.1)
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["serve", "--db", db, "--workers", "3", "--allowed-host", "x.org"])
    assert result.exit_code == 0, result.output
    [(target, options)] = calls
    assert target == "presslens.cli.corpus:web_app"
    assert options["factory"] is True and options["workers"] == 3
    assert os.environ["PRESSLENS_DB"] == db and os.environ["PRESSLENS_ALLOWED_HOSTS"] == "x.org"


OPTIONAL = ("fastapi", "uvicorn", "multipart", "python_multipart", "psycopg", "sklearn", "pyarrow")


def test_analyze_needs_no_optional_extra(tmp_path: Path) -> None:
    """The README's first command (`pip install -e . && presslens analyze`) installs none of
    the extras: analysing must import none of them."""
    blocked = "; ".join(f"sys.modules[{name!r}] = None" for name in OPTIONAL)
    script = f"import sys; {blocked}; sys.argv = ['presslens', 'analyze']; "
    script += "from presslens.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ")


def test_a_postgres_store_without_its_driver_names_the_extra() -> None:
    """Library code, not only the CLI, gets the one-line reason and the extra to install."""
    script = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from presslens.errors import MissingExtraError\n"
        "from presslens.store import open_store\n"
        "try:\n    open_store('postgresql://u@127.0.0.1:1/x')\n"
        "except MissingExtraError as exc:\n    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "pip install 'presslens[postgres]'" in done.stdout, done.stderr
