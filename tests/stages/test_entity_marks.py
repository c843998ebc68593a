"""Marks around and inside names: links, loose quotation marks, plural possessives, state codes
(the entities stage on small hand-written articles; these need the spaCy model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as DocSpan

from presslens import nlp
from presslens.ingest import load
from presslens.stages.entities import find_entities
from presslens.stages.entities.labels import office_and_person, relative_named


def actors_of(text: str) -> dict[str, tuple[str, int]]:
    article = load(text)
    found = find_entities(article, nlp.parse(article.text))
    return {a.name: (a.type, len(a.mentions)) for a in found.actors}


def test_a_quotation_mark_set_after_a_name_is_no_part_of_it() -> None:
    actors = actors_of(
        "Host suspended\n\nThe host was suspended by a Kansas City radio station when he "
        "suggested that Hillary Clinton ''should be buried under a jail'' during a show. Clinton "
        "did not reply. The station said Clinton ''was owed an apology.''\n"
    )
    assert actors["Hillary Clinton"] == ("PERSON", 3)
    assert not [name for name in actors if "'" in name]


def test_a_closing_quotation_mark_of_two_apostrophes_is_no_part_of_a_name() -> None:
    actors = actors_of(
        "Ratings\n\nCable producers say that shows with the words ''Hillary Clinton'' in the "
        "title rate well. Clinton has not commented on the ratings.\n"
    )
    assert not [name for name in actors if "'" in name]
    assert actors["Hillary Clinton"] == ("PERSON", 2)


def test_an_irregular_plurals_possessive_stays_in_an_organisations_name() -> None:
    actors = actors_of(
        "Media study\n\nResearch for the Women's Media Center showed that men wrote most stories. "
        "Julie Burton is president of the Women's Media Center. The Children's Hospital of "
        "Ohio said it treated 40 people.\n"
    )
    assert actors["Women's Media Center"] == ("ORG", 2)
    assert [name for name in actors if name.startswith("Children's Hospital")]
    assert "Women" not in actors and "Children" not in actors


def test_a_link_is_no_actor() -> None:
    actors = actors_of(
        "Rally photo\n\nMayor Ann Bell spoke at the rally in Dover on Monday. See the photo at "
        "pic.twitter.com/nzaaq6rcaH for the crowd. Bell thanked the voters.\n"
    )
    assert not [name for name in actors if "/" in name or "twitter" in name]
    assert "Ann Bell" in actors


def test_a_states_postal_code_is_a_place() -> None:
    actors = actors_of(
        "Clinton in New Hampshire\n\nSupporters of Hillary Clinton wore shirts at her event in "
        "Hudson, NH on Tuesday. The crowd in Nashua, NH was larger. Clinton spoke in Manchester.\n"
    )
    assert actors["NH"][0] == "GPE"


def test_a_shared_surname_goes_to_the_namesake_its_pronouns_say_not_the_one_named_most() -> None:
    actors = actors_of(
        "Marsh opens a new store\n\nOn the first day of the fair in June, Olga Marsh walked "
        "across the stage in a dress from her own label. Peter Marsh, her father, watched from "
        "the front row.\n\nPeter Marsh has built three hotels in the city. Peter Marsh also owns "
        "a football club.\n\nMarsh has said that she wants every worker to have paid leave. "
        "Marsh told a magazine last year that she works long hours herself. Marsh, however, runs "
        "a firm that offers no paid leave to its staff, and she declined to comment.\n"
    )
    assert actors["Olga Marsh"] == ("PERSON", 4)
    assert actors["Peter Marsh"] == ("PERSON", 3)


def test_a_relative_the_tagger_took_for_a_product_is_a_person() -> None:
    doc = nlp.parse("Donald Marsh praised Ivanka Marsh. Ivanka Marsh left. Dump Marsh, they said.")
    people = {"Donald Marsh", "Marsh"}
    relative = relative_named(DocSpan(doc, 3, 5, label="PRODUCT"), people, doc.text)
    slogan = relative_named(DocSpan(doc, 10, 12, label="WORK_OF_ART"), people, doc.text)
    assert (relative.text, relative.label_) == ("Ivanka Marsh", "PERSON")
    assert (slogan.text, slogan.label_) == ("Dump Marsh", "WORK_OF_ART")


def test_a_hosts_name_after_the_networks_possessive_is_a_person() -> None:
    actors = actors_of(
        "Candidate on television\n\nThe candidate made the remarks on Tuesday in an interview "
        "with Fox News’ Sean Corbett before the results came in. The candidate also spoke to "
        "reporters in Ohio.\n"
    )
    assert actors["Sean Corbett"][0] == "PERSON"
    assert "Fox News" in actors
    assert not [name for name in actors if "'" in name or "’" in name]


def test_court_cases_time_zones_and_opening_marks_make_no_actors() -> None:
    actors = actors_of(
        "Court watch\n\nThe ruling in Ashcroft v. Iqbal made such suits harder, said Lee "
        "Epstein, a law professor. The debate starts at 9 p.m. EST on CNN. ''Vermont is "
        "different,'' said Epstein, who teaches in Vermont.\n"
    )
    assert "Ashcroft" not in actors and "Iqbal" not in actors and "EST" not in actors
    assert not [name for name in actors if name.startswith("'")]
    assert actors["Lee Epstein"] == ("PERSON", 2)


def test_a_building_named_as_where_things_happen_is_no_actor_but_a_newspaper_is_one() -> None:
    actors = actors_of(
        "Oval Office talks\n\nThe governor met the president in the Oval Office on Monday and "
        "later dined at the Venetian Hotel. She worked at the New York Times for ten years. "
        "The governor, Ann Bell, said the talks went well.\n"
    )
    assert "Oval Office" not in actors and "Venetian Hotel" not in actors
    assert "New York Times" in actors


@pytest.mark.parametrize("surname", ["Walsh", "Kessler"])  # tagged PERSON, ORG
def test_a_thing_named_for_a_person_of_the_article_is_no_person_nor_body(surname: str) -> None:
    actors = actors_of(
        f"Buildings for sale\n\nDonald {surname} sold {surname} Place in 2005. {surname} Place "
        f"has 16 towers. The {surname} Organization said the sale was wise. Hillary Clinton "
        "was in Ohio.\n"
    )
    assert actors[f"{surname} Place"] == ("FAC", 2)
    assert actors[f"{surname} Organization"][0] == "ORG"


def test_a_name_set_before_a_persons_title_describes_that_person() -> None:
    actors = actors_of(
        "Senate race\n\nIndependent Vermont Sen. Lena Marsh said she would stay in. Navy Capt. "
        "Ray Osei spoke after her. Marsh said the race was close. The Navy said it would help.\n"
    )
    assert "Lena Marsh" in actors and "Ray Osei" in actors
    assert not [name for name in actors if "Vermont" in name or "Capt" in name]


def test_two_countries_joined_by_a_hyphen_name_no_actor() -> None:
    actors = actors_of(
        "Border plan\n\nMayor Ann Bell toured the U.S.-Mexico border on Friday and spoke about "
        "U.S.-China trade. Bell said the wall was a mistake.\n"
    )
    assert "Ann Bell" in actors
    assert not [name for name in actors if "-" in name]


def test_an_office_run_into_its_holders_name_is_cut_to_the_person() -> None:
    doc = nlp.parse("Secretary of Defense Leon Vasquez said the troops would stay.")
    tagged = DocSpan(doc, 2, 5, label="ORG")  # as the small model tags "Defense Leon Panetta"
    cut = office_and_person([tagged], set())
    assert [(e.text, e.label_) for e in cut] == [("Defense", "ORG"), ("Leon Vasquez", "PERSON")]
    kept = DocSpan(nlp.parse("The Bank of Leon Marsh said no."), 3, 5, label="ORG")
    assert office_and_person([kept], set()) == [kept]  # no office before "of"
    doc = nlp.parse("A former envoy to Ukraine Elena Vasquez shifted her account.")
    envoy = office_and_person([DocSpan(doc, 4, 7, label="ORG")], {"Vasquez"})  # tagger's span
    assert [(e.text, e.label_) for e in envoy] == [("Ukraine", "ORG"), ("Elena Vasquez", "PERSON")]
    firm = DocSpan(nlp.parse("Texas Politics Project said no."), 0, 3, label="ORG")
    assert office_and_person([firm], {"Vasquez"}) == [firm]


def test_a_clergy_title_is_no_part_of_a_name() -> None:
    actors = actors_of(
        "Church vote\n\nThe group also includes Pastor Darrell Bell, a Cleveland minister whose "
        "plan imploded. Ann Roe was invited by Bell. Cardinal Health said its profits rose.\n"
    )
    assert actors["Darrell Bell"] == ("PERSON", 2)
    assert "Ann Roe" in actors and "Cardinal Health" in actors  # a company keeps its name
