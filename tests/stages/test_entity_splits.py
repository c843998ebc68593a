"""One actor per person or organisation (issue 16): names in other letter cases, acronyms,
short forms the tagger typed otherwise, names written family name first, nicknames, roles run
into a name, given names before "and" (stages/entities/forms.py, couples.py, rolewords.py,
names.py, organisations.py), on invented texts."""

from __future__ import annotations

import presslens


def actors(text: str) -> dict[str, tuple[str, int]]:
    dossier = presslens.analyse(text)
    return {actor.name: (actor.type, len(actor.mentions)) for actor in dossier.actors}


def test_a_name_in_capitals_joins_its_person() -> None:
    found = actors(
        "Senator Marisol Quenby answered questions at the hearing on Tuesday.\n\n"
        '"RAMOS: Senator, did you lie to them?\n\n'
        '"QUENBY: I signed the contract because the port needed it.\n\n'
        "Quenby later told reporters that she had no regrets."
    )
    assert found == {"Marisol Quenby": ("PERSON", 3)}


def test_an_article_capitalised_at_a_sentence_start_is_one_surname() -> None:
    found = actors(
        "The preacher Yusuf al-Haddari was killed in a raid last year, officials said. His"
        " sermons still circulate online. Al-Haddari urged his listeners to leave the city."
        " Al-Haddari also praised the attack on the embassy."
    )
    assert found["Yusuf al-Haddari"] == ("PERSON", 3)
    assert "Al-Haddari" not in found


def test_a_surname_with_its_article_in_two_letter_cases_is_one() -> None:
    found = actors(
        "The passengers came from six countries, officials said. Karim al Nouri, a teacher, was"
        " flying home to Cairo. Al Nouri was returning from a conference in Paris. According to"
        " his school, al Nouri said he was proud of his students."
    )
    people = [name for name, (kind, _) in found.items() if "Nouri" in name]
    assert len(people) == 1


def test_an_acronym_joins_the_body_not_the_event_of_the_same_initials() -> None:
    found = actors(
        "The Green National Committee met on Friday before the Green National Convention opens"
        " next month in Dayton. The GNC said it would raise more money. Critics of the GNC said"
        " its chair should resign. The GNC did not respond."
    )
    assert found["Green National Committee"] == ("ORG", 4)
    assert "GNC" not in found


def test_an_acronym_may_spell_the_small_words() -> None:
    found = actors(
        "The Department of Fisheries opened an inquiry into the spill on Monday. Boat owners"
        " welcomed the inquiry. The DOF said its report would be ready in June. The DOF also"
        " fined two companies."
    )
    assert found["Department of Fisheries"] == ("ORG", 3)
    assert "DOF" not in found


def test_an_outlets_short_form_read_as_a_person_joins_the_outlet() -> None:
    found = actors(
        "Mayor Ilse Varga spoke to Harbour News on Sunday about the flood. She told Harbour"
        " that the city would rebuild the bridge. The pollster Ben Ortolan told Harbour that"
        " voters backed the plan."
    )
    assert found["Harbour News"] == ("ORG", 3)
    assert "Harbour" not in found


def test_a_title_before_a_name_written_family_name_first() -> None:
    found = actors(
        "The finance minister, Wen Zhaoliang, said on Friday that exports would grow. Mr. Wen"
        " told a news briefing that the currency was stable. Mr. Wen also said the ministry"
        " would cut fees for exporters."
    )
    assert found["Wen Zhaoliang"] == ("PERSON", 3)
    assert "Mr. Wen" not in found


def test_a_nickname_alone_joins_its_person() -> None:
    found = actors(
        "Senator Robert Hallorann returned to his home town on Saturday. The crowd held signs"
        ' reading "Welcome home, Bob!" as he spoke. "Bob never forgot this town," said the'
        " mayor, Lena Dufresne. Hallorann thanked the crowd."
    )
    assert found["Robert Hallorann"][1] == 4
    assert "Bob" not in found


