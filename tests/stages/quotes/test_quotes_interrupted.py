"""Cues set inside the clause they report, and what a quotation, a question or a noun of
speech around a cue changes (invented texts, the real model)."""

from __future__ import annotations

from presslens import analyse
from tests.stages.quotes.conftest import actor_of_quote


def quote_with(text: str, words: str) -> str:
    dossier = analyse(text)
    return next(q.text for q in dossier.quotes if words in q.text)


def test_a_cue_hung_on_the_auxiliary_reports_the_whole_clause() -> None:
    """'These workers, Roe said, were well paid': the parse hangs the cue on "were"; what was
    said is the clause of "paid", its subject and its words after the cue."""
    text = "Pay row at the bank\n\nThese workers, Ann Roe said, were well paid by the bank.\n"
    content = quote_with(text, "workers")
    assert content.startswith("These workers") and "well paid by the bank" in content


def test_a_cue_made_root_keeps_the_noun_before_it() -> None:
    """'These employees, Roe explained earlier in the hearing, were well paid': the parse makes
    the cue the root, the noun before it loose and "were" a conjunct; the noun and that verb's
    words are what was said."""
    text = (
        "Pay row at the bank\n\nThese employees, Ann Roe explained earlier in the committee "
        "hearing, were well paid, making $30,000 a year.\n"
    )
    content = quote_with(text, "well paid")
    assert content.startswith("These employees") and "making $30,000" in content


def test_a_quoted_term_between_does_not_stop_the_speaker_going_on() -> None:
    """'"A" to lift the price, she said, referencing its drive to "cross-sell". "B"': a word
    in quotation marks between the paraphrase and the next quotation is a term, not another
    quotation; the quotation after it is still hers."""
    text = (
        "Senator grills bank chief\n\n"
        "Senator Ann Warren questioned the bank on Tuesday.\n\n"
        "“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” "
        "to drive up the stock price, she said, referencing the bank’s fierce drive to "
        "“cross-sell” or make customers open up more accounts. “You went on television to blame "
        "thousands of workers.”\n"
    )
    assert actor_of_quote(text, "went on television") == "Ann Warren"


def test_questioning_a_person_reports_nothing_said() -> None:
    """'questioned the bank chief on Tuesday': whom she asked, not what was said."""
    text = (
        "Senator grills bank chief\n\nSenator Ann Warren questioned the bank chief on Tuesday."
        "\n\nThe chief said the bank had fired its managers.\n"
    )
    assert not any("bank chief" in q.text for q in analyse(text).quotes)


def test_a_yes_no_question_asks_whether_it_was_said() -> None:
    """'But has he called for changing them?' asks; 'Why did Roe say ...?' takes for granted
    that she did."""
    text = (
        "Tax row grows\n\nSenator Tom Ray spoke in Ohio on Monday. But has he called for "
        "closing the loopholes that benefit him? Why did Ann Roe say the plan would fail?\n"
    )
    dossier = analyse(text)
    assert not any("loopholes" in q.text for q in dossier.quotes)
    assert any("loopholes" in s.text for s in dossier.stances)
    assert any("plan would fail" in q.text for q in dossier.quotes)


def test_a_possessed_noun_of_speech_inside_a_reply_speaks_for_its_owner() -> None:
    """'Biden responded to Mr. Trump's interjection that A': A is Trump's; Biden's reply is a
    stance on it."""
    text = (
        "Tax row grows\n\nVice President Joe Biden spoke to students on Friday. Biden responded "
        "to Donald Trump's interjection that not paying taxes made him smart.\n"
    )
    assert actor_of_quote(text, "not paying taxes") == "Donald Trump"


def speakers_of(text: str, words: str) -> list[str | None]:
    """The actor names of every quote holding `words`."""
    dossier = analyse(text)
    names = {actor.id: actor.name for actor in dossier.actors}
    return [names.get(q.speaker_actor_id or "") for q in dossier.quotes if words in q.text]


