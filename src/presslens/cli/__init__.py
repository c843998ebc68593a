"""The `presslens` command: one module per command group (analyze, batch, corpus: ingest,
search, serve, export; checkworthy; conflicts; claims; factchecks, match; articles, timeline),
registered on one Typer app here. A user's mistake prints one line and exits non-zero, no
traceback."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from presslens.cli.analyze import analyze, sample_article_path
from presslens.cli.batch import batch
from presslens.cli.checkworthy import checkworthy
from presslens.cli.claims import claims
from presslens.cli.conflicts import conflicts
from presslens.cli.corpus import export, ingest, search, serve
from presslens.cli.factchecks import factchecks, match
from presslens.cli.timeline import articles, timeline
from presslens.errors import MissingExtraError, PresslensError
from presslens.version import __version__

app = typer.Typer(
    name="presslens",
    help="Read news and opinion articles the way a careful fact-checker does.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,
)

EXIT_USER_ERROR = 2
# optional packages -> the extra that installs them (pyproject.toml), for a one-line error
EXTRAS = {
    "psycopg": ("a postgresql:// store", "postgres"),
    "fastapi": ("the web site", "web"),
    "uvicorn": ("the web site", "web"),
    "multipart": ("the web site", "web"),
    "pyarrow": ("Parquet", "batch"),
    "dask": ("--engine dask", "batch"),
    "distributed": ("--engine dask", "batch"),
}


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"presslens {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """presslens: article in, dossier out."""


app.command("analyze")(analyze)
app.command("batch")(batch)
app.command("ingest")(ingest)
app.command("search")(search)
app.command("serve")(serve)
app.command("export")(export)
app.command("checkworthy")(checkworthy)
app.command("conflicts")(conflicts)
app.command("claims")(claims)
app.add_typer(factchecks)
app.command("match")(match)
app.command("articles")(articles)
app.command("timeline")(timeline)


def main() -> None:
    """Entry point: runs the app and turns presslens errors into one line on stderr."""
    try:
        app()
    except PresslensError as exc:
        typer.echo(f"presslens: error: {exc}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except ModuleNotFoundError as exc:
        needed = EXTRAS.get((exc.name or "").split(".")[0])
        if needed is None:
            raise
        typer.echo(f"presslens: error: {MissingExtraError(*needed)}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except KeyboardInterrupt:
        typer.echo("presslens: interrupted", err=True)
        sys.exit(130)


__all__ = ["app", "main", "sample_article_path"]