def test_a_role_run_into_a_full_name_is_no_part_of_it() -> None:
    found = actors(
        "State Treasurer Odile Farquharson backed the plan on Monday. The plan cuts fees for"
        " small towns. Farquharson said the towns had waited too long."
    )
    assert found == {"Odile Farquharson": ("PERSON", 2)}


def test_a_given_name_before_and_keeps_its_own_surname() -> None:
    found = actors(
        "Senator Nora Whitfield spoke in Ohio on Monday. Whitfield said the party would unite."
        ' "We will build a party that helps not only Nora and Tim Kessler get elected, but every'
        ' Democrat," said Dan Ortiz, a party official. Whitfield agreed.'
    )
    assert found["Nora Whitfield"] == ("PERSON", 4)
    assert found["Tim Kessler"] == ("PERSON", 1)
    assert "Nora Kessler" not in found


def test_a_couple_before_and_still_shares_the_surname() -> None:
    """A guard: passes before the change too."""
    found = actors(
        "Paul and Edith Marrow gave the museum its new wing on Monday. Paul Marrow said the gift"
        " honoured his parents. Edith Marrow said the city deserved a great museum."
    )
    assert found["Paul Marrow"] == ("PERSON", 2)
    assert found["Edith Marrow"] == ("PERSON", 2)


def test_a_womans_title_goes_to_the_wife_when_a_role_says_her_husband_is_a_man() -> None:
    found = actors(
        "A year later, Mr. Hale called Parvaneh Rostami. Her husband, Dariush Rostami, was free"
        " and would soon be coming home, the president told her. To secure the release of Mr."
        " Rostami, the government freed seven prisoners. Mrs. Rostami wrote on her Facebook page"
        " that she was grateful."
    )
    assert found["Parvaneh Rostami"] == ("PERSON", 2)
    assert "Mrs. Rostami" not in found


def test_a_given_name_that_is_a_common_noun_is_no_epithet() -> None:
    found = actors(
        "The donor once gave money to Rand Dale, and he gave to other campaigns too. The"
        " speaker, Dale Whitcombe, said the House would vote anyway. Whitcombe did not take"
        " questions."
    )
    assert found["Rand Dale"] == ("PERSON", 1)
    assert found["Dale Whitcombe"] == ("PERSON", 2)


def test_a_name_inside_a_numbered_bill_is_no_person() -> None:
    found = actors(
        "Judge Robert Quill blocked the state law on Thursday."
        ' "Like I said when I signed House Bill 1523, the law simply provides religious'
        ' accommodations," Governor Dale Brannock said. Quill wrote that the law was unfair.'
    )
    assert "Bill" not in found
    assert found["Robert Quill"] == ("PERSON", 2)


def test_an_acronym_never_spells_a_lower_case_word() -> None:
    """A guard (passes before): "S.C" is not the "Sanders campaign"."""
    found = actors(
        "Senator Ana Ruiz opened an office in Columbia, S.C., on Monday. Aides to the Ruiz"
        " campaign said S.C voters liked her. The Ruiz campaign raised money there."
    )
    assert all("S.C" not in name for name in found)


def test_a_full_name_typed_an_organisations_beside_its_surname_read_as_a_person() -> None:
    found = actors(
        "Activists called on Lorcan Ostrowe to resign as the city manager. Critics accused"
        " Ostrowe of hiding the audit. On Tuesday, Ostrowe said the audit would be published."
    )
    assert found == {"Lorcan Ostrowe": ("PERSON", 3)}


def test_one_organisation_name_in_two_word_orders_is_one() -> None:
    found = actors(
        "The Department of Fisheries opened an inquiry into the spill on Monday. Boat owners"
        " welcomed it. The Fisheries Department said its report would be ready in June. The"
        " Fisheries Department also fined two companies."
    )
    assert found["Fisheries Department"] == ("ORG", 3)
    assert "Department of Fisheries" not in found


def test_the_head_before_of_is_the_organisations_short_form() -> None:
    found = actors(
        "The Harbour Chamber of Shipping asked the port to cut its fees on Monday. Owners of"
        " small boats joined the call. The Chamber said fees had doubled since 2019. A lawyer for"
        " the Chamber said it would sue."
    )
    assert found["Harbour Chamber of Shipping"] == ("ORG", 3)
    assert "Chamber" not in found


