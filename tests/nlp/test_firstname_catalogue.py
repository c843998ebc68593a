"""The Census first-name catalogue (resources/first_names.txt): who is a known given name, and
the sex it says."""

from __future__ import annotations

import pytest

from presslens import analyse
from presslens.nlp.firstnames import (
    catalogue,
    encoder_sex,
    first_name_sex,
    known_first_name,
    parse_catalogue,
)
from presslens.stages.entities.names import given_name


@pytest.mark.parametrize(("name", "sex"), [("Kurt", "m"), ("Hope", "f"), ("Jason", "m")])
def test_names_the_encoder_missed_are_known_with_a_sex(name: str, sex: str) -> None:
    assert known_first_name(name)
    assert given_name(name)
    assert first_name_sex(name) == sex


@pytest.mark.parametrize("name", ["Jordan", "Kim"])
def test_a_name_both_sexes_bear_is_known_and_left_to_the_encoder(name: str) -> None:
    entry = catalogue()[name.lower()]
    assert 0.05 < entry.female_share < 0.95
    assert known_first_name(name)
    assert first_name_sex(name) == encoder_sex(name.lower())


@pytest.mark.parametrize("word", ["Young", "Major", "Long", "Sterling", "In", "May"])
def test_a_common_word_rarer_as_a_name_is_no_known_first_name(word: str) -> None:
    assert word.lower() in catalogue()
    assert not known_first_name(word)


@pytest.mark.parametrize("word", ["Major", "Lady", "Many", "Else"])
def test_a_common_word_rarer_as_a_name_is_no_given_name(word: str) -> None:
    # the encoder gives "Major", "Many" and "Else" a man's sex: the catalogue's floor overrules
    assert not given_name(word)


def test_a_malformed_line_is_refused() -> None:
    assert parse_catalogue("# a comment\nhope\t1.00\t0.0170\t0.007\tword\n")["hope"].word
    with pytest.raises(ValueError, match="first_names.txt"):
        parse_catalogue("hope\t1.00\t0.0170\tword\n")


@pytest.mark.parametrize("word", ["Cruz", "Taylor", "Johnson"])
def test_a_name_more_often_a_surname_is_no_known_first_name(word: str) -> None:
    assert word.lower() in catalogue()
    assert not known_first_name(word)


def test_an_envoy_named_after_the_country_he_is_sent_to_is_a_person() -> None:
    # the tagger reads "Ukraine Kurt Vollmer" as one organisation; "Kurt" was no given name the
    # encoder knew, so the place was never cut from the person
    text = (
        "Talks on the war\n\n"
        "Officials met in Brussels on Tuesday to discuss the fighting in the east. "
        '"The talks were useful," said the U.S. special envoy to Ukraine Kurt Vollmer, who '
        "has led the effort since July. Vollmer said he would return next week.\n"
    )
    actors = {a.name: a for a in analyse(text).actors}
    assert actors["Kurt Vollmer"].type == "PERSON"
    assert len(actors["Kurt Vollmer"].mentions) == 2
    assert not any("Ukraine Kurt" in name for name in actors)
