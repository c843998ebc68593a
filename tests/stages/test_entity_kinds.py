"""Names that are no actor's by what they are (issue 16): a programme, a holiday, a people, a
family, a region the tagger typed an organisation. Invented texts through `analyse()`."""

from __future__ import annotations

import presslens


def lists(text: str) -> tuple[list[str], list[str], list[str]]:
    dossier = presslens.analyse(text)
    return (
        [a.name for a in dossier.actors],
        [g.name for g in dossier.groups],
        [p.name for p in dossier.places],
    )


def test_a_programme_is_no_actor() -> None:
    text = (
        "Senator Mara Quillfeather said on Tuesday that cuts to Medicaid would hurt her state. "
        "Quillfeather, a Democrat, has spent two years defending the program. "
        "Her rival, Tobias Wrenfield, said Medicaid had grown too fast and needed limits."
    )
    actors, _, _ = lists(text)
    assert "Medicaid" not in actors
    assert "Mara Quillfeather" in actors


def test_a_holiday_is_no_actor() -> None:
    text = (
        "Tobias Wrenfield spent Cinco de Mayo at a taco stand in his home town. "
        "Wrenfield posted a photograph of his lunch, which drew thousands of replies. "
        "His campaign manager, Ilsa Marrowby, said the photograph was meant as a joke."
    )
    actors, _, _ = lists(text)
    assert "Cinco de Mayo" not in actors
    assert "Tobias Wrenfield" in actors


def test_a_people_is_a_group_word() -> None:
    text = (
        "Ilsa Marrowby, a pollster, said her survey found Latinos split on the new plan. "
        "Marrowby interviewed 900 voters over two weeks in March. "
        "Support among Latinos fell to 40 percent, she said, down from 52 percent in May."
    )
    actors, groups, _ = lists(text)
    assert "Latinos" not in actors
    assert "Latinos" in groups


def test_a_family_named_in_the_plural_is_a_group_word() -> None:
    text = (
        "Senator Harold Whitlock spent the holidays at home with his wife. "
        "The Whitlocks cut back their travel this year, an aide said. "
        "Whitlock said he would return to Washington in January."
    )
    actors, groups, _ = lists(text)
    assert "Whitlocks" not in actors
    assert "Whitlocks" in groups
    assert "Harold Whitlock" in actors


def test_a_region_named_only_where_things_happen_is_a_place() -> None:
    text = (
        "Captain Odile Farrant led her unit through the villages of Normandy last spring. "
        "Farrant said the fighting around Donetsk Oblast had taught her patience. "
        "She returned home in June and now trains recruits."
    )
    actors, _, places = lists(text)
    assert "Normandy" not in actors and "Donetsk Oblast" not in actors
    assert "Odile Farrant" in actors


def test_cities_in_a_list_closed_by_a_place_noun_are_places() -> None:
    text = (
        "The attack takes a place with Paris, Brussels, Beirut and other cities struck by "
        "terror. Mayor Odile Farrant said the city would mourn. She spoke on Monday."
    )
    actors, _, places = lists(text)
    assert not {"Paris", "Brussels", "Beirut"} & set(actors)
    assert {"Paris", "Brussels", "Beirut"} <= set(places)


def test_a_state_before_a_persons_name_is_the_persons_home() -> None:
    text = (
        "The revolt was led by New Jersey's Steve Quenby, a former candidate. "
        "Quenby said he had the votes. He spoke on Monday."
    )
    actors, _, places = lists(text)
    assert "New Jersey" not in actors and "New Jersey" in places
    assert "Steve Quenby" in actors


def test_an_abstract_noun_opening_a_sentence_is_no_name() -> None:
    text = (
        "Staff at the bank say its chief, Anya Brisco, has cut pay twice this year. "
        "Morale has suffered, employees say, and dozens have quit. "
        "Brisco said the cuts would end in May."
    )
    actors, _, _ = lists(text)
    assert "Morale" not in actors
    assert "Anya Brisco" in actors


def test_a_town_listed_with_places_is_typed_a_place() -> None:
    text = (
        "The district includes Huntsville and Decatur, where factories have closed, the mayor, "
        "Odile Farrant, said. Farrant spoke on Monday. She was tired."
    )
    actors = presslens.analyse(text).actors
    assert all(a.type == "GPE" for a in actors if a.name in ("Huntsville", "Decatur"))
    assert any(a.name == "Odile Farrant" for a in actors)


def test_a_town_signing_a_readers_letter_is_no_actor() -> None:
    text = (
        "LETTERS.\n\n"
        "The council should never have raised the water rates twice in one year. "
        "Families here are already struggling to pay their bills.\n\n"
        "Marta Quellin.\n\n"
        "Fairhope, Ala.\n\n"
        "The mayor, Odile Farrant, said the rates would stay. She spoke on Monday."
    )
    actors, _, _ = lists(text)
    assert "Fairhope" not in actors  # a signature line: no actor, not even a place
    assert "Odile Farrant" in actors


def test_names_coined_for_a_plan_or_an_event_are_no_actors() -> None:
    text = (
        "Senator Mara Quillfeather said Obamacare had raised premiums in her state. "
        "Quillfeather, who met President Barack Obama twice, said Brexit had unsettled "
        "investors too. Bridgegate, she added, was a lesson for every governor."
    )
    actors, _, _ = lists(text)
    assert not {"Obamacare", "Brexit", "Bridgegate"} & set(actors)
    assert "Mara Quillfeather" in actors


def test_a_faith_is_a_group_word() -> None:
    text = (
        "Dawud Ferrant, an imam, said on Friday that the speech misrepresented Islam. "
        "Ferrant, who leads a mosque in the city, said Islam teaches mercy. "
        "He asked the candidate to visit his congregation."
    )
    actors, groups, _ = lists(text)
    assert "Islam" not in actors
    assert "Dawud Ferrant" in actors


