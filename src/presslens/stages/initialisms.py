"""Organisations' initialisms and their full names (resources/initialisms.txt, from WordNet
3.1): "FBI" is the Federal Bureau of Investigation, so "the bureau" may name it."""

from __future__ import annotations

import functools

from presslens.resources import read_text


def parse_initialisms(raw: str) -> dict[str, str]:
    """Initialism (without dots) -> full name; the first line of an initialism wins."""
    found: dict[str, str] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        short, full = line.split("\t", 1)
        found.setdefault(short.replace(".", ""), full.strip())
    return found


@functools.cache
def load_initialisms() -> dict[str, str]:
    return parse_initialisms(read_text("initialisms.txt"))


def full_name(name: str) -> str | None:
    """The full name an organisation's initialism stands for ("F.B.I." -> "Federal Bureau of
    Investigation"); None for any other name."""
    return load_initialisms().get(name.replace(".", ""))
