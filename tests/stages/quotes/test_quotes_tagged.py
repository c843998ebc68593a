"""The learned tagger's attributions inside the quotes stage (`tagged`): what it adds to the
rules, the speakers it gives, and the accurate mode end to end."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from presslens import pipeline
from presslens.model import Actor, Article, Span
from presslens.nlp import encoder
from presslens.settings import Settings
from presslens.stages.quotes import find_quotes, learned, tagged
from presslens.stages.quotes.learned import Tagged

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]
ANY_VECTORS = object()  # stands for the encoder's vectors where the tagger is replaced

needs_model = pytest.mark.skipif(
    not (encoder.available() and learned.available()),
    reason="the encoder or the tagger's head cannot run here",
)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("the bridge would reopen in May", "indirect"),
        ("“We will win.”", "direct"),
        ('"We will win,"', "direct"),
        ("that the plan was “dead on arrival” in the Senate", "mixed"),
        ("“We will win,” and “they will lose.”", "mixed"),
    ],
)
def test_the_kind_follows_the_quotation_marks(content: str, kind: str) -> None:
    assert tagged.kind_of_content(content) == kind


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def replace_tagger(monkeypatch: pytest.MonkeyPatch, found: tuple[Tagged, ...]) -> None:
    monkeypatch.setattr(learned, "tag_attributions", lambda text, vectors: found)
    monkeypatch.setattr(learned, "available", lambda: True)


def run_with(prepare: Prepare, text: str, vectors: object | None = ANY_VECTORS):
    article, doc, actors = prepare(text)
    found = find_quotes(article, doc, actors, vectors=vectors)  # type: ignore[arg-type]
    names = {a.id: a.name for a in actors}
    return found.quotes, names


TEXT = (
    "Maria Lopez, the state treasurer, spoke in Denver on Tuesday.\n"
    "In Lopez's assessment, the pension fund is short of money.\n"
    "Lopez said the fund would need a bailout."
)


def test_a_sure_attribution_the_rules_missed_is_added_with_its_speaker(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "the pension fund is short of money")
    source = span_of(TEXT, "Lopez's")
    item = Tagged(
        (content,), span_of(TEXT, "assessment"), (Span(source.start, source.start + 5),), 0.9
    )
    replace_tagger(monkeypatch, (item,))
    quotes, names = run_with(prepared, TEXT)
    [added] = [q for q in quotes if q.span == content]
    assert added.kind == "indirect"
    assert added.cue == "assessment"
    assert names[added.speaker_actor_id] == "Maria Lopez"
    assert added.confidence < min(q.confidence for q in quotes if q is not added)


def test_an_unsure_attribution_is_left_out(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "the pension fund is short of money")
    unsure = Tagged((content,), span_of(TEXT, "assessment"), (), tagged.KNOWN_CUE_SCORE - 0.05)
    replace_tagger(monkeypatch, (unsure,))
    quotes, _names = run_with(prepared, TEXT)
    assert not any(q.span.overlaps(content) for q in quotes)


def test_a_reporting_cue_lets_a_less_sure_attribution_in(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    score = (tagged.KNOWN_CUE_SCORE + tagged.MIN_SCORE) / 2
    content = span_of(TEXT, "the pension fund is short of money")
    replace_tagger(monkeypatch, (Tagged((content,), span_of(TEXT, "assessment"), (), score),))
    quotes, _names = run_with(prepared, TEXT)
    assert [q.text for q in quotes if q.span.overlaps(content)] == [content.of(TEXT)]
    # a cue the lexicon does not know needs the full score, even for a stance
    text = "Vladimir Putin met oil executives.\nPutin signed an order allowing Exxon to return."
    action = span_of(text, "an order allowing Exxon to return")
    replace_tagger(monkeypatch, (Tagged((action,), span_of(text, "signed"), (), score),))
    assert stances_with(prepared, text) == []


def test_a_content_with_neither_cue_nor_quotation_marks_is_left_out(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "the pension fund is short of money")
    replace_tagger(monkeypatch, (Tagged((content,), None, (), 0.99),))
    quotes, _names = run_with(prepared, TEXT)
    assert not any(q.span.overlaps(content) for q in quotes)


def test_the_rules_keep_their_own_attributions(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "fund would need a bailout")  # the rules find "Lopez said ..."
    replace_tagger(monkeypatch, (Tagged((content,), span_of(TEXT, "Lopez said"), (), 0.99),))
    quotes, names = run_with(prepared, TEXT)
    [said] = [q for q in quotes if q.span.overlaps(content)]
    assert said.cue == "said" and names[said.speaker_actor_id] == "Maria Lopez"


def stances_with(prepare: Prepare, text: str) -> list[str]:
    article, doc, actors = prepare(text)
    found = find_quotes(article, doc, actors, vectors=ANY_VECTORS)  # type: ignore[arg-type]
    return [s.text for s in found.stances]


def test_a_cue_the_lexicon_does_not_know_makes_a_stance(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = "Vladimir Putin met oil executives.\nPutin signed an order allowing Exxon to return."
    content = span_of(text, "an order allowing Exxon to return")
    replace_tagger(monkeypatch, (Tagged((content,), span_of(text, "signed"), (), 0.95),))
    quotes, _names = run_with(prepared, text)
    assert not any(q.span.overlaps(content) for q in quotes)
    assert stances_with(prepared, text) == ["an order allowing Exxon to return"]


def test_a_cue_inside_its_own_content_is_no_attribution(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "the pension fund is short of money")
    cue = span_of(TEXT, "pension")
    replace_tagger(monkeypatch, (Tagged((content,), cue, (), 0.95),))
    quotes, _names = run_with(prepared, TEXT)
    assert not any(q.span.overlaps(content) for q in quotes)
    assert "the pension fund is short of money" not in stances_with(prepared, TEXT)


def test_without_vectors_the_tagger_adds_nothing(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "the pension fund is short of money")
    replace_tagger(monkeypatch, (Tagged((content,), span_of(TEXT, "assessment"), (), 0.99),))
    quotes, _names = run_with(prepared, TEXT, vectors=None)
    assert not any(q.span.overlaps(content) for q in quotes)


def test_a_quotation_after_a_quoted_speaker_continues_them(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = "Jane Roe toured the plant.\n“We will hire people,” Roe told workers. “Maybe more.”"
    more = span_of(text, "“Maybe more.”")
    replace_tagger(monkeypatch, (Tagged((more,), None, (), 0.9),))
    quotes, names = run_with(prepared, text)
    [added] = [q for q in quotes if q.span == more]
    assert added.kind == "direct"
    assert names[added.speaker_actor_id] == "Jane Roe"


def test_a_source_that_is_no_noun_gives_no_speaker(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = "Tuesday was cold.\nOn Tuesday, quickly, the claim came: the budget is short."
    content = span_of(text, "the budget is short")
    item = Tagged((content,), span_of(text, "claim"), (span_of(text, "quickly"),), 0.95)
    replace_tagger(monkeypatch, (item,))
    quotes, _names = run_with(prepared, text)
    [added] = [q for q in quotes if q.span == content]
    assert added.speaker is None and added.speaker_actor_id is None


ROE = (
    "Jane Roe toured the Acme plant in Dayton on Friday.\n\n"
    "“We will hire two hundred people,” Roe told workers. “Maybe more.”"
)


@needs_model
def test_the_accurate_mode_finds_a_short_continued_quotation() -> None:
    accurate = pipeline.analyse(ROE)
    fast = pipeline.analyse(ROE, settings=Settings(models="fast"))
    names = {a.id: a.name for a in accurate.actors}
    [more] = [q for q in accurate.quotes if "Maybe more" in q.text]
    assert names[more.speaker_actor_id] == "Jane Roe"
    assert not any("Maybe more" in q.text for q in fast.quotes)


def test_a_speaker_inside_what_is_said_is_no_attribution(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = "Maria Lopez runs the fund.\nWhat Lopez builds changes from one week to the next."
    parts = (span_of(text, "What Lopez"), span_of(text, "changes from one week to the next"))
    replace_tagger(monkeypatch, (Tagged(parts, span_of(text, "builds"), (), 0.95),))
    quotes, _names = run_with(prepared, text)
    assert not any(q.span.overlaps(parts[1]) for q in quotes)
    assert not any("one week to the next" in stance for stance in stances_with(prepared, text))


def test_of_two_sources_the_cue_verbs_subject_speaks(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = (
        "Tom Reyes and Ana Berg met on Monday. "
        "Tom Reyes kept back the advice Ana Berg gave, that the plan would harm the inquiry."
    )
    content = span_of(text, "that the plan would harm the inquiry")
    reyes = text.index("Tom Reyes kept")
    berg = text.index("Ana Berg gave")
    sources = (Span(reyes, reyes + len("Tom Reyes")), Span(berg, berg + len("Ana Berg")))
    item = Tagged((content,), span_of(text, "gave"), sources, 0.9)
    replace_tagger(monkeypatch, (item,))
    article, doc, actors = prepared(text)
    found = find_quotes(article, doc, actors, vectors=ANY_VECTORS)  # type: ignore[arg-type]
    [added] = [q for q in found.quotes + found.stances if q.span == content]
    assert {a.id: a.name for a in actors}[added.speaker_actor_id or ""] == "Ana Berg"


def test_a_cue_cut_inside_a_word_is_read_as_the_whole_word(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    content = span_of(TEXT, "the pension fund is short of money")
    word = span_of(TEXT, "assessment")
    source = span_of(TEXT, "Lopez's")
    item = Tagged(
        (content,), Span(word.start, word.start + 7), (Span(source.start, source.start + 5),), 0.9
    )
    replace_tagger(monkeypatch, (item,))
    quotes, _names = run_with(prepared, TEXT)
    [added] = [q for q in quotes if q.span == content]
    assert added.cue == "assessment"


def test_a_relative_clause_on_the_source_is_not_what_the_source_said() -> None:
    from presslens import analyse

    text = (
        "The Iron Guild has called for attacks using vehicles, according to the Harbor "
        "Intelligence Group, which monitors extremist statements. It said supporters of the "
        "radical organization were sharing the news. Police urged calm."
    )
    texts = [q.text for q in analyse(text).quotes]
    assert "which monitors extremist statements" not in texts
    assert "The Iron Guild has called for attacks using vehicles" in texts


def test_words_hung_on_the_speakers_phrase_are_not_what_the_speaker_said() -> None:
    from presslens import analyse

    text = (
        "Many supporters of the senator insist the vote was rigged. ''We feel like the vote has "
        "been stolen,'' said Laura Pell, the founder of a Facebook group called Occupy Main "
        "Street, which has more than 25,000 members. Her group helps people share rides."
    )
    texts = [q.text for q in analyse(text).quotes]
    assert not any(t.startswith(("Occupy Main Street", "which has")) for t in texts)
    assert "''We feel like the vote has been stolen,''" in texts
    assert "the vote was rigged." in texts  # not the next quotation's opening marks


def test_a_title_in_quotation_marks_with_no_cue_is_no_quote(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = (
        "Nell Ortiz hosted a screening on Tuesday. The guests watched "
        '"Harbor Lights Rising," a film about the dockworkers\' union. '
        "Ortiz said the film was long overdue."
    )
    title = span_of(text, '"Harbor Lights Rising,"')
    replace_tagger(monkeypatch, (Tagged((title,), None, (), 0.95),))
    quotes, _names = run_with(prepared, text)
    assert not any(q.span.overlaps(title) for q in quotes)


def test_a_surname_the_parse_reads_as_a_preposition_speaks(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = (
        "The Harbor Council, which Walter From founded in 1985, helped elect two mayors. "
        "Walter From said the group had drifted. "
        "From agreed that the budget, though it was tight, was not the main problem."
    )
    content = span_of(text, "that the budget, though it was tight, was not the main problem")
    replace_tagger(monkeypatch, (Tagged((content,), span_of(text, "agreed"), (), 0.9),))
    quotes, names = run_with(prepared, text)
    [added] = [q for q in quotes if q.span == content]
    assert names[added.speaker_actor_id or ""] == "Walter From"


def test_a_cue_that_only_describes_a_noun_is_no_attribution(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = (
        "Senator Ruth Ames won the county. Her strengths include strong support from "
        'self-described "very conservative" voters. Ames thanked them on Tuesday.'
    )
    quoted = span_of(text, '"very conservative"')
    replace_tagger(monkeypatch, (Tagged((quoted,), span_of(text, "described"), (), 0.9),))
    quotes, _names = run_with(prepared, text)
    assert not any(q.span.overlaps(quoted) for q in quotes)


def test_words_before_a_cue_with_its_own_clause_are_not_its_content(
    monkeypatch: pytest.MonkeyPatch, prepared: Prepare
) -> None:
    text = (
        "Rules for the transition were set on Monday.\n"
        'That wording, "eligible candidates," is a change from 2008, when President Tom Roe '
        "ordered that the agencies work with the candidates of both parties."
    )
    before = span_of(text, 'That wording, "eligible candidates," is a change from 2008, when')
    after = span_of(text, "that the agencies work with the candidates of both parties")
    item = Tagged((before, after), span_of(text, "ordered"), (), 0.95)
    replace_tagger(monkeypatch, (item,))
    quotes, _names = run_with(prepared, text)
    assert [q.text for q in quotes if q.cue == "ordered"] == [after.of(text)]


def test_the_cues_own_subject_outranks_a_tagged_source() -> None:
    """'That's why Jeb Hale had to lend ..., fundraising documents show': the tagger takes
    "Jeb" for the source; the cue's own subject is the documents."""
    from presslens import analyse

    text = (
        "Donors Fled the Governor's Campaign\n\nOne hallmark of a failing campaign is the "
        "struggle to raise money.\n\nThat's why Jeb Hale had to lend his campaign hundreds of "
        "thousands of dollars last month, fundraising documents show. And it's why Gov. Carl "
        "Dent ended his bid owing money.\n"
    )
    shown = [q for q in analyse(text).quotes if q.cue == "show"]
    assert shown and all(q.speaker_actor_ids == () for q in shown)


