"""A mark laid over the article text: a span, its CSS classes and a tooltip."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.model import Span


@dataclass(frozen=True, slots=True)
class Mark:
    span: Span
    css: str
    title: str = ""
