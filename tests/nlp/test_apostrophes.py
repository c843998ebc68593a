"""Typographic apostrophes inside words: the model reads them straight, the doc keeps the
article's own characters."""

from __future__ import annotations

from presslens import analyse, nlp
from presslens.nlp.apostrophes import straighten

TEXT = (
    "Talk radio and the race\n\nBill O\u2019Reilly said on Monday that the race was over. "
    "After a while, D\u2019Souza replied that it wasn\u2019t."
)


def test_straighten_keeps_every_offset() -> None:
    text = "O\u2019Reilly\u2019s \u2018view\u2019 isn\u2019t new."
    assert straighten(text) == "O'Reilly's \u2018view\u2019 isn't new."
    assert len(straighten(text)) == len(text)


def test_the_doc_keeps_the_articles_characters() -> None:
    doc = nlp.parse(TEXT)
    assert doc.text == TEXT
    assert nlp.text_of(doc) == TEXT
    names = [(e.text, e.label_) for e in doc.ents]
    assert ("Bill O\u2019Reilly", "PERSON") in names


def test_a_name_with_a_typographic_apostrophe_is_a_speaker() -> None:
    dossier = analyse(TEXT)
    names = {a.id: a.name for a in dossier.actors}
    speakers = [names.get(q.speaker_actor_id or "") for q in dossier.quotes]
    assert speakers[0] == "Bill O'Reilly"
    assert "D'Souza" in names.values()


def test_a_batch_parse_keeps_each_articles_characters() -> None:
    docs = list(nlp.parse_many([TEXT, "Plain text, no apostrophe."]))
    assert [doc.text for doc in docs] == [TEXT, "Plain text, no apostrophe."]
    assert any(e.text == "Bill O\u2019Reilly" for e in docs[0].ents)


BAR = (
    "Senate debates the bill\n\n"
    "Senator Ann Roe \u2015 who spoke for an hour on Monday \u2015 said the bill would fail."
)


def test_a_horizontal_bar_is_read_as_an_em_dash_and_kept() -> None:
    assert straighten("A \u2015 B") == "A \u2014 B"
    assert nlp.parse(BAR).text == BAR


def test_a_speaker_before_an_aside_set_off_by_horizontal_bars_is_named() -> None:
    dossier = analyse(BAR)
    names = {a.id: a.name for a in dossier.actors}
    assert [names.get(q.speaker_actor_id or "") for q in dossier.quotes] == ["Ann Roe"]
