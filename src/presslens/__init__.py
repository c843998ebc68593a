"""presslens: read an article the way a careful fact-checker does, and write a dossier."""

from __future__ import annotations

import re
from pathlib import Path

from presslens.errors import InputError, MissingInputError, PresslensError  # noqa: E402
from presslens.ingest import load  # noqa: E402
from presslens.model import (  # noqa: E402
    Actor,
    Article,
    Claim,
    Dossier,
    Figure,
    Quote,
    Source,
    Span,
    load_dossier,
)
from presslens.pipeline import analyse as analyse_source  # noqa: E402
from presslens.settings import Settings  # noqa: E402
from presslens.stages.claims.checkworthy import score_checkworthiness  # noqa: E402
from presslens.stages.tone.model import tone_toward  # noqa: E402
from presslens.version import __version__

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "Dossier",
    "Figure",
    "PresslensError",
    "Quote",
    "Settings",
    "Source",
    "Span",
    "__version__",
    "analyse",
    "load",
    "load_dossier",
    "score_checkworthiness",
    "tone_toward",
]

# A str shaped like a file name (one line, no spaces, a known suffix or a path start): a user who
# passes one means a file, never a one-word article.
PATH_SUFFIXES = re.compile(
    r"\.(txt|text|md|html?|xhtml|xml|rss|atom|json|jsonl|ndjson|warc|gz)$", re.IGNORECASE
)
PATH_STARTS = ("/", "./", "../", "~/", ".\\", "..\\")
LONGEST_PATH = 4096


def analyse(
    source: str | bytes | Path | Article,
    *,
    settings: Settings | None = None,
    timings: dict[str, float] | None = None,
) -> Dossier:
    """Analyse one article and return its dossier.

    `source` is article text (plain or HTML), bytes, a `pathlib.Path`, or a loaded `Article`.
    A `str` is read the way a user means it:

    - an http(s) URL (one line) is fetched, as `presslens analyze URL` does;
    - one line naming an existing file is read from that file (a directory raises InputError);
    - one line shaped like a file name (no spaces, ending in .txt, .html, .json, ... or starting
      with / ./ ~/) that does not exist raises `presslens.errors.MissingInputError`, rather than
      analysing the name as a one-word article;
    - anything else (several words or lines, HTML) is the article's text itself.

    `settings` overrides the defaults (`presslens.Settings`); `timings`, when given, receives
    the wall time of the parse and of each stage in seconds.
    """
    if isinstance(source, str):
        source = resolve_text_source(source, settings)
    return analyse_source(source, settings=settings, timings=timings)


def resolve_text_source(text: str, settings: Settings | None) -> str | Path | Article:
    """What a str given to `analyse` stands for: a fetched URL, a file, or the text itself."""
    from presslens.ingest.detect import URL, load_location

    line = text.strip()
    if not line or "\n" in line or len(line) > LONGEST_PATH or "\x00" in line:
        return text
    if URL.match(line):
        return load_location(line, settings=settings)
    path = Path(line).expanduser()
    try:
        if path.is_file():
            return path
        if path.is_dir():
            raise InputError(f"{line} is a directory: give one article file (or `ingest` it)")
    except (OSError, ValueError):  # a name the file system cannot hold is text
        return text
    if looks_like_path(line):
        raise MissingInputError(
            f"{line} does not exist: check the path, or pass the article's text itself"
        )
    return text


def looks_like_path(line: str) -> bool:
    """A single word that only a file name would be (see PATH_SUFFIXES and PATH_STARTS)."""
    if any(ch.isspace() for ch in line):
        return False
    return bool(PATH_SUFFIXES.search(line)) or line.startswith(PATH_STARTS)
