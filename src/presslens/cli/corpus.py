"""Corpus commands: `presslens ingest | search | serve | export`."""

from __future__ import annotations

import csv
import itertools
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from presslens.cli.analyze import FastOption, mode
from presslens.cli.dates import FromOption, ToOption, range_words, read_dates, undated_words
from presslens.errors import MissingExtraError, PresslensError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file or postgresql:// URL (default: $PRESSLENS_DB or presslens.db)."
    ),
]
# how many a corpus list shows (claims, conflicts)
TopOption = Annotated[int, typer.Option("--top", "-n", min=1, max=10_000)]


# Exit codes of `ingest` and `batch`: 0 when every input was analysed or some failed (a line
# says how many), EXIT_ALL_FAILED when inputs were read and every one failed, 2 for a user's
# mistake (a path that does not exist, a bad option), before anything is stored.
EXIT_ALL_FAILED = 1


def failure_summary(failed: int, total: int, where: str) -> str:
    """The one line printed when some inputs, not all, failed."""
    return f"presslens: {failed} of {total} inputs failed; why is recorded in {where}"


class Kind(StrEnum):
    quote = "quote"
    claim = "claim"
    article = "article"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def ingest(
    locations: Annotated[
        list[str],
        typer.Argument(help="Files, directories, globs, .jsonl, .warc(.gz), feeds, URLs."),
    ],
    db: DbOption = None,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Try again the inputs that failed before.")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds one document may take (0: no limit).")
    ] = 300.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
    fast: FastOption = False,
) -> None:
    """Analyse every article named and store its dossier (or why it failed); reruns skip
    what is stored. A path that does not exist stops the command before anything is stored.

    Exit status: 0 when done (some inputs may have failed: a line says how many), 1 when every
    input failed, 2 for a mistake such as a path that does not exist (nothing stored)."""
    from presslens.batch.ingest import check_locations
    from presslens.batch.ingest import ingest as run_ingest
    from presslens.settings import load_settings
    from presslens.store import open_store, redact

    settings = load_settings(config, models=mode(fast))
    check_locations(locations)  # before the store is even created
    with open_store(db) as store:
        report = run_ingest(
            locations,
            store,
            settings=settings,
            retry_errors=retry_errors,
            timeout=timeout,
            show_progress=not quiet,
        )
        where = redact(store.url)
    typer.echo(report.line(), err=True)
    for input_id, reason in report.failures:
        typer.echo(printable(f"  failed: {input_id}: {reason}"), err=True)
    if report.failed and report.failed == report.seen:
        raise typer.Exit(EXIT_ALL_FAILED)
    if report.failed:
        typer.echo(failure_summary(report.failed, report.seen, where), err=True)


