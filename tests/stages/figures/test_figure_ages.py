"""Ages written as bare numbers (figures/ages.py): a person's age in apposition, a decade of
life, 'turned 52', 'died at 85', 'between the ages of 18 and 29'. Every age is a duration in
years of age, so no claim is ranked up for it and no conflict sets it against a count."""

from __future__ import annotations

import pytest

from presslens import nlp
from presslens.model import Figure
from presslens.stages.figures import extract_figures

AGE = ("duration", "year of age")


def figures_of(text: str, *, parsed: bool = True) -> list[Figure]:
    doc = nlp.parse(text) if parsed else None
    return [f for f in extract_figures(text, doc) if f.kind not in ("date", "time")]


def read(text: str, *, parsed: bool = True) -> list[tuple[str, str, str | None]]:
    return [(f.text, f.kind, f.unit) for f in figures_of(text, parsed=parsed)]


# (three-sentence text, the ages it holds as (text, low, high); value = low when low == high)
AGES = [
    (
        "Marta Kowalczyk, 47, runs a bakery on Elm Street. She opened it in spring. "
        "Business has been slow.",
        [("47", 47, 47)],
    ),
    (
        "A retired plumber, 71, watched from his porch. The storm passed by noon. Nobody was hurt.",
        [("71", 71, 71)],
    ),
    (
        "The fire was reported by Tomas Rieger (38). Crews arrived within minutes. "
        "The house was saved.",
        [("38", 38, 38)],
    ),
    (
        "Mr. Oduya, then 29, ran the shop alone. He later hired help. The shop is still open.",
        [("29", 29, 29)],
    ),
    (
        "The sisters Ana and Lia Brandt, 22 and 19, train daily. They swim before school. "
        "Their coach is proud.",
        [("22", 22, 22), ("19", 19, 19)],
    ),
    (
        "She is in her early 60s and still teaches. Her students adore her. The school is small.",
        [("early 60s", 60, 63)],
    ),
    (
        "The mayor is in his 40s. He grew up in the town. He rarely leaves it.",
        [("40s", 40, 49)],
    ),
    ("He turned 52 on Monday. His friends threw a party. The cake was huge.", [("52", 52, 52)]),
    (
        "The painter died at 85. She left many works. Her studio is now a museum.",
        [("85", 85, 85)],
    ),
    (
        "Voters between the ages of 18 and 29 stayed home. Turnout fell. Officials worried.",
        [("18", 18, 18), ("29", 29, 29)],
    ),
    (
        "Many 18- to 29-year-olds stayed home. Turnout fell. Officials worried.",
        [("18-", 18, 18), ("29-year-olds", 29, 29)],
    ),
]


@pytest.mark.parametrize(("text", "ages"), AGES)
def test_ages_are_durations_in_years_of_age(
    text: str, ages: list[tuple[str, float, float]]
) -> None:
    found = figures_of(text)
    assert [(f.text, f.kind, f.unit) for f in found] == [(t, *AGE) for t, _, _ in ages]
    for figure, (_, low, high) in zip(found, ages, strict=True):
        if low == high:
            assert figure.value == low and figure.bound == "exact"
        else:
            assert (figure.value, figure.low, figure.high, figure.bound) == (
                None,
                low,
                high,
                "range",
            )


# (three-sentence text, its figures as (text, kind, unit)): numbers set off after things,
# places, numbers or in a ranked list, and numbers that count a noun, stay what they were (guards
# against reading too much as an age: they passed before ages.py too)
NOT_AGES = [
    (
        "The death toll, 49, is the highest in years. Rescuers are still searching. "
        "Roads are closed.",
        [("49", "count", None)],
    ),
    (
        "Delegates were split: Ohio, 52, and Iowa, 30. The vote was close. Nobody was surprised.",
        [("52", "count", None), ("30", "count", None)],
    ),
    (
        "He turned 52 pages of the report. Then he slept. The report was dull.",
        [("52 pages", "count", "page")],
    ),
    (
        "The ranking this week: Ana Brandt (2.) and Lia Brandt (1.). Both ran well. "
        "The next race is soon.",
        [("2", "count", None), ("1", "count", None)],
    ),
    (
        "Prices rose 7, 8, 10 percent. Shoppers noticed. Stores did not say why.",
        [("7", "count", None), ("8", "count", None), ("10 percent", "percent", "percent")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_AGES)
def test_other_numbers_set_off_stay_counts(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marta Kowalczyk, 47, runs a bakery. She opened it in spring. Business is slow.",
            [("47", *AGE)],
        ),
        (
            "The death toll, 49, is the highest in years. Rescuers search on. Roads are shut.",
            [("49", "count", None)],
        ),
    ],
)
def test_without_a_parse_a_name_or_a_person_noun_decides(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert read(text, parsed=False) == expected


def test_an_age_is_neither_a_measure_to_check_nor_comparable_across_articles() -> None:
    from presslens import analyse
    from presslens.corpus.conflicts import COMPARABLE_KINDS
    from presslens.stages.claims.stage import is_measure

    text = (
        "Bakery closes after flood\n\n"
        "Marta Kowalczyk, 47, said the flood ruined the ovens of her bakery on Elm Street. "
        "The 200-year-old bridge beside it was closed on Tuesday. "
        "The town council said repairs would cost $2 million.\n\n"
        "Kowalczyk has run the bakery for most of her life and hopes to reopen it soon.\n"
    )
    dossier = analyse(text)
    ages = [f for f in dossier.figures if f.unit == "year of age"]
    assert [(f.text, f.kind, f.concept) for f in ages] == [
        ("47", "duration", "Marta Kowalczyk"),
        ("200-year-old", "duration", "bridge"),
    ]
    assert not any(map(is_measure, ages))
    assert not any(f.kind in COMPARABLE_KINDS for f in ages)
