"""A service or a network named once, only as where a programme is watched or streamed, is a
medium, not an actor (issue 16): "streamed on Hulu's site", "you can watch it on Dish"; the
owner of what airs is where words air too ("on ABC's 'This Week'"). Invented texts through
`analyse()`."""

from __future__ import annotations

import presslens


def lists(text: str) -> tuple[list[str], list[str]]:
    dossier = presslens.analyse(text)
    return [a.name for a in dossier.actors], [p.name for p in dossier.places]


def test_a_service_a_show_is_streamed_on_is_no_actor() -> None:
    text = (
        "A talk show host finds a new home\n\n"
        "Corvin Ashlake, the chief executive of Brindle Media, said on Monday that the company "
        "would make more episodes. Mr. Ashlake's programme, which is also streamed on Vireo's "
        "site, drew two million viewers last year, Ashlake said."
    )
    actors, places = lists(text)
    assert "Vireo" not in actors and "Vireo" in places
    assert {"Corvin Ashlake", "Brindle Media"} <= set(actors)


def test_a_service_a_show_is_watched_on_is_no_actor() -> None:
    text = (
        "A talk show host finds a new home\n\n"
        "Corvin Ashlake, the host of a nightly programme, said on Monday that he would keep "
        "the show going. You can watch it on Vireo, he said, and on cable in a few cities."
    )
    actors, places = lists(text)
    assert "Vireo" not in actors and "Vireo" in places
    assert "Corvin Ashlake" in actors


def test_a_network_that_acts_stays_an_actor() -> None:
    text = (
        "A talk show host finds a new home\n\n"
        "Corvin Ashlake said on Monday that his programme would end. Vireo said it would stream "
        "the last episode, and viewers can watch it on Vireo's site."
    )
    actors, _ = lists(text)
    assert "Vireo" in actors
