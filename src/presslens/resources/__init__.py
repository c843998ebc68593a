"""Lexicons, tables, models and the sample article that ship with presslens.

`read_text` and `read_json` are the one way code reads them; callers cache what they build.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of one bundled resource file, e.g. read_text("chrome.txt")."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def read_json(name: str) -> Any:
    return json.loads(read_text(name))
