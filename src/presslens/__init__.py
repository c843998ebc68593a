"""presslens: read an article the way a careful fact-checker does, and write a dossier."""

from __future__ import annotations

from pathlib import Path

from presslens.corpus.matching import match_claims  # noqa: E402
from presslens.errors import PresslensError  # noqa: E402
from presslens.ingest import load  # noqa: E402
from presslens.ingest.detect import text_source  # noqa: E402
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
    "match_claims",
    "score_checkworthiness",
    "tone_toward",
]


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
        source = text_source(source, settings)
    return analyse_source(source, settings=settings, timings=timings)
