"""How often the sex a first name says (presslens.nlp.firstnames) agrees with what an article
itself shows, on PolNeAR's texts (../shared/data/attribution/polnear, read at run time).

The article's evidence: a surname that "Mr." precedes, or "Mrs."/"Ms." (never both in one
article), and a capitalised word right before that surname elsewhere in the same article, taken
for its first name ("Wendy" from "Mrs. Sherman" and "Wendy Sherman"). Each first name is counted
once per split, with the one sex every article that shows it agrees on (names two articles
disagree on are left out). The evidence has slips of its own ("Because Cruz", "Professor X"), so
the agreement is a lower bound.

Reported per split: train (the thresholds were set after reading the agreement on all of
PolNeAR at three settings, so neither half is strictly unseen) and dev.

    python eval/firstnames.py            # the table
    python eval/firstnames.py --check    # exit 1 when a score is below its floor
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from presslens.nlp.firstnames import first_name_sex

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear"
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms)\. ([A-Z][a-z]+)\b")
NOT_GIVEN = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "The", "President", "Senator"}
FLOORS = {"agreement": 0.93, "decided": 0.55}


def shown_sexes(text: str) -> dict[str, str]:
    """First name -> 'm'/'f' as the article shows it."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for match in HONORIFIC.finditer(text):
        by_surname[match.group(2)].add("m" if match.group(1) == "Mr" else "f")
    found = {}
    for surname, sexes in by_surname.items():
        if len(sexes) != 1:
            continue
        for match in re.finditer(rf"\b([A-Z][a-z]+) (?:[A-Z]\. )?{surname}\b", text):
            if match.group(1) not in NOT_GIVEN:
                found[match.group(1)] = next(iter(sexes))
    return found


def gold_of(split: str) -> dict[str, str]:
    votes: dict[str, set[str]] = defaultdict(set)
    for path in sorted((POLNEAR / split / "text").glob("*.txt")):
        for name, sex in shown_sexes(path.read_text(encoding="utf-8")).items():
            votes[name].add(sex)
    return {name: next(iter(s)) for name, s in votes.items() if len(s) == 1}


def score(gold: dict[str, str]) -> dict[str, float]:
    said = {name: first_name_sex(name) for name in gold}
    decided = [name for name, sex in said.items() if sex is not None]
    agreed = [name for name in decided if said[name] == gold[name]]
    return {
        "names": len(gold),
        "decided": len(decided) / max(1, len(gold)),
        "agreement": len(agreed) / max(1, len(decided)),
        "women decided": sum(1 for n in decided if gold[n] == "f")
        / max(1, sum(1 for s in gold.values() if s == "f")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 below a pinned floor")
    args = parser.parse_args()
    if not POLNEAR.exists():
        print(f"skipped: {POLNEAR} is absent")
        return 0
    results = {split: score(gold_of(split)) for split in ("train", "dev")}
    print(f"{'measure':<16}{'train':>10}{'dev':>10}  floor (each split)")
    for measure in ("names", "decided", "women decided", "agreement"):
        cells = "".join(
            f"{results[s][measure]:>10.0f}"
            if measure == "names"
            else f"{results[s][measure]:>10.3f}"
            for s in results
        )
        floor = FLOORS.get(measure)
        print(f"{measure:<16}{cells}  {'' if floor is None else f'>= {floor:.2f}'}")
    failed = [
        f"below floor: {measure} on {split} = {result[measure]:.3f} < {floor:.2f}"
        for split, result in results.items()
        for measure, floor in FLOORS.items()
        if result[measure] < floor
    ]
    print("\n".join(failed))
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
