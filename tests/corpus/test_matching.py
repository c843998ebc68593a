"""Claim matching: `presslens.match_claims`, the store's fact-checks with their vectors (on
SQLite and PostgreSQL), the lexical-only fallback and `presslens match`."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from factcheck_stores import (  # noqa: F401 (the fixtures, asked for by name)
    CHECKS,
    jsonl_text,
    location_fixture,
    postgres_url_fixture,
    store_fixture,
)
from typer.testing import CliRunner

import presslens
from presslens.cli import app
from presslens.corpus import lookup, matching
from presslens.corpus.factchecks import FactCheck, save_factchecks
from presslens.nlp import encoder
from presslens.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from corpus_articles import budget  # noqa: E402

needs_encoder = pytest.mark.skipif(not encoder.available(), reason="the encoder cannot run here")

CLAIMS = [
    "The new footbridge over the Wen cost twice its original budget.",
    "Millbrook's library will close on Sundays from next spring.",
    "Tram fares in Eastport rose by 40 percent last year.",
    "The mayor of Eastport owns three houses abroad.",
    "Drinking sea water cures the common cold.",
    "Wind turbines kill more birds than cats do.",
]
# (a claim in other words, the claim it repeats)
PARAPHRASES = [
    ("Building the Wen pedestrian bridge ended up costing double what was planned.", 0),
    ("From next spring you won't be able to visit Millbrook library on a Sunday.", 1),
    ("Last year Eastport's trams got 40% more expensive.", 2),
    ("Eastport's mayor has several homes in other countries.", 3),
    ("Gargling with salt water from the ocean gets rid of a cold.", 4),
    ("Windmills are deadlier to birds than house cats.", 5),
]
# paraphrases sharing no word with their claim: only the encoder can find them
NO_SHARED_WORD = [
    ("Ocean brine heals a chill.", 4),
    ("Kittens harm sparrows less than windmills.", 5),
]


@needs_encoder
def test_a_paraphrase_ranks_its_claim_first() -> None:
    queries = [text for text, _ in PARAPHRASES]
    found = presslens.match_claims(queries, CLAIMS, top_k=3)
    assert [matches[0][0] for matches in found] == [expected for _, expected in PARAPHRASES]
    for matches in found:
        assert len(matches) == 3 and len({index for index, _ in matches}) == 3
        scores = [score for _, score in matches]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= score <= 1.0 for score in scores)


@needs_encoder
def test_the_encoder_finds_what_no_word_shares() -> None:
    queries = [text for text, _ in NO_SHARED_WORD]
    index = matching.ClaimIndex.build(CLAIMS, matching.sentence_vectors(CLAIMS))
    assert not index.scores(queries, dense=False).any()  # BM25 sees nothing in common
    found = matching.match_claims(queries, CLAIMS, top_k=1)
    assert [matches[0][0] for matches in found] == [expected for _, expected in NO_SHARED_WORD]


def test_without_the_encoder_matching_is_lexical_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(encoder, "available", lambda: False)
    queries = [text for text, _ in PARAPHRASES[:3]]
    with pytest.warns(RuntimeWarning, match="lexical only"):
        found = presslens.match_claims(queries, CLAIMS, top_k=2)
    assert [matches[0][0] for matches in found] == [0, 1, 2]
    with pytest.warns(RuntimeWarning, match="lexical only"):
        unmatched = presslens.match_claims([NO_SHARED_WORD[0][0]], CLAIMS, top_k=2)
    assert all(score == 0.0 for _, score in unmatched[0])


@pytest.mark.parametrize(
    ("queries", "claims", "top_k", "expected"),
    [([], CLAIMS, 5, []), (["anything"], [], 5, [[]]), (["tram fares"], CLAIMS, 0, [[]])],
)
def test_empty_asks_get_empty_answers(
    queries: list[str], claims: list[str], top_k: int, expected: list
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # where the encoder cannot run: not the point here
        assert presslens.match_claims(queries, claims, top_k) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The policies of the council", ["policy", "council"]),
        ("Obama's boxes are NOT here", ["obama", "box", "not"]),
        ("see https://example.org/x and pic.twitter.com/abc now", ["see", "now"]),
        ("40 percent of 3 buses", ["40", "percent", "3", "buse"]),
    ],
)
def test_words_bm25_compares(text: str, expected: list[str]) -> None:
    assert matching.words(text) == expected


def test_bm25_scores_lie_in_zero_one_and_favour_the_same_words() -> None:
    scores = matching.Lexical(CLAIMS).scores(CLAIMS + ["nothing alike"])
    assert scores.shape == (len(CLAIMS) + 1, len(CLAIMS))
    assert (scores >= 0).all() and (scores <= 1).all()
    assert list(scores[: len(CLAIMS)].argmax(axis=1)) == list(range(len(CLAIMS)))
    assert not scores[-1].any()
    # words that no claim holds make a match weaker, not stronger
    plain, padded = matching.Lexical(CLAIMS).scores(["tram fares", "tram fares zebra quokka"])
    assert plain[2] > padded[2] > 0


# --- the store's fact-checks -------------------------------------------------------------

FACTCHECKS = [
    FactCheck(claim, "False", f"https://checks.example/{n}") for n, claim in enumerate(CLAIMS)
]


@needs_encoder
def test_vectors_are_stored_once_per_encoder(
    factcheck_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_factchecks(factcheck_store, FACTCHECKS)
    assert lookup.encode_factchecks(factcheck_store) == len(CLAIMS)
    assert lookup.encode_factchecks(factcheck_store) == 0
    rows = factcheck_store.all("SELECT vector, encoder FROM factchecks ORDER BY id")
    assert {row["encoder"] for row in rows} == {lookup.factcheck_identity()}
    stored = np.frombuffer(bytes(rows[0]["vector"]), dtype=np.float16).reshape(2, -1)
    fresh = matching.sentence_vectors(CLAIMS[:1])[0]
    # the claim's vector, then the title's: the claim's again, as these fact-checks have none
    assert stored.shape == (2, fresh.shape[0])
    assert all(float(half.astype(np.float32) @ fresh) > 0.99 for half in stored)
    monkeypatch.setattr(lookup, "encoder_identity", lambda: "encoder-retrained")
    assert lookup.encode_factchecks(factcheck_store) == len(CLAIMS)  # made again


@needs_encoder
def test_stored_factchecks_match_a_paraphrase(factcheck_store: Store) -> None:
    save_factchecks(factcheck_store, FACTCHECKS[:4])
    queries = [text for text, _ in PARAPHRASES]
    found = lookup.match_text(factcheck_store, queries[:4], top_k=2)
    assert [matches[0]["claim"] for matches in found] == CLAIMS[:4]
    assert found[0][0]["url"] == "https://checks.example/0" and found[0][0]["verdict"] == "False"
    # a later import is seen by the next match in the same process
    save_factchecks(factcheck_store, FACTCHECKS[4:])
    (later,) = lookup.match_text(factcheck_store, [queries[5]], top_k=1)
    assert later[0]["claim"] == CLAIMS[5] and 0 < later[0]["score"] <= 1


def test_the_store_falls_back_to_words(
    factcheck_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_factchecks(factcheck_store, FACTCHECKS)
    monkeypatch.setattr(encoder, "available", lambda: False)
    with pytest.warns(RuntimeWarning, match="lexical only"):
        (found,) = lookup.match_text(factcheck_store, [PARAPHRASES[2][0]], top_k=1)
    assert found[0]["claim"] == CLAIMS[2]
    assert factcheck_store.scalar("SELECT count(vector) AS n FROM factchecks") == 0


def test_bm25_reads_a_fact_checks_title(
    factcheck_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    titled = FactCheck(
        "The council sold the old jetty to a developer.",
        url="https://c.example/j",
        title="Did Millbrook sell its pier in secret?",
    )
    save_factchecks(factcheck_store, [*FACTCHECKS, titled])
    monkeypatch.setattr(encoder, "available", lambda: False)
    with pytest.warns(RuntimeWarning, match="lexical only"):
        (found,) = lookup.match_text(factcheck_store, ["Millbrook pier secret"], top_k=1)
    assert found[0]["claim"] == titled.claim and found[0]["title"] == titled.title
    assert not matching.Lexical([titled.claim]).scores(["Millbrook pier secret"]).any()


@needs_encoder
def test_the_encoder_reads_a_fact_checks_title(factcheck_store: Store) -> None:
    """A query closer to a fact-check's headline than to its claim still finds it."""
    titled = FactCheck(
        "A viral photo of a flooded runway was taken in 2011, not last week.",
        url="https://c.example/r",
        title="Was Eastport airport under water after Monday's storm?",
    )
    save_factchecks(factcheck_store, [*FACTCHECKS, titled])
    query = "Eastport's airport is underwater after the storm on Monday!"
    (found,) = lookup.match_text(factcheck_store, [query], top_k=1)
    assert found[0]["claim"] == titled.claim
    index, _ = lookup.factcheck_index(factcheck_store)
    assert index.title_vectors is not None
    claim_only = matching.ClaimIndex(index.lexical, index.vectors)
    assert (index.dense_scores([query]) >= claim_only.dense_scores([query]) - 1e-6).all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#VoterFraud in #Ohio", " Voter Fraud in  Ohio"),
        ("thanks @RealJohnDoe!", "thanks  Real John Doe!"),
        ("fake#COVID19#WW3", "fake COVID19 WW3"),
        ("no tags here", "no tags here"),
    ],
)
def test_tags_are_split_into_their_words(text: str, expected: str) -> None:
    assert matching.split_tags(text) == expected


