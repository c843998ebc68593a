"""presslens.fastparse: the sped-up attribute ruler and lemmatizer give spaCy's own output."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language

from presslens import nlp
from presslens.nlp import fastparse
from presslens.settings import Settings

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

# Sentences that reach each kind of pattern of en_core_web_sm's attribute ruler: exact tag and
# form, IN lists, NOT_IN, a regex, two-token rules ("gon na", "let 's", "ai n't", "y' all"),
# dependency-dependent rules ("it" as subject and object, "there is"), whitespace tokens, and
# lemmas of base forms, irregular verbs, proper nouns and numbers.
SENTENCES = [
    "I ain't gonna tell you, and y'all know it.",
    "Let's go: we gotta leave before nothin' happens.",
    "There is a report that the ministers were meeting, but they didn't.",
    "It rained.  She gave it to me while the children ran home,\n\nthough it was late.",
    "Which of these does he have? He has had 12 meetings and got 3.5 million votes.",
    "The Kremlin's forces advanced 50 meters a day, according to ISW.",
    "Is it true? C'mon, whether or not he's right, I'm certain we've won.",
]


@pytest.fixture(scope="module")
def models() -> tuple[Language, Language]:
    settings = Settings()
    stock = nlp.load_stock_model(settings.model, settings.fallback_model)
    fast = nlp.load_stock_model(settings.model, settings.fallback_model)
    changed = fastparse.speed_up(fast)
    assert changed == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    return stock, fast


def test_same_annotations_as_spacy(models: tuple[Language, Language]) -> None:
    stock, fast = models
    for _ in range(2):  # the second pass reads the lemma cache
        for ours, theirs in zip(fast.pipe(SENTENCES), stock.pipe(SENTENCES), strict=True):
            assert np.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS)), ours.text
            assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
            assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_networks_multiply_through_numpy_and_the_stock_model_keeps_blis(
    models: tuple[Language, Language],
) -> None:
    stock, fast = models
    for name in ("tok2vec", "parser", "ner"):
        ours = {node.ops.use_blis for node in fast.get_pipe(name).model.walk()}
        theirs = {node.ops.use_blis for node in stock.get_pipe(name).model.walk()}
        assert ours == {False}, name
        assert theirs == {True}, name


def test_same_vectors_as_spacy(models: tuple[Language, Language]) -> None:
    stock, fast = models
    text = " ".join(SENTENCES)
    ours, theirs = fast(text), stock(text)
    # not bitwise: BLIS and OpenBLAS sum in their own orders; the decisions above are identical
    assert np.allclose(ours.tensor, theirs.tensor, atol=1e-4)


def test_matcher_finds_what_spacy_finds(models: tuple[Language, Language]) -> None:
    stock, fast = models
    for doc in stock.pipe(SENTENCES, disable=["attribute_ruler", "lemmatizer", "ner"]):
        ours = fast.get_pipe("attribute_ruler").match(doc)
        assert ours == stock.get_pipe("attribute_ruler").match(doc)
        assert ours, "every sentence matches some rule"


def test_two_token_and_regex_rules_apply(models: tuple[Language, Language]) -> None:
    _, fast = models
    doc = next(fast.pipe(["I ain't sure, y'all."]))
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be"
    assert lemmas["y'"] == "you"


def test_unsupported_patterns_keep_spacys_matcher() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"TAG": "RB"})
    spacys_match = ruler.match
    assert fastparse.speed_up(blank) == ["attribute_ruler"]  # the array writer only
    assert ruler.match == spacys_match
    assert isinstance(ruler.set_annotations, fastparse.ArrayWriter)
    assert [t.tag_ for t in blank("a very very good day")] == ["", "RB", "RB", "", ""]
    with pytest.raises(fastparse.Unsupported):
        fastparse.IndexedMatcher(ruler)


def ruler_models(patterns: list[tuple[list, dict, int]]) -> tuple[Language, Language]:
    """Two blank pipelines with one attribute ruler of these (pattern, attrs, index) rows:
    spaCy's as shipped, and sped up."""
    models = []
    for _ in range(2):
        blank = spacy.blank("en")
        ruler = blank.add_pipe("attribute_ruler")
        for pattern, attrs, index in patterns:
            ruler.add([pattern], attrs, index=index)
        models.append(blank)
    fastparse.speed_up(models[1])
    return models[0], models[1]


