"""Reading collections of verified claims (JSONL, CSV/TSV, ClaimReview JSON-LD), storing them
once on SQLite and PostgreSQL, and `presslens factchecks import` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from factcheck_stores import (  # noqa: F401 (the fixtures, asked for by name)
    CHECKS,
    claim_review,
    jsonl_text,
    location_fixture,
    postgres_url_fixture,
    store_fixture,
)

from presslens.corpus.factchecks import (
    FactCheck,
    read_factchecks,
    save_factchecks,
    stored_factchecks,
)
from presslens.errors import InputError
from presslens.store import Store, open_store
from presslens.store.schema import SCHEMA_VERSION

EXPECTED = [FactCheck(*row) for row in CHECKS]


def google_claim(row: tuple[str, str, str, str, str]) -> dict:
    """A claim as Google's Fact Check Tools API answers it (written here by hand)."""
    claim, verdict, url, date, publisher = row
    review = {"publisher": {"name": publisher, "site": "checks.example"}, "url": url}
    review.update(reviewDate=date, textualRating=verdict, languageCode="en")
    return {"text": claim, "claimant": "Someone", "claimReview": [review]}


def csv_text(delimiter: str = ",") -> str:
    lines = [delimiter.join(("Claim Text", "Rating", "Link", "Date Published", "Author"))]
    for row in CHECKS:
        lines.append(delimiter.join(f'"{cell}"' if "," in cell else cell for cell in row))
    return "\n".join(lines) + "\n"


FORMATS = [
    ("checks.jsonl", jsonl_text()),
    ("checks.csv", csv_text()),
    ("checks.tsv", csv_text("\t")),
    ("checks.json", json.dumps([claim_review(row) for row in CHECKS])),
    (
        "checks.jsonld",
        json.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "Organization", "name": "Harbour Facts"},
                    *(claim_review(row) for row in CHECKS),
                ],
            }
        ),
    ),  # fmt: skip
    ("reviews.jsonl", "".join(json.dumps(claim_review(row)) + "\n" for row in CHECKS)),
    ("no-suffix", jsonl_text()),
    ("google.json", json.dumps({"claims": [google_claim(row) for row in CHECKS]})),
]