def test_a_noun_read_for_a_verb_does_not_take_the_quote() -> None:
    """'Ryan said the spate of shootings demands that ...': the parse reads "demands" as a noun
    with a clause; it owns nothing, so the words are Ryan's alone."""
    text = (
        "Charlotte struggles\n\nIn an interview on Sunday, House Speaker Paul Ryan said the "
        "recent spate of police shootings and protests demands that all Americans engage in "
        "more listening.\n"
    )
    assert speakers_of(text, "more listening") == ["Paul Ryan"]


def test_a_possessed_noun_without_a_clause_leaves_the_holder_alone() -> None:
    """'Clinton stressed her support of the raid': no words inside the noun, so the holder's
    attribution stands."""
    text = (
        "Candidates court veterans\n\nHillary Clinton spoke at a forum in New York.\n\n"
        "Clinton, the former secretary of State, stressed her support of the 2011 raid that "
        'killed 9/11 plotter Osama bin Laden during a "Commander-in-Chief Forum" sponsored by '
        "NBC News and said she "
        "has the essential quality for the job of president.\n"
    )
    assert speakers_of(text, "2011 raid") == ["Hillary Clinton"]


def test_the_one_acted_on_is_not_the_actor() -> None:
    """'Senator Ann Warren questioned the bank chief ... The chief said': the chief is the one
    she questioned, not the senator; no actor is named for him."""
    text = (
        "Senator grills bank chief\n\nSenator Ann Warren questioned the bank chief on Tuesday."
        "\n\nThe chief said the bank had fired its managers.\n"
    )
    assert actor_of_quote(text, "fired its managers") is None


def test_words_named_with_a_gap_are_not_given() -> None:
    """'the gap between what Trump says his plan would do and how experts say it would shape
    the law': the clauses name words without giving them; neither is a quote."""
    text = (
        "Tax claims\n\nThat sort of sharp difference between what Donald Trump says his tax "
        "plan would do and how experts say it would shape tax law has endured throughout the "
        "campaign.\n"
    )
    assert not analyse(text).quotes


def test_saying_before_a_passive_clause_is_its_subject() -> None:
    """'After saying her foot was swollen, she was taken to hospital': the one taken said it."""
    text = (
        "Clinton health\n\nHillary Clinton spoke on Monday.\n\nAfter saying her right foot was "
        "swollen, she was taken to the hospital for tests.\n"
    )
    assert actor_of_quote(text, "foot was swollen") == "Hillary Clinton"


def test_the_book_is_the_memoir_its_author_wrote() -> None:
    """'Mariano wrote a memoir ... "A," the book said': the book is her memoir; she speaks."""
    text = (
        "Doctor tells of secrecy\n\nDr. Connie Mariano served as the White House physician.\n\n"
        "Mariano wrote a memoir of her time at the White House.\n\n"
        "“Very few people knew of the clot at the time,” the book said.\n"
    )
    assert actor_of_quote(text, "Very few people") == "Connie Mariano"


def test_a_relative_word_stands_for_what_was_said() -> None:
    """'A, which the bank detailed in its filings': "which" is A, no gap."""
    text = (
        "Bank under fire\n\nCross-selling was a significant aspect of Wells Fargo’s retail "
        "banking strategy, which the bank detailed in Securities and Exchange Commission "
        "filings.\n"
    )
    assert any("Cross-selling" in q.text for q in analyse(text).quotes)


def test_a_shared_surname_goes_to_the_namesake_put_forward() -> None:
    """'Ray said' in a story of Tom Ray campaigning for his wife Ann Ray: the one the sentences
    before put forward, as for a "he"."""
    text = (
        "Tom Ray calls the health law a crazy system\n\n"
        "Former Governor Tom Ray criticized the health law during a campaign stop in Flint for "
        "his wife Ann Ray. Ann Ray is running for the Senate.\n\n"
        "During the rally Monday, the former governor said the law is causing premiums to rise.\n\n"
        "“It doesn’t make any sense. The insurance model doesn’t work here,” Ray said.\n"
    )
    assert actor_of_quote(text, "make any sense") == "Tom Ray"


