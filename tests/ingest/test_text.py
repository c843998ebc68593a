from __future__ import annotations

import pytest

from presslens.ingest import load

PAGE = """Council approves the new bridge after long debate

A drawing of the planned bridge over the river
Read in 3 minutes

The town council approved the new bridge on Monday. It will cost more than the old plan.

Members argued for hours about the route, and about who should pay for it in the end.

Why it matters

The bridge will cut the journey to the hospital by twenty minutes for most residents.

Share this article

Members argued for hours about the route, and about who should pay for it in the end.
"""


@pytest.fixture(scope="module")
def article():
    return load(PAGE)


def test_title_and_caption(article) -> None:
    assert article.title == "Council approves the new bridge after long debate"
    assert article.caption == "A drawing of the planned bridge over the river"


def test_headings_become_sections(article) -> None:
    assert [s.heading for s in article.sections] == [None, "Why it matters"]
    heading = article.sections[1]
    assert heading.heading_span.of(article.text) == "Why it matters"
    assert len(heading.paragraphs) == 1


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("chrome", "Read in 3 minutes"),
        ("chrome", "Share this article"),
        (
            "duplicate",
            "Members argued for hours about the route, and about who should pay for it in the end.",
        ),
    ],
)
def test_removed_items_are_kept(article, kind: str, text: str) -> None:
    assert (kind, text) in [(r.kind, r.text) for r in article.removed]


def test_duplicate_paragraph_is_not_in_body(article) -> None:
    assert article.text.count("Members argued for hours") == 1
    assert "Share this" not in article.text
    assert "Read in" not in article.text


def test_paragraph_spans_index_the_text(article) -> None:
    texts = [p.of(article.text) for p in article.paragraphs]
    assert texts[0].startswith("The town council approved")
    assert all(t == t.strip() and t for t in texts)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Title here\n\nIt ended the occupation.The talks began.", "occupation. The talks"),
        ("Title here\n\nA  line\u00a0with   odd\tspaces.", "A line with odd spaces."),
        ("Title here\n\nWord\u200bjoined by a zero width space.", "Wordjoined by a zero"),
        ("Title here\n\nHe waited along the line…we had reason to doubt it.", "line… we"),
    ],
)
def test_text_is_cleaned(raw: str, expected: str) -> None:
    assert expected in load(raw).text


def test_missing_title_is_warned() -> None:
    article = load("This is a long first paragraph that ends with a full stop, as body text does.")
    assert article.title is None
    assert any("title" in w.message for w in article.warnings)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    raw = (
        "A title\n\nThis paragraph was wrapped by an editor at a fixed width of about\n"
        "seventy characters, as plain-text files often are in the wild, and\nit ends here.\n"
    )
    article = load(raw)
    assert len(article.paragraphs) == 1
    assert "about seventy characters" in article.text


def test_a_paragraph_a_line_keeps_its_paragraphs() -> None:
    raw = (
        "Council backs bridge\n\n"
        "The town council approved the new bridge on Monday after a debate that ran late.\n"
        "“It is a good day for the valley,” said Mayor Ann Bell, who has pushed for years.\n"
        "Tom Ray, who led the opposition, said the vote was rushed and the costs were hidden.\n"
    )
    article = load(raw)
    assert len(article.paragraphs) == 3
    assert "years.\n" in article.text  # no paragraph run into the next


BODY = (
    "The town council approved the new bridge on Monday after a debate that ran late into "
    "the night, and work will begin in the spring.\n\n"
    "Members argued for hours about the route, and about who should pay for it in the end.\n"
)


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        # a headline is the title whatever its final punctuation, and keeps it
        (
            "Council approves new bridge after long debate.",
            "Council approves new bridge after long debate",
        ),
        (
            "Council approves new bridge after long debate",
            "Council approves new bridge after long debate",
        ),
        ("Will the new bridge ever be built?", "Will the new bridge ever be built?"),
        (
            "Mayor: ‘The Bridge Will Open In The Spring.’",
            "Mayor: ‘The Bridge Will Open In The Spring.’",
        ),
        ("‘A bridge too far’ for the town council.", "‘A bridge too far’ for the town council"),
        # a long line in title case is a headline, even with an article and a full stop
        (
            "Town Paper Story Upsets the Builder Who Was Sent to a Hospital for Tests.",
            "Town Paper Story Upsets the Builder Who Was Sent to a Hospital for Tests",
        ),
        # two headline sentences, written without articles, are one headline
        ("New bridge wins vote. Builders must wait.", "New bridge wins vote. Builders must wait"),
        # an abbreviation keeps its point; the stop a saved text put after a headline does not
        ("Council members visit the U.S.", "Council members visit the U.S."),
        # "Headline;" over its standfirst, as news databases export them: the ";" is no part of it
        (
            "Bridge plan wins approval;\nCouncil votes seven to two after a long night.",
            "Bridge plan wins approval",
        ),
    ],
)
def test_headline_line_is_the_title(first_line: str, title: str) -> None:
    article = load(f"{first_line}\n\n{BODY}")
    assert article.title == title
    assert not article.text.startswith(first_line.split("\n")[0])


@pytest.mark.parametrize(
    "first_paragraph",
    [
        # a lead paragraph: an article and a weekday and many words, a second sentence, a wire
        # dateline, a line leading into what follows
        "The town council approved the new bridge on Monday after a long and heated debate.",
        "Prices rose sharply this week. Shops blamed the weather.",
        "Prices rose. Shops blamed the weather on Monday.",
        "MILLBROOK (AP) — The council approved the bridge.",
        "From our correspondent in Millbrook:",
        "the council approved the bridge after a long debate.",
    ],
)
def test_text_starting_with_body_has_no_title(first_paragraph: str) -> None:
    article = load(f"{first_paragraph}\n\n{BODY}")
    assert article.title is None
    assert article.text.startswith(first_paragraph)


def test_punctuated_first_line_without_a_blank_line_is_body() -> None:
    """One line per paragraph: nothing sets the first line apart from the body."""
    article = load(f"Council approves new bridge after long debate.\n{BODY}".replace("\n\n", "\n"))
    assert article.title is None


def test_title_words_count_towards_reading_time_either_way() -> None:
    from presslens import segment

    with_stop = load(f"Council approves new bridge.\n\n{BODY}")
    without = load(f"Council approves new bridge\n\n{BODY}")
    assert segment.word_count(with_stop) == segment.word_count(without)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the classifier alone calls this Nigerian Pidgin ("pcm") and every stage is skipped
        (
            "Okafor on television\n\n''Jobs, jobs, jobs,'' Sam Okafor said on ''The Late Show "
            "With Dana Ruiz'' on Tuesday.\n",
            "en",
        ),
        ("Le gouvernement a adopté lundi de nouvelles règles, a déclaré le ministre.", "fr"),
    ],
)
def test_a_short_english_text_is_english(text: str, language: str) -> None:
    assert load(text).language == language


def test_a_transcript_turn_is_no_heading() -> None:
    page = (
        "Governor talks floods on Sunday show\n\n"
        "Governor Nora Quist spoke about the flooding on a Sunday news show.\n\n"
        "MARLOWE: Will the levees hold?\n\n"
        "QUIST: Most of them are holding, and the crews worked through the night.\n\n"
        "What comes next\n\n"
        "The river is expected to fall by Tuesday."
    )
    article = load(page)
    assert [s.heading for s in article.sections] == [None, "What comes next"]
    assert "MARLOWE: Will the levees hold?" in [p.of(article.text) for p in article.paragraphs]
