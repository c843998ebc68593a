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


def parse_sections(
    raw: str, sections: tuple[str, ...], what: str, *, inline_comments: bool = True
) -> dict[str, list[str]]:
    """The word-list format every lexicon shares: `[section]` headers, one entry a line, in
    order; blank lines and `#` comments ignored (a `#` inside a line starts a comment too,
    unless `inline_comments` is False, for files of regular expressions). An unknown section,
    or an entry before any section, is refused with `what` (the file) named."""
    found: dict[str, list[str]] = {name: [] for name in sections}
    section = None
    for line in raw.splitlines():
        line = (line.split("#", 1)[0] if inline_comments else line).strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section not in found:
                raise ValueError(f"{what}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"{what}: {line!r} comes before any [section]")
        found[section].append(line)
    return found
