"""The "check first" list and the marks in the text: sorted by the score a reader sees, the first
ten listed and marked, the rest behind a toggle, each linked to its sentence; a legend, and
colours that tell quotes, figures and claims apart."""

from __future__ import annotations

import itertools
import re

import pytest
from handmade import dossier

from presslens.model import Dossier
from presslens.render.html import render_html
from presslens.render.markdown import render_markdown

# (score, stage rank): the stage ranks by a priority of its own, so 0.981 can come first
ORDER_CASES = [
    ([(0.981, 1), (0.9996, 2), (0.996, 3), (0.6, 4)], [2, 3, 1, 4]),
    ([(0.9996, 2), (0.9994, 1)], [1, 2]),  # both shown as 1.00: the stage's rank decides
    ([(0.5, 1), (0.9, 2)], [2, 1]),
]


@pytest.mark.parametrize(("scores", "expected"), ORDER_CASES)
def test_sorted_by_the_score_shown(scores: list[tuple[float, int]], expected: list[int]) -> None:
    from presslens.render.claims import shown_order

    sentences = [f"Sentence number {n} is here." for n in range(len(scores))]
    claims = dossier(sentences, scores=scores).claims
    assert [claim.rank for claim in shown_order(claims)] == expected


def thirteen_claims() -> Dossier:
    sentences = [f"Claim {n} says the tax rose by {n} points." for n in range(13)]
    scores = [(0.6 + n / 40, 13 - n) for n in range(13)]  # the stage ranked them backwards
    return dossier(sentences, scores=scores)


def test_report_lists_ten_then_a_toggle_each_linked_to_its_sentence() -> None:
    html = render_html(thirteen_claims())
    panel = html[html.index('id="claims"') : html.index("</section>", html.index('id="claims"'))]
    top, rest = panel.split("<details", 1)
    assert top.count("<li") == 10 and rest.count("<li") == 3
    assert "Claim 12 says" in top and "Claim 0 says" in rest  # highest score first
    assert top.index("Claim 12 says") < top.index("Claim 11 says")
    targets = re.findall(r'class="goto" href="#(s\d+)"', panel)
    assert len(targets) == 13
    for target in targets:
        assert f'id="{target}"' in html  # the sentence in the article carries the anchor


def test_only_the_first_ten_are_marked_in_the_text() -> None:
    html = render_html(thirteen_claims())
    article = html[html.index("<article>") : html.index("</article>")]
    badges = re.findall(r'class="sentence claim"[^>]*data-badge="(\d+)"', article)
    assert sorted(map(int, badges)) == list(range(1, 11))
    assert article.count('class="sentence"') == 3  # anchored, not marked


def test_markdown_lists_by_the_score_shown() -> None:
    md = render_markdown(thirteen_claims())
    assert "1. **0.90** Claim 12 says" in md
    assert "…and 3 more" in md
    assert "11. **" not in md


def colours(css: str, selector: str) -> list[str]:
    rule = re.search(re.escape(selector) + r" \{([^}]*)\}", css)
    return re.findall(r"#[0-9a-f]{6}", rule.group(1)) if rule else []


def distance(a: str, b: str) -> float:
    pairs = zip(bytes.fromhex(a[1:]), bytes.fromhex(b[1:]), strict=True)
    return sum((x - y) ** 2 for x, y in pairs) ** 0.5


def test_kinds_have_distinct_colours_and_a_legend() -> None:
    html = render_html(thirteen_claims())
    css = html[html.index("<style>") : html.index("</style>")]
    speakers = [colours(css, f".sp{n}")[0] for n in range(8)]
    assert min(distance(a, b) for a, b in itertools.combinations(speakers, 2)) >= 30
    # quotes are backgrounds; claims and figures are drawn otherwise, so never confused
    for selector in (".claim", ".claim-top", ".figure"):
        rule = re.search(re.escape(selector) + r" \{([^}]*)\}", css)
        assert rule is None or "background" not in rule.group(1), selector
    legend = html[html.index('id="legend"') : html.index("</p>", html.index('id="legend"'))]
    for kind in ("quote", "figure", "claim"):
        assert f'class="key {kind}' in legend
