"""Token columns read once (`nlp.columns`) and the paths built on them give what reading each
spaCy Token gives, on hand-built docs: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from presslens.nlp.columns import Columns, ents_kept, ents_of
from presslens.nlp.parser import TEXT_KEY, span_text
from presslens.stages.entities import junk, mentions
from presslens.stages.entities.rules import rules
from presslens.stages.quotes import reported
from presslens.stages.quotes.context import Context
from presslens.stages.reporting import load_lexicon

# word, lemma, tag, pos, head, dep, entity
ROWS = """
Officials official NNS NOUN 1 nsubj O
said say VBD VERB 1 ROOT O
that that IN SCONJ 8 mark O
Reuters Reuters NNP PROPN 8 nsubjpass B-ORG
, , , PUNCT 3 punct O
according accord VBG VERB 3 prep O
to to IN ADP 5 prep O
Mr. Mr. NNP PROPN 8 nsubj B-PERSON
Ray Ray NNP PROPN 8 nsubj I-PERSON
was be VBD AUX 10 auxpass O
accused accuse VBN VERB 1 ccomp O
. . . PUNCT 1 punct O
Their their PRP$ PRON 13 poss O
claim claim NN NOUN 16 nsubj O
is be VBZ AUX 16 cop O
confident confident JJ ADJ 16 acomp O
Made make VBD VERB 16 ROOT O
it it PRP PRON 18 nsubj O
clear clear JJ ADJ 16 ccomp O
Claims Claims NNPS PROPN 16 dobj B-GPE
SAID SAID NNP PROPN 16 dobj B-PERSON
"""
ATTRS = {LEMMA: "lemma_", TAG: "tag_", POS: "pos_", DEP: "dep_", LOWER: "lower_"}
ATTRS |= {ORTH: "orth_", ENT_IOB: "ent_iob_", ENT_TYPE: "ent_type_"}


def hand_doc() -> Doc:
    table = [line.split() for line in ROWS.strip().splitlines()]
    return Doc(
        spacy.blank("en").vocab,  # with the lexical attributes: lower_
        words=[row[0] for row in table],
        lemmas=[row[1] for row in table],
        tags=[row[2] for row in table],
        pos=[row[3] for row in table],
        heads=[int(row[4]) for row in table],
        deps=[row[5] for row in table],
        ents=[row[6] for row in table],
    )


def test_strings_are_what_each_token_gives() -> None:
    doc = hand_doc()
    columns = Columns.of(doc, list(ATTRS))
    for attr, name in ATTRS.items():
        assert columns.strings(attr) == [getattr(token, name) for token in doc], name


@pytest.mark.parametrize("attr", list(ATTRS))
def test_masks_are_the_token_tests(attr: int) -> None:
    doc = hand_doc()
    columns = Columns.of(doc, list(ATTRS))
    name = ATTRS[attr]
    for value in {getattr(token, name) for token in doc} | {"", "absent", "B", "NOUN"}:
        plain = [getattr(token, name) == value for token in doc]
        assert columns.equals(attr, value).tolist() == plain, (name, value)
        assert columns.where(attr, value.__eq__).tolist() == plain, (name, value)
    lowered = [getattr(token, name).lower() == getattr(token, name) for token in doc]
    assert columns.where(attr, lambda s: s.lower() == s).tolist() == lowered


def test_an_empty_doc_has_empty_columns() -> None:
    columns = Columns.of(Doc(Vocab(), words=[]), [LEMMA, POS])
    assert columns.strings(LEMMA) == []
    assert columns.where(LEMMA, lambda s: True).tolist() == []
    assert columns.equals(POS, "NOUN").tolist() == []


def context_of(doc: Doc) -> Context:
    return Context(doc, doc.text, load_lexicon(), (), [t.idx for t in doc], {})


def first_tests(token: Token, ctx: Context) -> bool:
    """The first test of each reader of `reported_speech`, on the spaCy token."""
    lexicon = ctx.lexicon
    lemma = token.lemma_.lower()
    noun = token.pos_ == "NOUN" and lemma in lexicon.nouns
    name = token.ent_iob_ == "B" and token.ent_type_ in ("PERSON", "ORG")
    adjective = token.pos_ == "ADJ" and token.dep_ == "acomp"
    participle = token.tag_ == "VBN"
    return (
        lemma in lexicon.verbs
        or lemma == "make"
        or token.lower_ == "according"
        or (noun or name or adjective or participle)
    )


def test_cue_tokens_are_the_tokens_passing_a_readers_first_test() -> None:
    doc = hand_doc()
    ctx = context_of(doc)
    expected = [token.i for token in doc if first_tests(token, ctx)]
    assert reported.cue_tokens(ctx) == expected
    assert {3, 5, 7, 10, 13, 15, 16, 20} <= set(expected)  # each reader's first test passes
    assert not {0, 2, 4, 11, 12, 17, 19} & set(expected)


def test_every_reader_finds_nothing_at_the_other_tokens() -> None:
    doc = hand_doc()
    ctx = context_of(doc)
    readers = (
        reported.verb_attribution,
        reported.made_clear,
        reported.passive_attribution,
        reported.told_by,
        reported.according_attribution,
        reported.noun_attribution,
        reported.headline_attribution,
        reported.adjective_attribution,
    )
    others = set(range(len(doc))) - set(reported.cue_tokens(ctx))
    assert others
    for i in sorted(others):
        assert all(reader(ctx, doc[i]) is None for reader in readers), doc[i].text


def plain_loud_tokens(doc: Doc) -> set[int]:
    """`junk.loud_tokens` as it read each spaCy token."""
    loud: set[int] = set()
    run: list[int] = []
    for token in [*doc, None]:
        if token is not None and "\n" not in token.text and (token.is_punct or token.like_num):
            continue
        if token is not None and token.is_space and "\n" not in token.text:
            continue
        if token is not None and token.is_upper and sum(c.isalpha() for c in token.text) >= 2:
            run.append(token.i)
            continue
        if len(run) >= junk.SHOUTED_RUN:
            loud.update(range(run[0], run[-1] + 1))
        run = []
    return loud


SHOUTED = [
    "IOWA POLLS NOT NECESSARILY WRONG\nHOLD ON , WE SAID\nA B C D\nsaid TRUMP 2016 WINS BIG",
    "DNC CHAIR - DEBBIE ... SCHULTZ RESIGNS",
    "US AP UN\n\nNATO SAID IT",
    "nothing loud here , AT ALL",
    "5. ELEVEN POLICE KILLED, DOZENS HURT\nONE TWO THREE FOUR\nI A US AP . NATO",  # numbers pass
    "",
]


@pytest.mark.parametrize("text", SHOUTED)
def test_loud_tokens_are_the_plain_readings(text: str) -> None:
    doc = spacy.blank("en")(text)
    assert junk.loud_tokens(doc) == plain_loud_tokens(doc)


def test_loud_tokens_find_runs_across_punctuation_not_line_breaks() -> None:
    doc = spacy.blank("en")(SHOUTED[1])
    assert junk.loud_tokens(doc) == set(range(len(doc)))
    doc = spacy.blank("en")("AB CD\nEF GH IJ")
    assert junk.loud_tokens(doc) == {3, 4, 5}


@pytest.mark.parametrize("kept", [True, False])
def test_text_after_is_the_following_tokens_joined(kept: bool) -> None:
    doc = spacy.blank("en")("Sen. Bernie Sanders (I-Vt.)  said:\n\nNavy Capt. Jeff Davis  ")
    if kept:
        doc.user_data[TEXT_KEY] = doc.text
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            for width in (0, 1, 6, 40):
                following = doc[end : end + width]
                plain = span[-1].whitespace_ + "".join(t.text_with_ws for t in following)
                assert junk.text_after(span, width) == plain


def test_ents_of_is_doc_ents_built_once_inside_the_block() -> None:
    doc, other = hand_doc(), hand_doc()
    assert ents_of(doc) == doc.ents and ents_of(doc) is not ents_of(doc)  # spaCy's, anew
    with ents_kept(doc):
        first = ents_of(doc)
        assert first == doc.ents and ents_of(doc) is first
        assert [e.label_ for e in first] == ["ORG", "PERSON", "GPE", "PERSON"]
        assert ents_of(other) == other.ents and ents_of(other) is not ents_of(other)
        with ents_kept(other):
            assert ents_of(other) is ents_of(other) and ents_of(doc) is not first
        assert ents_of(doc) is first
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    assert [e.label_ for e in ents_of(doc)] == ["NORP"]


@pytest.mark.parametrize("kept", [True, False])
def test_span_text_and_title_before_are_the_plain_readings(kept: bool) -> None:
    doc = spacy.blank("en")("Then Mrs. Doe met Sen. Bernie Sanders,  Gov. Li and Dr . Ray.\n\nMr.")
    if kept:
        doc.user_data[TEXT_KEY] = doc.text
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
        ent = doc[start : start + 1]
        assert mentions.title_before(ent) == plain_title_before(ent)
    assert [mentions.title_before(doc[i : i + 1]) for i in (2, 5, 10)] == ["Mrs.", "Sen.", "Gov."]


def plain_title_before(ent: Span) -> str:
    """`mentions.title_before` as it read the tokens and spans."""
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is None or not before.is_alpha and before.text[-1:] != ".":
        return ""
    for width in (2, 1):
        if ent.start >= width:
            words = ent.doc[ent.start - width : ent.start]
            found = rules().title_start.fullmatch(words.text.casefold() + " ")
            if found and words[0].text[:1].isupper():
                return words.text
    return ""


@pytest.mark.parametrize(
    "text", ["One.\nTwo words\n\nThree \n four", "\n\nA\n", "no break", "", "end\n"]
)
def test_prepare_starts_a_sentence_after_each_line_break_as_the_token_setter_does(
    text: str,
) -> None:
    from presslens.nlp import parser, pieces

    doc = parser.prepare(text)
    plain = pieces.tokenize(parser.get_model(), text)
    for i in parser.line_break_tokens(plain, text):
        if i + 1 < len(plain):
            plain[i + 1].is_sent_start = True
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in plain]
    assert doc.to_array([SENT_START]).tolist() == plain.to_array([SENT_START]).tolist()


def test_place_kinds_kept_are_the_kinds_looked_up() -> None:
    from presslens.stages import places

    fresh = places.load_places()
    names = ["Georgia", "New York", "the Netherlands", "the Hague", "Cook County", "Abilene"]
    names += ["Clinton", "Trump", "", "The Hague", "south carolina"]
    for name in names * 2:
        assert fresh.kind(name) == fresh.looked_up(name), name
    assert fresh.kind("Georgia") == "country" and fresh.kind("Trump") is None
    small = places.Places(frozenset({"France"}), frozenset(), frozenset(), {"Paris": 1})
    for n in range(places.KINDS_KEPT + 3):
        small.kind(f"Town {n}")
    assert len(small.kinds) <= places.KINDS_KEPT
    assert small.kind("France") == "country" and small.kind("Paris") == "city"


NUMBER_TEXTS = [
    "one and a half million people, 3/4 of them, ½ cup, tens of thousands of votes",
    "twenty-two, fifty - two, 1.5 billion, a hundred and three, point five, a - b",
    "which one do you want? two thirds, a third, seven million and a half, -5, 10^3, 22nd",
    "dozens of them, a dozen eggs, the hundred days; no figure at all here",
]


@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_read_number_reads_nothing_from_a_token_that_may_not_open_one(text: str) -> None:
    from presslens.stages.figures import numbers
    from presslens.stages.figures.tokens import tokenize

    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        if not numbers.may_open_number(token):
            assert numbers.read_number(tokens, i) is None, token.text
    assert any(not numbers.may_open_number(token) for token in tokens)
    assert numbers.find_numbers(text)
