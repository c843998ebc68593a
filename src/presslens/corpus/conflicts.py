"""Numbers that disagree: figures from different articles about the same thing whose values
differ beyond rounding, ranked so the likeliest real disagreements come first.

`find_conflicts(store)` reads the stored figures, and the dossiers of the articles that hold
comparable ones, and returns `Conflict` pairs, best first. Two figures are about the same thing
when every one of these holds (general mechanisms, no list of topics):

- same kind and unit after the figures stage's normalisation ("151,000 jobs" and "155K jobs" are
  both `count`/`job`), and both levels or both changes: "up 5%" is never set against "5%";
- the same time: the same period when both name one ("in August"), else published within
  `NEAR_DAYS` of each other (a figure that names no period is about its article's present);
- a shared subject: the figure's concept, the noun it counts, or an actor named in its sentence
  (by corpus key, so "Trump" meets "Donald Trump");
- not apart: when both name a measuring source (a pollster, an agency: the dossier's
  non-person sources in the sentence), a place, or a concept ("of Democrats", "of all voters"),
  they share one;
- evidence of one measurement rather than two of one kind (two polls, two questions of a poll):
  the same named source, the same named period, or sentences so alike that one retells the other
  (the contextual encoder's cosine, `presslens.nlp.encoder.sentence_vectors`, or word overlap
  when the encoder is not installed). On PolNeAR nearly every pair of poll figures about one
  candidate without such evidence came from two different polls or questions.

"Beyond rounding": a figure stands for the interval of values that would be written the same
way (`value_interval`): "3 million" for 2.5 to 3.5 million, "2.96 million" for 2.955 to 2.965,
"about"/"nearly" widened by `APPROX_SHARE`, "more than 10" for 10 and up, a range for its ends.
Two figures disagree only when their intervals do not meet.

Within one pair of articles figures are matched one to one, best first, agreements included: a
figure that has an agreeing counterpart in the other article is not also set against a different
one ("46% to 41%" beside "46% to 40%" is one agreement and one disagreement, never 46 vs 40).

Pairs are ranked by `pair_score`: the sentence similarity, raised by shared subjects, a named
period and a shared source, lowered when only one side names a place or source and as values
grow apart; pairs under MIN_SCORE are not shown.

Cost: the figure rows are read once (linear in the corpus); pairs are only formed inside blocks
of kind, unit, level/change and subject, and inside a block only between figures published close
in time, so the work grows with the density of a topic in time, not with the square of the
corpus (bench/conflicts.py measures it). The encoder, most of the time, only reads the sentences
of pairs that could pass the evidence test (`worth_encoding`).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from presslens.corpus.values import NUMBER, Reading, disagree, value_ratio
from presslens.store.base import Store
from presslens.store.dates import read_date

COMPARABLE_KINDS = ("money", "percent", "count", "quantity", "rate")
NEAR_DAYS = 7  # figures naming no shared period: published within a week
PERIOD_DAYS = 45  # the same named period ("in August") reported weeks apart
MAX_RATIO = 1.5  # values further apart are two measures far more often than one misreported
MIN_SCORE = 0.6  # pairs below this are not shown
# sentence similarity from which one sentence retells the other (encoder cosine; word overlap)
PARAPHRASE_COSINE = 0.85
PARAPHRASE_OVERLAP = 0.5
RETELLING_WORDS = 0.15  # word overlap below which no sentence retells another (checked first)
MAX_BLOCK = 400  # later figures of a block each figure is compared with, at most
IN_ARTICLE_LIMIT = 60  # figures per article read, in text order (long tables are not claims)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
POSSESSIVE = re.compile(r"['’]s?$")
# words that say nothing about what is counted (function words, reporting verbs, scale words)
COMMON_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his in is it its more of on "
    "or said says than that the their there they this to was were which who will with would "
    "about almost nearly some percent per cent million billion thousand year years".split()
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two figures about the same thing that disagree; `score` ranks (higher first)."""

    left: Reading
    right: Reading
    score: float
    similarity: float
    shared: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "shared": list(self.shared),
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Conflict:
        """A conflict back from `to_dict()` (as the store's cached list keeps it)."""
        from presslens.corpus.conflict_cache import reading_from_dict

        return cls(
            reading_from_dict(data["left"]),
            reading_from_dict(data["right"]),
            float(data["score"]),
            float(data["similarity"]),
            tuple(data.get("shared", [])),
        )


def level_or_change(reading: Reading) -> str:
    """ "level" or "change": the two are never compared."""
    return "change" if reading.change else "level"


