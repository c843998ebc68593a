"""The corpus in time: `presslens articles` (the list, newest published first) and `presslens
timeline NAME` (an actor's quotes in date order), each narrowed by --from/--to."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from presslens.cli.corpus import DbOption, printable

FromOption = Annotated[
    str | None,
    typer.Option(
        "--from", help="Published on or after: 2017, 2017-03 or 2017-03-03 (or March 3, 2017)."
    ),
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Published on or before (a year or month: its end).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]


def articles(
    since: FromOption = None,
    until: ToOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 50,
    page: Annotated[int, typer.Option("--page", min=1, help="Which page of --limit.")] = 1,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The stored articles, newest published first (undated last), by date range."""
    from presslens.store import open_store

    check_range(since, until)
    with open_store(db) as store:
        listing = store.articles(limit=limit, offset=(page - 1) * limit, since=since, until=until)
    for item in listing["items"]:
        if as_json:
            typer.echo(json.dumps(item, ensure_ascii=False))
            continue
        when = item["date"] or "undated   "
        by = f" — {item['byline']}" if item.get("byline") else ""
        typer.echo(printable(f"{when}  #{item['id']} {item['title'] or 'Untitled'}{by}"))
    if not as_json:
        typer.echo(f"{listing['total']} articles{range_words(listing)}", err=True)


def timeline(
    name: Annotated[str, typer.Argument(help="A person or organisation, as on the actor page.")],
    since: FromOption = None,
    until: ToOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 200,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """An actor's quotes across the corpus in the order their articles came out."""
    from presslens.store import open_store
    from presslens.store.timeline import actor_timeline

    check_range(since, until)
    with open_store(db) as store:
        found = actor_timeline(store, name, since=since, until=until, limit=limit)
    for quote in found["quotes"]:
        if as_json:
            typer.echo(json.dumps(quote, ensure_ascii=False))
            continue
        when = quote["date"] or "undated   "
        typer.echo(printable(f"{when}  #{quote['article_id']} {quote['title'] or 'Untitled'}"))
        typer.echo("    " + printable(f"[{quote['kind']}] " + " ".join(quote["text"].split())))
    if not as_json:
        typer.echo(f"{found['total']} quotes{range_words(found)}", err=True)


def check_range(since: str | None, until: str | None) -> None:
    """Refuse a bound that reads as no date: on the command line that is a typo to fix (the
    web pages ignore one instead)."""
    from presslens.store.timeline import bound

    for option, given in (("--from", since), ("--to", until)):
        if given and bound(given) is None:
            raise typer.BadParameter(
                f"{given!r} is no date: write 2017, 2017-03 or 2017-03-03", param_hint=option
            )


def range_words(found: dict[str, Any]) -> str:
    """ " published from 2017-01-01 to 2017-06-30", or "" with no range."""
    since = f" from {found['from']}" if found["from"] else ""
    until = f" to {found['to']}" if found["to"] else ""
    return f" published{since}{until}" if since or until else ""
