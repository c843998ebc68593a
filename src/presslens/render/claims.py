"""The "check first" list, ordered once here for every output (the report's panel, the Markdown
summary, the highlights in the text, the web page).

The claims stage ranks by a priority that adds figures and cited sources to the score, and
clips the score at 0.95 first, so its `rank` can put a sentence shown as 0.98 above one shown as
1.00. A reader sees the score to two decimals and reads the list as sorted by it: so the list is
sorted by the score as shown, and the stage's rank only breaks ties between equal shown scores
(where it says which of them has a figure or a source to check against).
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.model import Claim, Dossier, Span
from presslens.render.numbers import score

TOP_CLAIMS = 10


@dataclass(frozen=True, slots=True)
class Listed:
    """A claim in the order shown: `position` counts from 1, `top` is within the first ten."""

    claim: Claim
    position: int
    top: bool


def shown_order(claims: tuple[Claim, ...] | list[Claim]) -> list[Claim]:
    """Highest score as shown first; the stage's rank among equal shown scores."""
    return sorted(claims, key=lambda claim: (-float(score(claim.score)), claim.rank))


def check_first(dossier: Dossier) -> list[Listed]:
    return [
        Listed(claim, position, position <= TOP_CLAIMS)
        for position, claim in enumerate(shown_order(dossier.claims), start=1)
    ]


def sentence_anchor(span: Span) -> str:
    """The id of the sentence starting where `span` starts, in every page's article text."""
    return f"s{span.start}"
