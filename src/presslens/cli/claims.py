"""`presslens claims [GROUP]`: the same claim across the corpus (presslens/corpus/claimgroups.py),
the groups told by the most articles first, or one group with every article and speaker that made
it, first appearance first, and the fact-checks that match it."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from presslens.cli.corpus import DbOption, TopOption, printable
from presslens.cli.dates import FromOption, ToOption, range_words, read_dates, undated_words
from presslens.cli.factchecks import warned
from presslens.errors import PresslensError

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON document.")]


def claims(
    group_id: Annotated[
        str | None, typer.Argument(metavar="[GROUP]", help="A group's id, as listed: 12-c3.")
    ] = None,
    db: DbOption = None,
    top: TopOption = 50,
    since: FromOption = None,
    until: ToOption = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="The list: articles (made by the most first), date (newest first appearance "
            "first) or oldest. One claim: oldest (first appearance first) or date.",
        ),
    ] = "",
    as_json: JsonOption = False,
) -> None:
    """Claims that different articles make alike, grouped: the most articles first, or one
    group (every article, date and speaker, first appearance first, with its fact-checks);
    --from/--to keep the claims made in that range (a group: any of its articles)."""
    from presslens.corpus.claimgroups import find_groups, group_page
    from presslens.store import open_store
    from presslens.store.across import CLAIM_SORTS, GROUP_SORTS, dated_claim_page, dated_groups

    dates = read_dates(since, until)
    check_sort(sort, GROUP_SORTS if group_id is None else CLAIM_SORTS)
    with open_store(db) as store:
        if group_id is None:
            groups = [group.to_dict() for group in warned(lambda: find_groups(store))]
            listing = dated_groups(store, groups, dates, sort or "articles")
            return list_groups(listing, top, as_json)
        page = warned(lambda: group_page(store, group_id))
        if page is not None:
            page = dated_claim_page(store, page, dates, sort or "oldest")
    if page is None:
        raise PresslensError(f"no claim group {group_id!r} here: `presslens claims` lists them")
    if as_json:
        typer.echo(json.dumps(page, ensure_ascii=False, indent=1))
        return
    show_group(page)


def check_sort(sort: str, sorts: tuple[str, ...]) -> None:
    if sort and sort not in sorts:
        raise typer.BadParameter(f"choose one of {', '.join(sorts)}", param_hint="--sort")


def list_groups(listing: dict[str, Any], top: int, as_json: bool) -> None:
    groups = listing["groups"]
    if as_json:
        document = {**listing, "groups": groups[:top]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=1))
        return
    for group in groups[:top]:
        first = group["dated"] or "undated"
        counts = f"{group['n_articles']} articles, first {first}"
        if listing["from"] or listing["to"]:
            counts += f", {group['n_in_range']} in the range"
        typer.echo(printable(f"{group['id']}  {counts}"))
        typer.echo("    " + printable(" ".join(group["text"].split())))
    total = listing["total"]
    said = f"{total} claim{'s' if total != 1 else ''} made by several articles"
    said += range_words(listing).replace(" published", ", made", 1)
    typer.echo(said + undated_words(listing, "claims of undated articles"), err=True)


def show_group(page: dict[str, Any]) -> None:
    """Each claim as its article made it (date, article, speaker or sources), then the
    fact-checks."""
    typer.echo(printable(f"{page['id']}: {page['n_articles']} articles"))
    if page["from"] or page["to"]:
        shown = f"{page['n_shown']} of {page['n_claims']} appearances{range_words(page)}"
        typer.echo(shown + undated_words(page, "appearances in undated articles"), err=True)
    for claim in page["claims"]:
        by = claim["speaker"] or ", ".join(claim["sources"])
        title = claim["title"] or f"article {claim['article_id']}"
        line = f"{claim['date'] or 'undated   '}  #{claim['article_id']} {title}"
        typer.echo(printable(line + (f" ({by})" if by else "")))
        typer.echo("    " + printable(" ".join(claim["text"].split())))
    for match in page["factchecks"]:
        verdict = f" [{match['verdict']}]" if match["verdict"] else ""
        typer.echo(printable(f"fact-check {match['score']:.3f}{verdict} {match['claim']}"))
