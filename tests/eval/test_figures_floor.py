"""The figures stage stays above its pinned floors on NewsQuant and the Recognizers-Text specs
(eval/figures.py --check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUANTITIES = ROOT.parent / "shared" / "data" / "quantities"


@pytest.mark.skipif(not QUANTITIES.exists(), reason="../shared (quantities data) is absent")
def test_figures_scores_stay_above_floors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "figures.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert result.returncode == 0, result.stdout + result.stderr
