"""`analyse()`: the one place that runs the stages, in order.

An article's analysis is bounded whatever the input. At most `Settings.max_analysed_chars`
are analysed (150,000: the text is cut at a paragraph break before that), and
`Settings.analysis_seconds` limits the wall time from loading to the last stage. The parse is
done in pieces (presslens.nlp.pieces) and takes no new piece once `PARSE_SHARE` of the time is
spent. The stages then read the parsed prefix of the text, and a warning says how much was
left out and why; the dossier keeps the whole text. Each stage runs under its
share of the time left (presslens.nlp.deadline): one that overruns is stopped, one with no
time left is skipped, and either leaves its field empty with a warning naming it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from presslens import nlp, segment
from presslens.ingest import load
from presslens.model import Article, Claim, Dossier, Section, Source, Span, StageWarning
from presslens.nlp.embeddings import Pieces, tokenized
from presslens.settings import Settings
from presslens.stages.claims import rank_claims
from presslens.stages.claims.stage import body_texts
from presslens.stages.entities import Entities, find_entities
from presslens.stages.figures import find_figures
from presslens.stages.quotes import find_quotes
from presslens.stages.sources import find_sources
from presslens.stages.tone import find_tones

T = TypeVar("T")
ENGLISH_ONLY = "actors, quotes, figures, claims, sources and tone"
STAGES = 7  # encoder, entities, quotes, figures, sources, claims, tone
# Of the time limit, what parsing may use before the stages: it takes no new piece after that.
# The quotes and claims stages grow faster than the text (together 0.8 s for 27 KB, 6.7 s for
# 110 KB, 30 s for 200 KB of quote-dense text, over 20 s each for 300 KB), so a long text is
# cut (Settings.max_analysed_chars), and on a slow or busy machine a fifth of the time to parse
# leaves the rest to the stages (a third parsed 300 KB, whose quotes and claims were stopped).
PARSE_SHARE = 1 / 5


@dataclass(slots=True)
class StageRunner:
    """Runs stages: a failure becomes a warning naming the stage, never a crash; each stage's
    wall time goes into `timings` when one is given (the benchmarks read it). Each stage runs
    under its share of the time left before `deadline` (`Deadline.share`)."""

    warnings: list[StageWarning]
    timings: dict[str, float] | None = None
    deadline: nlp.Deadline = field(default_factory=lambda: nlp.Deadline(float("inf")))
    left: int = STAGES  # stages still to run, for their share of the time

    def __call__(self, name: str, empty: Any, stage: Callable[..., T], *args, **kw) -> T:
        """`stage(*args, **kw)`, or `empty` (the stage's empty result) when it fails."""
        limit = f"the article's time limit of {self.deadline.seconds:g} s"
        parts, self.left = self.left, self.left - 1
        if self.deadline.passed():
            self.warnings.append(StageWarning(name, f"skipped: {limit} had run out"))
            return empty
        started = time.perf_counter()
        try:
            with self.deadline.share(parts).enforced():
                return self.timed(name, stage, *args, **kw)
        except nlp.TimeLimit:
            spent = time.perf_counter() - started
            message = f"stopped after {spent:.1f} s, its share of {limit}: no results kept"
            self.warnings.append(StageWarning(name, message))
            return empty
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
    """Article text (plain or HTML), bytes, a file Path or a loaded Article -> Dossier, within
    `settings.analysis_seconds` (see the module's docstring).

    `timings`, when given, receives the wall time of the parse and of each stage in seconds."""
    settings = settings or Settings()
    # the model loads before the clock starts: a limit that ran out inside spaCy's loader
    # (whose bare `except` hides the interrupt) would report that no model is installed
    nlp.get_model(settings)
    deadline = nlp.Deadline.of(settings.analysis_seconds)
    article = source if isinstance(source, Article) else load(source, settings=settings)
    early = EarlyVectors(article) if settings.models != "fast" else EarlyPieces(article)
    started = time.perf_counter()
    try:
        # no article without the parse; the accurate mode's encoder (the fast mode's
        # tokenizing) starts inside it
        doc = parse_within(article.text, settings, deadline, early.start)
        if timings is not None:
            timings["parse"] = time.perf_counter() - started
        dossier = analyse_parsed(
            article, doc, settings=settings, timings=timings, deadline=deadline, early=early
        )
    finally:
        early.stop()  # a result no stage took (a time limit, another language)
    if not nlp.fits_one_piece(article.text, settings):
        del doc
        nlp.give_back_memory()  # a long parse leaves a peak of freed memory behind
    return dossier


def parse_within(
    text: str,
    settings: Settings,
    deadline: nlp.Deadline,
    on_sentences: Callable[[Doc], None] | None = None,
) -> Doc:
    """The parse of the text, or of the prefix parsed before the time ran short. One BLAS
    thread by default (`nlp.parse_blas_threads`): a second one gains a little on an idle machine
    and loses much on a busy one (see `presslens.nlp.threads`)."""
    try:
        with deadline.enforced(), nlp.parse_blas_threads():
            keep_going = deadline.within_share(PARSE_SHARE)
            limit = settings.max_analysed_chars
            return nlp.parse(
                text, settings, keep_going=keep_going, max_chars=limit, on_sentences=on_sentences
            )
    except nlp.TimeLimit:
        return nlp.parse("", settings)


def analyse_many(
    articles: list[Article], *, settings: Settings | None = None
) -> Iterator[Dossier | Exception]:
    """Dossiers for loaded articles, parsed in spaCy batches (faster than one by one).

    Yields, in order, a Dossier or the exception that stopped that article. When a batch parse
    fails, the articles not yet parsed are parsed one by one, so a bad text fails only itself.
    An article too long for one piece goes through `analyse()`, under its whole time limit."""
    settings = settings or Settings()
    batched = [nlp.fits_one_piece(article.text, settings) for article in articles]
    texts = (article.text for article, fits in zip(articles, batched, strict=True) if fits)
    parses = nlp.parse_many(texts, settings)
    for article, fits in zip(articles, batched, strict=True):
        try:
            doc = next(parses, None) if fits else None
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
    deadline: nlp.Deadline | None = None,
    early: Early | None = None,
) -> Dossier:
    """The stages, in order, over an article and its parse: of the whole text, or of a prefix
    when the time limit stopped the parse (the stages then read that prefix). `early`: the
    work started during the parse (`EarlyVectors`, `EarlyPieces`). The stages' products are
    small: they run on one BLAS thread (`nlp.one_blas_thread`)."""
    with nlp.one_blas_thread():
        return stages_over(article, doc, settings, timings, deadline, early)


