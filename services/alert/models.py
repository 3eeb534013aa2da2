"""Tables owned by alert (schema `alert`)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from shared.outbox import outbox_table

SCHEMA = "alert"
metadata = MetaData(schema=SCHEMA)

alerts = Table(
    "alerts", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    # Insertion order, for "alerts after this one" (SSE Last-Event-ID): timestamps tie within a transaction.
    Column("seq", BigInteger, Identity(), nullable=False),
    Column("fingerprint", Text, nullable=False, unique=True),  # sha256(facility id + article id)
    Column("article_id", Text, nullable=False),
    Column("facility_id", Text, nullable=False),
    Column("facility_name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("country", Text),
    Column("lat", Double),
    Column("lon", Double),
    Column("status", Text, nullable=False, server_default="firing"),
    Column("payload", JSONB, nullable=False),  # the AlertRaised event as published
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_alert_alerts_created_at", "created_at"),
    UniqueConstraint("seq", name="uq_alert_alerts_seq"),
)

subscriptions = Table(
    "subscriptions", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("url", Text, nullable=False),
    # Standard Webhooks signs with the shared secret, so it must be kept readable (not hashed).
    Column("secret", Text, nullable=False),
    Column("filters", JSONB, nullable=False, server_default="{}"),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

deliveries = Table(
    "deliveries", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),  # also the webhook-id: constant across retries
    Column("alert_id", UUID(as_uuid=True), ForeignKey(alerts.c.id, ondelete="CASCADE"), nullable=False),
    Column("subscription_id", UUID(as_uuid=True), ForeignKey(subscriptions.c.id, ondelete="CASCADE"),
           nullable=False),
    Column("status", Text, nullable=False, server_default="pending"),  # pending|succeeded|failed
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("lease_until", DateTime(timezone=True)),
    Column("last_status_code", Integer),
    Column("last_error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("delivered_at", DateTime(timezone=True)),
    UniqueConstraint("alert_id", "subscription_id", name="uq_alert_deliveries_alert_subscription"),
    Index("ix_alert_deliveries_due", "next_attempt_at", postgresql_where="status = 'pending'"),
)

outbox = outbox_table(metadata, SCHEMA)
