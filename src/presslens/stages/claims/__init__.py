"""Claims: sentences ranked by how much they are worth checking (stage), scored by the
check-worthiness model (checkworthy)."""

from presslens.stages.claims.checkworthy import score_checkworthiness
from presslens.stages.claims.stage import rank_claims

__all__ = ["rank_claims", "score_checkworthiness"]
