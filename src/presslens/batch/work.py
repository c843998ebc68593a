"""The work done in each worker: one partition of input documents analysed into rows (a
dossier as JSON, or an error naming the stage that failed)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from presslens import nlp, pipeline
from presslens.ingest.identity import content_key
from presslens.ingest.inputs import InputDocument
from presslens.ingest.sources import load_document
from presslens.model import Article, Dossier
from presslens.settings import Settings

DEFAULT_PARTITION_SIZE = 16

WARM_UP_TEXT = "Warm-up\n\nThe mayor said on Monday that 12 new homes would cost $3 million."


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Row:
    """One output row: a dossier (as JSON text) or an error naming the stage that failed."""

    id: str
    uri: str
    status: str  # ok | error
    stage: str | None = None
    message: str | None = None
    dossier: str | None = None
    sha256: str | None = None  # of the normalised content, as `presslens ingest` keys it

    def to_json(self) -> str:
        fields = {"id": self.id, "uri": self.uri, "status": self.status, "sha256": self.sha256}
        if self.status == "ok":
            head = json.dumps(fields, ensure_ascii=False)
            return f'{head[:-1]}, "dossier": {self.dossier}}}'
        fields |= {"stage": self.stage, "message": self.message}
        return json.dumps(fields, ensure_ascii=False)


def error_row(
    document: InputDocument, stage: str, exc: BaseException | str, sha256: str | None = None
) -> Row:
    message = exc if isinstance(exc, str) else f"{exc.__class__.__name__}: {exc}"
    return Row(document.id, document.uri, "error", stage=stage, message=message, sha256=sha256)


def warm_up(settings: Settings | None = None) -> None:
    """Load the model and every lexicon into this process's caches, once. The encoder runs on
    one thread in a worker, as BLAS does: the workers are the parallelism."""
    os.environ.setdefault("PRESSLENS_ENCODER_THREADS", "1")
    pipeline.analyse(WARM_UP_TEXT, settings=settings or Settings())


def analyse_partition(documents: list[InputDocument], settings: Settings) -> list[Row]:
    """Rows in input order. The loaded articles are parsed in one spaCy batch; a document that
    cannot be read, loaded, analysed or rendered becomes an error row naming the stage."""
    rows: list[Row | None] = [None] * len(documents)
    loaded: list[tuple[int, str | None, Article]] = []
    for number, document in enumerate(documents):
        if document.error or document.data is None:
            rows[number] = error_row(document, "read", document.error or "no content")
            continue
        key = content_key(document.data)
        try:
            loaded.append((number, key, load_document(document, settings=settings)))
        except Exception as exc:  # noqa: BLE001 - a bad document is a row, not a crash
            rows[number] = error_row(document, "ingest", exc, key)
    articles = [article for _, _, article in loaded]
    # what spaCy and the heap keep of this partition goes with it (the rows are plain text by
    # then); without it every new word and name of a corpus stays
    with nlp.transient(settings):
        results = pipeline.analyse_many(articles, settings=settings)
        for (number, key, _), result in zip(loaded, results, strict=True):
            rows[number] = dossier_row(documents[number], key, result)
    return [row for row in rows if row is not None]


def dossier_row(document: InputDocument, key: str | None, result: Dossier | Exception) -> Row:
    if isinstance(result, Exception):
        return error_row(document, "analyse", result, key)
    try:
        text = json.dumps(result.to_dict(), ensure_ascii=False)
    except Exception as exc:  # noqa: BLE001
        return error_row(document, "render", exc, key)
    return Row(document.id, document.uri, "ok", dossier=text, sha256=key)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter), read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def failed_partition(chunk: list[InputDocument], exc: BaseException) -> list[Row]:
    """A worker that died takes its partition with it: every document there is an error row."""
    return [error_row(document, "worker", exc) for document in chunk]
