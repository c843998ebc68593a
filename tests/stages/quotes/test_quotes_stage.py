"""The quotes stage end to end (`find_quotes`): who said what, terms, odd input, the showcase."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.tokens import Doc

import presslens
from presslens.model import Actor, Article, Quote, Span, StageWarning, Term
from presslens.nlp import get_model
from presslens.stages.quotes import find_quotes, stage
from presslens.stages.quotes.context import Attribution, naming
from presslens.stages.quotes.speakers import Speaker
from presslens.stages.reporting import load_lexicon

SHOWCASE = Path(__file__).resolve().parents[4] / "shared" / "articles" / "imperialists-peace.txt"

Prepare = Callable[[str], tuple[Article, Doc, tuple[Actor, ...]]]
Run = tuple[tuple[Quote, ...], tuple[Term, ...], tuple[StageWarning, ...], dict[str, str]]


def run(prepare: Prepare, text: str) -> Run:
    article, doc, actors = prepare(text)
    quotes, terms, warnings, _stances = find_quotes(article, doc, actors)
    names = {a.id: a.name for a in actors}
    return quotes, terms, warnings, names


@pytest.mark.parametrize(
    ("text", "kind", "speaker", "content"),
    [
        (
            "“We will win,” Maria Lopez said, “whatever it takes.”",
            "direct",
            "Maria Lopez",
            "“We will win,” Maria Lopez said, “whatever it takes.”",
        ),
        (
            "The minister Anna Berg said that the budget would be cut next year.",
            "indirect",
            "The minister Anna Berg",
            "that the budget would be cut next year",
        ),
        (
            "According to the ministry, exports fell sharply last year.",
            "indirect",
            "the ministry",
            "exports fell sharply last year",
        ),
        (
            "Senator Jones argued that the bill was “a disgrace to the whole chamber” on Monday.",
            "mixed",
            "Senator Jones",
            "that the bill was “a disgrace to the whole chamber” on Monday",
        ),
    ],
)
def test_who_said_what(text: str, kind: str, speaker: str, content: str, prepared: Prepare) -> None:
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert len(quotes) == 1
    (quote,) = quotes
    assert (quote.kind, quote.speaker, quote.span.of(text)) == (kind, speaker, content)
    assert quote.speaker_span is not None and quote.speaker_span.of(text) == speaker


def test_a_name_read_as_a_verb_still_speaks(prepared: Prepare) -> None:
    """The tagger reads "Trump" as the verb here; the actor's name makes it a speaker, and
    "this week" says when, not who."""
    text = "Donald Trump spoke on Monday. Trump this week also said he would name a new judge."
    quotes, _terms, _warnings, names = run(prepared, text)
    [quote] = [q for q in quotes if "new judge" in q.text]
    assert quote.speaker == "Trump"
    assert names[quote.speaker_actor_id] == "Donald Trump"


def test_a_run_of_quotations_under_a_lead_in_is_its_speakers(prepared: Prepare) -> None:
    text = (
        "Ana Berg gave an interview on Monday. Berg spoke only in vague slogans.\n\n"
        "\u201cWe have to do something about the river and fix it soon.\u201d "
        "\u201cWe have to be a lot tougher with the builders than before.\u201d"
    )
    quotes, _terms, _warnings, names = run(prepared, text)
    assert len(quotes) == 2
    assert [names.get(q.speaker_actor_id or "") for q in quotes] == ["Ana Berg", "Ana Berg"]


def test_a_quoted_title_between_two_quotations_does_not_part_them(prepared: Prepare) -> None:
    text = (
        "\u201cWe will win this vote,\u201d Ana Berg said on the radio show \u201cMorning "
        "Desk.\u201d \u201cThe others have no plan at all for the town.\u201d"
    )
    quotes, _terms, _warnings, names = run(prepared, text)
    [joined] = [q for q in quotes if "no plan" in q.text]
    assert "We will win" in joined.text
    assert names[joined.speaker_actor_id or ""] == "Ana Berg"


@pytest.mark.parametrize(("opening", "closing"), [("\u201c", "\u201d"), ("''", "''")])
def test_a_quotation_after_the_speakers_own_sentence_is_theirs_whole(
    opening: str, closing: str, prepared: Prepare
) -> None:
    """'"A," said X of the group, a company. "B."': B is X's words, not a report holding X
    (the parse may hang B's opening mark on the sentence before)."""
    text = (
        f"Markets fell in Lisbon on Tuesday.\n\n{opening}There is a growing sense that leaders "
        f"have lost control,{closing} said Rui Mota of the Tagus Group, a consulting company. "
        f"{opening}Combined, these fears will shape the vote.{closing}"
    )
    quotes, _terms, _warnings, names = run(prepared, text)
    assert not [q.text for q in quotes if "Rui Mota" in q.text and q.kind != "direct"]
    [last] = [q for q in quotes if "Combined" in q.text]
    assert names[last.speaker_actor_id or ""] == "Rui Mota"


def test_pronoun_speaker_resolves_to_earlier_person(prepared: Prepare) -> None:
    text = "Maria Lopez visited the factory on Monday.\n\n“We will keep every job here,” she said."
    quotes, _terms, _warnings, names = run(prepared, text)
    (quote,) = quotes
    assert quote.speaker == "she" and names[quote.speaker_actor_id] == "Maria Lopez"


def test_scare_quotes_are_terms_not_quotes(prepared: Prepare) -> None:
    text = "The so-called “peace plan” was met with “disbelief” in the capital."
    quotes, terms, _warnings, _names = run(prepared, text)
    assert quotes == ()
    assert [t.text for t in terms] == ["peace plan", "disbelief"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "”” “ ” “",
        '"He said "what" and "why',
        "“Open quote that never closes\n\nand a paragraph\n\n“and another",
        "said said said: “ ” “”",
        "\n\n\n",
        "“" * 200,
    ],
)
def test_odd_input_never_raises(text: str, prepared: Prepare) -> None:
    quotes, _terms, warnings, _names = run(prepared, text)
    for quote in quotes:
        assert 0 <= quote.span.start <= quote.span.end <= len(text)
    assert all(w.stage == "quotes" for w in warnings)