def test_a_shared_surname_with_no_namesake_ahead_stays_unresolved() -> None:
    """'Tom Ray and Ann Ray spoke ... "A," Ray said': neither leads; no actor, never a guess."""
    text = (
        "The Rays campaign in Ohio\n\n"
        "Tom Ray and Ann Ray spoke at a rally in Flint on Monday.\n\n"
        "“It doesn’t make any sense,” Ray said.\n"
    )
    assert actor_of_quote(text, "make any sense") is None


def test_the_last_word_of_a_body_s_name_stands_for_it() -> None:
    """'the fund predicted' in a story of the Global Recovery Fund: "fund" is no role, but the
    one body whose name ends in it is meant."""
    text = (
        "Global Recovery Fund cuts its forecast\n\n"
        "The Global Recovery Fund announced Tuesday that it is lowering its forecast.\n\n"
        "Overall, the fund predicted that advanced economies will grow 1.6 percent.\n"
    )
    assert actor_of_quote(text, "advanced economies") == "Global Recovery Fund"


def test_a_pronoun_owned_noun_inside_a_report_is_the_holder_s_own() -> None:
    """'Woods shared her belief that A': "her" is Woods herself; the report stays hers, not
    the last woman named."""
    text = (
        "Widow defends Trump\n\n"
        "Ghazala Khan stood beside her husband at the convention in July.\n\n"
        "Regarding Trump’s rhetoric following Khizr Khan’s speech at last month’s Democratic "
        "National Convention, Dorothy Woods shared her belief that none of it was beyond the "
        "pale.\n"
    )
    assert speakers_of(text, "beyond the pale") == ["Dorothy Woods"]


def test_a_gerund_after_by_is_not_the_passive_subject_s() -> None:
    """'How many can be added by threatening to slap tariffs?': the one threatening is not
    "how many"."""
    text = (
        "Steel jobs\n\nThere are only 300,000 steel workers in the United States. How many can "
        "be added by threatening to slap tariffs on imports of Chinese steel?\n"
    )
    assert not any(q.speaker == "How many" for q in analyse(text).quotes)


def test_a_when_clause_of_saying_is_a_report_of_its_own() -> None:
    """'Flynn said Trump was "absolutely right" when he said that A': Flynn's words end before
    "when"; A is Trump's, "he" the subject of the clause the "when" clause follows."""
    text = (
        "Flynn backs Trump\n\n"
        "Retired General Michael Flynn said Donald Trump was “absolutely right” when he said "
        "Wednesday night that under President Barack Obama, “the generals have been reduced to "
        "rubble.”\n"
    )
    assert speakers_of(text, "reduced to rubble") == ["Donald Trump"]
    assert speakers_of(text, "absolutely right") == ["Michael Flynn"]


def test_a_book_title_before_the_cue_is_not_what_was_said() -> None:
    """'In his 2002 book, "Make Your Kid a Millionaire," Mr. Roe suggested looking at ...': the
    title is a work's name; what he suggested is the gerund after the cue."""
    text = (
        "College savings\n\nKevin Roe is a financial planner in Wisconsin. In his 2002 book, "
        "''Make Your Kid a Millionaire,'' Mr. Roe suggested looking at the things on your credit "
        "card statement every month.\n"
    )
    contents = [q.text for q in analyse(text).quotes if q.cue == "suggested"]
    assert contents and contents[0].startswith("looking at the things")


DONATIONS = (
    "Donations probed\n\n"
    "An Istanbul-based college professor, accused by the Turkish government of coordinating "
    "last month's failed coup attempt, is at the center of a group of suspicious contributions "
    "in 2014 to a super PAC supporting Democratic nominee Hillary Clinton, {cue}.\n\n"
    "He was detained, and he said he was shocked.\n"
)


def test_a_document_s_verb_after_the_clause_reports_it() -> None:
    """'A, a USA TODAY analysis shows.': the analysis's finding, as "A, the senator said" is
    the senator's words; the white space ending the paragraph, which the parse hangs on the
    sentence's root, does not stretch what was said past its speaker."""
    text = DONATIONS.format(cue="a USA TODAY analysis shows")
    assert speakers_of(text, "college professor") == ["USA TODAY"]
