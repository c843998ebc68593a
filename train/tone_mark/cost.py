"""What a marked tone top of K layers would add per article (issue 17): a measurement.

    PYTHONPATH=src python train/tone_mark/cost.py [--runs 7]

Run in the package's environment. On the showcase (../shared/articles/imperialists-peace.txt)
it times, with the shipped onnxruntime sessions, the article's encoder pass (lower + tuned over
every sentence, what analyse() pays today) and the tuned top's three layers run once per actor
mention on the cached lower states of the mention's sentence (what a marked top of three layers
would add; a top of K layers adds K/3 of it). Medians of --runs; the ratio of the two is what
matters, since the host is shared.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from presslens import analyse
from presslens.nlp import encoder

SHOWCASE = Path(__file__).resolve().parents[3] / "shared" / "articles" / "imperialists-peace.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    dossier = analyse(SHOWCASE.read_text("utf-8"))
    text = dossier.article.text
    spans = [(s.start, s.end) for s in dossier.sentences]
    vectors = encoder.encode_sentences(text, spans)
    mentions = [
        at
        for actor in dossier.actors
        for m in actor.mentions
        if (at := vectors.index_of(m.start, m.end)) is not None
    ]
    runners, tokenizer = encoder.session()
    pieces = tokenizer.encode_batch([text[a:b] for a, b in spans])
    lower = []
    for piece in pieces:
        ids = np.asarray([piece.ids], dtype=np.int64)
        mask = np.ones_like(ids)
        (states,) = runners["lower"].run(["states"], {"input_ids": ids, "attention_mask": mask})
        lower.append(states)
    order = sorted(mentions, key=lambda i: lower[i].shape[1])

    def sentences() -> None:
        encoder.encode_sentences(text, spans)

    def per_mention() -> None:
        for first in range(0, len(order), encoder.BATCH):
            chunk = order[first : first + encoder.BATCH]
            longest = max(lower[i].shape[1] for i in chunk)
            states = np.zeros((len(chunk), longest, encoder.WIDTH), dtype=np.float32)
            mask = np.zeros((len(chunk), longest), dtype=np.int64)
            for row, i in enumerate(chunk):
                states[row, : lower[i].shape[1]] = lower[i][0]
                mask[row, : lower[i].shape[1]] = 1
            runners["tuned"].run(["hidden"], {"states": states, "attention_mask": mask})

    timed: dict[str, list[float]] = {"sentences": [], "per_mention": []}
    for _ in range(args.runs):
        for name, work in (("sentences", sentences), ("per_mention", per_mention)):
            began = time.perf_counter()
            work()
            timed[name].append(time.perf_counter() - began)
    encode, three = (statistics.median(timed[k]) for k in ("sentences", "per_mention"))
    print(f"{len(spans)} sentences, {len(mentions)} mentions in encoded sentences")
    print(f"encoder pass (lower + tuned, per sentence): {encode:.3f} s")
    for depth in (1, 2, 3):
        added = three * depth / 3
        print(
            f"marked top of {depth} layer(s), per mention: {added:.3f} s, "
            f"{added / encode:.2f} of the encoder pass"
        )


if __name__ == "__main__":
    main()