@pytest.mark.skipif(not SHOWCASE.exists(), reason="../shared is absent")
def test_showcase_acceptance() -> None:
    """Every direct quotation of the showcase has the right speaker; reported statements are
    indirect; no scare-quoted term is a quote."""
    from presslens import nlp
    from presslens.ingest import load
    from presslens.stages.entities import find_actors

    article = load(SHOWCASE)
    doc = nlp.parse(article.text)
    actors = find_actors(article, doc)
    quotes, terms, _warnings, _stances = find_quotes(article, doc, actors)
    text = article.text
    names = {a.id: a.name for a in actors}

    def quote_with(fragment: str) -> Quote:
        found = [q for q in quotes if fragment in q.span.of(text)]
        assert found, f"no quote holds {fragment!r}"
        return found[0]

    def who(quote: Quote) -> str:
        return names.get(quote.speaker_actor_id) or quote.speaker or ""

    expected_direct = [
        ("divvy up", "Trump"),
        ("Seizing the remainder of Donetsk", "ISW"),
        ("Our troops have the strategic initiative", "Putin"),
        ("defend the Russian speaking population", "Lavrov"),
        ("Each day it becomes more and more evident", "Dugin"),
        ("For security guarantees to offer", "Director of the Minsk Dialogue Council"),
    ]
    for fragment, speaker in expected_direct:
        quote = quote_with(fragment)
        assert quote.kind in ("direct", "mixed"), fragment
        assert speaker in who(quote), (fragment, who(quote))

    expected_indirect = [
        ("Russian fossil fuel export revenues", "CREA"),
        ("EU imports of Russian fossil fuels", "CREA"),
        ("will get him a place in heaven", "Trump"),
        ("no US troops will participate", "Trump"),
        ("all US and EU sanctions are lifted", "Kremlin"),
        ("a task for the UN Security Council", "Kremlin"),
    ]
    for fragment, speaker in expected_indirect:
        quote = quote_with(fragment)
        assert quote.kind == "indirect", fragment
        assert speaker in who(quote), (fragment, who(quote))

    quoted_texts = [q.span.of(text) for q in quotes if q.kind != "indirect"]
    term_texts = {t.text for t in terms}
    scare_quoted = ("the bottom line", "Coalition of the willing", "no limits", "wokeness")
    for term in (*scare_quoted, "respect", "black-hundred", "swapping of territories"):
        assert term in term_texts
        assert not any(f"“{term}”" in quoted for quoted in quoted_texts), term
    # the second "divvy up", with no speaker near it, is an echo: a term
    assert sum(q.span.of(text).strip("“”") == "divvy up" for q in quotes) == 1


