"""Pull quotes (`presslens.stages.quotes.repeated`): a quotation set apart with no speaker that
repeats words quoted elsewhere with a speaker is that speaker's; a short one, or one that no
attributed quotation holds, keeps no speaker. Invented texts through `analyse()`."""

from __future__ import annotations

from tests.stages.quotes.conftest import hear

PULL = '"I worry that we may see a resurgence of spending cuts across the whole economy.'


def test_a_pull_quote_takes_the_speaker_of_the_words_it_repeats() -> None:
    text = (
        "Economists fear a return of austerity\n\n"
        f"{PULL}\n\n"
        "The senator has attacked the plan for weeks.\n\n"
        "“I worry that we may see a resurgence of spending cuts across the whole economy, and "
        "that would hurt workers,” said Dean Baker, an economist at a think tank."
    )
    pull = next(q for q in hear(text) if q.text.startswith('"I worry'))
    assert pull.actors == ["Dean Baker"]


def test_a_pull_quote_no_attributed_quote_holds_keeps_no_speaker() -> None:
    text = (
        "Economists fear a return of austerity\n\n"
        f"{PULL}\n\n"
        "The senator has attacked the plan for weeks.\n\n"
        "“Spending cuts would hurt workers across the whole economy,” said Dean Baker, an "
        "economist at a think tank."
    )
    pull = next(q for q in hear(text) if q.text.startswith('"I worry'))
    assert pull.actors == []


def test_a_short_repeat_is_a_phrase_not_a_pull_quote() -> None:
    text = (
        "Economists fear a return of austerity\n\n"
        '"Cuts would hurt all workers.\n\n'
        "The senator has attacked the plan for weeks.\n\n"
        "“Cuts would hurt all workers in the state,” said Dean Baker, an economist at a think "
        "tank."
    )
    short = next(q for q in hear(text) if q.text.startswith('"Cuts'))
    assert short.actors == []