def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find, all of them; "a phrase", this OR that, -leave-out. Other '
            "punctuation is ignored."
        ),
    ] = "",
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            help="Quotes by this person or organisation across the corpus (a full name finds "
            "every article that names them in full; a surname also finds the full names "
            "ending in it).",
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="In articles naming this actor.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="In articles citing this source.")
    ] = None,
    kind: Annotated[
        Kind | None, typer.Option("--kind", help="Only quotes, claims or articles.")
    ] = None,
    sort: Annotated[
        str,
        typer.Option("--sort", help="relevance, date (newest first) or oldest; undated last."),
    ] = "relevance",
    since: FromOption = None,
    until: ToOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    page: Annotated[int, typer.Option("--page", min=1, help="Which page of --limit hits.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """Full-text search over article text, quotes and claims."""
    from presslens.store import open_store
    from presslens.store.base import SORTS

    if sort not in SORTS:
        raise typer.BadParameter(f"choose one of {', '.join(SORTS)}", param_hint="--sort")
    read_dates(since, until)
    with open_store(db) as store:
        found = store.find(
            query,
            speaker=speaker,
            actor=actor,
            source=source,
            kind=kind.value if kind else None,
            limit=limit,
            offset=(page - 1) * limit,
            sort=sort,
            since=since,
            until=until,
        )
    show_hits(found, as_json)
    show_totals(found, page, limit, as_json)


def show_hits(found: dict, as_json: bool) -> None:
    """Each hit: a JSON line, or its kind, article and speaker ("— Tom Ray, as Ann Roe tells it"
    for a report inside another's words) above its snippet."""
    for hit in found["results"]:
        if as_json:
            typer.echo(json.dumps(hit, ensure_ascii=False))
            continue
        who = f" — {hit['speaker']}" if hit.get("speaker") else ""
        if hit.get("within") is not None:  # a report inside another's words: say whose
            who += f"{',' if who else ' —'} as {hit.get('teller') or 'another speaker'} tells it"
        title = hit.get("title") or f"article {hit['article_id']}"
        typer.echo(printable(f"[{hit['kind']}] #{hit['article_id']} {title}{who}"))
        typer.echo("    " + printable(" ".join(hit["snippet"].split())))


def show_totals(found: dict, page: int, limit: int, as_json: bool) -> None:
    """On stderr: an any-word fallback, the common words left out, the count and the page."""
    if found["match"] == "any":
        note = f"no result has every term of {found['understood']!r}: these have any of its words"
        typer.echo(printable(note), err=True)
    if found["ignored"]:
        typer.echo(printable("common words left out: " + ", ".join(found["ignored"])), err=True)
    pages = max(1, -(-found["total"] // limit))
    within, undated = range_words(found), undated_words(found, "results of undated articles")
    if found["total"] and not as_json:
        past = "" if found["results"] else ": past the last page"
        counts = f"{found['total']} results{within}, page {page} of {pages}{past}"
        typer.echo(counts + undated, err=True)
    elif not as_json:
        typer.echo(f"no results{within}{undated}", err=True)


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind (local only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A Host name the site answers to (repeat; default: 127.0.0.1 and localhost, "
            "or $PRESSLENS_ALLOWED_HOSTS).",
        ),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            envvar="PRESSLENS_WORKERS",
            help="Server processes, one or two per core. Each runs the analyse page's analyses "
            "in processes of their own (PRESSLENS_WEB_ANALYSES at once, 1 by default; about "
            "450 MB each once the model is loaded).",
        ),
    ] = 1,
) -> None:
    """Browse and search the corpus in a web browser (needs the web extra). For a team, run it
    with --workers behind a reverse proxy: see "Running it for a team" in the README."""
    require_web_extra()
    import uvicorn

    from presslens.settings import load_settings
    from presslens.store import default_db, open_store, redact
    from presslens.web.app import create_app

    location = db or default_db()
    open_store(location).close()  # fail now, in one line, if the store cannot be opened
    settings = load_settings(config)  # and on a bad settings file
    typer.echo(
        f"presslens: serving {redact(location)} on http://{host}:{port}/ "
        f"({workers} worker{'s' if workers > 1 else ''})",
        err=True,
    )
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning"}
    options["timeout_graceful_shutdown"] = 5
    if workers == 1:
        app = create_app(location, settings=settings, hosts=allowed_host or None)
        uvicorn.run(app, **options)
        return
    # Several processes: uvicorn builds the site in each from `web_app`, which reads the store,
    # the hosts and the settings file from the environment set here.
    os.environ["PRESSLENS_DB"] = location
    if allowed_host:
        os.environ["PRESSLENS_ALLOWED_HOSTS"] = ",".join(allowed_host)
    if config is not None:
        os.environ["PRESSLENS_CONFIG"] = str(config.resolve())
    uvicorn.run("presslens.cli.corpus:web_app", factory=True, workers=workers, **options)


def web_app() -> Any:
    """The site in one process of `presslens serve --workers N` (a uvicorn factory): the store
    in PRESSLENS_DB, the hosts in PRESSLENS_ALLOWED_HOSTS, the settings file in PRESSLENS_CONFIG."""
    from presslens.settings import load_settings
    from presslens.store import default_db
    from presslens.web.app import create_app

    return create_app(default_db(), settings=load_settings())


WEB_MODULES = ("fastapi", "uvicorn", "multipart")


def require_web_extra() -> None:
    """Raise MissingExtraError when the web server's packages are not installed."""
    import importlib.util

    if any(importlib.util.find_spec(name) is None for name in WEB_MODULES):
        raise MissingExtraError("presslens serve", "web")


def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="A folder: one file per table.")],
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: lists as arrays, dates in ISO 8601. parquet: list and UTC timestamp "
            "columns (needs pyarrow, in the batch extra). csv: UTF-8 with a byte-order mark, so "
            "that Excel shows curly quotes and accents intact; lists joined with '; '.",
        ),
    ] = ExportFormat.jsonl,
    tables: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            help="articles, actors, quotes, figures, claims, sources or tones (repeat; "
            "default: all).",
        ),
    ] = None,
    dossiers: Annotated[
        bool, typer.Option("--dossiers", help="Include the full dossier record (jsonl only).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write the corpus as tables (articles, actors, quotes, figures, claims, sources, tones),
    one JSONL, CSV or Parquet file each; every row but an article's carries its article_id."""
    from presslens.store import open_store
    from presslens.store.exports import EXPORT_TABLES

    chosen = tables or list(EXPORT_TABLES)
    unknown = [t for t in chosen if t not in EXPORT_TABLES]
    if unknown:
        raise PresslensError(
            f"cannot export {', '.join(unknown)}: choose from {', '.join(EXPORT_TABLES)}"
        )
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PresslensError(f"cannot create {output}: {exc.strerror or exc}") from exc
    with open_store(db) as store:
        for table in chosen:
            rows = store.export(
                table, with_dossier=dossiers and export_format is ExportFormat.jsonl
            )
            path = output / f"{table}.{export_format.value}"
            count = WRITERS[export_format](rows, path, table)
            typer.echo(f"wrote {count} rows to {path}", err=True)


def write_jsonl(rows: Any, path: Path, table: str) -> int:
    from presslens.store.exports import plain_value

    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, default=plain_value) + "\n")
            count += 1
    return count


# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +, -, @, or after a tab or CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """Text that starts like a formula gets a leading apostrophe, so that a spreadsheet shows it
    as text instead of running it (the OWASP advice for CSV injection); numbers are left alone.
    A list is one cell joined with "; " (CSV has no lists), a date is ISO 8601."""
    from presslens.store.exports import LIST_JOINER, plain_value

    if isinstance(value, list):
        value = LIST_JOINER.join(str(item) for item in value)
    value = plain_value(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Any, path: Path, table: str) -> int:
    """CSV in UTF-8 with a byte-order mark (utf-8-sig): without it Excel reads the file as the
    local code page and shows curly quotes as mojibake; pandas and Python's csv (with
    encoding="utf-8-sig") drop the mark. The header is written even when there is no row."""
    from presslens.store.exports import COLUMNS

    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[name for name, _ in COLUMNS[table]])
        writer.writeheader()
        for row in rows:
            writer.writerow({key: csv_cell(value) for key, value in row.items()})
            count += 1
    return count


def printable(text: str) -> str:
    """Text for the terminal: control characters (escape sequences among them) dropped, since a
    terminal would run them; stored text from before they were dropped at ingest may hold some."""
    from presslens.ingest.decode import CONTROLS

    return CONTROLS.sub("", text)


PARQUET_ROWS_PER_GROUP = 10_000


def write_parquet(rows: Any, path: Path, table: str) -> int:
    """Typed columns (store/exports.py COLUMNS), written a row group at a time."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("Parquet export", "batch") from exc
    from presslens.store.exports import arrow_row, arrow_schema

    schema = arrow_schema(table)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        group: list[dict[str, Any]] = []
        for row in itertools.chain(rows, [None]):
            if row is not None:
                group.append(arrow_row(row))
            if group and (row is None or len(group) >= PARQUET_ROWS_PER_GROUP):
                writer.write_table(pa.Table.from_pylist(group, schema=schema))
                count, group = count + len(group), []
    return count


WRITERS = {
    ExportFormat.jsonl: write_jsonl,
    ExportFormat.csv: write_csv,
    ExportFormat.parquet: write_parquet,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit("run `presslens ingest|search|serve|export`")