def block_key(reading: Reading) -> tuple[str, str, str]:
    return (reading.kind, reading.unit.lower(), level_or_change(reading))


def subject_word(text: str) -> str:
    """A subject as compared: lower case, no possessive, a plural's last s dropped."""
    word = POSSESSIVE.sub("", text.strip().lower())
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def same_time(left: Reading, right: Reading) -> bool:
    """The same period when both name one and were published close enough for it to be the
    same one; else published within NEAR_DAYS (unknown dates do not rule a pair out)."""
    days = days_apart(left, right)
    if left.period and right.period:
        if normal_period(left.period) != normal_period(right.period):
            return False
        return days is None or days <= PERIOD_DAYS
    return days is None or days <= NEAR_DAYS


MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()


def calendar_period(period: str | None) -> str | None:
    """The period when it is anchored in the calendar (a month or a number: "in August", "the
    first quarter of 2016"); None for one that only makes sense from the article's date ("now",
    "last month", "this year"), which then counts as no period: two articles' "now" are the
    same time only when they were published close together."""
    if not period:
        return None
    words = set(WORD.findall(period.lower()))
    return period if words & set(MONTHS) or any(c.isdigit() for c in period) else None


CALENDAR = frozenset(MONTHS + "monday tuesday wednesday thursday friday saturday sunday".split())
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
NAMED_DAY = re.compile(rf"\b([A-Z][A-Za-z'’-]+) ({WEEKDAYS}|Day)\b")


def days_apart(left: Reading, right: Reading) -> int | None:
    if left.published is None or right.published is None:
        return None
    return abs((left.published - right.published).days)


@functools.lru_cache(maxsize=4096)
def normal_period(period: str) -> str:
    return " ".join(WORD.findall(period.lower())) + " ".join(NUMBER.findall(period))


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that can say what it is about (cached: a sentence meets many)."""
    return frozenset(subject_word(w) for w in WORD.findall(text)) - COMMON_WORDS


def word_overlap(left: str, right: str) -> float:
    """The lexical stand-in for the encoder: Jaccard overlap of content words."""
    a, b = content_words(left), content_words(right)
    return len(a & b) / len(a | b) if a and b else 0.0


# --- reading the store ---------------------------------------------------------------------

FIGURE_QUERY = (
    "SELECT f.article_id, f.figure_id, f.text, f.value, f.low, f.high, f.unit, f.kind, f.bound, "
    "f.change, f.period, f.concept, f.start_char, f.end_char, a.title, a.published, a.uri "
    "FROM figures f JOIN articles a ON a.id = f.article_id "
    "WHERE f.kind IN ({kinds}) AND f.unit IS NOT NULL AND f.start_char IS NOT NULL "
    "AND (f.value IS NOT NULL OR (f.low IS NOT NULL AND f.high IS NOT NULL)) "
    "ORDER BY f.article_id, f.start_char"
)


def figure_rows(store: Store) -> list[dict[str, Any]]:
    """The comparable figures of the corpus, at most IN_ARTICLE_LIMIT per article."""
    kinds = ", ".join(f"'{kind}'" for kind in COMPARABLE_KINDS)
    rows = store.all(FIGURE_QUERY.format(kinds=kinds))
    kept: list[dict[str, Any]] = []
    per_article: dict[int, int] = defaultdict(int)
    for row in rows:
        per_article[row["article_id"]] += 1
        if per_article[row["article_id"]] <= IN_ARTICLE_LIMIT:
            kept.append(row)
    return kept


def bare_reading(row: dict[str, Any]) -> Reading:
    published = read_date(row.get("published"))
    return Reading(
        article_id=int(row["article_id"]),
        figure_id=str(row["figure_id"]),
        text=row["text"] or "",
        value=row["value"],
        low=row["low"],
        high=row["high"],
        unit=row["unit"] or "",
        kind=row["kind"],
        bound=row["bound"] or "exact",
        change=row["change"],
        period=calendar_period(row["period"]),
        concept=row["concept"],
        start=int(row["start_char"]),
        end=int(row["end_char"] or row["start_char"]),
        published=published.date() if published else None,
        title=row.get("title") or "",
        uri=row.get("uri"),
    )


def dossiers(store: Store, article_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The dossier records of these articles, read in chunks."""
    wanted = sorted(set(article_ids))
    found: dict[int, dict[str, Any]] = {}
    for first in range(0, len(wanted), 200):
        chunk = wanted[first : first + 200]
        marks = ", ".join("?" for _ in chunk)
        for row in store.all(f"SELECT id, dossier FROM articles WHERE id IN ({marks})", chunk):
            found[int(row["id"])] = json.loads(row["dossier"])
    return found