def test_stances_reach_the_dossier() -> None:
    """The pipeline puts the stances beside the quotes, and the JSON keeps its schema."""
    import json
    from importlib import resources

    import jsonschema

    import presslens

    text = (
        "Maria Lopez and Tom Ray said that wages must rise. Tom Ray declined to comment on "
        "the plant. Maria Lopez could say that the plant will close."
    )
    dossier = presslens.analyse(text)
    assert [q.speaker for q in dossier.quotes] == ["Maria Lopez and Tom Ray"]
    quote = dossier.quotes[0]  # actors come from the entities stage: only their links are ours
    assert quote.speaker_actor_ids[:1] == (
        (quote.speaker_actor_id,) if quote.speaker_actor_id else ()
    )
    assert [s.kind for s in dossier.stances] == ["refusal", "hypothetical"]
    schema = json.loads(resources.files("presslens").joinpath("dossier.schema.json").read_text())
    jsonschema.validate(json.loads(dossier.to_json()), schema)


@pytest.mark.parametrize(
    "text",
    [
        '"I stand by it," the senator told reporters when asked if he still trusts Roe.',
        "Asked about the delay, Anna Berg said the vote would happen in May.",
        # the tagger reads "Asked" opening the sentence as a past tense here
        "Asked what a fair settlement would be, Ana Berg replied: \u201cWe are still far "
        "apart.\u201d",
    ],
)
def test_a_question_put_to_someone_is_not_their_words(text: str, prepared: Prepare) -> None:
    quotes, _, _, _ = run(prepared, text)
    assert not any(q.cue.lower() == "asked" for q in quotes)
    assert len(quotes) == 1


def test_a_state_of_mind_in_a_participle_is_still_the_subjects(prepared: Prepare) -> None:
    article, doc, actors = prepared("Worried that prices would rise, the union asked for talks.")
    quotes, _, _, stances = find_quotes(article, doc, actors)
    found = [a for a in (*quotes, *stances) if a.cue.lower() == "worried"]
    assert [a.speaker for a in found] == ["the union"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Anna Berg talked about immigration at the rally.", "talked"),
        ("Tom Ray was responding to a message from the mayor.", "responding"),
        # a topic with clauses of its own is still a topic
        ("Anna Berg talked about the many things her father had come to believe.", "talked"),
        ("Tom Ray focused on the housing crisis shortly after taking office.", "focused"),
    ],
)
def test_what_words_were_about_is_a_stance_not_a_quote(
    text: str, cue: str, prepared: Prepare
) -> None:
    article, doc, actors = prepared(text)
    quotes, _, _, stances = find_quotes(article, doc, actors)
    assert not any(q.cue == cue for q in quotes)
    assert [s.kind for s in stances if s.cue == cue] == ["stance"]


def test_a_denial_of_a_named_thing_stays_a_quote(prepared: Prepare) -> None:
    quotes, _, _, _ = run(prepared, "The mayor denied the allegations on Monday.")
    assert [q.cue for q in quotes] == ["denied"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor called for higher spending on schools that serve poor children.", "called"),
        ("Anna Berg talked about how the system is rigged against workers.", "talked"),
    ],
)
def test_a_demand_or_a_clause_after_a_preposition_stays_a_quote(
    text: str, cue: str, prepared: Prepare
) -> None:
    quotes, _, _, _ = run(prepared, text)
    assert [q.cue for q in quotes] == [cue]


def test_a_quoted_title_is_a_term_not_a_quote(prepared: Prepare) -> None:
    text = (
        "On Tuesday's episode of \u201cThe Steve Harvey Morning Show,\u201d Anna Berg said "
        "the plan would pass."
    )
    quotes, terms, _, _ = run(prepared, text)
    assert not any("Morning Show" in q.text for q in quotes)
    assert any(t.text.startswith("The Steve Harvey Morning Show") for t in terms)


def test_an_inline_heading_before_a_colon_is_no_speaker(prepared: Prepare) -> None:
    text = (
        "The assembly met on Monday.\n\n"
        "Veto Power Impedes Peace Efforts: Ending war is one of the first goals of the body.\n\n"
        "Jane Roe: We will not give up on it."
    )
    quotes, _, _, _ = run(prepared, text)
    assert [(q.speaker, q.text) for q in quotes] == [("Jane Roe", "We will not give up on it.")]


