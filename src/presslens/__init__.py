"""presslens: read an article the way a careful fact-checker does, and write a dossier."""

from presslens.errors import PresslensError  # noqa: E402
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
)
from presslens.pipeline import analyse  # noqa: E402
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
    "score_checkworthiness",
    "tone_toward",
]