def test_a_one_word_institution_joins_its_department() -> None:
    found = actors(
        "The Treasury Department issued new rules on Monday to stop tax inversions. Drug makers"
        " said the rules went too far. Treasury said the rules would save billions. Officials at"
        " Treasury said more rules would follow."
    )
    assert found["Treasury Department"] == ("ORG", 3)
    assert "Treasury" not in found


def test_a_surname_misspelt_in_another_letter_case_is_the_same_person() -> None:
    found = actors(
        "Two voters, Tyrella McCrombie and Bram Osgood, watched the debate in a bar on Monday."
        " McRombie said the candidate was vague and she would still vote for him. Osgood agreed."
    )
    assert found == {"Tyrella McCrombie": ("PERSON", 2), "Bram Osgood": ("PERSON", 2)}


def test_a_role_given_in_apposition_is_a_title_before_the_surname() -> None:
    found = actors(
        "The court ruled against the college on Monday. Oskar Vellinga, dean of the Harbour"
        " College of Law, said the ruling was narrow. ''The court left the door open,'' Dean"
        " Vellinga said."
    )
    people = [name for name, (kind, _) in found.items() if "Vellinga" in name]
    assert people == ["Oskar Vellinga"]


def test_a_first_word_cut_short_is_the_organisations_short_form() -> None:
    found = actors(
        "The Federal Reserve left its main rate unchanged on Wednesday. Traders had expected a"
        " cut. The Fed said inflation was still too high. Markets fell after the Fed spoke."
    )
    assert found["Federal Reserve"] == ("ORG", 3)
    assert "Fed" not in found


def test_an_organisation_name_with_a_word_once_in_the_singular_is_one() -> None:
    found = actors(
        "Norland Pharmaceuticals International raised the price of its heart drug on Monday."
        " Doctors protested. A spokesman for Norland Pharmaceutical International said the price"
        " covered research."
    )
    names = [name for name in found if name.startswith("Norland")]
    assert len(names) == 1


def test_a_maiden_name_joins_the_married_name_the_article_writes_whole() -> None:
    found = actors(
        "The congressman's new wife, Odette Brisk Hallam, entered the race on Monday. She ran"
        " for the school board last year as Odette Brisk. Odette Hallam said she would win."
        " Critics said Odette Brisk had never held office."
    )
    people = [name for name in found if name.startswith("Odette")]
    assert people == ["Odette Brisk Hallam"]


def test_a_hyphenated_middle_word_is_the_joint_sponsors_short_form() -> None:
    found = actors(
        "The mayor won 41 percent in a Harbour Gazette-WKLM News poll released Sunday. Her"
        " rival won 38 percent. It was her best showing in ten years of Gazette-WKLM polling."
    )
    assert "Gazette-WKLM" not in found
    assert found["Harbour Gazette-WKLM News"] == ("ORG", 2)


def test_a_bare_surname_goes_to_the_titled_namesake_over_a_full_name_of_the_other_sex() -> None:
    found = actors(
        "With his party worried, President Ruiz is rolling out a new message to young voters.\n\n"
        '"My name is not on the ballot," Mr. Ruiz said on Saturday. Mr. Ruiz has made the case '
        "before, at rallies in three states.\n\n"
        "Elena Ruiz also spoke at the dinner. Mr. Ruiz spoke for an hour."
    )
    assert found["Mr. Ruiz"] == ("PERSON", 4)
    assert found["Elena Ruiz"] == ("PERSON", 1)


def test_a_court_named_for_its_circuit_is_one_actor() -> None:
    import presslens

    names = [
        actor.name
        for actor in presslens.analyse(
            "The U.S. Court of Appeals for the Sixth Circuit ruled on Friday that the purge was "
            "illegal. Secretary of State Jon Husted said he would appeal the ruling. The Sixth "
            "Circuit had heard the case in June."
        ).actors
    ]
    assert "U.S. Court of Appeals for the Sixth Circuit" in names
    assert not {"U.S. Court of Appeals", "Sixth Circuit"} & set(names)
