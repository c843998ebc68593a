"""Fact-check commands: `presslens factchecks import FILE` and `presslens match "TEXT"`."""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from presslens.cli.corpus import DbOption, printable

factchecks = typer.Typer(
    name="factchecks",
    help="Collections of verified claims to match claims against.",
    no_args_is_help=True,
)
Result = TypeVar("Result")


class MatchFormat(StrEnum):
    text = "text"
    json = "json"


def warned(action: Callable[[], Result]) -> Result:
    """Run `action`, printing each warning it gives as one line on stderr (the lexical-only
    fallback, mainly) instead of Python's two-line warning with a source line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = action()
    for warning in caught:
        typer.echo(printable(f"presslens: warning: {warning.message}"), err=True)
    return result


@factchecks.command("import")
def import_factchecks(
    path: Annotated[
        str, typer.Argument(metavar="FILE", help="JSONL, CSV/TSV or ClaimReview JSON-LD.")
    ],
    db: DbOption = None,
) -> None:
    """Store the verified claims of a file (claim, verdict, URL, date, publisher, title).

    A second import of the same file adds nothing. Rows that cannot be read are skipped, one
    warning each; a file with nothing readable stops the command (exit 2)."""
    from presslens.corpus.factchecks import read_factchecks, save_factchecks
    from presslens.corpus.lookup import encode_factchecks
    from presslens.corpus.matching import encoder_ready
    from presslens.store import open_store

    reading = read_factchecks(path)  # before the store is even created
    for line in reading.warnings:
        typer.echo(printable(f"presslens: warning: {line}"), err=True)
    with open_store(db) as store:
        new, known = save_factchecks(store, reading.factchecks, origin=path)
        if warned(encoder_ready) and new:
            # about a minute for every few thousand claims on two cores: say why it waits
            typer.echo(f"presslens: encoding {new} new fact-checks", err=True)
        encode_factchecks(store)  # also those an earlier import or encoder left without
    typer.echo(f"{new} fact-checks added, {known} already there ({len(reading.warnings)} skipped)")


def match(
    text: Annotated[str, typer.Argument(help="A claim, in your words.")],
    db: DbOption = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=100)] = 5,
    output_format: Annotated[MatchFormat, typer.Option("--format", "-f")] = MatchFormat.text,
) -> None:
    """The stored fact-checks that best match a claim, best first, with scores (0-1)."""
    from presslens.corpus.lookup import match_text
    from presslens.store import open_store

    with open_store(db) as store:
        found = warned(lambda: match_text(store, [text], top))[0]
    if output_format is MatchFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    if not found:
        typer.echo("no fact-checks stored: presslens factchecks import FILE", err=True)
    for item in found:
        verdict = f" [{item['verdict']}]" if item["verdict"] else ""
        typer.echo(printable(f"{item['score']:.3f}{verdict} {item['claim']}"))
        where = " · ".join(part for part in (item["publisher"], item["url"]) if part)
        if where:
            typer.echo("      " + printable(where))