def test_a_hill_and_an_office_named_as_where_are_places() -> None:
    text = (
        "Republicans on Capitol Hill were furious on Tuesday, an aide to Senator Mara "
        "Quillfeather said. Quillfeather says she is ready for the Oval Office. "
        "She said the vote would come in June."
    )
    actors, _, places = lists(text)
    assert "Capitol Hill" not in actors and "Oval Office" not in actors
    assert "Mara Quillfeather" in actors


def test_a_drug_and_a_race_are_no_actors() -> None:
    text = (
        "Tobias Wrenfield, a cyclist, said he kept a prescription for Zoloft in his bag. "
        "Wrenfield finished the Tour de France in 2014. "
        "His coach, Ilsa Marrowby, said he was a fighter."
    )
    actors, _, _ = lists(text)
    assert "Zoloft" not in actors and "Tour de France" not in actors
    assert "Tobias Wrenfield" in actors


def test_an_initialism_qualifying_people_is_a_group_word() -> None:
    text = (
        "Senator Mara Quillfeather said the bill would hurt LGBT parents who adopt. "
        "Quillfeather, who chairs the health committee, said she would vote against it. "
        "The FBI said it had opened an inquiry into threats against her office."
    )
    actors, groups, _ = lists(text)
    assert "LGBT" not in actors and "LGBT" in groups
    assert "FBI" in actors and "Mara Quillfeather" in actors


def test_a_hat_tip_a_photo_credit_and_a_readers_signature_make_no_actors() -> None:
    text = (
        "LETTERS.\n\n"
        "The council should never have raised the water rates twice in one year, and the "
        "mayor, Odile Farrant, knows it.\n\n"
        "Heather T. Quellin.\n\n"
        "Reuters via Getty Images.\n\n"
        "Farrant said the rates would stay. She spoke on Monday.\n\n"
        "(h/t The Daily Rambler.)"
    )
    actors, _, _ = lists(text)
    assert not {"Heather T. Quellin", "Reuters", "Getty Images", "Daily Rambler"} & set(actors)
    assert "Odile Farrant" in actors


def test_a_bay_named_only_as_where_is_a_place() -> None:
    text = (
        "Senator Mara Quillfeather spoke from a cottage that overlooks Tomales Bay. "
        "Quillfeather said the coast was eroding faster than anyone had planned for. "
        "She asked for new money in June."
    )
    actors, _, places = lists(text)
    assert "Tomales Bay" not in actors
    assert "Mara Quillfeather" in actors


def test_a_people_the_tagger_calls_a_place_is_a_group_word() -> None:
    text = (
        "The nomination went to Senator Tobias Wrenfield, the hard-right Arizonan who went on "
        "to lead the party. Wrenfield said the votes had decided the race. He spoke on Monday."
    )
    actors, groups, places = lists(text)
    assert "Arizonan" in groups and "Arizonan" not in places + actors
    assert "Tobias Wrenfield" in actors


def test_a_plan_named_after_an_administration_is_no_actor() -> None:
    text = (
        "The Obama administration defended its record on Tuesday. "
        "Senator Mara Quillfeather said Obamacare was causing premiums to rise in her state. "
        "Quillfeather wants a vote in June."
    )
    actors, _, _ = lists(text)
    assert "Obamacare" not in actors
    assert "Mara Quillfeather" in actors


def test_a_place_owning_where_something_happens_is_a_place() -> None:
    text = (
        "Senator Mara Quillfeather told an invited crowd at Toledo's Union League club that she "
        "would run again. Quillfeather spoke for an hour. She left before the dinner."
    )
    actors, _, places = lists(text)
    assert "Toledo" not in actors and "Toledo" in places
    assert "Mara Quillfeather" in actors


def test_a_name_qualifying_people_at_large_is_a_group_word() -> None:
    text = (
        "Many schools in Black and Brown communities are called failing, said Keron Quill, who "
        "leads a parents group. Organizers of the Stop Wrenfield movement met in Dayton on "
        "Tuesday. Tobias Wrenfield, the front-runner, said he was not worried."
    )
    actors, groups, _ = lists(text)
    assert {"Black and Brown", "Stop Wrenfield"} <= set(groups)
    assert not {"Black and Brown", "Stop Wrenfield"} & set(actors)
    assert "Keron Quill" in actors and "Tobias Wrenfield" in actors


def test_a_works_title_beside_its_noun_is_no_actor() -> None:
    text = (
        "Want more updates from Ilsa? Sign up for her newsletter, Piping Cold Facts. "
        "Ilsa Marrowby writes from Dayton. She spoke on Monday."
    )
    actors, _, _ = lists(text)
    assert "Piping Cold Facts" not in actors
    assert "Ilsa Marrowby" in actors


def test_a_heading_with_a_comma_names_no_actor() -> None:
    text = (
        "Tobias Wrenfield said on Monday that he would not run again.\n\n"
        "An Ambitious, Divisive Legacy.\n\n"
        "To his successor, Wrenfield leaves a deficit. He spoke in Dayton."
    )
    actors, _, _ = lists(text)
    assert "Divisive Legacy" not in actors
    assert "Tobias Wrenfield" in actors


def test_a_pageants_crown_is_no_one() -> None:
    text = (
        "Tobias Wrenfield owned the Miss Universe pageant for years. "
        "Wrenfield attacked a former Miss Universe on Friday, his critics said. "
        "His spokeswoman, Ilsa Marrowby, said he had done nothing wrong."
    )
    actors, _, _ = lists(text)
    assert "Miss Universe" not in actors
    assert "Tobias Wrenfield" in actors and "Ilsa Marrowby" in actors
