"""The tone model stays above its pinned floors on NewsMTSC dev (eval/tone.py --check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEWSMTSC = ROOT.parent / "shared" / "data" / "stance" / "newsmtsc"


@pytest.mark.skipif(not NEWSMTSC.exists(), reason="../shared (NewsMTSC) is absent")
def test_tone_scores_stay_above_floors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "tone.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert result.returncode == 0, result.stdout + result.stderr
