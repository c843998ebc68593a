"""Social posts saved as tags in plain text are rendered as the page showed them."""

from __future__ import annotations

import pytest

from presslens.ingest import load
from presslens.ingest.posts import render_posts

LEAD = "Council backs the new road\n\nThe council voted for the road on Monday night.\n\n"
BODY = "The council vote was a disgrace and the town will remember it"


@pytest.mark.parametrize(
    ("tag", "signature"),
    [
        (
            f'<tweet author="@janeroe" datetime="2016-03-10">{BODY}</tweet>.',
            "— @janeroe March 10, 2016",
        ),
        (
            f'<tweet tweet-author="@janeroe" tweet-date="March 10, 2016">{BODY}<tweet/>.',
            "— @janeroe March 10, 2016",
        ),
        (
            f'<tweet pic="" author="janeroe" timestamp="1457568000" tweet_id="1">{BODY}</tweet>',
            "— @janeroe March 10, 2016",
        ),
        (f"<tweet>{BODY}</tweet>", None),  # no author: a quotation of no one known
    ],
)
def test_a_post_becomes_its_text_and_a_signature_line(tag: str, signature: str | None) -> None:
    raw = f"{LEAD}{tag}\n\nThe mayor spoke after the vote.\n"
    article = load(raw)
    paragraphs = [p.of(article.text) for p in article.paragraphs]
    body = BODY if signature else f"“{BODY}”"
    assert body in paragraphs
    assert "<" not in article.text and "tweet" not in article.text
    following = paragraphs[paragraphs.index(body) + 1]
    assert following == (signature or "The mayor spoke after the vote.")
    assert article.title == "Council backs the new road"


def test_a_signature_line_at_the_end_is_no_heading_to_drop() -> None:
    raw = f'{LEAD}<tweet author="@janeroe" datetime="2016-03-10">{BODY}</tweet>\n'
    article = load(raw)
    assert article.text.endswith("— @janeroe March 10, 2016")
    assert not article.sections[-1].heading or "@janeroe" not in str(article.sections[-1].heading)
    assert not article.removed


def test_a_post_saved_without_its_text_is_dropped_and_said_so() -> None:
    text, removed = render_posts(
        'Before.\n\n<tweet tweet-id="783499116076687360"><tweet/>.\n\nAfter.'
    )
    assert "tweet" not in text and "783499116076687360" not in text
    assert [r.kind for r in removed] == ["embed"]


def test_a_link_tag_keeps_its_words_and_other_angle_brackets_stay() -> None:
    text, removed = render_posts(
        'See <a href="https://example.org/x">the report</a>; turnout < 40% and 3 > 2.'
    )
    assert text == "See the report; turnout < 40% and 3 > 2."
    assert removed == []


def test_a_date_saved_in_another_form_still_makes_a_signature_the_quotes_stage_reads() -> None:
    from presslens.model import POST_SIGNATURE

    text, _removed = render_posts(
        f'Lead line.\n\n<tweet author="@janeroe" datetime="10/03/2016 14:00+01:00">{BODY}</tweet>\n'
    )
    signature = text.strip().splitlines()[-1]
    assert POST_SIGNATURE.fullmatch(signature), signature


def test_a_post_saved_with_its_own_signature_keeps_that_one() -> None:
    text, _removed = render_posts(
        f'Lead line.\n\n<tweet author="@janeroe" datetime="2016-03-10">{BODY} pic.twitter.com/x '
        "— Jane Roe (@janeroe) March 10, 2016</tweet>\n"
    )
    assert text.strip().splitlines()[-3:] == [
        f"{BODY} pic.twitter.com/x",
        "",
        "— Jane Roe (@janeroe) March 10, 2016",
    ]
