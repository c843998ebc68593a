"""`analyse()`: the one place that runs the stages, in order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from presslens import nlp, segment
from presslens.ingest import load
from presslens.model import Article, Dossier, Warning
from presslens.settings import Settings
from presslens.stages.claims import rank_claims
from presslens.stages.entities import find_actors
from presslens.stages.figures import find_figures
from presslens.stages.quotes import find_quotes
from presslens.stages.sources import find_sources
from presslens.stages.tone import find_tones

T = TypeVar("T")
ENGLISH_ONLY = "actors, quotes, figures, claims, sources and tone"


def run_stage(
    name: str, warnings: list[Warning], empty: T, stage: Callable[..., T], *args, **kw
) -> T:
    """Run one stage; a failure becomes a warning naming the stage, never a crash."""
    try:
        return stage(*args, **kw)
    except Exception as exc:  # noqa: BLE001 - one stage must not sink the article
        warnings.append(Warning(name, f"stage failed: {exc.__class__.__name__}: {exc}"))
        return empty


def analyse(source: str | bytes | Path | Article, *, settings: Settings | None = None) -> Dossier:
    """Article text (plain or HTML), bytes, a file Path or a loaded Article -> Dossier."""
    settings = settings or Settings()
    article = source if isinstance(source, Article) else load(source, settings=settings)
    warnings: list[Warning] = list(article.warnings)
    doc = nlp.parse(article.text, settings)
    sentences = segment.sentence_spans(article, doc)
    structure = dict(
        word_count=segment.word_count(article),
        reading_time_minutes=segment.reading_time_minutes(article, settings.words_per_minute),
        excerpt=segment.excerpt(article, settings.excerpt_max_chars),
    )
    if article.language not in (None, "en"):
        warnings.append(
            Warning("language", f"article language is {article.language!r}: {ENGLISH_ONLY} skipped")
        )
        return Dossier(
            article,
            sentences=sentences,
            warnings=tuple(warnings),
            settings=settings.to_dict(),
            **structure,
        )
    actors = run_stage("entities", warnings, (), find_actors, article, doc)
    quotes, terms, quote_warnings = run_stage(
        "quotes", warnings, ((), (), ()), find_quotes, article, doc, actors
    )
    warnings.extend(quote_warnings)
    figures = run_stage("figures", warnings, (), find_figures, article, doc, sentences)
    sources = run_stage(
        "sources", warnings, (), find_sources, article, doc, sentences, actors, quotes
    )
    claims, sources = run_stage(
        "claims",
        warnings,
        ((), sources),
        rank_claims,
        article,
        sentences,
        actors=actors,
        quotes=quotes,
        figures=figures,
        sources=sources,
        threshold=settings.claim_threshold,
        doc=doc,
    )
    tones = run_stage("tone", warnings, (), find_tones, article, doc, sentences, actors, quotes)
    return Dossier(
        article,
        sentences=sentences,
        actors=actors,
        quotes=quotes,
        terms=terms,
        figures=figures,
        claims=claims,
        sources=sources,
        tones=tones,
        warnings=tuple(warnings),
        settings=settings.to_dict(),
        **structure,
    )
