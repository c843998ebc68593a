"""`presslens claims [GROUP]`: the same claim across the corpus (presslens/corpus/claimgroups.py),
the groups told by the most articles first, or one group with every article and speaker that made
it, first appearance first, and the fact-checks that match it."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from presslens.cli.corpus import DbOption, printable
from presslens.cli.factchecks import warned
from presslens.errors import PresslensError

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON document.")]


def claims(
    group_id: Annotated[
        str | None, typer.Argument(metavar="[GROUP]", help="A group's id, as listed: 12-c3.")
    ] = None,
    db: DbOption = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=10_000)] = 50,
    as_json: JsonOption = False,
) -> None:
    """Claims that different articles make alike, grouped: the most articles first, or one
    group (every article, date and speaker, first appearance first, with its fact-checks)."""
    from presslens.corpus.claimgroups import find_groups, group_page
    from presslens.store import open_store

    with open_store(db) as store:
        if group_id is None:
            groups = warned(lambda: find_groups(store))
            return list_groups([group.to_dict() for group in groups], top, as_json)
        page = warned(lambda: group_page(store, group_id))
    if page is None:
        raise PresslensError(f"no claim group {group_id!r} here: `presslens claims` lists them")
    if as_json:
        typer.echo(json.dumps(page, ensure_ascii=False, indent=1))
        return
    show_group(page)


def list_groups(groups: list[dict[str, Any]], top: int, as_json: bool) -> None:
    if as_json:
        document = {"total": len(groups), "groups": groups[:top]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=1))
        return
    for group in groups[:top]:
        first = group["first"] or "undated"
        counts = f"{group['n_articles']} articles, first {first}"
        typer.echo(printable(f"{group['id']}  {counts}"))
        typer.echo("    " + printable(" ".join(group["text"].split())))
    typer.echo(
        f"{len(groups)} claim{'s' if len(groups) != 1 else ''} made by several articles", err=True
    )


def show_group(page: dict[str, Any]) -> None:
    """Each claim as its article made it (date, article, speaker or sources), then the
    fact-checks."""
    typer.echo(printable(f"{page['id']}: {page['n_articles']} articles"))
    for claim in page["claims"]:
        by = claim["speaker"] or ", ".join(claim["sources"])
        title = claim["title"] or f"article {claim['article_id']}"
        line = f"{claim['date'] or 'undated   '}  #{claim['article_id']} {title}"
        typer.echo(printable(line + (f" ({by})" if by else "")))
        typer.echo("    " + printable(" ".join(claim["text"].split())))
    for match in page["factchecks"]:
        verdict = f" [{match['verdict']}]" if match["verdict"] else ""
        typer.echo(printable(f"fact-check {match['score']:.3f}{verdict} {match['claim']}"))
