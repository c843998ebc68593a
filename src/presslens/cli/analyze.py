"""`presslens analyze`: one article in, its dossier out (Markdown, JSON or HTML)."""

from __future__ import annotations

import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from presslens.errors import PresslensError
from presslens.settings import load_settings


class OutputFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def sample_article_path() -> Path:
    return Path(str(resources.files("presslens.resources").joinpath("sample-article.txt")))


FastOption = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="The fast models for check-worthiness and tone (about half the time; the default "
        "reads the sentences with the contextual encoder).",
    ),
]


def mode(fast: bool) -> str | None:
    """The `models` setting the --fast flag asks for (None: leave the setting as it is)."""
    return "fast" if fast else None


def analyze(
    source: Annotated[
        str | None, typer.Argument(help="A file, an http(s) URL, or - for stdin. None: the sample.")
    ] = None,
    output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    wpm: Annotated[
        float | None, typer.Option("--wpm", help="Reading speed, words a minute.")
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            metavar="SECONDS",
            help="Seconds the analysis may take (0: no limit); a stage it stops or skips is "
            "named in the dossier's warnings. Default: the analysis_seconds setting (45).",
        ),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
    fast: FastOption = False,
) -> None:
    """Analyse one article and print its dossier (Markdown summary by default)."""
    from presslens.ingest.detect import load_location
    from presslens.pipeline import analyse
    from presslens.render.html import render_html
    from presslens.render.markdown import render_markdown

    if wpm is not None and wpm <= 0:
        raise typer.BadParameter("--wpm must be a positive number")
    if time_limit is not None and time_limit < 0:
        raise typer.BadParameter("--time-limit must be 0 (no limit) or a positive number")
    settings = load_settings(
        config, words_per_minute=wpm, analysis_seconds=time_limit, models=mode(fast)
    )
    location = source if source is not None else str(sample_article_path())
    dossier = analyse(load_location(location, settings=settings), settings=settings)
    chosen = output_format or guess_format(output)
    if chosen is OutputFormat.json:
        rendered = dossier.to_json() + "\n"
    elif chosen is OutputFormat.html:
        rendered = render_html(dossier)
    else:
        rendered = render_markdown(dossier)
    write_output(rendered, output)


def guess_format(output: Path | None) -> OutputFormat:
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in ("html", "htm"):
            return OutputFormat.html
        if suffix == "json":
            return OutputFormat.json
    return OutputFormat.md


def write_output(rendered: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as exc:
        raise PresslensError(f"cannot write {output}: {exc.strerror or exc}") from exc
    typer.echo(f"wrote {output}", err=True)
