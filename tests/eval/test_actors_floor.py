"""Actors, titles and attribution stay within their pinned floors on our gold (eval/actors.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "dev" / "text"


@pytest.mark.skipif(not TEXTS.exists(), reason="../shared (PolNeAR texts) is absent")
def test_actor_scores_stay_within_floors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "actors.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert result.returncode == 0, result.stdout + result.stderr
