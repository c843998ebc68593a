"""Places named only as where something happens are no actors (issue 16): a state whose
election is held there, the state after a town, a list of states a place noun sums up.
Invented texts through `analyse()`."""

from __future__ import annotations

import presslens


def lists(text: str) -> tuple[list[str], list[str]]:
    dossier = presslens.analyse(text)
    return [a.name for a in dossier.actors], [p.name for p in dossier.places]


def test_a_place_owning_an_election_or_a_meeting_is_where_it_is_held() -> None:
    text = (
        "Governor Lyle Brandvold won Vermont's primary on Tuesday by eight points. "
        "Brandvold thanked his volunteers at a diner in Burlington. "
        "His rival, Nessa Quarrington, said she would campaign harder before Maine's caucuses "
        "next month."
    )
    actors, places = lists(text)
    assert "Vermont" not in actors and "Maine" not in actors
    assert {"Vermont", "Maine"} <= set(places)
    assert {"Lyle Brandvold", "Nessa Quarrington"} <= set(actors)


def test_a_place_owning_a_body_still_acts() -> None:
    text = (
        "Vermont's legislature passed the bill on Tuesday after a long debate. "
        "Governor Lyle Brandvold said he would sign it within a week. "
        "His rival, Nessa Quarrington, said the bill went too far."
    )
    actors, _ = lists(text)
    assert "Vermont" in actors


def test_a_list_of_places_an_apposed_place_noun_sums_up_is_where() -> None:
    text = (
        "The campaign has run ads in Florida, along with Ohio, Iowa, Nevada and Colorado — all "
        "battleground states. Its manager, Corinna Velt, said the ads would run for six weeks. "
        "Velt said the campaign had raised $4 million in May."
    )
    actors, places = lists(text)
    assert not {"Ohio", "Iowa", "Nevada", "Colorado"} & set(actors)
    assert {"Ohio", "Iowa", "Nevada", "Colorado"} <= set(places)
    assert "Corinna Velt" in actors


def test_an_authors_closing_note_names_no_actor() -> None:
    text = (
        "Farm cuts divide the Senate\n\n"
        "Senator Mara Quillfeather wants to cut the farm budget by a third.\n\n"
        "Her plan would end two subsidies and shrink a third.\n\n"
        "Quillfeather said on Tuesday that the cuts would spare small farms. Research by the "
        "Hollin Policy Center found that small farms would lose the most.\n\n"
        "Tobias Wrenfield is senior policy editor at the Marlowe Ledger Review. His new book is "
        "available from Cobbet Press.\n"
    )
    actors, _ = lists(text)
    assert not {"Tobias Wrenfield", "Marlowe Ledger Review", "Cobbet Press"} & set(actors)
    assert "Mara Quillfeather" in actors


def test_a_closing_note_keeps_a_body_the_story_named() -> None:
    text = (
        "Farm cuts divide the Senate\n\n"
        "Senator Mara Quillfeather wants to cut the farm budget by a third.\n\n"
        "Her plan would end two subsidies and shrink a third.\n\n"
        "Quillfeather said on Tuesday that the cuts would spare small farms. Research by the "
        "Hollin Policy Center found that small farms would lose the most.\n\n"
        "Tobias Wrenfield is director of the Hollin Policy Center.\n"
    )
    actors, _ = lists(text)
    assert "Tobias Wrenfield" not in actors
    assert "Hollin Policy Center" in actors


def test_an_outlet_named_once_where_words_aired_is_no_actor() -> None:
    text = (
        "Senator Mara Quillfeather defended the farm bill on Sunday. "
        '"It protects small growers," Quillfeather said on KXRN. '
        "Her rival, Tobias Wrenfield, called on the Granary Board to reject the bill."
    )
    actors, places = lists(text)
    assert "KXRN" not in actors and "KXRN" in places
    assert {"Mara Quillfeather", "Tobias Wrenfield", "Granary Board"} <= set(actors)


def test_a_street_or_an_island_after_on_is_where() -> None:
    text = (
        "The small brick house on Park Avenue was sold on Monday for $4 million. "
        "Its owner, Corinna Velt, said she would move to a cottage on Coney Island. "
        "Velt said the sale had taken a year."
    )
    actors, places = lists(text)
    assert "Park Avenue" not in actors and "Coney Island" not in actors
    assert "Corinna Velt" in actors


def test_a_state_after_a_town_is_the_towns_address_whatever_the_parse() -> None:
    # the parse at times makes the state the verb's object: "told a crowd in Berea, Ohio
    # Tuesday night" with "Ohio" as the object of "told" (a unit test: a short invented text
    # parses right)
    import spacy
    from spacy.tokens import Doc

    from presslens.stages.entities.types import acting, state_of_a_town

    words = ["Abernath", "told", "a", "crowd", "in", "Berea", ",", "Ohio", "Tuesday", "."]
    heads = [1, 1, 3, 1, 3, 4, 5, 1, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "dobj", "npadvmod", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    ents = ["B-PERSON", "O", "O", "O", "O", "B-GPE", "O", "B-GPE", "B-DATE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    ohio = doc.ents[2]
    assert ohio.text == "Ohio" and state_of_a_town(ohio) and acting(ohio) == 0
    words = ["In", "Paris", ",", "France", "said", "no", "."]
    heads = [4, 0, 4, 4, 4, 4, 4]
    deps = ["prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "DET", "PUNCT"]
    ents = ["O", "B-GPE", "O", "B-GPE", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert not state_of_a_town(doc.ents[1])


def test_a_body_named_once_where_something_is_done_is_a_place() -> None:
    text = (
        'Senator Mara Quillfeather spoke at Hollin Valley College on Monday. "Farms need '
        'water," Quillfeather said. Her rival, Tobias Wrenfield, who teaches at Marlowe '
        "University, said the plan cost too much."
    )
    actors, places = lists(text)
    assert "Hollin Valley College" not in actors and "Hollin Valley College" in places
    assert "Marlowe University" in actors  # where Wrenfield belongs, not a venue
    assert {"Mara Quillfeather", "Tobias Wrenfield"} <= set(actors)


def test_a_state_before_a_senators_title_is_the_senators_state() -> None:
    text = (
        "The donor once backed Vermont Senator Lyle Brandvold and now funds his rival. "
        "Brandvold said on Monday that he was not surprised. "
        "His aide, Nessa Quarrington, declined to comment."
    )
    actors, _ = lists(text)
    assert "Vermont" not in actors  # the parse makes it the object of "backed"
    assert {"Lyle Brandvold", "Nessa Quarrington"} <= set(actors)


def test_a_site_no_gazetteer_names_after_on_is_where() -> None:
    text = (
        "Hundreds of protesters marched on the Reno Strip on Saturday night. Their leader, "
        "Nessa Quarrington, said the march was peaceful. Police said two people were arrested."
    )
    actors, places = lists(text)
    assert "Reno Strip" not in actors and "Reno Strip" in places
    assert "Nessa Quarrington" in actors
