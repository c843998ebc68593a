"""Name forms, datelines and credit patterns of the entities stage: pure functions, no model."""

from __future__ import annotations

import pytest

from presslens.stages.entities.junk import dateline
from presslens.stages.entities.mentions import strip_name
from presslens.stages.entities.names import parse_person, same_person
from presslens.stages.entities.rules import credit_patterns, parse_patterns


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Timothy J. Sloan", "Tim Sloan", True),  # short first name, middle initial on one side
        ("Hillary Rodham Clinton", "Hillary Clinton", True),
        ("Donald J. Trump", "Donald John Trump", True),  # the initial agrees with the name
        ("Bill Clinton", "Hillary Clinton", False),
        ("George W. Bush", "George HW Bush", False),  # different middle initials
        ("Donald Trump Jr.", "Donald Trump", False),  # another generation
        ("Al Smith", "Alan Smith", False),  # two letters make no short form
        ("J. Smith", "John Smith", True),
    ],
)
def test_full_names_of_one_person(a: str, b: str, same: bool) -> None:
    first, second = parse_person(a), parse_person(b)
    assert first is not None and second is not None
    assert same_person(first, second) is same
    assert same_person(second, first) is same


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Donald Trump", ("Donald", (), "Trump", "")),
        ("C. Stewart Verdery Jr.", ("C.", ("Stewart",), "Verdery", "jr")),
        ("Trump", None),
        ("the Trump", None),
        ("Christie and Jindal", None),  # a list the tagger read as one name
        ("Weak - Rubio", None),
        ("Charles de Gaulle", ("Charles", (), "de Gaulle", "")),  # the particle is the surname's
    ],
)
def test_parse_person(name: str, parts: tuple | None) -> None:
    found = parse_person(name)
    if parts is None:
        assert found is None
    else:
        assert found is not None
        assert (found.first, found.middle, found.last, found.suffix) == parts


@pytest.mark.parametrize(
    ("paragraph", "length"),
    [
        ("WASHINGTON (AP) — The Senate voted.", len("WASHINGTON (AP) — ")),
        ("PASADENA, Calif., Jan. 1 (UPI) — Planes flew.", len("PASADENA, Calif., Jan. 1 (UPI) — ")),
        ("MANCHESTER, N.H. -- The party met.", len("MANCHESTER, N.H. -- ")),
        ("ST. LOUIS — Voters lined up.", len("ST. LOUIS — ")),
        ("RYE, N.H. — Voters lined up.", len("RYE, N.H. — ")),
        ("US - China talks resumed.", 0),  # no place-name dateline
        ("Washington — the city — waited.", 0),  # a dateline's place is in capitals
        ("NATO said on Monday that it would act.", 0),
        ("Port Elm (AFP) – The mayor spoke.", len("Port Elm (AFP) – ")),  # title case, agency
        ("PORT ELM ― The mayor spoke.", len("PORT ELM ― ")),  # a horizontal bar
        ("Jane Roe (D-Calif.) — said so.", 0),  # a name and its party tag
        ("Jane Roe (R) - said so.", 0),
        ("Dec 29 (Reuters) - The mayor spoke.", len("Dec 29 (Reuters) - ")),  # a date
        ("Oct. 3 (AP) — The mayor spoke.", len("Oct. 3 (AP) — ")),
        ("Room 101 (AP) - The mayor spoke.", 0),  # three digits are no day
    ],
)
def test_dateline(paragraph: str, length: int) -> None:
    assert dateline(paragraph) == length


@pytest.mark.parametrize(
    ("sentence", "section", "credit"),
    [
        ("Associated Press writer Ann Lee contributed to this report.", "anywhere", True),
        ("Ann Lee contributed reporting.", "anywhere", True),
        ("Follow Ann Lee on Twitter @annlee.", "anywhere", True),
        ("Mr. Roe contributed $2,700 to the campaign.", "anywhere", False),
        ("Lee reported from Los Angeles.", "closing", True),
        ("Ann Lee is a columnist at the Daily Planet.", "closing", True),
        ("Contributing: Ann Lee", "closing", True),  # a Gannett paper's closing credit
        ("Contributing factors: rain and wind.", "closing", False),
        ("Ann Lee / Reuters.", "anywhere", True),  # a photo credit
        ("Ann Lee/Getty Images", "anywhere", True),
        ("Ann Lee and Tom Ray met in Oslo.", "anywhere", False),
        ("By Ann Lee", "byline", True),
        ("By winning Ohio, Roe took the lead.", "byline", False),  # no name after "By"
    ],
)
def test_credit_patterns(sentence: str, section: str, credit: bool) -> None:
    assert any(p.search(sentence) for p in credit_patterns()[section]) is credit


