"""Tables owned by ingest (schema `ingest`)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Double,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from shared.outbox import outbox_table

SCHEMA = "ingest"
metadata = MetaData(schema=SCHEMA)

articles = Table(
    "articles", metadata,
    Column("id", Text, primary_key=True),  # natural id: hash of the canonical URL, else of the content
    Column("url", Text),
    Column("canonical_url", Text, unique=True),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("lang", Text),
    Column("source", Text),
    Column("published_at", DateTime(timezone=True)),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # issue 11
    Column("lang_detected", Boolean, nullable=False, server_default="false"),  # lang was detected, not given
    Column("near_duplicate_of", Text),  # the first article of the same story (MinHash), if any
    Column("similarity", Double),  # estimated Jaccard similarity to near_duplicate_of
    Column("minhash", LargeBinary),  # the MinHash signature (uint32 x NUM_PERM): verifies LSH candidates
    Column("feed_id", UUID(as_uuid=True)),  # the feed the article came from, if any
)

# MinHash LSH bands: one row per (band, band hash) of each article with a signature. A new article's
# candidates are the articles that share any band with it (index look-ups, no scan).
minhash_bands = Table(
    "minhash_bands", metadata,
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Column("article_id", Text, nullable=False),
    PrimaryKeyConstraint("hash", "band", "article_id", name="pk_ingest_minhash_bands"),
)

feeds = Table(
    "feeds", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("interval_s", Integer, nullable=False),
    Column("lang", Text),
    Column("source", Text),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # poller state
    Column("next_fetch_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("lease_until", DateTime(timezone=True)),  # a replica's claim on the feed while it polls it
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch_at", DateTime(timezone=True)),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("errors_in_row", Integer, nullable=False, server_default="0"),
    Column("items_seen", BigInteger, nullable=False, server_default="0"),
    Column("articles_new", BigInteger, nullable=False, server_default="0"),
    Column("not_modified", BigInteger, nullable=False, server_default="0"),  # 304 answers counted
    Column("fetches", BigInteger, nullable=False, server_default="0"),
    Index("ix_ingest_feeds_due", "next_fetch_at", postgresql_where="active"),
)

# Idempotency-Key: the first answer to a (key, api key) is kept and replayed for the same request.
idempotency = Table(
    "idempotency_keys", metadata,
    Column("principal", Text, nullable=False),  # the API key's hash: keys are per client
    Column("key", Text, nullable=False),
    Column("request_hash", Text, nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("response", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("principal", "key", name="pk_ingest_idempotency_keys"),
    Index("ix_ingest_idempotency_keys_created_at", "created_at"),
)

outbox = outbox_table(metadata, SCHEMA)
