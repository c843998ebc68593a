"""The corpus in time: `presslens articles` (the list, newest published first) and `presslens
timeline NAME` (an actor's quotes in date order), each narrowed by --from/--to."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from presslens.cli.corpus import DbOption, printable
from presslens.cli.dates import FromOption, ToOption, range_words, read_dates, undated_words

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]


def articles(
    since: FromOption = None,
    until: ToOption = None,
    sort: Annotated[
        str, typer.Option("--sort", help="date (newest first) or oldest; undated last.")
    ] = "date",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 50,
    page: Annotated[int, typer.Option("--page", min=1, help="Which page of --limit.")] = 1,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The stored articles, newest published first (undated last), by date range."""
    from presslens.store import open_store
    from presslens.store.timeline import ORDERS

    read_dates(since, until)
    check_sort(sort, ORDERS)
    with open_store(db) as store:
        listing = store.articles(
            limit=limit, offset=(page - 1) * limit, since=since, until=until, sort=sort
        )
    for item in listing["items"]:
        if as_json:
            typer.echo(json.dumps(item, ensure_ascii=False))
            continue
        when = item["date"] or "undated   "
        by = f" — {item['byline']}" if item.get("byline") else ""
        typer.echo(printable(f"{when}  #{item['id']} {item['title'] or 'Untitled'}{by}"))
    if not as_json:
        counts = f"{listing['total']} articles{range_words(listing)}"
        typer.echo(counts + undated_words(listing, "undated articles"), err=True)


def timeline(
    name: Annotated[str, typer.Argument(help="A person or organisation, as on the actor page.")],
    since: FromOption = None,
    until: ToOption = None,
    sort: Annotated[
        str, typer.Option("--sort", help="oldest (first) or date (newest first); undated last.")
    ] = "oldest",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 200,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """An actor's quotes across the corpus in the order their articles came out; a report
    inside another speaker's words says whose ("[indirect, as Ann Roe tells it]")."""
    from presslens.store import open_store
    from presslens.store.timeline import ORDERS, actor_timeline

    read_dates(since, until)
    check_sort(sort, ORDERS)
    with open_store(db) as store:
        found = actor_timeline(store, name, since=since, until=until, limit=limit, sort=sort)
    for quote in found["quotes"]:
        if as_json:
            typer.echo(json.dumps(quote, ensure_ascii=False))
            continue
        when = quote["date"] or "undated   "
        typer.echo(printable(f"{when}  #{quote['article_id']} {quote['title'] or 'Untitled'}"))
        typer.echo("    " + printable(f"[{said_how(quote)}] " + " ".join(quote["text"].split())))
    if not as_json:
        counts = f"{found['total']} quotes{range_words(found)}"
        typer.echo(counts + undated_words(found, "quotes of undated articles"), err=True)


def said_how(quote: dict) -> str:
    """The quote's kind, and for a report inside another's words whose they are: "indirect, as
    Ann Roe tells it" (the quote is not the actor's own words on the record)."""
    if quote.get("within") is None:
        return str(quote["kind"])
    return f"{quote['kind']}, as {quote.get('teller') or 'another speaker'} tells it"


def check_sort(sort: str, sorts: tuple[str, ...]) -> None:
    if sort not in sorts:
        raise typer.BadParameter(f"choose one of {', '.join(sorts)}", param_hint="--sort")