def actor_keys(store: Store, article_ids: Iterable[int]) -> dict[tuple[int, str], str]:
    """(article id, actor id) -> the actor's corpus key."""
    wanted = sorted(set(article_ids))
    keys: dict[tuple[int, str], str] = {}
    for first in range(0, len(wanted), 200):
        chunk = wanted[first : first + 200]
        marks = ", ".join("?" for _ in chunk)
        text = f"SELECT article_id, actor_id, key, name FROM actors WHERE article_id IN ({marks})"
        for row in store.all(text, chunk):
            keys[(int(row["article_id"]), str(row["actor_id"]))] = row["key"] or row["name"]
    return keys


def read_context(
    reading: Reading, dossier: dict[str, Any], keys: dict[tuple[int, str], str]
) -> Reading:
    """The reading with its sentence, subjects, places and sources from its article's dossier."""
    text = dossier.get("article", {}).get("text", "")
    start, end = sentence_around(dossier.get("sentences", []), reading.start, reading.end)
    subjects = {subject_word(reading.concept)} if reading.concept else set()
    if reading.kind == "count" and reading.unit:
        subjects.add(subject_word(reading.unit))
    places = {p.get("name", "").lower() for p in named_in(dossier.get("places", []), start, end)}
    for actor in named_in(dossier.get("actors", []), start, end):
        key = keys.get((reading.article_id, str(actor.get("id"))), actor.get("name", ""))
        if actor.get("type") == "GPE":
            places.add(key.lower())
            continue
        subjects.update({subject_word(key), subject_word(key.split()[-1]) if key.split() else ""})
    subjects.discard("")
    sources = named_in(dossier.get("sources", []), start, end)
    measured = {w for s in sources if s.get("kind") != "person" for w in name_words(s["name"])}
    return replace(
        reading,
        sentence=text[start:end],
        sentence_start=start,
        subjects=frozenset(subjects),
        sources=tuple(
            dict.fromkeys([*(s["name"] for s in sources), *claim_sources(dossier, reading.start)])
        ),
        measured_by=frozenset(measured),
        places=frozenset(places - {""}),
        occasions=occasions_in(text, start, end, dossier),
    )


def occasions_in(text: str, start: int, end: int, dossier: dict[str, Any]) -> frozenset[str]:
    """The named days of a sentence ("Super Tuesday", "Election Day", "Black Friday"): a
    capitalised word before a weekday or "Day" that is not the sentence's first word, no
    calendar or function word, and outside every actor, source, place and group mention of the
    article. Two reports that name one day report one occasion, as two naming one month do; a
    weekday alone is any week's, and a name before it is often a place ("in Iowa Monday")."""
    named: set[int] = set()
    for key in ("actors", "sources", "places", "groups"):
        for item in dossier.get(key, []):
            for mention in item.get("mentions", []):
                named.update(range(int(mention.get("start", 0)), int(mention.get("end", 0))))
    found = set()
    for match in NAMED_DAY.finditer(text, start, end):
        word = subject_word(match.group(1))
        opens = not text[start : match.start()].strip(" \"'“‘(—-")  # "During Tuesday's ..."
        if opens or word in CALENDAR | COMMON_WORDS or named & set(range(*match.span(1))):
            continue
        found.add(f"{word} {match.group(2).lower()}")
    return frozenset(found)


