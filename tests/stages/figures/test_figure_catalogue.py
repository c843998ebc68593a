"""The unit catalogue (figures/catalogue.py): pint's definitions read as data, under our own
table and the skip lists of resources/unit_catalogue.json."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens.stages.figures.catalogue import (
    Dimension,
    catalogue,
    definition_lines,
    look_up,
    reduce,
)
from presslens.stages.figures.units import unit_name

needs_pint = pytest.mark.skipif(not catalogue().names, reason="pint is not installed")


def test_definition_lines_skip_contexts_and_comments() -> None:
    text = (
        "meter = [length] = m = metre  # a comment\n"
        "@context sp\n    [length] -> 1 / [time]: c / value\n@end\n"
        "@group Foo\n    furlong = 660 * foot\n@end\n"
    )
    assert definition_lines(text) == [
        ["meter", "[length]", "m", "metre"],
        ["furlong", "660 * foot"],
    ]


def test_dimensions_reduce_to_base_dimensions() -> None:
    known = {"meter": "[length]", "second": "[time]", "hour": "3600 * second",
             "knot": "1852 * meter / hour", "are": "100 * meter ** 2"}  # fmt: skip
    memo: dict[str, Dimension | None] = {}
    assert reduce("knot", known, memo) == (("length", 1.0), ("time", -1.0))
    assert reduce("are", known, memo) == (("length", 2.0),)
    assert reduce("hour", known, memo) == (("time", 1.0),)
    assert reduce("unknown_thing", known, memo) is None


@needs_pint
@pytest.mark.parametrize(
    ("words", "code", "name", "kind"),
    [
        (["kHz"], "kHz", "kilohertz", "quantity"),
        (["kilohertz"], "kHz", "kilohertz", "quantity"),
        (["megawatts"], "MW", "megawatt", "quantity"),
        (["knots"], "kn", "knot", "quantity"),
        (["nautical", "miles"], "nmi", "nautical mile", "quantity"),
        (["mSv"], "mSv", "millisievert", "quantity"),
        (["microseconds"], "µs", "microsecond", "duration"),
        (["kelvins"], "K", "kelvin", "temperature"),
        (["nanometers"], "nm", "nanometre", "quantity"),
    ],
)
def test_catalogue_units(words: list[str], code: str, name: str, kind: str) -> None:
    found = look_up(words)
    assert found is not None
    assert (found.code, found.name, found.kind) == (code, name, kind)


@needs_pint
@pytest.mark.parametrize(
    "word", ["are", "quarter", "section", "hands", "lines", "Weber", "MA", "GA", "St", "at", "in"]
)
def test_words_of_news_are_no_catalogue_units(word: str) -> None:
    assert look_up([word]) is None


@needs_pint
def test_a_catalogue_unit_after_a_number(only: Callable[..., None]) -> None:
    only("Winds reached 40 knots off the coast.", value=40.0, unit="kn", kind="quantity")
    assert unit_name("kn") == "knot"


def test_our_table_wins_over_the_catalogue(only: Callable[..., None]) -> None:
    only("The plant makes 300 MW.", unit="MW")
    only("Of them, 5 are women.", value=5.0, kind="count")  # pint's 'are' is 100 m²


@needs_pint
def test_the_catalogue_loads_fast_enough() -> None:
    catalogue.cache_clear()
    import time

    start = time.perf_counter()
    catalogue()
    assert time.perf_counter() - start < 0.5  # ~20 ms measured; generous for a shared machine
