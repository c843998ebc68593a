"""Names that take "the" are no person's (issue 16, "actors of the wrong type"): "the Gateway"
(a space station), "the Derg", "the Bruins", typed as people by the small tagger, are
organisations' or things' names; not a family ("the Clintons"), a name under a person's role
("the Ayatollah Khomeini"), a name WordNet catalogues ("the Moon") or a thing's name of English
nouns ("the Purple Heart"). Invented texts, a headline line first, through `analyse()`; the
guards on invented names, where the tagger would not type the invented text's name a person."""

from __future__ import annotations

from presslens import analyse
from presslens.stages.entities.determiners import person_free

LUNAR = (
    "Lawmakers question the space agency's lunar plans\n\n"
    "Under the agency's plan, parts of the Whitlock would be launched on commercial rockets, "
    "as would supplies for the Whitlock. The lander would move crews from the Whitlock to the "
    "surface. Senator Ann Hollis said the plan cost too much."
)


def test_a_name_that_takes_the_is_no_persons() -> None:
    types = {a.name: a.type for a in analyse(LUNAR).actors}
    assert types["Whitlock"] == "ORG"
    assert types["Ann Hollis"] == "PERSON"


def test_a_family_a_role_a_catalogued_name_and_a_things_name_are_left_alone() -> None:
    assert person_free("Whitlock", {"Hollis"})
    assert not person_free("Whitlocks", {"Whitlock"})  # "the Whitlocks": a family
    assert not person_free("Ayatollah Sadeghi", set())  # a person's role opens it
    assert not person_free("Moon", set())  # WordNet's proper noun: a location
    assert not person_free("Purple Heart", set())  # English nouns: a thing's name
