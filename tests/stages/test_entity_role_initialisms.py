"""Corporate titles written as initialisms (issue 16, "actors that are not actors"). The tagger
types "COO" or "CTO" an organisation; they are a person's post, as "chief executive" is: the role
catalogue holds them (WordNet's person initialisms such as "CEO" and "CFO", the hand-kept list's
"COO" and "CTO"), and a name that is only such an initialism names no one. Invented texts, a
headline line first, through `analyse()`."""

from __future__ import annotations

from tests.stages.test_entity_kinds import lists


def test_a_corporate_title_before_a_name_is_no_organisation() -> None:
    text = (
        "Acme names a new chief\n\n"
        "Acme Corp. said on Monday that its chief executive, Jane Roe, will hand the job to COO "
        "and president Mike Siever in March. The CFO, Tom Ray, will stay. Roe said the company "
        "was ready."
    )
    actors, _, _ = lists(text)
    assert "COO" not in actors and "CFO" not in actors
    assert {"Acme Corp", "Jane Roe", "Mike Siever", "Tom Ray"} <= set(actors)


def test_a_corporate_title_alone_is_no_organisation() -> None:
    text = (
        "Widget maker hires a new engineer\n\n"
        "Zentrix Labs said on Tuesday that it had hired a CTO from a rival. The CTO will start "
        "in May, the firm said. Its COO, Dana Kell, praised the choice."
    )
    actors, _, _ = lists(text)
    assert "CTO" not in actors and "COO" not in actors
    assert "Dana Kell" in actors


def test_an_organisations_initialism_that_is_no_title_stays() -> None:
    text = (
        "Gun group backs the sheriff\n\n"
        "The NRA said on Friday that it would spend money on the sheriff's race in Carroll "
        "County. The NRA has backed Sheriff Ann Hollis twice before. Hollis thanked the group."
    )
    actors, _, _ = lists(text)
    assert "NRA" in actors
