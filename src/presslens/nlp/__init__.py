"""Language processing shared by every stage: the one spaCy parse (parser), its speed-ups
(fastparse), giving memory back (memory) and static sentence embeddings (embeddings).

`nlp.parse(text)` and `nlp.get_model()` are the calls most code needs.
"""

from presslens.nlp.parser import (
    BATCH_TOKENS,
    MODEL_KEY,
    get_model,
    load_model,
    load_stock_model,
    model_id,
    model_id_of,
    parse,
    parse_many,
    prepare,
    transient,
)

__all__ = [
    "BATCH_TOKENS",
    "MODEL_KEY",
    "get_model",
    "load_model",
    "load_stock_model",
    "model_id",
    "model_id_of",
    "parse",
    "parse_many",
    "prepare",
    "transient",
]
