"""`figures.stage.read_text`: the stage's first pass, read from the characters alone (the
pipeline reads it during the parse), gives the figures of a reading inside the stage, and a
reading of another text is not used."""

from presslens.stages.figures import extract_figures, stage

TEXT = (
    "Prices rose 3% in 2024, to $4.5 billion. The port handled 440 million tonnes, "
    "up from 12,000 in 1990, and tripled its staff to 300 people."
)


def test_a_reading_of_the_text_gives_the_same_figures() -> None:
    read = stage.read_text(TEXT)
    assert read.text == TEXT and read.drafts
    assert extract_figures(TEXT, read=read) == extract_figures(TEXT)


def test_the_reading_is_used(monkeypatch) -> None:
    read = stage.read_text(TEXT)
    monkeypatch.setattr(stage, "read_figures", lambda *a, **kw: ([], []))  # a reading here: none
    assert extract_figures(TEXT, read=read) and not extract_figures(TEXT)


def test_a_reading_of_another_text_is_not_used() -> None:
    other = stage.read_text("It has 12 sheep and 3 goats.")
    assert extract_figures(TEXT, read=other) == extract_figures(TEXT)


def test_a_reading_without_mentions_does_not_serve_a_call_with_them() -> None:
    text = "The dollar fell against the euro, by 2%."
    with_mentions = extract_figures(text, mentions=True)
    assert len(with_mentions) > len(extract_figures(text))
    assert extract_figures(text, mentions=True, read=stage.read_text(text)) == with_mentions
