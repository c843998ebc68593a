"""Language processing shared by every stage: the one spaCy parse (parser), in bounded pieces
for long or hostile texts (pieces), its speed-ups (fastparse), giving memory back (memory), the
time limit on an article's analysis (deadline), a call run ahead in a thread (ahead), numpy's
BLAS threads (threads) and static sentence embeddings (embeddings).

`nlp.parse(text)` and `nlp.get_model()` are the calls most code needs.
"""

from presslens.nlp.ahead import Ahead
from presslens.nlp.deadline import Deadline, TimeLimit
from presslens.nlp.encoder import SentenceVectors, encode_sentences
from presslens.nlp.memory import give_back_memory
from presslens.nlp.parser import (
    BATCH_TOKENS,
    MODEL_KEY,
    fits_one_piece,
    get_model,
    load_model,
    load_stock_model,
    model_id,
    model_id_of,
    parse,
    parse_many,
    prepare,
    text_of,
    transient,
)
from presslens.nlp.pieces import cut_notes, prefix_end
from presslens.nlp.threads import one_blas_thread, parse_blas_threads

__all__ = [
    "Ahead",
    "BATCH_TOKENS",
    "MODEL_KEY",
    "Deadline",
    "SentenceVectors",
    "TimeLimit",
    "cut_notes",
    "encode_sentences",
    "fits_one_piece",
    "give_back_memory",
    "prefix_end",
    "get_model",
    "load_model",
    "load_stock_model",
    "model_id",
    "model_id_of",
    "one_blas_thread",
    "parse_blas_threads",
    "parse",
    "parse_many",
    "prepare",
    "text_of",
    "transient",
]