def test_the_writers_lets_is_no_attribution(prepared: Prepare) -> None:
    text = "Rather than moralize about taxes, let's focus on understanding how companies save."
    quotes, _, _, _ = run(prepared, text)
    assert quotes == ()


def speaker_names(prepared: Prepare, text: str) -> list[str | None]:
    quotes, _terms, _warnings, names = run(prepared, text)
    return [names.get(q.speaker_actor_id or "") for q in quotes]


def test_a_role_phrase_opened_by_its_determiner_is_resolved(prepared: Prepare) -> None:
    text = (
        "Hillary Clinton spoke in Ohio on Monday. Clinton met voters.\n"
        "The former secretary of state and current Democratic presidential nominee said she"
        " wanted to speak directly to voters."
    )
    assert speaker_names(prepared, text) == ["Hillary Clinton"]


@pytest.mark.parametrize(
    ("verb", "speaker"),
    [("published", "Brennan Center"), ("conducted", "Brennan Center"), ("cited", None)],
)
def test_the_report_is_its_publishers_words(
    verb: str, speaker: str | None, prepared: Prepare
) -> None:
    text = (
        f"The Brennan Center {verb} the study in March. The Brennan Center is in New York.\n"
        "The report said that Apple holds $214.9 billion offshore."
    )
    assert speaker_names(prepared, text)[-1] == speaker


def test_a_that_clause_after_a_long_aside_is_what_the_cue_reports(prepared: Prepare) -> None:
    text = (
        "Donald Trump spoke in Ohio on Monday.\n"
        "The Republican nominee continues to insist, most recently in a Labor Day interview"
        " with ABC News, that he really, really wants to release his taxes."
    )
    quotes, _terms, _warnings, names = run(prepared, text)
    [quote] = quotes
    assert quote.cue == "insist" and names[quote.speaker_actor_id or ""] == "Donald Trump"
    assert quote.text.startswith("that he really, really wants")


def test_two_quoted_fragments_of_one_clause_are_one_quote(prepared: Prepare) -> None:
    text = (
        "Voters in Nevada seem less engaged. Michael Green, associate professor of history at"
        ' the University of Nevada-Las Vegas, said places such as Iowa and New Hampshire "have'
        ' more of a historical resonance," while "Nevada is more of a newcomer."\n\n'
        "Not only are the caucuses more than two months away, no one knows the field."
    )
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert len(quotes) == 1
    assert quotes[0].text.endswith('"Nevada is more of a newcomer."')


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # a second attribution in the sentence ends the first one's content
        (
            "Maria Lopez said the plant would close in May, but she denied that she had sold it.",
            ["the plant would close in May", "that she had sold it"],
        ),
        (
            "Maria Lopez said the plant would close in May, adding that the town would suffer.",
            ["the plant would close in May", "that the town would suffer"],
        ),
        # ... but not a relative clause, which still belongs to what the first one said
        (
            "Maria Lopez cited her records from July, which showed that she was fit.",
            ["her records from July, which showed that she was fit", "that she was fit"],
        ),
    ],
)
def test_a_second_attribution_ends_the_first(
    text: str, contents: list[str], prepared: Prepare
) -> None:
    quotes, _, _, _ = run(prepared, text)
    assert [q.text for q in quotes] == contents


def test_a_cue_in_a_clause_of_time_reports_nothing_of_the_sentence(prepared: Prepare) -> None:
    # "after Anna Berg stated ..." says when Ray spoke, not that Berg said his words
    text = (
        "“The deals cannot be ended at will,” company spokesman Tom Ray told the Daily Courier "
        "in July, after Mayor Anna Berg stated an interest in ending the deals."
    )
    quotes, _, _, names = run(prepared, text)
    quoted = [q for q in quotes if q.text.startswith("“The deals")]
    assert [(q.cue, names.get(q.speaker_actor_id or "")) for q in quoted] == [("told", "Tom Ray")]


@pytest.mark.parametrize("that_is", ["That’s", "That's", "This is"])
def test_that_is_according_to_someone_reports_the_sentence_before(
    that_is: str, prepared: Prepare
) -> None:
    text = (
        "Most drivers in Kent want a new bypass around the town. "
        f"{that_is} according to a survey carried out for the county council by Field Research.\n"
        f"{that_is} according to the survey. Drivers were asked in May."
    )
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert [(q.cue, q.text) for q in quotes] == [
        ("according to", "Most drivers in Kent want a new bypass around the town")
    ]


