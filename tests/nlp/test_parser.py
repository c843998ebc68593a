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
