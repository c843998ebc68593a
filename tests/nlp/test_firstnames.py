"""The sex a first name says: the Census catalogue's, else the shipped encoder's word embeddings."""

from __future__ import annotations

import pytest

from presslens import analyse
from presslens.nlp.firstnames import first_name_sex


@pytest.mark.parametrize(
    ("name", "sex"),
    [("Wendy", "f"), ("Cheryl", "f"), ("Nancy", "f"), ("Denis", "m"), ("Mark", "m")],
)
def test_common_first_names_say_a_sex(name: str, sex: str) -> None:
    assert first_name_sex(name) == sex


@pytest.mark.parametrize("word", ["Blair", "Q", "O'Neil", "Xqzvbt", ""])
def test_unsure_or_unknown_names_say_none(word: str) -> None:
    # "Blair": both sexes bear it (the catalogue) and the encoder is unsure
    # ("Hope" and "Jason", once here, the Census catalogue now knows: test_firstname_catalogue)
    assert first_name_sex(word) is None


def test_she_is_not_the_man_named_last() -> None:
    text = (
        "A plane leaves Tunis\n\n"
        "Wendy Sherman sent a note to the White House on Sunday. Denis Costa read it at once.\n\n"
        '"The plane is in the air," she wrote.\n'
    )
    dossier = analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    quote = next(q for q in dossier.quotes if "plane is in the air" in q.text)
    assert [names[i] for i in quote.speaker_actor_ids] == ["Wendy Sherman"]


def test_mrs_joins_the_woman_of_two_people_sharing_a_surname() -> None:
    text = (
        "A family campaign\n\n"
        "Hillary Clinton and Bill Clinton spoke in Ohio on Monday. Mr. Clinton told jokes. "
        "Mrs. Clinton talked about jobs, and Mrs. Clinton later left for Iowa.\n"
    )
    actors = {a.name: a for a in analyse(text).actors}
    assert len(actors["Hillary Clinton"].mentions) == 3
    assert len(actors["Bill Clinton"].mentions) == 2
    assert "Mrs. Clinton" not in actors


def test_a_full_names_sex_is_its_given_names_unless_the_family_name_comes_first() -> None:
    """One reading for the quotes' pronouns and the entities' merges: "Wendy Sherman" is a
    woman, "Li Wen" says nothing ("Li" is a rare given name, a common surname), one word alone
    only when it is more often a first name ("Melanie", not "Warren")."""
    from presslens.nlp.firstnames import given_name_sex
    from presslens.stages.entities.sexes import likely_gender

    assert given_name_sex("Wendy Sherman") == "f"
    assert given_name_sex("Li Wen") is None and likely_gender("Li Wen") == ""
    assert given_name_sex("Melanie") == "f" and given_name_sex("Warren") is None
