"""`presslens checkworthy`: score sentences one per line, as ClaimBuster's API does."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from presslens.errors import InputError


def read_lines(source: str) -> list[str]:
    """Non-blank lines of a file, or of stdin for "-"."""
    if source == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(
                f"cannot read {source}: {exc.strerror or exc} "
                "(give a text file, one sentence a line, or - for stdin)"
            ) from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{source} is not UTF-8 text: {exc.reason}") from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def checkworthy(
    source: Annotated[
        str, typer.Argument(metavar="[FILE|-]", help="One sentence a line; - for stdin.")
    ] = "-",
    as_json: Annotated[
        bool, typer.Option("--json", help="A JSON list of {sentence, score} instead of TSV.")
    ] = False,
) -> None:
    """Score each sentence's check-worthiness (0-1; check-worthy at >= 0.5)."""
    from presslens.stages.claims.checkworthy import score_checkworthiness

    sentences = read_lines(source)
    scores = score_checkworthiness(sentences)
    if as_json:
        pairs = zip(sentences, scores, strict=True)
        rows = [{"sentence": sentence, "score": round(score, 4)} for sentence, score in pairs]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for sentence, score in zip(sentences, scores, strict=True):
        sys.stdout.write(f"{score:.4f}\t{sentence}\n")
