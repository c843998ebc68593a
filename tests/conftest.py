"""Shared fixtures. Every dossier the tests produce is checked against the JSON Schema and the
span invariant (`article.text[start:end]` is the recorded text) by wrapping `analyse`."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

import presslens
import presslens.pipeline
from presslens.model import Dossier, validate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHOWCASE = SHARED / "articles" / "imperialists-peace.txt"


def check_spans(data: dict[str, Any]) -> None:
    """Every record with a span and a text must agree with the article text."""
    text = data["article"]["text"]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            span = node.get("span")
            if isinstance(span, dict) and isinstance(node.get("text"), str):
                surface = text[span["start"] : span["end"]]
                assert surface == node["text"], f"span {span} is {surface!r}, not {node['text']!r}"
            for key, value in node.items():
                if key != "article":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    for section in data["article"]["sections"]:
        if section["heading"] is not None:
            span = section["heading_span"]
            assert text[span["start"] : span["end"]] == section["heading"]
    for actor in data["actors"]:
        for mention in actor["mentions"]:
            surface = text[mention["start"] : mention["end"]]
            assert surface in (actor["name"], *actor["aliases"]), (surface, actor["name"])


def check_dossier(dossier: Dossier) -> Dossier:
    data = dossier.to_dict()
    validate(data)
    check_spans(data)
    return dossier


def validating(analyse):  # type: ignore[no-untyped-def]
    @functools.wraps(analyse)
    def wrapper(*args: Any, **kwargs: Any) -> Dossier:
        return check_dossier(analyse(*args, **kwargs))

    return wrapper


presslens.pipeline.analyse = validating(presslens.pipeline.analyse)
# the public analyse reads a str as a file or a URL first, then calls the pipeline's own
presslens.analyse = validating(presslens.analyse)


@pytest.fixture(scope="session")
def showcase_path() -> Path:
    if not SHOWCASE.is_file():
        pytest.skip("../shared/articles is absent: the showcase article is not available")
    return SHOWCASE


@pytest.fixture(scope="session")
def showcase(showcase_path: Path) -> Dossier:
    return presslens.analyse(showcase_path)


@pytest.fixture(scope="session")
def sample() -> Dossier:
    from presslens.cli import sample_article_path

    return presslens.analyse(sample_article_path())