def stages_over(
    article: Article,
    doc: Doc,
    settings: Settings,
    timings: dict[str, float] | None,
    deadline: nlp.Deadline | None,
    early: Early | None,
) -> Dossier:
    """`analyse_parsed`'s work."""
    warnings: list[StageWarning] = list(article.warnings)
    warnings.extend(StageWarning("parse", note) for note in nlp.cut_notes(doc))
    analysed = parsed_part(article, doc, settings, warnings)
    deadline = deadline or nlp.Deadline.of(settings.analysis_seconds)
    run = StageRunner(warnings, timings, deadline)
    sentences = segment.sentence_spans(analysed, doc)
    words = segment.word_count(article)
    base = Dossier(
        article,
        word_count=words,
        reading_time_minutes=segment.minutes_to_read(words, settings.words_per_minute),
        excerpt=segment.excerpt(article, settings.excerpt_max_chars),
        sentences=sentences,
        settings=settings.to_dict(),
    )
    if article.language not in (None, "en"):
        skipped = f"article language is {article.language!r}: {ENGLISH_ONLY} skipped"
        warnings.append(StageWarning("language", skipped))
        return replace(base, warnings=tuple(warnings))
    return replace(base, **run_stages(analysed, doc, sentences, settings, run, early))


def run_stages(
    article: Article,
    doc: Doc,
    sentences: tuple[Span, ...],
    settings: Settings,
    run: StageRunner,
    early: Early | None = None,
) -> dict[str, Any]:
    """The English stages in order: the dossier's fields they fill."""
    early_vectors = early if isinstance(early, EarlyVectors) else None
    vectors = run("encoder", None, encode, article, sentences, settings, early_vectors)
    entities = run("entities", Entities(), find_entities, article, doc)
    actors = entities.actors
    found = run("quotes", ((), (), (), ()), find_quotes, article, doc, actors, vectors=vectors)
    quotes, terms, quote_warnings, stances = found
    run.warnings.extend(quote_warnings)
    figures = run("figures", (), find_figures, article, doc, sentences)
    sources = run("sources", (), find_sources, article, doc, sentences, actors, quotes)
    claims, sources = run(
        "claims",
        ((), sources),
        claims_stage,
        early if isinstance(early, EarlyPieces) else None,
        article,
        sentences,
        actors=actors,
        quotes=quotes,
        figures=figures,
        sources=sources,
        threshold=settings.claim_threshold,
        doc=doc,
        vectors=vectors,
    )
    tones = run("tone", (), find_tones, article, doc, sentences, actors, quotes, vectors=vectors)
    return {
        "models": "accurate" if vectors is not None else "fast",
        "actors": actors,
        "groups": entities.groups,
        "places": entities.places,
        "quotes": quotes,
        "stances": stances,
        "terms": terms,
        "figures": figures,
        "claims": claims,
        "sources": sources,
        "tones": tones,
        "warnings": tuple(run.warnings),
    }


