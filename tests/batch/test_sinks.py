"""Batch Parquet output as a pandas user reads it: typed, nested columns beside the dossier JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.batch.sinks import ParquetSink
from presslens.batch.work import Row
from presslens.model import Actor, Article, Claim, Dossier, Quote, Source, Span

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

TEXT = 'Jane Smith said "the harbour opens in May". The port authority agrees.'


def dossier() -> Dossier:
    quoted = TEXT.index('"the')
    article = Article(TEXT, title="Harbour “opens”", published="Tue, 05 Mar 2024 10:30:00 +0100")
    return Dossier(
        article,
        word_count=12,
        actors=(Actor("a1", "Jane Smith", "PERSON", ("Smith",), (Span(0, 10),)),),
        quotes=(
            Quote(
                "q1", "direct", TEXT[quoted : TEXT.index("May") + 4], Span(quoted, 43), cue="said"
            ),
        ),
        claims=(Claim("c1", TEXT, Span(0, len(TEXT)), 0.8, 1, source_ids=("s1",)),),
        sources=(Source("s1", "port authority", "organisation", claim_ids=("c1",)),),
    )


def test_parquet_rows_have_nested_typed_columns(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    sink = ParquetSink(out, resume=False)
    ok = Row("a.txt", "a.txt", "ok", dossier=dossier().to_json(indent=None), sha256="k")
    failed = Row("b.txt", "b.txt", "error", stage="ingest", message="empty")
    sink.write([ok, failed])
    sink.close()
    frame = pd.read_parquet(out).set_index("id")
    assert frame.loc["a.txt", "title"] == "Harbour “opens”"
    assert str(frame["published"].dtype) == "datetime64[us, UTC]"
    assert frame.loc["a.txt", "published"] == pd.Timestamp("2024-03-05T09:30:00Z")
    actors = list(frame.loc["a.txt", "actors"])
    assert actors[0]["name"] == "Jane Smith" and list(actors[0]["aliases"]) == ["Smith"]
    assert frame.loc["a.txt", "quotes"][0]["cue"] == "said"
    claim = frame.loc["a.txt", "claims"][0]
    assert list(claim["sources"]) == ["port authority"] and claim["rank"] == 1
    assert list(frame.loc["b.txt", "actors"]) == [] and frame.loc["b.txt", "status"] == "error"
    assert frame.loc["a.txt", "dossier"].startswith('{"schema": "presslens.dossier/1"')
    assert ParquetSink(out, resume=True).existing_ids() == {"a.txt", "b.txt"}


@pytest.mark.parametrize(
    ("out", "store"),
    [
        ("corpus.db", True),
        ("corpus.sqlite", True),
        ("sqlite:///corpus.sqlite", True),
        ("postgresql+psycopg://u@h/db", True),
        ("out.parquet", False),
        ("out.jsonl", False),
    ],
)
def test_batch_output_is_a_store_for_every_store_location_form(out: str, store: bool) -> None:
    from presslens.batch.sinks import is_store_url

    assert is_store_url(out) is store
