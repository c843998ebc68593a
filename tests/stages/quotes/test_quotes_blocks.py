"""Block quotations (`presslens.stages.quotes.blocks`): a paragraph ending with a speaker, a
reporting verb and a colon makes the next paragraph, set apart without quotation marks, that
speaker's words; a cue inside the block is the speaker's own telling. Invented texts, a headline
line first, through `analyse()`."""

from __future__ import annotations

import presslens

BLOCK = (
    "It is typical of her. She knows nothing, but the mouth never stops. The same way, as you "
    "very aptly pointed out, Laura, people jumped to conclusions."
)


def quotes_of(text: str) -> list[tuple[str, str | None, list[str]]]:
    dossier = presslens.analyse(text)
    names = {a.id: a.name for a in dossier.actors}
    return [(q.text, q.cue, [names[i] for i in q.speaker_actor_ids]) for q in dossier.quotes]


def test_a_paragraph_after_a_speaker_and_a_colon_is_the_speakers() -> None:
    text = (
        "Governor slams rival\n\n"
        "Governor Chris Christie spoke on Fox News on Monday night. The governor added:\n\n"
        f"{BLOCK}\n\nThe interview ended soon after."
    )
    assert quotes_of(text) == [(BLOCK, "added", ["Chris Christie"])]


def test_a_colon_after_no_reporting_verb_makes_no_block() -> None:
    text = (
        "Governor slams rival\n\n"
        "Governor Chris Christie spoke on Fox News on Monday night. Here is the list:\n\n"
        "Schools, roads and bridges will all be fixed by the end of the year.\n\n"
        "The interview ended soon after."
    )
    assert quotes_of(text) == []


def test_a_lead_in_joined_to_a_first_report_makes_a_block() -> None:
    text = (
        "Governor slams rival\n\n"
        "Governor Chris Christie said that he would say more soon, and added:\n\n"
        "Schools, roads and bridges will all be fixed by the end of the year.\n\n"
        "The interview ended soon after."
    )
    block = "Schools, roads and bridges will all be fixed by the end of the year."
    assert (block, "added", ["Chris Christie"]) in quotes_of(text)


def test_a_quoted_paragraph_after_the_colon_is_read_once() -> None:
    text = (
        "Governor slams rival\n\n"
        "Governor Chris Christie spoke on Fox News on Monday night. The governor added:\n\n"
        "“Schools, roads and bridges will all be fixed by the end of the year.”\n\n"
        "The interview ended soon after."
    )
    assert len(quotes_of(text)) == 1


def test_a_noun_of_speech_given_before_the_colon_makes_a_block() -> None:
    """'the Times gave Clinton a glowing endorsement:': the paragraph after it is the paper's
    words, speech whatever the noun (an endorsement is a stance only without them)."""
    text = (
        "Paper backs Clinton\n\n"
        "PolitiFact is run by the Tampa Bay Times. During the primaries, the Times gave Clinton "
        "a glowing endorsement:\n\n"
        "She has long been a persuasive advocate for women and families. She knows the gritty "
        "specifics of health care policy.\n\n"
        "The paper has not endorsed anyone since."
    )
    block = (
        "She has long been a persuasive advocate for women and families. She knows the gritty "
        "specifics of health care policy."
    )
    assert (block, "gave Clinton a glowing endorsement", ["Tampa Bay Times"]) in quotes_of(text)


def test_a_block_puts_no_one_further_back() -> None:
    """The sentences of a block are quoted words: after it, "it" is still the paper that
    gave them, as after a quotation in marks."""
    text = (
        "Paper backs Clinton\n\n"
        "PolitiFact is run by the Tampa Bay Times. During the primaries, the Times gave Clinton "
        "a glowing endorsement:\n\n"
        "She has long been a persuasive advocate for women and families. She knows the gritty "
        "specifics of health care policy. She is a planner and a leader. She has refined "
        "positions. She has shown her skill as a negotiator.\n\n"
        "Meanwhile, it attacked Donald Trump, saying he has offended voters with his insults."
    )
    assert ("he has offended voters with his insults", "saying", ["Tampa Bay Times"]) in quotes_of(
        text
    )


ACCORDING_LEAD = (
    "Charity under scrutiny\n\n"
    "The Acme Foundation says it spends little on overheads.\n\n"
    "According to Jane Roe, writing for the Courier:\n\n"
    "The Acme Foundation received as much as $26 million in payments it never disclosed, the "
    "Daily Ledger reported last week.\n"
)


def test_a_block_after_according_to_is_that_writers() -> None:
    dossier = presslens.analyse(ACCORDING_LEAD)
    names = {a.id: a.name for a in dossier.actors}
    block = next(q for q in dossier.quotes if q.text.startswith("The Acme Foundation received"))
    assert (block.cue, names.get(block.speaker_actor_id or "")) == ("According to", "Jane Roe")
    # the lead-in alone is no words of hers
    assert not any(q.text.startswith("writing for") for q in dossier.quotes)


def test_a_report_told_in_a_block_is_listed_inside_it() -> None:
    dossier = presslens.analyse(ACCORDING_LEAD)
    names = {a.id: a.name for a in dossier.actors}
    block = next(q for q in dossier.quotes if q.cue == "According to")
    (inner,) = [q for q in dossier.quotes if q.within == block.id]
    assert (inner.cue, names.get(inner.speaker_actor_id or "")) == ("reported", "Daily Ledger")