def encode(
    article: Article,
    sentences: tuple[Span, ...],
    settings: Settings,
    early: EarlyVectors | None = None,
) -> nlp.SentenceVectors | None:
    """The sentences through the contextual encoder, once, for the accurate models; None in
    fast mode (the fast models read the parse). The encoding started during the parse is
    taken when it read these very sentences, else it is stopped and they are encoded now."""
    if settings.models == "fast":
        return None
    spans = [(s.start, s.end) for s in sentences]
    if early is not None and early.job is not None:
        if early.spans == spans:
            return early.job.result()
        early.stop()
    return nlp.encode_sentences(article.text, spans)


@dataclass(slots=True)
class EarlyVectors:
    """The accurate mode's encoding of the sentences, started as soon as the parse has set them
    (`nlp.parse`'s `on_sentences`, before the entity recogniser) in a thread that runs beside
    the rest of the parse and the stages before the encoder's (`nlp.Ahead`). The substrings
    encoded are those of the article's text, so the vectors are the very ones `encode` would
    make after the parse; it checks that the sentences are the same."""

    article: Article
    spans: list[tuple[int, int]] = field(default_factory=list)
    job: nlp.Ahead[nlp.SentenceVectors] | None = None

    def start(self, doc: Doc) -> None:
        self.spans = [(s.start, s.end) for s in segment.sentence_spans(self.article, doc)]
        self.job = nlp.Ahead(nlp.encode_sentences, self.article.text, self.spans)

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()


@dataclass(slots=True)
class EarlyPieces:
    """The fast mode's counterpart of `EarlyVectors`, for the one part of its stages' work that
    runs without the GIL: the WordLlama tokenizing of the sentences the claims model scores
    (`claims.stage.body_texts`), started in a thread once the parser has set the sentences,
    beside the entity recogniser. (Python work in a thread there gains nothing: it holds the
    GIL, which the parse's numpy and spaCy steps release and take back many times, each time
    waiting for the thread's switch interval: 25 ms of the stages' Python read ahead made the
    parse ~25 ms longer.) The claims stage takes the ids when they are of its very texts."""

    article: Article
    job: nlp.Ahead[Pieces] | None = None

    def start(self, doc: Doc) -> None:
        if self.article.language in (None, "en"):  # the stages read no other language
            texts = body_texts(self.article, segment.sentence_spans(self.article, doc))
            self.job = nlp.Ahead(tokenized, texts)

    def result(self) -> Pieces | None:
        """The ids, once tokenized; None when not started or failed (the claims stage then
        tokenizes, and meets any error itself)."""
        if self.job is None:
            return None
        try:
            return self.job.result()
        except Exception:  # noqa: BLE001 - tokenized again in the stage, which reports it
            return None

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()


Early = EarlyVectors | EarlyPieces


def claims_stage(
    early: EarlyPieces | None, *args: Any, **kw: Any
) -> tuple[tuple[Claim, ...], tuple[Source, ...]]:
    """`rank_claims(*args, **kw)` with the sentences tokenized during the parse, if they were."""
    return rank_claims(*args, pieces=early.result() if early is not None else None, **kw)


def parsed_part(
    article: Article, doc: Doc, settings: Settings, warnings: list[StageWarning]
) -> Article:
    """The article as far as it was parsed: the whole, or cut to the parsed prefix (its
    paragraphs and sections clipped) with a warning saying how much was left out."""
    end = len(nlp.text_of(doc))
    if end >= len(article.text):
        return article
    if end == nlp.prefix_end(article.text, settings.max_analysed_chars):
        why = f"the analysis reads at most {settings.max_analysed_chars:,} characters"
    else:
        seconds = settings.analysis_seconds
        why = f"time limit: parsing stops at {PARSE_SHARE:.0%} of the {seconds:g} s limit"
    warnings.append(
        StageWarning(
            "parse",
            f"only the first {end:,} of {len(article.text):,} characters were analysed ({why}); "
            "the rest of the text has no actors, quotes, figures or claims",
        )
    )
    paragraphs = tuple(clipped for p in article.paragraphs if (clipped := clip(p, end)))
    sections = tuple(cut for section in article.sections if (cut := clip_section(section, end)))
    return replace(article, text=article.text[:end], paragraphs=paragraphs, sections=sections)


def clip(span: Span, end: int) -> Span | None:
    return Span(span.start, min(span.end, end)) if span.start < end else None


def clip_section(section: Section, end: int) -> Section | None:
    span = clip(section.span, end)
    if span is None:
        return None
    heading = section.heading_span
    kept = heading is not None and heading.end <= end
    return replace(
        section,
        heading=section.heading if kept else None,
        heading_span=heading if kept else None,
        span=span,
        paragraphs=tuple(clipped for p in section.paragraphs if (clipped := clip(p, end))),
    )
