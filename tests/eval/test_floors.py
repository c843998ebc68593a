"""Every quality score stays within its pinned floor: each eval script's `--check` on the data
in ../shared it reads (skipped when that data is absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"

# eval script, the data it needs, seconds it may take
CHECKS = [
    ("actors.py", DATA / "attribution" / "polnear" / "dev" / "text", 110),
    ("firstnames.py", DATA / "attribution" / "polnear" / "train" / "text", 60),
    ("quotes.py", DATA / "attribution" / "polnear" / "dev", 280),
    ("figures.py", DATA / "quantities", 280),  # floors for both halves of NewsQuant dev
    ("claims.py", DATA / "checkworthiness" / "ct24", 280),
    ("tone.py", DATA / "stance" / "newsmtsc", 280),
    ("extraction.py", DATA / "extraction" / "scrapinghub", 150),
    ("claim_matching.py", DATA / "claim-matching" / "clef2020-t2", 300),  # encodes 10k claims
    ("claim_groups.py", DATA / "claim-matching" / "clef2020-t2", 300),
    ("conflicts.py", DATA / "attribution" / "polnear" / "train" / "text", 280),  # judged articles
]


@pytest.mark.parametrize(("script", "data", "seconds"), CHECKS, ids=[c[0] for c in CHECKS])
def test_scores_stay_within_floors(script: str, data: Path, seconds: int) -> None:
    if not data.exists():
        pytest.skip(f"../shared ({data.relative_to(ROOT.parent)}) is absent")
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / script), "--check"],
        capture_output=True,
        text=True,
        timeout=seconds,
    )
    assert result.returncode == 0, result.stdout + result.stderr