def named_in(items: list[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    """The actors, places or sources with a mention inside [start, end)."""
    return [
        item
        for item in items
        if item.get("name")
        and any(start <= m.get("start", -1) < end for m in item.get("mentions", []))
    ]


def name_words(name: str) -> set[str]:
    """The proper-name words of a source ("latest Reuters/Ipsos poll" -> reuters, ipsos), by
    which two mentions of one pollster or agency meet."""
    return {w.lower() for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper() and len(w) > 1}


def sentence_around(sentences: list[dict[str, Any]], start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding [start, end), else the figure's own span."""
    for sentence in sentences:
        if sentence.get("start", 0) <= start and end <= sentence.get("end", 0):
            return int(sentence["start"]), int(sentence["end"])
    return start, end


def claim_sources(dossier: dict[str, Any], position: int) -> tuple[str, ...]:
    """The names of the sources the claim around a figure leans on."""
    names = {str(s.get("id")): str(s.get("name") or "") for s in dossier.get("sources", [])}
    for claim in dossier.get("claims", []):
        span = claim.get("span") or {}
        if span.get("start", 0) <= position < span.get("end", 0):
            return tuple(names[i] for i in claim.get("source_ids", []) if names.get(i))
    return ()


def read_figures(store: Store) -> list[Reading]:
    """Every comparable figure whose block holds a figure of another article, in context."""
    bare = [bare_reading(row) for row in figure_rows(store)]
    articles_by_block: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for reading in bare:
        articles_by_block[block_key(reading)].add(reading.article_id)
    bare = [r for r in bare if len(articles_by_block[block_key(r)]) > 1]
    wanted = {r.article_id for r in bare}
    records = dossiers(store, wanted)
    keys = actor_keys(store, wanted)
    return [read_context(r, records[r.article_id], keys) for r in bare if r.article_id in records]


# --- pairs ---------------------------------------------------------------------------------


def candidate_pairs(readings: Sequence[Reading]) -> list[tuple[int, int]]:
    """Index pairs of figures of different articles in the same block (kind, unit, level or
    change, one shared subject), close enough in time and value to be about one thing.

    Inside a block, figures naming a period meet those naming the same one within
    PERIOD_DAYS; any other pair meets only within NEAR_DAYS, so a long archive is never
    compared with itself as a whole."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, reading in enumerate(readings):
        for subject in reading.subjects:
            key: tuple[str, ...] = (*block_key(reading), subject)
            blocks[key].append(index)
            if reading.period:
                blocks[(*key, "period:" + normal_period(reading.period))].append(index)
    pairs: set[tuple[int, int]] = set()
    for where, members in blocks.items():
        by_period = where[-1].startswith("period:")
        days = PERIOD_DAYS if by_period else NEAR_DAYS
        members.sort(key=lambda i: readings[i].published or date.min)
        for position, i in enumerate(members):
            for j in members[position + 1 : position + 1 + MAX_BLOCK]:
                a, b = readings[i], readings[j]
                if a.published and b.published and (b.published - a.published).days > days:
                    break
                if (by_period or not (a.period and b.period)) and comparable(a, b):
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def comparable(left: Reading, right: Reading) -> bool:
    """Different articles, the same time and place, not measured by two different sources, and
    values close enough to be about one thing."""
    return (
        left.article_id != right.article_id
        and same_time(left, right)
        and not apart(left.measured_by, right.measured_by)
        and not apart(left.places, right.places)
        and not apart(concept_words(left), concept_words(right))
        and value_ratio(left, right) <= MAX_RATIO
    )


def concept_words(reading: Reading) -> frozenset[str]:
    """What the figure measures, as words ("55 percent of Democrats" -> democrat): two figures
    measuring things with no word in common ("of Democrats", "of all voters") are apart.

    A count measures the noun it counts (its unit, compared already): a concept that is neither
    that noun nor a name ("states holding contests") says what the counted things do, which two
    reports word differently, so it sets nothing apart; a name ("Democrats") still does."""
    if not reading.concept:
        return frozenset()
    words = content_words(reading.concept)
    named = any(w[0].isupper() for w in WORD.findall(reading.concept))
    if reading.kind == "count" and not named and subject_word(reading.unit) not in words:
        return frozenset()
    return words


def worth_encoding(left: Reading, right: Reading) -> bool:
    """Whether a pair can pass `one_measurement` at all, asked before the encoder runs (its
    cost is most of the time): a named source or period in common, or enough words in common for
    one sentence to retell the other."""
    return bool(
        left.measured_by & right.measured_by
        or (left.period and right.period)
        or left.occasions & right.occasions
        or word_overlap(left.sentence, right.sentence) >= RETELLING_WORDS
    )


def one_measurement(left: Reading, right: Reading, similarity: float, paraphrase: float) -> bool:
    """Some evidence that two figures report one measurement, not two of the same kind (two
    polls, two questions of one poll): the same named source (pollster, agency), the same named
    period, or sentences so alike that one retells the other."""
    return bool(
        left.measured_by & right.measured_by
        or (left.period and right.period)
        or left.occasions & right.occasions
        or similarity >= paraphrase
    )


def apart(left: frozenset[str], right: frozenset[str]) -> bool:
    """Both name something (a pollster, a place) and nothing in common: two polls, two states."""
    return bool(left and right and not left & right)


def similarities(
    readings: Sequence[Reading], pairs: Sequence[tuple[int, int]]
) -> tuple[list[float], float]:
    """The sentence similarity of each pair (the encoder's cosine, else word overlap) and the
    similarity from which one sentence retells the other on that scale."""
    from presslens.nlp import encoder

    if not encoder.available():
        overlaps = [word_overlap(readings[i].sentence, readings[j].sentence) for i, j in pairs]
        return overlaps, PARAPHRASE_OVERLAP
    if not pairs:
        return [], PARAPHRASE_COSINE
    used = sorted({i for pair in pairs for i in pair})
    texts = sorted({readings[i].sentence for i in used})
    row = {text: n for n, text in enumerate(texts)}
    vectors = encoder.sentence_vectors(texts)
    cosines = [
        float(vectors[row[readings[i].sentence]] @ vectors[row[readings[j].sentence]])
        for i, j in pairs
    ]
    return cosines, PARAPHRASE_COSINE


def pair_score(left: Reading, right: Reading, similarity: float) -> float:
    """How likely two figures are about one thing: sentence similarity first; raised by each
    further subject they share, by naming the same period and by the same source; lowered when
    only one names a place or a source (a state poll beside a national one) and as the values
    grow apart (a wide gap more often means two different things than a misreport)."""
    shared = len({s.split()[-1] for s in left.subjects & right.subjects})
    score = similarity + 0.05 * min(shared - 1, 3)
    if (left.period and right.period) or left.occasions & right.occasions:
        score += 0.05
    if left.measured_by & right.measured_by:
        score += 0.1
    score -= 0.1 * (bool(left.places) != bool(right.places))
    score -= 0.1 * (bool(left.measured_by) != bool(right.measured_by))
    ratio = value_ratio(left, right)
    score -= 0.1 * math.log(ratio) if math.isfinite(ratio) else 0.5
    return score


def match_one_to_one(
    scored: list[tuple[float, float, int, int]], readings: Sequence[Reading]
) -> list[tuple[float, float, int, int]]:
    """Greedy one-to-one matching of figures inside each pair of articles, best score first,
    agreements included; the disagreeing matches are kept."""
    taken: set[tuple[int, int]] = set()  # (figure index, other article)
    kept = []
    for score, similarity, i, j in sorted(scored, reverse=True):
        a, b = readings[i], readings[j]
        if (i, b.article_id) in taken or (j, a.article_id) in taken:
            continue
        taken.update({(i, b.article_id), (j, a.article_id)})
        if disagree(a, b):
            kept.append((score, similarity, i, j))
    return kept


def find_conflicts(
    store: Store, *, top: int | None = 50, min_score: float = MIN_SCORE
) -> list[Conflict]:
    """The pairs of figures that disagree, best first (see the module's docstring). At the
    default minimum score the whole list is kept in the store and read back while the set of
    articles is unchanged (corpus/conflict_cache.py), so a request does not compute it again."""
    if min_score != MIN_SCORE:
        return rank_conflicts(read_figures(store), top=top, min_score=min_score)
    from presslens.corpus.conflict_cache import cached

    def compute() -> list[Conflict]:
        return rank_conflicts(read_figures(store), top=None)

    return cached(store, None if top is None else max(0, top), compute, Conflict.from_dict)


def rank_conflicts(
    readings: Sequence[Reading], *, top: int | None = 50, min_score: float = MIN_SCORE
) -> list[Conflict]:
    """`find_conflicts` over figures already read."""
    pairs = [
        (i, j) for i, j in candidate_pairs(readings) if worth_encoding(readings[i], readings[j])
    ]
    alike, paraphrase = similarities(readings, pairs)
    scored = [
        (pair_score(readings[i], readings[j], s), s, i, j)
        for (i, j), s in zip(pairs, alike, strict=True)
        if one_measurement(readings[i], readings[j], s, paraphrase)
    ]
    kept = [item for item in match_one_to_one(scored, readings) if item[0] >= min_score]
    conflicts = [
        ordered_conflict(readings[i], readings[j], score, similarity)
        for score, similarity, i, j in kept
    ]
    conflicts.sort(key=lambda c: (-c.score, c.left.article_id, c.left.start))
    return conflicts if top is None else conflicts[: max(0, top)]


def ordered_conflict(a: Reading, b: Reading, score: float, similarity: float) -> Conflict:
    """The pair with the earlier article (by date, then id) on the left."""
    if (a.published or date.max, a.article_id) > (b.published or date.max, b.article_id):
        a, b = b, a
    return Conflict(a, b, score, similarity, tuple(sorted(a.subjects & b.subjects)))
