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
    Column("active", Boolean, nullable=False, server_default="true"),  # false once deleted
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("format", Text, nullable=False, server_default="standard"),  # standard|alertmanager|pagerduty|slack
    Column("routing_key", Text),  # PagerDuty Events v2 integration key (format pagerduty)
    Column("enabled", Boolean, nullable=False, server_default="true"),  # paused by its owner or by delivery
    Column("disabled_reason", Text),
    Column("disabled_at", DateTime(timezone=True)),
    # during a secret rotation's overlap every notice carries a signature with each secret
    Column("previous_secret", Text),
    Column("previous_secret_expires_at", DateTime(timezone=True)),
    Column("consecutive_failures", Integer, nullable=False, server_default="0"),
    Column("failing_since", DateTime(timezone=True)),  # the first failure since the last success
    Column("last_success_at", DateTime(timezone=True)),
    Column("circuit_open_until", DateTime(timezone=True)),  # no attempt is claimed for it before then
    Column("rate_limit_per_s", Double),  # None: the service's default
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
    Index("ix_alert_deliveries_subscription_due", "subscription_id", "next_attempt_at",
          postgresql_where="status = 'pending'"),
)

# Every attempt, for the delivery log (per delivery, per subscription); test notices have no delivery.
delivery_attempts = Table(
    "delivery_attempts", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("delivery_id", UUID(as_uuid=True), ForeignKey(deliveries.c.id, ondelete="CASCADE")),
    Column("subscription_id", UUID(as_uuid=True), ForeignKey(subscriptions.c.id, ondelete="CASCADE"),
           nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("latency_ms", Double, nullable=False),
    Column("status_code", Integer),
    Column("error", Text),
    Column("response", Text),  # the start of the receiver's answer
    Column("test", Boolean, nullable=False, server_default="false"),
    Index("ix_alert_delivery_attempts_delivery", "delivery_id", "id"),
    Index("ix_alert_delivery_attempts_subscription", "subscription_id", "id"),
)

outbox = outbox_table(metadata, SCHEMA)
