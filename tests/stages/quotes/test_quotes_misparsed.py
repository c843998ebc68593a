"""Speakers the parse hides: a cue left with no subject by a misread apposition or "whose"
clause, a quotation a sentence leads into with a colon, and the sentence after a quotation
that is not its attribution."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from presslens.model import Actor, Article, Quote
from presslens.stages.quotes import find_quotes

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]


def speakers(prepare: Prepare, text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker's actor name, quoted text) for each quote."""
    article, doc, actors = prepare(text)
    quotes: tuple[Quote, ...] = find_quotes(article, doc, actors)[0]
    names = {a.id: a.name for a in actors}
    return [(q.kind, names.get(q.speaker_actor_id or ""), q.text) for q in quotes]


def test_a_name_before_whose_speaks_not_the_name_in_what_was_said(prepared: Prepare) -> None:
    text = (
        "Investors in the valley have mostly stayed quiet about the race. Ms. Ortega, whose "
        "newest company, Fieldwise, sells seed to growers across the state, said Mr. Lund was a "
        "candidate in the spirit of farming: ''He is a builder at heart. He drops plans that "
        "fail and starts again.'' Others were less sure."
    )
    found = speakers(prepared, text)
    assert len(found) == 1
    kind, speaker, quoted = found[0]
    assert (kind, speaker) == ("mixed", "Ms. Ortega")
    assert quoted.startswith("Mr. Lund was a candidate") and "starts again" in quoted


def test_a_colon_lead_in_speaks_as_its_subject_not_the_nearest_name(prepared: Prepare) -> None:
    text = (
        "The mayor has told his allies to push back on critics of the plan. One early "
        "supporter, council member Ana Reyes, Democrat of the east side, gave the approach a "
        "try in an interview with NBC on Tuesday: ''You can easily argue that the critics have "
        "never read the plan at all.'' The debate went on for weeks."
    )
    found = [f for f in speakers(prepared, text) if f[0] == "direct"]
    assert [speaker for _kind, speaker, _quoted in found] == ["Ana Reyes"]


def test_a_name_apposed_after_a_quotation_speaks_it_and_what_follows(prepared: Prepare) -> None:
    text = (
        "The two rivals worked side by side for years in the state house. "
        '"They were professionals, but also competitors," Mark Ellison, Governor Hale\'s '
        'former chief of staff, said of their time in the capital. "They would do the dance. '
        'There was respect there, but Dan saw himself as the expert." Neither man would comment.'
    )
    found = speakers(prepared, text)
    assert len(found) == 1
    _kind, speaker, quoted = found[0]
    assert speaker == "Mark Ellison"
    assert quoted.endswith('saw himself as the expert."')


def test_the_sentence_after_a_whole_quotation_is_not_its_cue(prepared: Prepare) -> None:
    text = (
        "The two rivals worked side by side for years in the state house. "
        '"They would do the dance. There was respect there." Neither man would comment. '
        '"We always knew where we stood." Mark Ellison said. The race went on.'
    )
    found = speakers(prepared, text)
    assert [(speaker, quoted) for _kind, speaker, quoted in found] == [
        (None, '"They would do the dance. There was respect there."'),
        ("Mark Ellison", '"We always knew where we stood."'),
    ]
