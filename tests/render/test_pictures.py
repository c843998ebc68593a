"""The pictures a reader uses instead of a co-mention network: a strip per actor with a tick at
each mention, linked to its place in the text, and tone per actor with its evidence linked."""

from __future__ import annotations

from handmade import dossier, find

from presslens.model import ActorTone, Dossier
from presslens.render.html import render_html

SENTENCES = [
    "Ann Lee opened the bridge.",
    "Critics said the bridge was late.",
    "Bo Chan blamed Ann Lee for the delay.",
    "Ann Lee denied it.",
]
TEXT = " ".join(SENTENCES)


def bridge() -> Dossier:
    tone = ActorTone(
        "a1",
        -0.4,
        "negative",
        {"negative": 1, "neutral": 2, "positive": 0},
        evidence_negative=(find(TEXT, SENTENCES[2]),),
    )
    return dossier(SENTENCES, actors=("Ann Lee", "Bo Chan"), tones=(tone,))


def test_a_strip_per_actor_with_a_tick_per_mention() -> None:
    from presslens.render.pictures import mention_strips

    strips = mention_strips(bridge())
    assert [row["name"] for row in strips["strips"]] == ["Ann Lee", "Bo Chan"]
    ann = strips["strips"][0]
    starts = [i for i in range(len(TEXT)) if TEXT.startswith("Ann Lee", i)]
    assert [tick["href"] for tick in ann["ticks"]] == [f"#m{start}" for start in starts]
    assert [tick["left"] for tick in ann["ticks"]] == [
        round(100 * start / len(TEXT), 2) for start in starts
    ]
    # the mention in the sentence the tone stage weighs negative is drawn so
    assert [tick["lean"] for tick in ann["ticks"]] == ["", "neg", ""]
    assert ann["ticks"][1]["title"] == SENTENCES[2]


def test_report_links_ticks_and_evidence_to_the_text() -> None:
    html = render_html(bridge())
    assert 'id="mentions"' in html and 'id="tone"' in html
    for start in (i for i in range(len(TEXT)) if TEXT.startswith("Ann Lee", i)):
        assert f'href="#m{start}"' in html and f'id="m{start}"' in html
    evidence = TEXT.index(SENTENCES[2])
    assert f'<a class="goto" href="#s{evidence}">in the text</a>' in html
    assert f'id="s{evidence}"' in html
