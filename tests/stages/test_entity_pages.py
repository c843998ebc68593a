"""Actors read off news pages of every kind, not only politics (issue 16): datelines in title
case, units and terms in capitals, events, venues with their address, people the tagger typed
a body. Invented texts, a headline line first, through `analyse()`."""

from __future__ import annotations

import presslens
from tests.stages.test_entity_kinds import lists


def types(text: str) -> dict[str, str]:
    return {a.name: a.type for a in presslens.analyse(text).actors}


def test_a_dateline_in_title_case_with_its_state_names_no_actor() -> None:
    text = (
        "Quillfeather leads Marlow State to a late win\n\n"
        "Dekalb, Ill. — Tobias Quillfeather threw for three touchdowns on Tuesday night. "
        "Quillfeather said the team had practised the last play all week. "
        "His coach, Ilsa Marrowby, said the win kept their season alive."
    )
    actors, _, _ = lists(text)
    assert not any("Dekalb" in name for name in actors)
    assert "Tobias Quillfeather" in actors


def test_a_dateline_with_a_state_code_names_no_actor() -> None:
    text = (
        "Marrowby Labs finds readers prefer short videos\n\n"
        "New York, NY – Short videos now draw more readers than long ones, a study found. "
        "The study was written by Ilsa Marrowby, who runs Marrowby Labs. "
        "Marrowby said publishers would change their pages within a year."
    )
    actors, _, _ = lists(text)
    assert "New York" not in actors
    assert "Ilsa Marrowby" in actors


def test_a_unit_after_a_number_is_no_actor() -> None:
    text = (
        "Solar makers add capacity as prices fall\n\n"
        "Korean factories could make about 8.69 GW of solar panels at the end of last year. "
        "Samsung alone had 3.7 GW of capacity, its spokeswoman, Ilsa Marrowby, said. "
        "Smaller plants ran lines of 30 to 600 MW each."
    )
    actors, _, _ = lists(text)
    assert "GW" not in actors and "MW" not in actors
    assert "Samsung" in actors


def test_an_initialism_defined_in_lower_case_words_is_no_actor() -> None:
    text = (
        "How to beat binge eating\n\n"
        "Binge eating disorder (BED) is the most common eating disorder, said Ilsa Marrowby. "
        "People with BED often eat in secret, Marrowby said. "
        "Marrowby, who leads the Quillfeather Institute (QI), has studied BED for ten years."
    )
    actors, _, _ = lists(text)
    assert "BED" not in actors
    assert "Ilsa Marrowby" in actors


def test_an_initialism_followed_by_its_lower_case_words_is_no_actor() -> None:
    text = (
        "Retiring at forty takes a plan\n\n"
        "Savers fall into one of three FIRE (financial independence, retire early) groups. "
        "Tobias Quillfeather, a planner, said most FIRE savers cut costs first. "
        "Quillfeather said a backup plan mattered more than a high salary."
    )
    actors, _, _ = lists(text)
    assert "FIRE" not in actors
    assert "Tobias Quillfeather" in actors


def test_an_event_named_by_its_finals_is_no_actor() -> None:
    text = (
        "Marlow wins the ATP Finals\n\n"
        "Tobias Marlow won the doubles title at the ATP Finals in London on Sunday. "
        "Marlow and his partner did not drop a set all week. "
        "The ATP Finals close the season for the best eight players, Marlow said."
    )
    actors, _, _ = lists(text)
    assert "ATP Finals" not in actors
    assert "Tobias Marlow" in actors


def test_an_event_the_tagger_typed_a_person_is_no_actor() -> None:
    text = (
        "Marlow keeps his team alive at the Davis Cup Finals\n\n"
        "Tobias Marlow won his singles match in Madrid on Tuesday. "
        "In the revamped Davis Cup format, teams play only two singles matches and a doubles. "
        "Marlow said the Davis Cup meant more to him than any other event."
    )
    actors, _, _ = lists(text)
    assert "Davis Cup" not in actors
    assert "Tobias Marlow" in actors


def test_a_show_is_no_actor() -> None:
    text = (
        "Riders gather for the fall shows\n\n"
        "Visit the Pennsylvania National Horse Show, Oct. 11-21, in Harrisburg. "
        "Tobias Marlow, who runs the event, said tickets were selling fast. "
        "Marlow said the hunter classes would be held on the last weekend."
    )
    actors, _, _ = lists(text)
    assert "Pennsylvania National Horse Show" not in actors
    assert "Tobias Marlow" in actors


def test_a_venue_written_with_its_town_is_a_place() -> None:
    text = (
        "The Marlow Brothers set a summer tour\n\n"
        "The Marlow Brothers will play twenty dates next summer, the band said on Monday. "
        "Singer Tobias Marlow said the band had new songs to play. "
        "The dates: June 14 -- DTE Energy Music Theatre, Clarkston, MI June 17 -- BB&T "
        "Pavilion, Camden, NJ June 19 -- USANA Amphitheatre, Salt Lake City, UT"
    )
    actors, _, _ = lists(text)
    assert not {"DTE Energy Music Theatre", "BB&T Pavilion", "USANA Amphitheatre"} & set(actors)
    assert "Tobias Marlow" in actors


