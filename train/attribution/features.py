"""Encode PolNeAR train once and label every word piece, for train/attribution/fit.py.

    python train/attribution/features.py                     # -> /tmp/presslens-attribution/
    python train/attribution/features.py --limit 20 --out /tmp/x

Each article is read as eval/quotes.py reads it (one annotator's file per article, the first by
name; its raw text, one paragraph per blank-line block), parsed with the project's parse
(`presslens.nlp.parse`), cut into the sentences the pipeline encodes (`segment.sentence_spans`)
and encoded once with the shipped encoder (`nlp.encode_sentences`, the accurate mode's pass).
Every piece that covers text gets a BIO tag for SOURCE, CUE or CONTENT from the annotation over
its first character, clipped to its sentence: a span that began in an earlier sentence goes on
with I- at the sentence's first piece (what lets the tagger join a content over sentences), and
each fragment of a discontinuous span begins with B-.

Written: `pieces.npz` (vectors float16, tags, inside-a-quotation flags, article offsets of
each piece) and `sentences.npz` (article index, start, end, first and last piece of each
sentence), with `articles.txt` (names in order): 812,822 pieces, 630 MB, in 15 min for the 840
articles (the parse and the encoder, on two shared cores). Nothing from PolNeAR goes into the
repository. The encoder's lower and tuned graphs must be the shipped ones: re-run this after
the encoder is retrained, then fit.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "src"))

from quotes import POLNEAR, paragraph_spans, parse_ann  # noqa: E402  eval/quotes.py

from presslens import nlp, segment  # noqa: E402
from presslens.model import Article, Span  # noqa: E402
from presslens.stages.quotes import learned  # noqa: E402

ROLES = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT"}
OUT = Path("/tmp/presslens-attribution")


def chosen_files(split: str) -> list[tuple[str, Path]]:
    """(article name, its annotation file): one annotator's file per article, the first by name,
    as eval/quotes.py chooses."""
    chosen: dict[str, Path] = {}
    for ann in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return sorted(chosen.items())


def char_labels(text: str, ann: Path) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Per character: its role's index in learned.ROLES plus one (0: none) and its fragment's
    id (-1: none); and each fragment's start. A character two annotations claim keeps the first
    (PolNeAR gives each token one role; 68 characters of train disagree)."""
    bounds, events = parse_ann(ann)
    role = np.zeros(len(text), dtype=np.int8)
    fragment = np.full(len(text), -1, dtype=np.int32)
    starts: list[int] = []
    for roles in events:
        for field, name in ROLES.items():
            spans = bounds.get(roles.get(field, ""), ("", ()))[1]
            for start, end in spans:
                free = fragment[start:end] == -1
                role[start:end][free] = learned.ROLES.index(name) + 1
                fragment[start:end][free] = len(starts)
                starts.append(start)
    return role, fragment, starts


def piece_tags(
    offsets: np.ndarray, sentence_start: int, labels: tuple[np.ndarray, np.ndarray, list[int]]
) -> np.ndarray:
    """The BIO tag index (learned.TAGS) of each piece, by the label of its first character."""
    role, fragment, starts = labels
    tags = np.zeros(len(offsets), dtype=np.int8)
    previous = -1
    for row, start in enumerate(offsets[:, 0].tolist()):
        here = int(fragment[start])
        if here >= 0:
            goes_on = here == previous if row else starts[here] < sentence_start
            tags[row] = 2 * int(role[start]) - (0 if goes_on else 1)
        previous = here
    return tags


def article_rows(name: str, ann: Path, split: str) -> list[dict]:
    """Per sentence: its span, its real pieces' vectors, offsets, flags and tags."""
    text = (POLNEAR / split / "text" / f"{name}.txt").read_text("utf-8")
    paragraphs = tuple(Span(a, b) for a, b in paragraph_spans(text))
    article = Article(text=text, paragraphs=paragraphs, language="en")
    doc = nlp.parse(text)
    sentences = segment.sentence_spans(article, doc)
    vectors = nlp.encode_sentences(text, [(s.start, s.end) for s in sentences])
    labels = char_labels(text, ann)
    quoted = learned.quoted_intervals(text)
    rows = []
    for sentence, encoded in zip(sentences, vectors.encoded, strict=True):
        pieces = learned.real_pieces(encoded)
        if len(pieces) == 0:
            continue
        offsets = encoded.offsets[pieces] + sentence.start
        rows.append(
            {
                "span": (sentence.start, sentence.end),
                "vectors": encoded.vectors[pieces].astype(np.float16),
                "offsets": offsets.astype(np.int32),
                "quoted": learned.inside(quoted, offsets[:, 0]).astype(np.int8),
                "tags": piece_tags(offsets, sentence.start, labels),
            }
        )
    return rows


def write(out: Path, names: list[str], rows_by_article: list[list[dict]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = [(a, row) for a, article in enumerate(rows_by_article) for row in article]
    sizes = np.array([len(row["tags"]) for _, row in rows], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    np.savez(
        out / "pieces.npz",
        vectors=np.concatenate([row["vectors"] for _, row in rows]),
        offsets=np.concatenate([row["offsets"] for _, row in rows]),
        quoted=np.concatenate([row["quoted"] for _, row in rows]),
        tags=np.concatenate([row["tags"] for _, row in rows]),
    )
    np.savez(
        out / "sentences.npz",
        article=np.array([a for a, _ in rows], dtype=np.int32),
        span=np.array([row["span"] for _, row in rows], dtype=np.int64),
        first=first,
        last=first + sizes,
    )
    (out / "articles.txt").write_text("\n".join(names) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not POLNEAR.exists():
        print(f"PolNeAR not found at {POLNEAR}: nothing to do", file=sys.stderr)
        return 0
    files = chosen_files(args.split)[: args.limit]
    started = time.perf_counter()
    rows = []
    for done, (name, ann) in enumerate(files, 1):
        rows.append(article_rows(name, ann, args.split))
        if done % 50 == 0:
            print(
                f"{done}/{len(files)} articles, {time.perf_counter() - started:.0f} s", flush=True
            )
    write(args.out, [name for name, _ in files], rows)
    pieces = sum(len(row["tags"]) for article in rows for row in article)
    print(f"{len(files)} articles, {pieces} pieces in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