def test_the_two_scores_read_the_query_differently() -> None:
    tweet = (
        "Look at this #FloodedRunway pic.twitter.com/AbC123 via @EastportNews "
        "\u2014 Jane Roe (@JaneRoe77) January 6, 2020"
    )
    # BM25 keeps the whole signature (who said it is part of a claim); the encoder its name
    assert matching.lexical_query(tweet).split() == (
        "Look at this Flooded Runway via Eastport News \u2014 Jane Roe ( Jane Roe77) "
        "January 6, 2020".split()
    )
    assert matching.encoder_query(tweet) == (
        "Look at this Flooded Runway via Eastport News \u2014 Jane Roe"
    )
    assert matching.encoder_query("A plain sentence.") == "A plain sentence."


def test_a_hashtag_query_finds_its_claim_by_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run-together words in a hashtag meet the claim's words once split (BM25 alone here)."""
    monkeypatch.setattr(encoder, "available", lambda: False)
    query = "Unbelievable! #TramFares"
    assert not matching.Lexical(CLAIMS).scores([query]).any()  # "tramfares" is no claim's word
    with pytest.warns(RuntimeWarning, match="lexical only"):
        (found,) = presslens.match_claims([query], CLAIMS, top_k=1)
    assert found[0][0] == 2 and found[0][1] > 0


