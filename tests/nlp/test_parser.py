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


def test_on_sentences_sees_the_final_sentences_before_the_entities() -> None:
    text = "Anna de Vries spoke in Rotterdam. The strike ended.\n\nDock workers went back."
    seen: list[tuple[list[tuple[int, int]], bool]] = []

    def watch(doc) -> None:  # type: ignore[no-untyped-def]
        seen.append(([(s.start_char, s.end_char) for s in doc.sents], bool(doc.ents)))

    doc = nlp.parse(text, on_sentences=watch)
    plain = nlp.parse(text)
    assert seen == [([(s.start_char, s.end_char) for s in doc.sents], False)]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in plain.ents]
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_) for t in plain
    ]


def test_on_sentences_is_not_called_for_a_text_parsed_in_pieces() -> None:
    settings = Settings(parse_piece_chars=40)
    text = "The first paragraph is here.\n\nThe second one follows it.\n\nA third."
    seen: list[object] = []
    doc = nlp.parse(text, settings, on_sentences=seen.append)
    assert doc.text == text and not seen


def test_the_text_kept_with_a_parse_is_the_docs_text() -> None:
    from presslens.nlp.parser import TEXT_KEY, text_length

    paragraphs = ["The first paragraph is here.", "A row: " + "=" * 40 + " ends.", "Third.  "]
    text = "\n\n".join(paragraphs)
    settings = Settings(parse_piece_chars=40)
    docs = [
        nlp.parse(text),  # one piece
        nlp.parse(text, settings),  # in pieces, joined
        nlp.parse(text, settings, keep_going=lambda: False),  # a prefix
        nlp.prepare(text),
        nlp.parse(""),
    ]
    docs += list(nlp.parse_many(paragraphs))
    for doc in docs:
        assert TEXT_KEY in doc.user_data
        assert nlp.text_of(doc) == doc.text and text_length(doc) == len(doc.text)
    assert len(docs[2].text) < len(text)
    plain = nlp.get_model()("No text kept.")
    assert TEXT_KEY not in plain.user_data and nlp.text_of(plain) == plain.text


def test_ex_and_then_before_a_noun_modify_it() -> None:
    """'His ex-wife agreed': the noun is the subject and "his" is on it, not three subjects."""
    doc = nlp.parse("His ex-wife agreed. The then-senator said no.")
    wife = next(t for t in doc if t.lower_ == "wife")
    assert wife.dep_ == "nsubj" and [c.lower_ for c in wife.children] == ["his", "ex-"]
    senator = next(t for t in doc if t.lower_ == "senator")
    assert senator.dep_ == "nsubj" and "then-" in [c.lower_ for c in senator.children]
