"""The check-worthiness scorer stays above its pinned floors on CT24 (eval/claims.py --check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CT24 = ROOT.parent / "shared" / "data" / "checkworthiness" / "ct24"


@pytest.mark.skipif(not CT24.exists(), reason="../shared (CT24) is absent")
def test_claims_scores_stay_above_floors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "claims.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert result.returncode == 0, result.stdout + result.stderr
