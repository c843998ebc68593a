"""Where batch rows go: JSON Lines, Parquet (a directory of part files) or the corpus store."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from presslens.batch.work import Row
from presslens.errors import PresslensError

PARQUET_ROWS_PER_PART = 2000
# A part is also written once its first buffered row is this old, so a killed run loses at most
# this many seconds of rows (Parquet cannot be appended to: rows wait in memory until written).
PARQUET_SECONDS_PER_PART = 30.0


class Sink(Protocol):
    def existing_ids(self) -> set[str]: ...

    def write(self, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


class JsonlSink:
    """JSON Lines, one row per line, flushed per batch of rows so a crash loses little."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        self.ids = read_jsonl_ids(path) if resume else set()
        self.handle = path.open("a" if resume else "w", encoding="utf-8")

    def existing_ids(self) -> set[str]:
        return self.ids

    def write(self, rows: list[Row]) -> None:
        self.handle.write("".join(row.to_json() + "\n" for row in rows))
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


def read_jsonl_ids(path: Path) -> set[str]:
    """Ids of the complete rows in `path`; a torn last line (an interrupted write) is cut off."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    decoder = json.JSONDecoder()
    good_end = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            text = line.decode("utf-8", errors="replace")
            try:
                # Rows start with {"id": ...: read the id without parsing the whole dossier.
                if not text.startswith('{"id": '):
                    raise ValueError("not a batch row")
                ids.add(decoder.raw_decode(text, len('{"id": '))[0])
            except ValueError:
                break
            good_end += len(line)
    if good_end < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
    return ids


class ParquetSink:
    """A Parquet dataset: `OUT.parquet/part-NNNNN.parquet`, each written whole then renamed, every
    PARQUET_ROWS_PER_PART rows or PARQUET_SECONDS_PER_PART seconds, whichever comes first.

    Besides the row's own columns and the whole dossier as JSON text (`dossier`, the contract),
    each row has typed columns to query without parsing it: title, published (a UTC timestamp),
    language, word_count, reading_time_minutes, and actors, quotes, figures, claims, sources and
    tones as lists of structs with the columns `presslens export` gives those tables."""

    columns = ("id", "uri", "status", "sha256", "stage", "message", "dossier")

    def __init__(
        self,
        path: Path,
        *,
        resume: bool,
        seconds_per_part: float = PARQUET_SECONDS_PER_PART,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise PresslensError(
                "Parquet output needs pyarrow: pip install 'presslens[batch]'"
            ) from exc
        self.path = path
        if path.is_file():
            raise PresslensError(f"{path} is a file: Parquet output is a directory of parts")
        path.mkdir(parents=True, exist_ok=True)
        if not resume:
            for old in path.glob("part-*.parquet"):
                old.unlink()
        for partial in path.glob("*.tmp"):
            partial.unlink()
        self.parts = sorted(path.glob("part-*.parquet"))
        self.ids = self.read_ids() if resume else set()
        self.buffer: list[Row] = []
        self.seconds_per_part = seconds_per_part
        self.clock = clock
        self.buffered_since = 0.0

    def read_ids(self) -> set[str]:
        import pyarrow.parquet as pq

        ids: set[str] = set()
        for part in self.parts:
            ids.update(pq.read_table(part, columns=["id"]).column("id").to_pylist())
        return ids

    def existing_ids(self) -> set[str]:
        return self.ids

    def write(self, rows: list[Row]) -> None:
        if rows and not self.buffer:
            self.buffered_since = self.clock()
        self.buffer.extend(rows)
        waited = self.clock() - self.buffered_since
        if len(self.buffer) >= PARQUET_ROWS_PER_PART or waited >= self.seconds_per_part:
            self.flush()

    def flush(self) -> None:
        import pyarrow.parquet as pq

        if not self.buffer:
            return
        table = self.arrow_table()
        number = len(self.parts)
        while (self.path / f"part-{number:05d}.parquet").exists():
            number += 1
        final = self.path / f"part-{number:05d}.parquet"
        temporary = final.with_suffix(".tmp")
        pq.write_table(table, temporary)
        temporary.rename(final)
        self.parts.append(final)
        self.buffer = []

    def arrow_table(self) -> Any:
        """The buffered rows: their own columns as text, then the nested ones."""
        import pyarrow as pa

        from presslens.store.exports import nested_schema_fields, nested_values

        fields = [pa.field(name, pa.string()) for name in self.columns] + nested_schema_fields()
        columns = {name: [getattr(row, name) for row in self.buffer] for name in self.columns}
        nested = [
            nested_values(json.loads(row.dossier) if row.dossier else None) for row in self.buffer
        ]
        for field in fields[len(self.columns) :]:
            columns[field.name] = [values[field.name] for values in nested]
        return pa.table(columns, schema=pa.schema(fields))

    def close(self) -> None:
        self.flush()


class StoreSink:
    """The corpus store (`presslens.store`): dossiers keyed by content like `presslens ingest`
    keys them, so the same article is stored once whichever command brought it in."""

    def __init__(self, out: str, *, resume: bool) -> None:
        from presslens.store import open_store

        self.store = open_store(out)
        self.ids: set[str] = set()
        if resume:
            for table in ("articles", "errors"):
                rows = self.store.all(f"SELECT input_id FROM {table} WHERE input_id IS NOT NULL")
                self.ids.update(row["input_id"] for row in rows)

    def existing_ids(self) -> set[str]:
        return self.ids

    def write(self, rows: list[Row]) -> None:
        for row in rows:
            if row.status == "ok" and row.sha256 and row.dossier:
                data = json.loads(row.dossier)
                self.store.save(data, sha256=row.sha256, input_id=row.id, uri=row.uri)
            else:
                key = row.sha256 or f"input:{row.id}"
                reason = f"{row.stage}: {row.message}"
                self.store.save_error(key=key, reason=reason, input_id=row.id, uri=row.uri)

    def close(self) -> None:
        self.store.close()


def is_store_url(out: str) -> bool:
    """A store to write into: a `.db`/`.sqlite` file, or a sqlite:/// or PostgreSQL URL."""
    lowered = out.lower()
    if lowered.endswith((".db", ".sqlite", ".sqlite3")):
        return True
    return lowered.startswith(("postgresql:", "postgres:", "postgresql+psycopg:", "sqlite:"))


def open_sink(out: str, *, resume: bool) -> Sink:
    if is_store_url(out):
        return StoreSink(out, resume=resume)
    path = Path(out)
    if path.suffix.lower() == ".jsonl":
        return JsonlSink(path, resume=resume)
    if path.suffix.lower() == ".parquet":
        return ParquetSink(path, resume=resume)
    raise PresslensError(f"{out}: the output must end in .jsonl or .parquet")
