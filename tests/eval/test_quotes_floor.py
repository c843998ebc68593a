"""The quotes stage stays above its pinned floors on PolNeAR dev (eval/quotes.py --check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "dev"


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared (PolNeAR) is absent")
def test_quotes_scores_stay_above_floors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "quotes.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert result.returncode == 0, result.stdout + result.stderr
