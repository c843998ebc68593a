"""The corpus schema, one text for SQLite and PostgreSQL with the few words that differ filled in.

The dossier JSON is the record (`articles.dossier`); every other table is derived from it for
browsing and search, and is written in the same transaction as the article, so a killed ingest
leaves either the whole article or nothing.
"""

from __future__ import annotations

SCHEMA_VERSION = "6"  # 2: actors.key and quotes.speaker_key (corpus actor keys)
# 3: articles.date_key (the date a search sorts by: published, else added)
# 4: factchecks (verified claims to match against, corpus/factchecks.py); an older store gets
#    the table when it is next opened, as every table here is created if it does not exist
# 5: claims.vector and claims.encoder (each claim's sentence vector, made once when claims are
#    first grouped: corpus/claimgroups.py); an older store gains the columns, empty, when opened
# 6: quotes.within (a report inside a report: the id of the quote whose words hold it, in the
#    same article); an older store gains the column, filled from its stored dossiers, when opened

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  id {id}, sha256 TEXT NOT NULL UNIQUE, input_id TEXT, uri TEXT, kind TEXT,
  title TEXT, byline TEXT, published TEXT, language TEXT,
  word_count INTEGER NOT NULL DEFAULT 0, reading_time_minutes {real} NOT NULL DEFAULT 0,
  excerpt TEXT, n_actors INTEGER NOT NULL DEFAULT 0, n_quotes INTEGER NOT NULL DEFAULT 0,
  n_figures INTEGER NOT NULL DEFAULT 0, n_claims INTEGER NOT NULL DEFAULT 0,
  n_sources INTEGER NOT NULL DEFAULT 0, n_warnings INTEGER NOT NULL DEFAULT 0,
  dossier TEXT NOT NULL, ingested_at TEXT NOT NULL, date_key TEXT
);
CREATE TABLE IF NOT EXISTS errors (
  id {id}, key TEXT NOT NULL UNIQUE, input_id TEXT, uri TEXT, reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
  article_id {ref}, actor_id TEXT, name TEXT NOT NULL, type TEXT, mentions INTEGER NOT NULL,
  key TEXT
);
CREATE TABLE IF NOT EXISTS quotes (
  article_id {ref}, quote_id TEXT, kind TEXT, text TEXT, speaker TEXT, speaker_actor_id TEXT,
  start_char INTEGER, end_char INTEGER, confidence {real}, speaker_key TEXT, within TEXT
);
CREATE TABLE IF NOT EXISTS figures (
  article_id {ref}, figure_id TEXT, text TEXT, value {real}, low {real}, high {real}, unit TEXT,
  kind TEXT, bound TEXT, change TEXT, period TEXT, concept TEXT,
  start_char INTEGER, end_char INTEGER
);
CREATE TABLE IF NOT EXISTS claims (
  article_id {ref}, claim_id TEXT, text TEXT, score {real}, rank INTEGER,
  start_char INTEGER, end_char INTEGER, sources TEXT, actors TEXT, quote_id TEXT,
  vector {blob}, encoder TEXT
);
CREATE TABLE IF NOT EXISTS sources (
  article_id {ref}, source_id TEXT, name TEXT NOT NULL, kind TEXT, actor_id TEXT,
  n_claims INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS factchecks (
  id {id}, key TEXT NOT NULL UNIQUE, claim TEXT NOT NULL, verdict TEXT, url TEXT,
  published TEXT, publisher TEXT, title TEXT, origin TEXT, imported_at TEXT NOT NULL,
  vector {blob}, encoder TEXT
);
CREATE INDEX IF NOT EXISTS actors_article ON actors (article_id);
CREATE INDEX IF NOT EXISTS actors_name ON actors (lower(name));
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (lower(speaker));
CREATE INDEX IF NOT EXISTS figures_article ON figures (article_id);
CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id);
CREATE INDEX IF NOT EXISTS sources_article ON sources (article_id);
CREATE INDEX IF NOT EXISTS sources_name ON sources (lower(name));
"""

# Columns added after version 1, with the indexes that need them: a store made by version 1 gets
# them (and their values, from the stored dossiers) when it is next opened. A type in braces is
# one of the words below that differ between the backends (`column_type`).
ADDED_COLUMNS = (
    ("actors", "key", "TEXT"),
    ("quotes", "speaker_key", "TEXT"),
    ("articles", "date_key", "TEXT"),
    ("claims", "vector", "{blob}"),
    ("claims", "encoder", "TEXT"),
    ("quotes", "within", "TEXT"),
)
ADDED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS actors_key ON actors (key)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_key ON quotes (speaker_key)",
    # also finds, at every opening, the rows still without a date key (Store.fill_date_keys)
    "CREATE INDEX IF NOT EXISTS articles_date_key ON articles (date_key)",
)

SQLITE_WORDS = {
    "id": "INTEGER PRIMARY KEY AUTOINCREMENT",
    "real": "REAL",
    "ref": "INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE",
    "blob": "BLOB",
}
POSTGRES_WORDS = {
    "id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    "real": "DOUBLE PRECISION",
    "ref": "BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE",
    "blob": "BYTEA",
}

# Full-text search over article text (with title), quotes and claims: one row per searchable
# piece. SQLite's porter stemmer and PostgreSQL's english config both stem, so the same words
# find the same rows (PostgreSQL also drops stop words).
SQLITE_SEARCH = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
  kind UNINDEXED, article_id UNINDEXED, ref UNINDEXED, speaker UNINDEXED, body,
  tokenize = 'porter unicode61'
);
"""
POSTGRES_SEARCH = """
CREATE TABLE IF NOT EXISTS search_index (
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, ref TEXT, speaker TEXT, body TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
);
CREATE INDEX IF NOT EXISTS search_tsv ON search_index USING GIN (tsv);
CREATE INDEX IF NOT EXISTS search_article ON search_index (article_id);
"""


def column_type(kind: str, dialect: str) -> str:
    """An ADDED_COLUMNS type in the words of `sqlite` or `postgres`."""
    return kind.format(**(SQLITE_WORDS if dialect == "sqlite" else POSTGRES_WORDS))


def statements(dialect: str) -> list[str]:
    """The DDL for `sqlite` or `postgres`, one statement per item."""
    words = SQLITE_WORDS if dialect == "sqlite" else POSTGRES_WORDS
    search = SQLITE_SEARCH if dialect == "sqlite" else POSTGRES_SEARCH
    text = TABLES.format(**words) + search
    return [part.strip() for part in text.split(";") if part.strip()]