def test_a_quoted_word_inside_a_reported_clause_makes_one_record(prepared: Prepare) -> None:
    text = (
        "One video shows the candidate at home. Another notes her summer job after college in "
        'Maine "shucking" clams, or opening the shells with a knife. Another shows her dog.'
    )
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert [(q.kind, q.cue, q.text) for q in quotes] == [
        (
            "mixed",
            "notes",
            'her summer job after college in Maine "shucking" clams, or opening the shells with '
            "a knife",
        )
    ]


def test_words_a_quote_holds_are_not_also_a_term() -> None:
    from presslens import analyse

    text = (
        'Convention parties\n\n"Perpetual motion!" Rep. Glenn Thompson, R-Pa., said of the '
        "swirl of convention activities. The parties went on late into the night across the "
        "city, as they do every four years.\n"
    )
    dossier = analyse(text)  # the accurate mode: its tagger takes what the rules left a term
    quoted = [q.span for q in dossier.quotes]
    assert not [t for t in dossier.terms if any(span.contains(t.span) for span in quoted)]


def test_a_credit_line_reports_no_ones_words(prepared: Prepare) -> None:
    from presslens.stages.entities.junk import credit_lines
    from presslens.stages.quotes.context import Attribution
    from presslens.stages.quotes.stage import in_credit_line

    text = (
        "The harbour bill has drawn criticism from several quarters this spring. Mayor Ann "
        "Bell has said she wants to see the bill move forward.\n\n"
        "Okafor reported from Fresno, Calif.; Lindqvist, from Washington.\n"
    )
    _article, doc, _actors = prepared(text)
    lines = credit_lines(text, doc)
    assert [line.of(text).strip() for line in lines] == [
        "Okafor reported from Fresno, Calif.; Lindqvist, from Washington."
    ]
    cue = text.index("reported")
    credit = Attribution("indirect", Span(cue + 9, len(text) - 1), Span(cue, cue + 8), 0, None, 1)
    said = text.index("said")
    words = Attribution("indirect", Span(said + 5, said + 20), Span(said, said + 4), 0, None, 1)
    assert in_credit_line(credit, lines) and not in_credit_line(words, lines)


def test_what_was_said_stops_before_the_next_cues_auxiliary(prepared: Prepare) -> None:
    text = (
        "The harbour bill has drawn criticism from several quarters this spring. Mayor Ann "
        "Bell has expressed concerns but has said she wants to see the bill move forward."
    )
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert [(q.cue, q.text) for q in quotes] == [
        ("expressed", "concerns"),
        ("said", "she wants to see the bill move forward"),
    ]


def test_a_name_heading_the_next_paragraph_is_no_empty_quote(prepared: Prepare) -> None:
    text = (
        "Ann Bell:\n\nA few weeks before the state primary, the Hale campaign says it will not "
        "debate. Ann Bell runs the Hale campaign in the north. Reporters asked again on Monday."
    )
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert [(q.cue, q.text) for q in quotes] == [("says", "it will not debate")]


def test_a_claim_in_the_writers_gloss_is_its_own_attribution(prepared: Prepare) -> None:
    text = (
        "Dayton police released video on Monday of last week's shooting. Video shows that Ray "
        "Moss had his hands in the air, contradicting Dayton police's earlier claim that Moss "
        "had refused to keep his hands up. He did not have a weapon."
    )
    quotes, _terms, _warnings, _names = run(prepared, text)
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Video", "shows", "that Ray Moss had his hands in the air"),
        ("Dayton police", "claim", "that Moss had refused to keep his hands up"),
    ]


def test_reported_words_that_say_nothing_are_no_quote() -> None:
    from presslens import analyse

    text = (
        "Columnist David Brooks said on Friday that Senator Marco Rubio had a good night. "
        "Rubio thanked him later. The senator denied it again on Monday. Brooks said so too."
    )
    dossier = analyse(text)  # the accurate mode: its tagger took "so too" for what was said
    assert [q.text for q in dossier.quotes] == ["that Senator Marco Rubio had a good night"]


