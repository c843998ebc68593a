"""Date options shared by the corpus commands (`articles`, `timeline`, `search`, `claims`,
`conflicts`): --from and --to read as store/ranges.py reads them, a bound that is no date
refused in one line, and the words that say what a range left out."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from presslens.store.ranges import DateRange, DateRangeError, left_out, read_range

EXIT_USER_ERROR = 2  # as presslens.cli gives it

FromOption = Annotated[
    str | None,
    typer.Option(
        "--from", help="Published on or after: 2017, 2017-03 or 2017-03-03 (or March 3, 2017)."
    ),
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Published on or before (a year or month: its end).")
]


def read_dates(since: str | None, until: str | None) -> DateRange:
    """The range of --from and --to; a bound that is no date, or a range that ends before it
    starts, stops the command with one line on stderr and exit status 2, the status of a
    user's mistake (as `presslens.cli.main` gives a PresslensError)."""
    try:
        return read_range(since, until)
    except DateRangeError as exc:
        typer.echo(f"presslens: error: {exc}", err=True)
        raise typer.Exit(EXIT_USER_ERROR) from exc


def range_words(found: dict[str, Any]) -> str:
    """ " published from 2017-01-01 to 2017-06-30", or "" with no range."""
    since = f" from {found['from']}" if found.get("from") else ""
    until = f" to {found['to']}" if found.get("to") else ""
    return f" published{since}{until}" if since or until else ""


def undated_words(found: dict[str, Any], what: str) -> str:
    """ "; 3 undated articles left out by the date range" (`what`: "undated articles"), or ""
    when the range left none out."""
    count = int(found.get("undated_left_out") or 0)
    return f"; {left_out(count, what)} left out by the date range" if count else ""