@pytest.mark.parametrize(("name", "text"), FORMATS, ids=[name for name, _ in FORMATS])
def test_each_format_reads_every_field(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    reading = read_factchecks(path)
    assert reading.factchecks == EXPECTED
    assert reading.warnings == []


def test_one_claim_review_object_and_its_variants(tmp_path: Path) -> None:
    review = claim_review(CHECKS[0])
    review["@type"] = ["schema:ClaimReview"]
    review["author"] = [{"@type": "Organization", "name": "Harbour Facts"}]
    review["reviewRating"] = {"ratingValue": "2"}  # no words for the verdict: its value
    path = tmp_path / "one.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    (found,) = read_factchecks(path).factchecks
    assert (found.claim, found.verdict, found.publisher) == (CHECKS[0][0], "2", "Harbour Facts")


TITLED_REVIEW = {
    "@type": "ClaimReview",
    "claimReviewed": "Tram fares rose.",
    "name": "Did fares rise?",
    "reviewRating": {"alternateName": "False"},
}
TITLED = [
    ("titled.csv", "claim,verdict,Headline\nTram fares rose.,False,Did fares rise?\n"),
    (
        "titled.jsonl",
        json.dumps(
            {"statement": "Tram fares rose.", "ruling": "False", "title": "Did fares rise?"}
        ),
    ),
    ("review.json", json.dumps(TITLED_REVIEW)),
]


@pytest.mark.parametrize(("name", "text"), TITLED, ids=[name for name, _ in TITLED])
def test_a_fact_checks_title_is_read(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (found,) = read_factchecks(path).factchecks
    assert found == FactCheck("Tram fares rose.", "False", title="Did fares rise?")


BAD_ROWS = [
    ('{"claim": "Tram fares rose.", "verdict": "False"}\n{not json\n', "line 2: not JSON"),
    ('{"claim": "Tram fares rose."}\n{"verdict": "False"}\n', "line 2: no claim field"),
    ('{"claim": "Tram fares rose."}\n{"claim": "  "}\n', "line 2: empty claim text"),
    ('{"claim": "Tram fares rose."}\n["a", "list"]\n', "line 2: not an object"),
]


@pytest.mark.parametrize(("text", "warning"), BAD_ROWS)
def test_a_bad_row_is_warned_and_the_rest_read(tmp_path: Path, text: str, warning: str) -> None:
    path = tmp_path / "some-bad.jsonl"
    path.write_text(text, encoding="utf-8")
    reading = read_factchecks(path)
    assert [item.claim for item in reading.factchecks] == ["Tram fares rose."]
    assert len(reading.warnings) == 1
    assert warning in reading.warnings[0] and "some-bad.jsonl" in reading.warnings[0]
    assert "\n" not in reading.warnings[0]


def test_a_csv_row_without_claim_text_is_warned(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("statement,verdict\nTram fares rose.,False\n,True\n", encoding="utf-8")
    reading = read_factchecks(path)
    assert [(item.claim, item.verdict) for item in reading.factchecks] == [
        ("Tram fares rose.", "False")
    ]
    assert reading.warnings == [f"{path} line 3: empty claim text, skipped"]


def test_a_missing_verdict_column_is_said_once(tmp_path: Path) -> None:
    path = tmp_path / "bare.csv"
    path.write_text("claim,url\nTram fares rose.,https://x.example/1\n", encoding="utf-8")
    reading = read_factchecks(path)
    assert reading.factchecks == [FactCheck("Tram fares rose.", url="https://x.example/1")]
    assert len(reading.warnings) == 1 and "no verdict column" in reading.warnings[0]


UNREADABLE = [
    ("nothing.jsonl", "not json at all\n", "holds no fact-check .* the first: not JSON"),
    ("blank.csv", "", "no claim column"),
    ("nested.json", "[" * 100_000 + "]" * 100_000, "too deeply"),
    ("rows.jsonl", '{"verdict": "False"}\n', "1 skipped; the first: no claim field"),
    ("empty.json", "[]", "holds no fact-check"),
    ("columns.csv", "headline,verdict\nTram fares rose.,False\n", "no claim column"),
    ("broken.json", '[{"claim": "x"', "is not JSON"),
    ("latin.csv", "claim\nCaf\xe9\n".encode("latin-1"), "is not UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "message"), UNREADABLE)
def test_a_file_with_nothing_readable_is_one_error(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InputError, match=message) as raised:
        read_factchecks(path)
    assert "\n" not in str(raised.value)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_factchecks(tmp_path / "absent.jsonl")


# --- the store ---------------------------------------------------------------------------


def test_reimport_adds_nothing(factcheck_store: Store) -> None:
    assert save_factchecks(factcheck_store, EXPECTED, origin="a.jsonl") == (3, 0)
    assert save_factchecks(factcheck_store, EXPECTED, origin="a.jsonl") == (0, 3)
    # the same claim with other spacing and case, and the same URL, is the same fact-check
    again = FactCheck(
        " the NEW footbridge over the Wen  cost twice its original budget. ", url=CHECKS[0][2]
    )
    other = FactCheck(CHECKS[0][0], url="https://elsewhere.example/footbridge")
    assert save_factchecks(factcheck_store, [again, other, other]) == (1, 2)
    stored = stored_factchecks(factcheck_store)
    assert len(stored) == 4
    assert [row["claim"] for row in stored[:3]] == [row[0] for row in CHECKS]
    assert stored[0]["verdict"] == "Mostly true" and stored[0]["publisher"] == "Harbour Facts"


def test_hostile_text_is_stored_as_given(factcheck_store: Store) -> None:
    hostile = FactCheck("<script>alert(1)</script> nul\x00 here", url="javascript:alert(2)")
    assert save_factchecks(factcheck_store, [hostile]) == (1, 0)
    (row,) = stored_factchecks(factcheck_store)
    assert row["claim"] == "<script>alert(1)</script> nul\ufffd here"


def test_an_older_store_gains_the_table(factcheck_location: str) -> None:
    with open_store(factcheck_location) as store:
        with store.transaction():
            store.run("DROP TABLE factchecks")
            store.run("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with open_store(factcheck_location) as store:
        assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == SCHEMA_VERSION
        assert save_factchecks(store, EXPECTED[:1]) == (1, 0)


# --- the command -------------------------------------------------------------------------


def presslens(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presslens.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_import_command_counts_new_and_known(tmp_path: Path) -> None:
    path = tmp_path / "checks.jsonl"
    path.write_text(jsonl_text() + '{"verdict": "True"}\n', encoding="utf-8")
    db = str(tmp_path / "c.db")
    first = presslens("factchecks", "import", str(path), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "3 fact-checks added, 0 already there (1 skipped)" in first.stdout
    assert "line 4: no claim field" in first.stderr and "Traceback" not in first.stderr
    second = presslens("factchecks", "import", str(path), "--db", db)
    assert "0 fact-checks added, 3 already there" in second.stdout


@pytest.mark.parametrize(
    ("name", "content"), [("absent.jsonl", None), ("columns.csv", "headline\nx\n")]
)
def test_import_command_refuses_an_unreadable_file(
    tmp_path: Path, name: str, content: str | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = presslens("factchecks", "import", str(path), "--db", str(tmp_path / "c.db"))
    assert result.returncode == 2
    assert result.stderr.startswith("presslens: error:") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "c.db").exists()  # refused before the store was made
