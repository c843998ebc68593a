"""How `find_conflicts` grows with the corpus: median seconds over synthetic corpora of 250 to
4,000 stored articles, and the ratio to the smallest.

    python bench/conflicts.py [--sizes 250 500 1000 2000 4000] [--runs 3] [--lexical]

Each article is generated (no analysis, nothing from ../shared): five sentences, each with one
figure about a person in the news (the names drift a few a week, as they do) or a counted noun,
a period or none, and a publication date. Two growth patterns are timed, since blocking bounds
the work by the density of a topic in time: `longer` (the corpus covers more days at a steady
three dozen articles a day, as an archive grows) and `denser` (every size packed into the same
60 days: one news cycle, the worst case). --lexical times the word-overlap stand-in instead of
the encoder. `stored` is what a request for the top 50 pays once the list is kept in
the store (corpus/conflict_cache.py): the key over the article ids and reading the list back.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_seconds  # noqa: E402

from presslens.corpus.conflicts import find_conflicts, rank_conflicts, read_figures  # noqa: E402
from presslens.model import Actor, Article, Dossier, Figure, Origin, Section, Span  # noqa: E402
from presslens.store import Store, open_store  # noqa: E402

PEOPLE = [f"Candidate{n}" for n in range(200)]  # in the news at once
COUNTED = [
    *("jobs", "voters", "delegates", "donors", "refugees", "emails", "troops", "homes", "votes"),
    *("patients", "students", "workers", "migrants", "arrests", "deaths", "signatures"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
PER_DAY = 36
START = date(2016, 1, 1)
DENSE_DAYS = 60


def sentence(rng: random.Random, week: int) -> tuple[str, str, Figure]:
    """One generated sentence holding one figure; (sentence, person named, figure). The people
    in the news drift a few names a week, as they do."""
    person = f"Candidate{week * 10 + rng.randrange(len(PEOPLE))}"
    if rng.random() < 0.5:
        value = rng.randint(20, 60)
        text = f"{value} percent"
        said = f"{person} has {text} support among likely voters, a new poll found."
        figure = Figure("f", text, Span(0, 0), float(value), "percent", unit="percent")
    else:
        noun = rng.choice(COUNTED)
        value = rng.randint(10, 900) * 1000
        month = rng.choice(MONTHS)
        text = f"{value:,} {noun}"
        said = f"{person} said the state counted {text} in {month}, officials reported."
        figure = Figure("f", text, Span(0, 0), float(value), "count", unit=noun[:-1], period=month)
    return said, person, figure


def generated(rng: random.Random, day: date) -> Dossier:
    """An article of five generated sentences, published on `day`."""
    pieces = [sentence(rng, (day - START).days // 7) for _ in range(5)]
    text = " ".join(said for said, _, _ in pieces)
    figures, actors, at = [], {}, 0
    for n, (said, person, figure) in enumerate(pieces, start=1):
        start = text.index(figure.text, at)
        figures.append(
            Figure(
                f"f{n}",
                figure.text,
                Span(start, start + len(figure.text)),
                figure.value,
                figure.kind,
                unit=figure.unit,
                period=figure.period,
            )
        )
        mention = text.index(person, at)
        actors.setdefault(person, []).append(Span(mention, mention + len(person)))
        at += len(said) + 1
    body = Span(0, len(text))
    article = Article(
        text=text,
        title="Generated",
        published=day.isoformat(),
        paragraphs=(body,),
        sections=(Section(None, None, body, (body,)),),
        origin=Origin(kind="text"),
        language="en",
    )
    sentences, at = [], 0
    for said, _, _ in pieces:
        sentences.append(Span(at, at + len(said)))
        at += len(said) + 1
    return Dossier(
        article,
        word_count=len(text.split()),
        reading_time_minutes=0.5,
        excerpt=text[:100],
        sentences=tuple(sentences),
        figures=tuple(figures),
        actors=tuple(
            Actor(f"a{n}", name, "PERSON", (), tuple(spans))
            for n, (name, spans) in enumerate(actors.items(), start=1)
        ),
    )


def corpus(store: Store, size: int, pattern: str) -> None:
    rng = random.Random(18)
    start = START
    days = DENSE_DAYS if pattern == "denser" else max(1, size // PER_DAY)
    for number in range(size):
        day = start + timedelta(days=number * days // size)
        store.save(generated(rng, day), sha256=f"bench-{pattern}-{number}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 4000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lexical", action="store_true", help="word overlap, not the encoder")
    options = parser.parse_args()
    if options.lexical:
        from presslens.nlp import encoder

        encoder.available = lambda: False  # type: ignore[assignment]
    print(f"{'pattern':8} {'articles':>8} {'seconds':>8} {'ratio':>6} {'pairs':>6} {'stored':>7}")
    for pattern in ("longer", "denser"):
        first = None
        for size in options.sizes:
            with tempfile.TemporaryDirectory() as folder:
                with open_store(Path(folder) / "bench.db") as store:
                    corpus(store, size, pattern)
                    seconds, pairs, stored = timings(store, options.runs)
            first = first or seconds
            print(
                f"{pattern:8} {size:8d} {seconds:8.2f} {seconds / first:6.1f} {pairs:6d} "
                f"{stored:7.3f}"
            )


def timings(store: Store, runs: int) -> tuple[float, int, float]:
    """Seconds to compute the list, pairs at min score 0, and seconds to read the top 50 back
    from the store once the list is kept there (what a request pays while the articles stay)."""
    seconds = median_seconds(lambda: rank_conflicts(read_figures(store), top=None), runs)
    pairs = len(find_conflicts(store, top=None, min_score=0.0))
    find_conflicts(store, top=None)  # computes and keeps the list
    stored = median_seconds(lambda: find_conflicts(store, top=50), runs)
    return seconds, pairs, stored


if __name__ == "__main__":
    main()