def test_a_quotation_inside_a_speakers_mixed_clause_is_not_listed_again() -> None:
    text = (
        "Ada Quill held a rally in Dayton on Monday. Reprising one of her own favorite lines, the "
        "former governor talked about continuing the “progress we made under Governor Pike” and "
        "her commitment “to do everything we possibly can not to let the other side take it "
        "away.”\n\nTo be clear, the crowd was small."
    )
    quotes = presslens.analyse(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("mixed", "the former governor")]


def test_a_quotation_naming_its_own_speaker_does_not_continue_the_one_before() -> None:
    from presslens import analyse

    text = (
        "Governor Paul Brenner spoke in Dayton after the storm. Brenner said that the city "
        "had lost its nerve: “Dayton is no longer Dayton,” he claimed.\n\n“Dayton will always "
        "be Dayton,” an angry Mayor Nora Quist retaliated. The council backed her."
    )
    (quote,) = [q for q in analyse(text).quotes if "always" in q.text]
    assert "no longer" not in quote.text
    assert quote.speaker is not None and "Nora Quist" in quote.speaker


def test_a_cue_inside_a_quotation_does_not_take_it_from_the_cue_outside() -> None:
    text = (
        '"We will make it clear that it is far too late for the old guard and all of its '
        'candidates. We need change," Lopez told us.'
    )
    quotation = Span(0, text.index(" Lopez"))
    inner = Span(text.index("that it is"), text.index(" We need"))
    outer = Span(text.index("We need"), text.index(',"'))
    make_it_clear = Span(text.index("make it clear"), text.index(" that it"))
    told = Span(text.index("told"), text.index(" us"))
    nested = Attribution("indirect", inner, make_it_clear, 3, None, 0.8)
    outside = Attribution("indirect", outer, told, 20, None, 0.8)
    assert stage.covering([nested, outside], quotation) is None  # the quotation stands alone
    assert stage.covering([nested], Span(inner.start - 2, inner.end)) is nested


def test_a_content_holding_its_own_speaker_is_no_attribution() -> None:
    text = "Roe castigated the council for exploiting the fears of families who lost jobs."
    content = Span(text.index("families"), len(text) - 1)
    families = Speaker(Span(content.start, content.start + 8), 8, "families", None)
    fears = Span(text.index("fears"), text.index(" of families"))
    item = Attribution("indirect", content, fears, 6, families, 0.8)
    assert stage.speaker_inside(item)
    roe = Speaker(Span(0, 3), 0, "Roe", None)
    assert not stage.speaker_inside(replace(item, speaker=roe))


def test_a_participle_naming_a_title_says_nothing() -> None:
    lexicon = load_lexicon()
    model = get_model()
    doc = model('Titled "A Very Long Winter," the short video pans across a town hall.')
    assert naming(doc[0], lexicon)
    doc = model('The mayor titled his speech "A Very Long Winter" and read it aloud.')
    assert not naming(doc[2], lexicon)


def test_two_shares_reporting_side_by_side_are_two_attributions() -> None:
    text = (
        "A survey of young voters\n\n"
        "The survey of 1,200 young voters was taken in March. It is on social issues that they "
        "lean left: 44% say they're liberal, 31% call themselves conservative on questions "
        "including housing and schools. The rest had no view.\n"
    )
    dossier = presslens.analyse(text)
    said = {(q.speaker, q.text) for q in dossier.quotes}
    assert ("44%", "they're liberal") in said
    assert ("31%", "themselves conservative on questions including housing and schools") in said


def test_a_day_after_speak_on_is_when_not_what() -> None:
    text = (
        "Cole on the floods\n\n"
        "Mayor Dana Cole spoke on Monday. Cole spoke on the floods too, and she said the "
        "town would rebuild.\n"
    )
    dossier = presslens.analyse(text)
    said = [q.text for q in dossier.quotes + dossier.stances]
    assert "Monday" not in said
    assert "the floods too" in said or any(t.startswith("the floods") for t in said)


def test_a_retort_shot_back_is_said_by_its_subject() -> None:
    text = (
        "The debate\n\n"
        "Senator Ruth Ames and Governor Paul Dane met on Thursday. Dane spoke first. Ames shot "
        'back, "Governor Dane called them out. Oh my goodness, they must have been crushed by '
        'that." Dane fired back, "That is not true at all, and you know it."\n'
    )
    dossier = presslens.analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    heard = {(q.cue, names.get(q.speaker_actor_id or "")) for q in dossier.quotes}
    assert ("shot back", "Ruth Ames") in heard
    assert ("fired back", "Paul Dane") in heard