def test_credit_file_refuses_unknown_sections() -> None:
    with pytest.raises(ValueError, match="unknown section"):
        parse_patterns("[anywhere]\nfoo\n[elsewhere]\nbar\n")
    with pytest.raises(ValueError, match="before any"):
        parse_patterns("foo\n")


def test_a_surname_the_tagger_calls_a_place_joins_its_person() -> None:
    """'Schiff' tagged LOC 23 times, once after "from", is still Adam Schiff's surname; a name
    used mostly as a location ("in London") is not "Breitbart London"'s."""
    from collections import Counter

    from presslens.model import Span
    from presslens.stages.entities.names import PersonName, owner_of
    from presslens.stages.entities.types import Group

    def group(name: str, label: str, mentions: int, locative: int) -> Group:
        spans = [Span(10 * i, 10 * i + 5) for i in range(mentions)]
        found = Group(name, labels=Counter({label: mentions}), spans=spans)
        found.locative = locative
        return found

    def person(name: str) -> dict[str, PersonName]:
        parsed = parse_person(name)
        assert parsed is not None
        return {name: parsed}

    people = person("Adam Schiff")
    groups = {("Adam Schiff", ""): group("Adam Schiff", "PERSON", 6, 0)}
    groups[("Schiff", "")] = group("Schiff", "LOC", 23, 1)
    assert owner_of(("Schiff", ""), groups, people, {"Adam Schiff": ""}) == "Adam Schiff"
    people = person("Jack London")
    groups = {("Jack London", ""): group("Jack London", "PERSON", 2, 0)}
    groups[("London", "")] = group("London", "GPE", 4, 3)
    assert owner_of(("London", ""), groups, people, {"Jack London": ""}) is None


def test_a_nickname_and_its_given_name_are_one_person() -> None:
    chuck, charles = parse_person("Chuck Grassley"), parse_person("Charles Grassley")
    assert chuck is not None and charles is not None
    assert same_person(chuck, charles)
    ron, rand = parse_person("Ron Paul"), parse_person("Rand Paul")
    assert ron is not None and rand is not None
    assert not same_person(ron, rand)


def test_a_full_name_typed_otherwise_is_a_person_when_titled_elsewhere() -> None:
    """'Mason Rudolph' tagged ORG, with 'Mr. Rudolph' elsewhere, is one person; an
    organisation's name that opens with no first name is not."""
    from collections import Counter

    from presslens.model import Span
    from presslens.nlp.parser import parse
    from presslens.stages.entities.names import cluster_full_names
    from presslens.stages.entities.types import Group

    def group(name: str, label: str) -> Group:
        return Group(name, labels=Counter({label: 1}), spans=[Span(0, len(name))])

    groups = {
        ("Mason Rudolph", ""): group("Mason Rudolph", "ORG"),
        ("Rudolph", "male"): group("Rudolph", "PERSON"),
        ("Rail Union", ""): group("Rail Union", "ORG"),
    }
    doc = parse("Mason Rudolph and the Rail Union met.")
    assert list(cluster_full_names(groups, doc)) == ["Mason Rudolph"]


@pytest.mark.parametrize(
    ("surface", "name", "start"),
    [
        ("the “Harbour Compact", "Harbour Compact", 5),  # the parse took the quote in
        ("“Harbour Compact”", "Harbour Compact", 1),
        ('"Acme Mills"', "Acme Mills", 1),
        ("Tom Ray’s", "Tom Ray", 0),  # the possessive goes, not the name
        ('Thomas "Tom"', 'Thomas "Tom"', 0),  # a nickname keeps both its marks
        ("Associated Press (", "Associated Press", 0),  # a bracket it does not close
        ("Ruth] Bell", "Bell", 6),  # "[Ruth] Bell": an editor's insertion, half taken
        ("Jane Roe (D-Calif.)", "Jane Roe (D-Calif.)", 0),  # brackets closed: left alone
    ],
)
def test_a_name_never_opens_or_ends_with_a_quotation_mark_or_a_lone_bracket(
    surface: str, name: str, start: int
) -> None:
    assert strip_name(surface, 0, "ORG", set())[:2] == (name, start)