def test_a_wire_slug_line_names_no_actor() -> None:
    page = (  # HTML: the plain-text reader already drops a slug line under the headline
        "<html><head><title>Marlow faces questions on the budget</title></head><body><article>"
        "<h1>Marlow faces questions on the budget</h1>"
        "<p>AP-US--Trump-Impeachment, 4th Ld-Writethru</p>"
        "<p>WASHINGTON (AP) — Senator Tobias Marlow will face questions about the budget on "
        "Tuesday. Marlow said he would answer every one of them.</p>"
        "<p>His aide, Ilsa Quillfeather, said the senator had prepared for a week.</p>"
        "</article></body></html>"
    )
    actors, _, _ = lists(page)
    assert not {"AP", "Trump-Impeachment", "Ld-Writethru"} & set(actors)
    assert "Tobias Marlow" in actors


def test_a_country_run_into_a_persons_name_is_cut_off() -> None:
    text = (
        "Envoy changes his account of the July meeting\n\n"
        "Another diplomat, former special envoy to Ukraine Kurt Volker, changed his account. "
        "Volker said he had not known of the request until August. "
        "Senator Ilsa Quillfeather said Volker would be asked to testify again."
    )
    found = types(text)
    assert not any(name.startswith("Ukraine ") for name in found)
    assert found.get("Kurt Volker") == "PERSON"


def test_an_initialism_defined_where_the_tagger_saw_no_name_is_no_actor() -> None:
    text = (
        "A hormone that curbs hunger\n\n"
        "Eating raises levels of glucagon-like peptide 1 (GLP-1), a hormone, said Ilsa Marrowby. "
        "Marrowby said higher levels of GLP-1, which slows digestion, make people feel full. "
        "She said her team at the Quillfeather Institute would test the effect next year."
    )
    actors, _, _ = lists(text)
    assert "GLP-1" not in actors
    assert "Ilsa Marrowby" in actors


def test_a_states_party_members_are_no_person() -> None:
    text = (
        "The state races show a shift\n\n"
        "Voters in three states went to the polls on Tuesday. In Virginia, they chose the "
        "legislature; in Kentucky, they chose a governor. Instead, they did the opposite. "
        "Virginia Democrats won a legislative majority for the first time in years. "
        "Kentucky Democrats beat Governor Tobias Marlow."
    )
    actors, groups, _ = lists(text)
    assert "Virginia Democrats" not in actors and "Virginia Democrats" in groups
    assert "Tobias Marlow" in actors


def test_a_military_rank_is_no_actor() -> None:
    text = (
        "Coalition rejects claims about the camp\n\n"
        "The coalition said on Monday that the claims about the camp were false. They want a "
        "safe road to areas in the north.\n\n"
        "Cmdr. Sean Robertson, a spokesperson for the coalition, said no one was kept there. "
        "Robertson said aid convoys had reached the camp twice this month."
    )
    actors, _, _ = lists(text)
    assert "Cmdr" not in actors
    assert "Sean Robertson" in actors


def test_ranks_before_listed_names_are_no_actors() -> None:
    text = (
        "Navy names a new captain\n\n"
        "The Navy said on Monday that it had named a new captain for the ship. "
        "Maj. Tobias Marlow will serve as his deputy, the Navy said. "
        "Cpl. Ilsa Quillfeather and Pvt. Jon Wrenfield will join the crew."
    )
    actors, _, _ = lists(text)
    assert not any("Cpl" in name or "Pvt" in name for name in actors)
    assert "Tobias Marlow" in actors


def test_a_name_listed_with_people_is_a_persons() -> None:
    text = (
        "Jets beat Predators for a third straight win\n\n"
        "Patrik Laine and Nikolaj Ehlers scored as Winnipeg beat Nashville 2-1 on Tuesday. "
        "Connor Hellebuyck made 38 saves for the Jets. "
        "The Predators have lost five straight, their coach, Ilsa Quillfeather, said."
    )
    assert types(text).get("Nikolaj Ehlers") == "PERSON"


def test_a_party_groups_own_name_stays_an_actor() -> None:
    text = (
        "Gay conservatives push the party on its platform\n\n"
        "The Log Cabin Republicans will co-host a watch party on July 19, the county party said. "
        "The event is sponsored by the Log Cabin Republicans and other groups. "
        "Ilsa Quillfeather, who leads the county party, said Republicans welcomed them."
    )
    actors, _, _ = lists(text)
    assert "Log Cabin Republicans" in actors


def test_pres_is_a_title() -> None:
    text = (
        "Obama in Turkey\n\nThe candidate also discussed Pres. Obama’s press conference in "
        "Turkey on Monday. Obama said the strategy was working. Critics disagreed.\n"
    )
    actors, _, _ = lists(text)
    assert "Pres" not in actors and "Obama" in actors
