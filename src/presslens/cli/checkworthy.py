"""`presslens checkworthy`: score sentences one per line, as ClaimBuster's API does."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from presslens.cli.analyze import FastOption, mode
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
        bool,
        typer.Option(
            "--json", help="A JSON list of {sentence, score, checkworthy} instead of TSV."
        ),
    ] = False,
    fast: FastOption = False,
    config: Annotated[Path | None, typer.Option("--config", help="A TOML settings file.")] = None,
) -> None:
    """Score each sentence's check-worthiness (0-1; check-worthy at the claim_threshold
    setting, 0.5 by default: the threshold the dossiers' claims use)."""
    from presslens.settings import load_settings
    from presslens.stages.claims.checkworthy import score_checkworthiness

    settings = load_settings(config, models=mode(fast))
    sentences = read_lines(source)
    scores = score_checkworthiness(sentences, mode=settings.models)
    if as_json:
        threshold = settings.claim_threshold
        rows = [
            {"sentence": sentence, "score": round(score, 4), "checkworthy": score >= threshold}
            for sentence, score in zip(sentences, scores, strict=True)
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for sentence, score in zip(sentences, scores, strict=True):
        sys.stdout.write(f"{score:.4f}\t{sentence}\n")
