from __future__ import annotations

import json
import re

import pytest

from presslens import analyse
from presslens.model import Figure, Quote, Span
from presslens.render.html import Mark, highlight, render_html
from presslens.render.markdown import render_markdown

HOSTILE = """A <script>alert("title")</script> headline

Caption with "><img src=x onerror=alert(1)>

The mayor said <script>alert(1)</script> was fine, and "><img src=x onerror=alert(2)> too.

Read <a href="javascript:alert(3)">this link</a> before the vote on Monday, please, everyone.
"""


def test_json_round_trip(sample) -> None:
    data = json.loads(sample.to_json())
    assert data["schema"] == "presslens.dossier/1"
    assert data["generator"]["name"] == "presslens"
    assert data["article"]["reading_time_minutes"] == sample.reading_time_minutes


def test_html_report_is_standalone(sample) -> None:
    html = render_html(sample)
    assert "<h1" in html and sample.article.title in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "no external assets"
    for entry in sample.to_dict()["article"]["contents"]:
        assert f'href="#{entry["anchor"]}"' in html
        assert f'id="{entry["anchor"]}"' in html


def test_html_report_escapes_article_text() -> None:
    html = render_html(analyse(HOSTILE))
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;" in html


def test_markdown_summary(sample) -> None:
    md = render_markdown(sample)
    assert md.startswith(f"# {sample.article.title}")
    assert f"Read in {sample.reading_time_minutes:.2f} minutes" in md
    assert "## Contents" in md and "## Actors" in md


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], "a &lt;b&gt; c"),
        ([Mark(Span(2, 5), "x", "t")], 'a <span class="x" title="t">&lt;b&gt;</span> c'),
        (  # nested marks are nested elements, not cut in pieces
            [Mark(Span(0, 5), "outer", ""), Mark(Span(2, 5), "inner", "")],
            '<span class="outer">a <span class="inner">&lt;b&gt;</span></span> c',
        ),
        (  # crossing marks: the higher layer is cut; the id and badge go on the first piece only
            [
                Mark(Span(0, 3), "sentence", anchor="s0", layer=0, badge="1"),
                Mark(Span(2, 7), "quote", "q", anchor="q1"),
            ],
            '<span class="sentence" id="s0" data-badge="1">a <span class="quote" title="q" '
            'id="q1">&lt;</span></span><span class="quote" title="q">b&gt; c</span>',
        ),
    ],
)
def test_highlight_nests_and_escapes(marks: list[Mark], expected: str) -> None:
    assert str(highlight("a <b> c", Span(0, 7), marks)) == expected


def test_marks_for_quotes_and_figures_do_not_break_report(sample) -> None:
    from dataclasses import replace

    text = sample.article.text
    start = text.index("£18.5 million")
    figure = Figure("f1", "£18.5 million", Span(start, start + 13), 18.5e6, "money", unit="GBP")
    quote = Quote("q1", "direct", text[10:30], Span(10, 30), speaker="Someone")
    html = render_html(replace(sample, figures=(figure,), quotes=(quote,)))
    assert 'class="figure"' in html and 'class="quote sp0"' in html


def test_groups_and_stances_are_shown_apart_from_actors_and_quotes() -> None:
    import dataclasses

    from presslens.model import Actor

    text = "Vote\n\nThe Republican senator Jane Roe declined to comment on the plan."
    dossier = analyse(text)
    body = dossier.article.text
    group = Actor("g1", "Republican", "NORP", (), (Span(body.index("Republican"), 14),))
    start = body.index("to comment")
    refusal = Quote("st1", "refusal", "to comment on the plan", Span(start, start + 22))
    refusal = dataclasses.replace(refusal, cue="declined", speaker="Jane Roe")
    dossier = dataclasses.replace(dossier, groups=(group,), stances=(refusal,))
    markdown = render_markdown(dossier)
    assert "Groups (named, not actors): Republican (1)." in markdown
    assert '- *refusal*, Jane Roe ("declined"): to comment on the plan' in markdown
    html = render_html(dossier)
    assert "Not speech" in html and "refusal · Jane Roe" in html


def test_a_report_inside_a_report_says_who_tells_it() -> None:
    text = (
        "Senator recalls the vote\n\n"
        "Senator Ann Roe said the bill failed because Senator Tom Ray said it would hurt "
        "farmers.\n"
    )
    dossier = analyse(text)
    markdown = render_markdown(dossier)
    assert '- *indirect, "said", as Ann Roe tells it*: it would hurt farmers' in markdown
    assert "as Ann Roe tells it" in render_html(dossier)
    assert "tells it" not in markdown.split("### Tom Ray")[0]  # Roe's own words are hers
