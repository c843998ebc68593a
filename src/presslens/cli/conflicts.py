"""`presslens conflicts`: figures from different articles about the same thing that disagree
(presslens/corpus/conflicts.py), best first."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from presslens.cli.corpus import DbOption, printable


class ConflictFormat(StrEnum):
    text = "text"
    json = "json"


def conflicts(
    db: DbOption = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=10_000)] = 50,
    output_format: Annotated[
        ConflictFormat, typer.Option("--format", "-f", help="text, or one JSON document.")
    ] = ConflictFormat.text,
) -> None:
    """Numbers that disagree: pairs of figures from different articles about the same thing
    (kind, unit, period or date, subject) whose values differ beyond rounding."""
    from presslens.corpus.conflicts import find_conflicts
    from presslens.store import open_store

    with open_store(db) as store:
        found = find_conflicts(store, top=top)
    if output_format == ConflictFormat.json:
        document = {"total": len(found), "conflicts": [c.to_dict() for c in found]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=1))
        return
    for number, conflict in enumerate(found, start=1):
        typer.echo(f"{number}. score {conflict.score:.2f}")
        for side in (conflict.left.to_dict(), conflict.right.to_dict()):
            typer.echo(printable(side_line(side)))
            typer.echo("     " + printable(" ".join(side["sentence"].split())))
    typer.echo(f"{len(found)} pair{'s' if len(found) != 1 else ''} of figures disagree", err=True)


def side_line(side: dict) -> str:
    """One figure's headline: its text, then the article (id, date, title) and sources."""
    when = f" {side['published']}" if side["published"] else ""
    sources = f" (sources: {', '.join(side['sources'])})" if side["sources"] else ""
    title = side["title"] or f"article {side['article_id']}"
    return f"   [{side['text']}] #{side['article_id']}{when} {title}{sources}"
