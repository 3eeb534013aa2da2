"""Tables owned by enrich (schema `enrich`)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, MetaData, Table, Text, func
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA = "enrich"
metadata = MetaData(schema=SCHEMA)

article_annotations = Table(
    "annotations", metadata,
    Column("article_id", Text, primary_key=True),
    Column("engine_version", Text, nullable=False),
    Column("lang", Text, nullable=False),
    Column("alert", Boolean, nullable=False),
    Column("annotation", JSONB, nullable=False),
    Column("enriched_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
