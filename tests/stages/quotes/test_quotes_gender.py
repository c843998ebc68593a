"""Gender from what the article says: honorifics, gendered nouns, pronouns bound to a name;
a title such as "Sen." says nothing, and thin or mixed evidence leaves the gender unknown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from presslens.model import Actor, Article
from presslens.stages.quotes.context import make_context
from presslens.stages.quotes.gender import decide, given_name_sex
from presslens.stages.quotes.marks import find_quoted
from presslens.stages.reporting import load_lexicon

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([3, 0], "m"), ([0, 2], "f"), ([1, 0], None), ([4, 2], None), ([6, 2], "m")],
)
def test_decide(counts: list[int], expected: str | None) -> None:
    assert decide(counts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs. Anna Berg spoke. Mr. Tom Ray listened.", {"Anna Berg": "f", "Tom Ray": "m"}),
        ("Congresswoman Anna Berg met businessman Tom Ray.", {"Anna Berg": "f", "Tom Ray": "m"}),
        ("Anna Berg met Tom Ray, her husband.", {"Tom Ray": "m"}),
        (
            "Anna Berg said she was tired. Anna Berg said she would rest.",
            {"Anna Berg": "f"},
        ),
        # a title says nothing; one pronoun is not enough
        ("Sen. Anna Berg spoke. Anna Berg said she was tired.", {}),
        # a pronoun in a quotation may be anyone's
        ('Anna Berg said: "He was tired. He left."', {}),
        # a "-man" office is written for women too: alone it is weak, a woman's first name
        # silences it, a man's confirms it
        ("Campaign spokesman Hope Berg spoke. Hope Berg confirmed the plan.", {}),
        ("Campaign spokesman Anna Berg spoke.", {}),
        ("Campaign spokesman Tom Ray spoke.", {"Tom Ray": "m"}),
        # someone's son (the parse makes "son" an apposition of "Berg") says nothing of Berg
        ("Nine died, including Anna Berg’ son, 26-year-old Tom.", {}),
    ],
)
def test_genders_from_the_article(
    text: str, expected: dict[str, str], prepared_named: Prepare
) -> None:
    article, doc, actors = prepared_named(text)
    quoted, _warnings = find_quoted(text, article.paragraphs)
    ctx = make_context(article, doc, actors, load_lexicon(), quoted)
    names = {a.id: a.name for a in actors}
    assert {names[actor_id]: g for actor_id, g in ctx.genders.items()} == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Melanie", "f"), ("Kevin", "m"), ("Warren", None), ("Graham", None), ("Roe", None)],
)
def test_a_name_alone_says_a_sex_only_when_mostly_a_first_name(
    name: str, expected: str | None
) -> None:
    assert given_name_sex(name) == expected