# (text, [(pattern, attrs, index)]): later rules overwrite earlier ones on the same token;
# a negative index counts from the match's end
WRITES = [
    ("gon na go", [([{"LOWER": "gon"}, {"LOWER": "na"}], {"LEMMA": "to", "POS": "PART"}, -1)]),
    (
        "the data is the data",
        [
            ([{"LOWER": "data"}], {"TAG": "NNS", "MORPH": "Number=Plur"}, 0),
            ([{"LOWER": "the"}, {"LOWER": "data"}], {"TAG": "NN"}, 1),
            ([{"LOWER": "is"}], {"LEMMA": "be", "DEP": "ROOT"}, 0),
        ],
    ),
    ("nothing here", [([{"LOWER": "nothing"}], {"POS": "PRON"}, 0)]),
    ("no match", [([{"LOWER": "absent"}], {"POS": "PRON"}, 0)]),
]


@pytest.mark.parametrize(("text", "patterns"), WRITES)
def test_array_writer_writes_what_spacy_writes(text: str, patterns: list) -> None:
    stock, fast = ruler_models(patterns)
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    assert isinstance(fast.get_pipe("attribute_ruler").set_annotations, fastparse.ArrayWriter)
    ours, theirs = fast(text), stock(text)
    assert np.array_equal(ours.to_array(columns), theirs.to_array(columns))
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_array_writer_raises_as_spacy_does_for_a_target_outside_the_match() -> None:
    stock, fast = ruler_models([([{"LOWER": "a"}], {"TAG": "DT"}, 2)])
    for model in (stock, fast):
        with pytest.raises(ValueError, match="E1001"):
            model("a cat")


def test_lemma_lists_become_sets_with_the_same_members(models: tuple[Language, Language]) -> None:
    stock, fast = models
    ours = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    theirs = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for pos, words in theirs.items():
        assert isinstance(ours[pos], frozenset)
        assert ours[pos] == set(words)


def test_presslens_parses_with_the_faster_components() -> None:
    model = nlp.get_model()
    assert isinstance(model.get_pipe("attribute_ruler").match, fastparse.IndexedMatcher)


def test_lemma_caches_stay_bounded(
    monkeypatch: pytest.MonkeyPatch, models: tuple[Language, Language]
) -> None:
    stock, fast = models
    monkeypatch.setattr(fastparse, "LEMMA_CACHE_LIMIT", 5)
    lemmatizer = fast.get_pipe("lemmatizer")
    cached = lemmatizer.pipe.__self__
    longest = 0
    for ours, theirs in zip(fast.pipe(SENTENCES), stock.pipe(SENTENCES), strict=True):
        longest = max(longest, len(ours))
        assert len(cached.cache) <= 5 + longest
        assert len(lemmatizer.cache) <= 5 + longest
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_the_entity_recogniser_takes_its_tok2vec_run_ahead_and_finds_the_same() -> None:
    model = nlp.get_model()
    tok2vec = fastparse.own_lexical_tok2vec(model.get_pipe("ner"))
    assert tok2vec is not None and id(tok2vec) in fastparse.REAL_FORWARD
    assert fastparse.own_lexical_tok2vec(model.get_pipe("parser")) is None  # a listener
    text = " ".join(SENTENCES) + " Anna de Vries met Olaf Scholz in Rotterdam on Monday."
    started: list[object] = []

    def counted(call, *args):  # type: ignore[no-untyped-def]
        job = nlp.Ahead(call, *args)
        started.append(job)
        return job

    doc = nlp.prepare(text)
    jobs = fastparse.start_ahead(model, doc, counted)
    assert jobs == started and len(jobs) == 1 and fastparse.AHEAD_KEY in doc.user_data
    ahead = next(model.pipe([doc], batch_size=1))
    assert fastparse.AHEAD_KEY not in ahead.user_data  # taken by the recogniser
    plain = next(model.pipe([nlp.prepare(text)], batch_size=1))
    assert np.array_equal(ahead.to_array(ATTRS), plain.to_array(ATTRS))
    assert [(e.text, e.label_) for e in ahead.ents] == [(e.text, e.label_) for e in plain.ents]
    whole = nlp.parse(text)
    assert np.array_equal(whole.to_array(ATTRS), plain.to_array(ATTRS))
    assert fastparse.AHEAD_KEY not in whole.user_data