def test_a_subject_set_off_before_an_inverted_cue_does_not_outrank_the_source() -> None:
    """'Any reading of the move, said Ann Pell, an analyst, would see it as ...': the parse
    makes "reading" the subject of "said"; the tagged source, Pell, is the speaker."""
    from presslens import analyse

    text = (
        "Mayor Drops the Plan\n\nThe council voted on Monday to end the housing program, "
        "sending its backers into retreat.\n\nAny ''honest'' reading of the mayor's move, said "
        "Ann Pell, a housing analyst at the Urban Policy Center in Dayton, would see it as a "
        "public admission that the city is giving up.\n"
    )
    dossier = analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    assert ["Ann Pell"] in [[names[i] for i in q.speaker_actor_ids] for q in dossier.quotes]


@pytest.mark.parametrize(
    ("text", "content", "cue", "cue_word", "source", "speaker"),
    [
        # "my" of "my editor at the time": the editor, a person, speaks
        (
            "The story never ran; my editor at the time at the Herald argued the piece made "
            "the senator look too good and spiked it.",
            "the piece made the senator look too good",
            "argued",
            "argued",
            "my",
            "my editor at the time at the Herald",
        ),
        # "his" owns the cue itself, or words: he speaks
        (
            "The governor repeated his call to bring Republicans and Democrats together.",
            "to bring Republicans and Democrats together",
            "call",
            "call",
            "his",
            "his",
        ),
        (
            "The senator spoke in Miami, and his upbeat speech was full of promises to keep "
            "fighting.",
            "to keep fighting",
            "was full of promises",
            "promises",
            "his",
            "his",
        ),
    ],
)
def test_a_tagged_possessive_pronoun_speaks_as_the_person_it_owns(
    text: str,
    content: str,
    cue: str,
    cue_word: str,
    source: str,
    speaker: str,
    context_for: Callable,
) -> None:
    ctx, _quoted = context_for(text)
    item = Tagged((span_of(text, content),), span_of(text, cue), (span_of(text, source),), 0.9)
    (head,) = [t for t in ctx.doc if t.text == cue_word]
    found = tagged.speaker_of(ctx, item, head)
    assert found is not None and found.span.of(text) == speaker


def test_people_a_report_names_are_not_its_speakers(context_for: Callable) -> None:
    """'The brain behind the startup is said to be Ravi Mehta and Ana Kurtz': a source tagged
    inside what the cue reports is no one speaking."""
    text = "The brain behind this well-timed startup is said to be Ravi Mehta and Ana Kurtz."
    ctx, _quoted = context_for(text)
    item = Tagged(
        (span_of(text, "The brain behind this well-timed startup"),),
        span_of(text, "is said"),
        (span_of(text, "Ravi Mehta and Ana Kurtz"),),
        0.9,
    )
    (cue,) = [t for t in ctx.doc if t.text == "said"]
    assert tagged.speaker_of(ctx, item, cue) is None
