"""The store under hostile text and load, on SQLite and PostgreSQL alike: NUL and lone
surrogates are stored (as U+FFFD, spans intact), filters holding NUL or ids past 64 bits find
nothing instead of failing, and two processes saving the same article at the same moment both
get its one stored row, with nothing recorded as failed."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from hostile_inputs import dossier, save_in_step

from presslens.store import Store, open_store

pytestmark = pytest.mark.hostile

ROUNDS = 12


def test_nul_and_lone_surrogates_store_on_both_backends(hostile_store: Store) -> None:
    text = 'The mayor said \x00 nothing\ud800 more about "the port" at all.'
    record = dossier("Port\x00 news", text, quote='"the port"')
    article_id = hostile_store.save(record, sha256="nul", input_id="in\x00put", uri="u\x00ri")
    stored = hostile_store.article(article_id)
    assert stored is not None
    body = stored["dossier"]["article"]["text"]
    assert body == text.replace("\x00", "\ufffd").replace("\ud800", "\ufffd")
    quote = stored["dossier"]["quotes"][0]
    assert body[quote["span"]["start"] : quote["span"]["end"]] == quote["text"]  # spans hold
    assert hostile_store.search("nothing")[0]["article_id"] == article_id
    hostile_store.save_error(key="k\x00", reason="bad \x00 byte\udc80", input_id="x\x00")
    assert "\ufffd" in hostile_store.errors()[0]["reason"]


@pytest.mark.parametrize(
    "filters",
    [
        {"speaker": "\x00"},
        {"actor": "Jane\x00Smith"},
        {"source": "\x00\x00"},
        {"kind": "quote\x00"},
        {"speaker": "\ud800"},
    ],
)
def test_filters_with_nul_find_nothing_instead_of_failing(
    hostile_store: Store, filters: dict[str, str]
) -> None:
    hostile_store.save(dossier("Port", "The port reopens on Monday."), sha256="a")
    assert hostile_store.search("port", **filters) == []
    assert hostile_store.actor("\x00Smith")["articles"] == []


@pytest.mark.parametrize("article_id", [2**63, 10**30, -(10**30)])
def test_ids_past_64_bits_are_not_found(hostile_store: Store, article_id: int) -> None:
    assert hostile_store.article(article_id) is None


def test_paging_past_any_range_is_an_empty_page(hostile_store: Store) -> None:
    hostile_store.save(dossier("Port", "The port reopens on Monday."), sha256="a")
    assert hostile_store.articles(limit=10**30, offset=10**30)["items"] == []
    assert hostile_store.articles(limit=-5, offset=-5)["items"] == []
    assert hostile_store.search("port", limit=-1) == []
    assert hostile_store.search("port", limit=10**30)[0]["kind"] == "article"
    assert hostile_store.errors(limit=-1) == []


def race(url: str) -> list[tuple[int, Any]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    writers = [
        context.Process(target=save_in_step, args=(url, barrier, ROUNDS, results)) for _ in range(2)
    ]
    for writer in writers:
        writer.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for writer in writers:
        writer.join(timeout=60)
    return sorted(outcomes, key=lambda outcome: outcome[0])


def test_two_processes_saving_the_same_article_both_succeed(hostile_store_url: str) -> None:
    open_store(hostile_store_url).close()  # the schema exists before the race
    outcomes = race(hostile_store_url)
    failures = [outcome for _, outcome in outcomes if not isinstance(outcome, int)]
    assert failures == []
    for number in range(ROUNDS):  # both writers got the one stored row's id
        ids = {outcome for n, outcome in outcomes if n == number}
        assert len(ids) == 1
    with open_store(hostile_store_url) as store:
        counts = store.counts()
    assert counts["articles"] == ROUNDS
    assert counts["actors"] == ROUNDS  # derived rows written once, by the winner
    assert counts["errors"] == 0
