"""`analyse()`: the one place that runs the stages, in order."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from presslens import nlp, segment
from presslens.ingest import load
from presslens.model import Article, Dossier, StageWarning
from presslens.settings import Settings
from presslens.stages.claims import rank_claims
from presslens.stages.entities import Entities, find_entities
from presslens.stages.figures import find_figures
from presslens.stages.quotes import find_quotes
from presslens.stages.sources import find_sources
from presslens.stages.tone import find_tones

T = TypeVar("T")
ENGLISH_ONLY = "actors, quotes, figures, claims, sources and tone"


@dataclass(slots=True)
class StageRunner:
    """Runs stages: a failure becomes a warning naming the stage, never a crash; each stage's
    wall time goes into `timings` when one is given (the benchmarks read it)."""

    warnings: list[StageWarning]
    timings: dict[str, float] | None = None

    def __call__(self, name: str, empty: Any, stage: Callable[..., T], *args, **kw) -> T:
        """`stage(*args, **kw)`, or `empty` (the stage's empty result) when it fails."""
        try:
            return self.timed(name, stage, *args, **kw)
        except Exception as exc:  # noqa: BLE001 - one stage must not sink the article
            self.warnings.append(
                StageWarning(name, f"stage failed: {exc.__class__.__name__}: {exc}")
            )
            return empty

    def timed(self, name: str, step: Callable[..., T], *args, **kw) -> T:
        """Run one step, recording its wall time; errors go to the caller."""
        started = time.perf_counter()
        try:
            return step(*args, **kw)
        finally:
            if self.timings is not None:
                self.timings[name] = time.perf_counter() - started


def analyse(
    source: str | bytes | Path | Article,
    *,
    settings: Settings | None = None,
    timings: dict[str, float] | None = None,
) -> Dossier:
    """Article text (plain or HTML), bytes, a file Path or a loaded Article -> Dossier.

    `timings`, when given, receives the wall time of the parse and of each stage in seconds."""
    settings = settings or Settings()
    article = source if isinstance(source, Article) else load(source, settings=settings)
    started = time.perf_counter()
    doc = nlp.parse(article.text, settings)  # no article without it
    if timings is not None:
        timings["parse"] = time.perf_counter() - started
    return analyse_parsed(article, doc, settings=settings, timings=timings)


def analyse_many(
    articles: list[Article], *, settings: Settings | None = None
) -> Iterator[Dossier | Exception]:
    """Dossiers for loaded articles, parsed in spaCy batches (faster than one by one).

    Yields, in order, a Dossier or the exception that stopped that article. When a batch parse
    fails, the articles not yet parsed are parsed one by one, so a bad text fails only itself."""
    settings = settings or Settings()
    parses = nlp.parse_many((article.text for article in articles), settings)
    for article in articles:
        try:
            doc = next(parses, None)
        except Exception:  # noqa: BLE001 - the batch is broken: parse the rest alone
            doc, parses = None, iter(())
        try:
            if doc is None:
                yield analyse(article, settings=settings)
            else:
                yield analyse_parsed(article, doc, settings=settings)
        except Exception as exc:  # noqa: BLE001 - the caller turns it into an error row
            yield exc


def analyse_parsed(
    article: Article,
    doc: Doc,
    *,
    settings: Settings,
    timings: dict[str, float] | None = None,
) -> Dossier:
    """The stages, in order, over an article and its parse."""
    warnings: list[StageWarning] = list(article.warnings)
    run = StageRunner(warnings, timings)
    sentences = segment.sentence_spans(article, doc)
    base = Dossier(
        article,
        word_count=segment.word_count(article),
        reading_time_minutes=segment.reading_time_minutes(article, settings.words_per_minute),
        excerpt=segment.excerpt(article, settings.excerpt_max_chars),
        sentences=sentences,
        settings=settings.to_dict(),
    )
    if article.language not in (None, "en"):
        skipped = f"article language is {article.language!r}: {ENGLISH_ONLY} skipped"
        warnings.append(StageWarning("language", skipped))
        return replace(base, warnings=tuple(warnings))
    entities = run("entities", Entities(), find_entities, article, doc)
    actors = entities.actors
    found = run("quotes", ((), (), (), ()), find_quotes, article, doc, actors)
    quotes, terms, quote_warnings, stances = found
    warnings.extend(quote_warnings)
    figures = run("figures", (), find_figures, article, doc, sentences)
    sources = run("sources", (), find_sources, article, doc, sentences, actors, quotes)
    claims, sources = run(
        "claims",
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
    tones = run("tone", (), find_tones, article, doc, sentences, actors, quotes)
    return replace(
        base,
        actors=actors,
        groups=entities.groups,
        places=entities.places,
        quotes=quotes,
        stances=stances,
        terms=terms,
        figures=figures,
        claims=claims,
        sources=sources,
        tones=tones,
        warnings=tuple(warnings),
    )