def test_an_empty_store_matches_nothing(factcheck_store: Store) -> None:
    assert lookup.match_text(factcheck_store, ["tram fares"], top_k=3) == [[]]


@needs_encoder
def test_each_claim_of_an_article_gets_its_fact_checks(factcheck_store: Store) -> None:
    harbour = FactCheck(
        "The harbour works will cost 40 million dollars.", "True", "https://c.example/h"
    )
    save_factchecks(factcheck_store, [*FACTCHECKS, harbour])
    article_id = factcheck_store.save(budget(), sha256="budget")
    found = lookup.matches_for_article(factcheck_store, article_id, top_k=2)
    assert [claim["text"] for claim in found][0].startswith("The harbour will cost $40 million")
    assert found[0]["matches"][0]["claim"] == harbour.claim
    assert all(len(claim["matches"]) == 2 for claim in found)
    assert lookup.matches_for_article(factcheck_store, article_id + 99) == []


# --- the command -------------------------------------------------------------------------


@pytest.fixture
def imported(tmp_path: Path) -> str:
    path = tmp_path / "checks.jsonl"
    path.write_text(jsonl_text(), encoding="utf-8")
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(app, ["factchecks", "import", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    return db


@needs_encoder
def test_match_command_json(imported: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presslens.cli", "match", PARAPHRASES[2][0], "--db", imported]
        + ["--top", "2", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [item["claim"] for item in found][0] == CHECKS[2][0] and len(found) == 2
    assert found[0]["verdict"] == CHECKS[2][1] and found[0]["publisher"] == CHECKS[2][4]


def test_match_command_prints_the_fallback_in_one_line(
    imported: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoder, "available", lambda: False)
    result = CliRunner().invoke(app, ["match", PARAPHRASES[1][0], "--db", imported, "-n", "1"])
    assert result.exit_code == 0, result.output
    warning = [line for line in result.output.splitlines() if "lexical only" in line]
    assert len(warning) == 1 and warning[0].startswith("presslens: warning:")
    assert CHECKS[1][0] in result.output and "Traceback" not in result.output
