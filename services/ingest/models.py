"""Tables owned by ingest (schema `ingest`)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, MetaData, Table, Text, func

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
)

outbox = outbox_table(metadata, SCHEMA)
