"""Run as a script: `python read_within_bounds.py LIMIT SPEC.json` reads each case of SPEC (a
name -> list of input paths) with `iter_documents` at a `max_bytes` of LIMIT, each in its own
forked process so that its peak memory is its own, and prints one JSON object: per case, the
documents (id, error, bytes) or the exception raised, and how much the peak RSS grew in MB.

A fresh process: the test process has loaded models and data whose earlier peak would hide the
growth of a bomb."""

from __future__ import annotations

import json
import os
import resource
import sys
from typing import Any

from presslens.ingest.sources import iter_documents
from presslens.settings import Settings


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_case(paths: list[str], settings: Settings) -> dict[str, Any]:
    before = peak_megabytes()
    documents: list[tuple[str, str | None, int]] = []
    raised = None
    try:
        for document in iter_documents(paths, settings=settings):
            documents.append((document.id, document.error, len(document.data or b"")))
    except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails on it
        raised = f"{exc.__class__.__name__}: {str(exc)[:300]}"
    return {"documents": documents, "raised": raised, "growth_mb": peak_megabytes() - before}


def in_child(paths: list[str], settings: Settings) -> dict[str, Any]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        with os.fdopen(write_end, "w") as out:
            out.write(json.dumps(read_case(paths, settings)))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as result:
        text = result.read()
    os.waitpid(pid, 0)
    return json.loads(text) if text else {"raised": "the reading process died"}


def main() -> None:
    settings = Settings(max_bytes=int(sys.argv[1]))
    with open(sys.argv[2], encoding="utf-8") as handle:
        spec = json.load(handle)
    print(json.dumps({name: in_child(paths, settings) for name, paths in spec.items()}))


if __name__ == "__main__":
    main()
