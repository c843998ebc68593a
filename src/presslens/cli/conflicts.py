"""`presslens conflicts`: figures from different articles about the same thing that disagree
(presslens/corpus/conflicts.py), best first."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from presslens.cli.corpus import DbOption, TopOption, printable
from presslens.cli.dates import FromOption, ToOption, range_words, read_dates, undated_words


class ConflictFormat(StrEnum):
    text = "text"
    json = "json"


def conflicts(
    db: DbOption = None,
    top: TopOption = 50,
    output_format: Annotated[
        ConflictFormat, typer.Option("--format", "-f", help="text, or one JSON document.")
    ] = ConflictFormat.text,
    since: FromOption = None,
    until: ToOption = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="score (likeliest first), date (the pair with the newest article first) or "
            "oldest; pairs of undated articles last.",
        ),
    ] = "score",
) -> None:
    """Numbers that disagree: pairs of figures from different articles about the same thing
    (kind, unit, period or date, subject) whose values differ beyond rounding; --from/--to
    keep the pairs with an article published in that range."""
    from presslens.corpus.conflicts import find_conflicts
    from presslens.store import open_store
    from presslens.store.across import PAIR_SORTS, dated_pairs

    dates = read_dates(since, until)
    if sort not in PAIR_SORTS:
        raise typer.BadParameter(f"choose one of {', '.join(PAIR_SORTS)}", param_hint="--sort")
    with open_store(db) as store:
        pairs = [conflict.to_dict() for conflict in find_conflicts(store, top=None)]
        found = dated_pairs(store, pairs, dates, sort)
    found["conflicts"] = found["conflicts"][:top]
    if output_format == ConflictFormat.json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for number, pair in enumerate(found["conflicts"], start=1):
        typer.echo(f"{number}. score {pair['score']:.2f}")
        for side in (pair["left"], pair["right"]):
            typer.echo(printable(side_line(side)))
            typer.echo("     " + printable(" ".join(side["sentence"].split())))
    total = found["total"]
    said = f"{total} pair{'s' if total != 1 else ''} of figures disagree{range_words(found)}"
    typer.echo(said + undated_words(found, "pairs of undated articles"), err=True)


def side_line(side: dict) -> str:
    """One figure's headline: its text, then the article (id, date, title) and sources."""
    when = f" {side.get('date') or side['published'] or 'undated'}"
    sources = f" (sources: {', '.join(side['sources'])})" if side["sources"] else ""
    title = side["title"] or f"article {side['article_id']}"
    return f"   [{side['text']}] #{side['article_id']}{when} {title}{sources}"
