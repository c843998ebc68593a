"""presslens.nlp: the parse's memory is given back after a transient block."""

from __future__ import annotations

from presslens import nlp
from presslens.settings import Settings


def test_transient_block_forgets_its_new_words_and_keeps_the_model_working() -> None:
    settings = Settings()
    model = nlp.get_model(settings)
    with nlp.transient(settings):
        doc = nlp.parse("The Zorblaxian envoy met Qwyllentor on Monday.", settings)
        assert doc[1].text == "Zorblaxian"
        assert "Qwyllentor" in model.vocab.strings
    assert "Qwyllentor" not in model.vocab.strings
    assert [t.text for t in nlp.parse("The envoy left.", settings)] == ["The", "envoy", "left", "."]


# texts whose line breaks fall in space tokens, at the start and end, next to punctuation
# runs and inside long chunks (presslens.nlp.pieces cuts both)
LINE_BREAK_TEXTS = [
    "One.\nTwo.\n\nThree",
    "\nStarts with a break.\r\nThen Windows.  \n  Indented.\n",
    "A rule\n" + "=" * 40 + "\nand after it.",
    "x" * 450 + "\nNext line " + "y" * 300 + "\n",
    "No break at all.",
    "",
]


def test_sentence_starts_follow_every_line_break() -> None:
    for text in LINE_BREAK_TEXTS:
        doc = nlp.prepare(text)
        assert doc.text == text
        holding = [t.i for t in doc if "\n" in t.text_with_ws]
        assert nlp.parser.line_break_tokens(doc, text) == holding, repr(text)
        assert all(doc[i + 1].is_sent_start for i in holding if i + 1 < len(doc))
