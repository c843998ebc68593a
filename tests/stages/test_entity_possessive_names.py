"""Names that hold a possessive (issue 16, "actors that are not actors"): the tagger cuts
"Martha" out of "Martha's Vineyard" and "Valentine" out of "Valentine's Day" and types them a
person's; where WordNet's catalogue of proper nouns knows the longer name, the name is carried
over the possessive and typed as the catalogue says (abbreviations.catalogued_possessives), on
invented texts."""

from __future__ import annotations

import pytest

import presslens


def lists(text: str) -> tuple[dict[str, str], dict[str, str]]:
    dossier = presslens.analyse(text)
    actors = {actor.name: actor.type for actor in dossier.actors}
    places = {place.name: place.type for place in dossier.places}
    return actors, places


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_place_named_after_someone_is_a_place(apostrophe: str) -> None:
    actors, places = lists(
        "Governor faults president over flood response\n\n"
        "Critics chided President Tom Hale on Monday for continuing his vacation in"
        f" Martha{apostrophe}s Vineyard instead of visiting the flooded towns. Hale said he"
        " would visit on Friday.\n"
    )
    assert "Martha" not in actors
    assert places.get("Martha's Vineyard") == "LOC"  # the shown name's apostrophe is straight


def test_a_holiday_named_after_someone_is_no_actor() -> None:
    actors, _ = lists(
        "Mayor marks the holiday\n\n"
        "Mayor Ann Roe spoke to the crowd on Valentine's Day and said the town would build a new"
        " park. Roe said the money was in the budget.\n"
    )
    assert "Valentine" not in actors
    assert actors["Ann Roe"] == "PERSON"


def test_an_owners_name_is_not_cut_to_a_place_it_opens() -> None:
    actors, _ = lists(
        "University opens a new center\n\n"
        "Ann Roe, a lawyer at New York University's Hale Center for Justice, said the center"
        " would open in May and that the money had been raised.\n"
    )
    assert "New York University" in actors
