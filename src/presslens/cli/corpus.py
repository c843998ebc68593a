"""Corpus commands: `presslens ingest | search | serve | export`."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from presslens.errors import PresslensError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file or postgresql:// URL (default: $PRESSLENS_DB or presslens.db)."
    ),
]


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
) -> None:
    """Analyse every article named and store its dossier (or why it failed); reruns skip
    what is stored."""
    from presslens.batch.ingest import ingest as run_ingest
    from presslens.settings import load_settings
    from presslens.store import open_store

    settings = load_settings(config)
    with open_store(db) as store:
        report = run_ingest(
            locations,
            store,
            settings=settings,
            retry_errors=retry_errors,
            timeout=timeout,
            show_progress=not quiet,
        )
        typer.echo(report.line(), err=True)
        if report.failed:
            for error in store.errors(limit=10):
                line = f"  failed: {error['input_id']}: {error['reason']}"
                typer.echo(printable(line), err=True)


def search(
    query: Annotated[str, typer.Argument(help="Words to find (punctuation is ignored).")] = "",
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
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """Full-text search over article text, quotes and claims."""
    from presslens.store import open_store

    with open_store(db) as store:
        results = store.search(
            query,
            speaker=speaker,
            actor=actor,
            source=source,
            kind=kind.value if kind else None,
            limit=limit,
        )
    for hit in results:
        if as_json:
            typer.echo(json.dumps(hit, ensure_ascii=False))
            continue
        who = f" — {hit['speaker']}" if hit.get("speaker") else ""
        title = hit.get("title") or f"article {hit['article_id']}"
        typer.echo(printable(f"[{hit['kind']}] #{hit['article_id']} {title}{who}"))
        typer.echo("    " + printable(" ".join(hit["snippet"].split())))
    if not results and not as_json:
        typer.echo("no results", err=True)


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
) -> None:
    """Browse and search the corpus in a web browser."""
    import uvicorn

    from presslens.settings import load_settings
    from presslens.store import default_db, open_store, redact
    from presslens.web.app import create_app

    location = db or default_db()
    open_store(location).close()  # fail now, in one line, if the store cannot be opened
    typer.echo(f"presslens: serving {redact(location)} on http://{host}:{port}/", err=True)
    app = create_app(location, settings=load_settings(config), hosts=allowed_host or None)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)


def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="A folder: one file per table.")],
    export_format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    tables: Annotated[
        list[str] | None,
        typer.Option("--table", help="articles, quotes, figures or claims (repeat)."),
    ] = None,
    dossiers: Annotated[
        bool, typer.Option("--dossiers", help="Include the full dossier record (jsonl only).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write articles, quotes, figures and claims as JSONL, CSV or Parquet files."""
    from presslens.store import open_store
    from presslens.store.base import EXPORT_TABLES

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
            count = WRITERS[export_format](rows, path)
            typer.echo(f"wrote {count} rows to {path}", err=True)


def write_jsonl(rows: Any, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +, -, @, or after a tab or CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """Text that starts like a formula gets a leading apostrophe, so that a spreadsheet shows it
    as text instead of running it (the OWASP advice for CSV injection); numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Any, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({key: csv_cell(value) for key, value in row.items()})
            count += 1
    return count


def printable(text: str) -> str:
    """Text for the terminal: control characters (escape sequences among them) dropped, since a
    terminal would run them; stored text from before they were dropped at ingest may hold some."""
    from presslens.ingest.decode import CONTROLS

    return CONTROLS.sub("", text)


def write_parquet(rows: Any, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise PresslensError("Parquet export needs pyarrow: pip install pyarrow") from exc
    table = pa.Table.from_pylist(list(rows))
    pq.write_table(table, path)
    return table.num_rows


WRITERS = {
    ExportFormat.jsonl: write_jsonl,
    ExportFormat.csv: write_csv,
    ExportFormat.parquet: write_parquet,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit("run `presslens ingest|search|serve|export`")
