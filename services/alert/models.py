"""Tables owned by alert (schema `alert`).

An alert IS an incident (issue 9): one facility within a grouping window. `alerts` keeps its name (the public API
says /v1/alerts); the articles that joined it are in `incident_articles`, the notices due to subscribers in
`notices` (one delivery row per matching subscription references its notice), every change in `incident_events`
(the SSE stream's replay record, in commit order) and the silences in `silences`.
"""

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
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from shared.outbox import outbox_table

SCHEMA = "alert"
metadata = MetaData(schema=SCHEMA)

alerts = Table(
    "alerts", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    # Insertion order, for "alerts after this one": timestamps tie within a transaction.
    Column("seq", BigInteger, Identity(), nullable=False),
    # sha256(group key + the opening article): stable for the incident's life (PagerDuty dedup_key)
    Column("fingerprint", Text, nullable=False, unique=True),
    Column("article_id", Text, nullable=False),  # the article that opened the incident
    Column("facility_id", Text, nullable=False),
    Column("facility_name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("country", Text),
    Column("lat", Double),
    Column("lon", Double),
    Column("status", Text, nullable=False, server_default="firing"),  # firing|acknowledged|resolved
    # The incident as last changed (services.alert.notice.NoticeIncident as JSON); pre-incident rows: AlertRaised.
    Column("payload", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # --- incident (issue 9) ---
    # "<facility|spike>:<facility id>" while articles may join; NULL once the window closed or it resolved.
    # Unique among open incidents: concurrent replicas INSERT ... ON CONFLICT on it and meet on one row.
    Column("group_key", Text),
    Column("rule", Text, nullable=False, server_default="legacy"),
    Column("severity", Text, nullable=False, server_default="info"),
    Column("spike", Boolean, nullable=False, server_default="false"),
    Column("silenced", Boolean, nullable=False, server_default="false"),
    Column("confidence", Double, nullable=False, server_default="0"),  # the best facility mention's
    Column("labels", JSONB, nullable=False, server_default="{}"),
    Column("policy", JSONB, nullable=False, server_default="{}"),  # the rule's timings and corroboration
    Column("first_seen", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("last_seen", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("window_ends_at", DateTime(timezone=True)),  # articles join until then
    Column("article_count", Integer, nullable=False, server_default="0"),
    Column("sources", JSONB, nullable=False, server_default="[]"),
    Column("languages", JSONB, nullable=False, server_default="[]"),
    Column("event_types", JSONB, nullable=False, server_default="[]"),  # strongest first
    Column("actors", JSONB, nullable=False, server_default="[]"),
    Column("acknowledged_at", DateTime(timezone=True)),
    Column("resolved_at", DateTime(timezone=True)),
    Column("notified_at", DateTime(timezone=True)),  # the last notice
    Column("notified_kind", Text),
    Column("notified_count", Integer, nullable=False, server_default="0"),  # article_count at the last notice
    Column("notified_severity", Text),
    Column("next_check_at", DateTime(timezone=True)),  # when the scheduler looks at it again (NULL: never)
    Column("version", Integer, nullable=False, server_default="0"),  # one per change: event ids
    Index("ix_alert_alerts_created_at", "created_at"),
    Index("uq_alert_alerts_open_group", "group_key", unique=True, postgresql_where=text("group_key IS NOT NULL")),
    Index("ix_alert_alerts_next_check", "next_check_at", postgresql_where=text("next_check_at IS NOT NULL")),
    Index("ix_alert_alerts_facility", "facility_id", "first_seen"),
    UniqueConstraint("seq", name="uq_alert_alerts_seq"),
)

incident_articles = Table(
    "incident_articles", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("alert_id", UUID(as_uuid=True), ForeignKey(alerts.c.id, ondelete="CASCADE"), nullable=False),
    Column("group_kind", Text, nullable=False),  # facility|spike
    Column("facility_id", Text, nullable=False),
    Column("article_id", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),  # the outlet: the URL's domain, else the source given at ingest
    Column("lang", Text),
    Column("published_at", DateTime(timezone=True)),
    Column("evidence", Text, nullable=False),
    Column("surface", Text, nullable=False),
    Column("event_types", JSONB, nullable=False, server_default="[]"),
    Column("actors", JSONB, nullable=False, server_default="[]"),
    Column("joined_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # one article joins one incident per facility and kind: a re-delivered message changes nothing
    UniqueConstraint("group_kind", "facility_id", "article_id", name="uq_alert_incident_articles_article"),
    Index("ix_alert_incident_articles_alert", "alert_id", "joined_at"),
    Index("ix_alert_incident_articles_facility", "facility_id", "joined_at"),
    Index("ix_alert_incident_articles_article_id", "article_id"),  # ingest's article status reads by article
)

notices = Table(
    "notices", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("alert_id", UUID(as_uuid=True), ForeignKey(alerts.c.id, ondelete="CASCADE"), nullable=False),
    Column("kind", Text, nullable=False),  # firing|update|reminder|acknowledged|resolved|test
    Column("payload", JSONB, nullable=False),  # services.alert.notice.Notice.model_dump(mode="json")
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_alert_notices_alert", "alert_id", "created_at"),
    Index("ix_alert_notices_created_at", "created_at"),
)

incident_events = Table(
    "incident_events", metadata,
    Column("seq", BigInteger, Identity(), primary_key=True),  # commit order (advisory lock): the SSE event id
    Column("alert_id", UUID(as_uuid=True), ForeignKey(alerts.c.id, ondelete="CASCADE"), nullable=False),
    Column("change", Text, nullable=False),
    Column("payload", JSONB, nullable=False),  # the AlertChanged event as published
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_alert_incident_events_created_at", "created_at"),
)

silences = Table(
    "silences", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("matchers", JSONB, nullable=False),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True), nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("created_by", Text, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("expired_at", DateTime(timezone=True)),  # DELETE /v1/silences/{id}
    Index("ix_alert_silences_ends_at", "ends_at"),
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
    # The notice sent (its payload is the `data`); NULL only for deliveries made before incidents (AlertRaised).
    Column("notice_id", UUID(as_uuid=True), ForeignKey(notices.c.id, ondelete="CASCADE")),
    Column("subscription_id", UUID(as_uuid=True), ForeignKey(subscriptions.c.id, ondelete="CASCADE"),
           nullable=False),
    Column("status", Text, nullable=False, server_default="pending"),  # pending|succeeded|failed|cancelled
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("lease_until", DateTime(timezone=True)),
    Column("last_status_code", Integer),
    Column("last_error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("delivered_at", DateTime(timezone=True)),
    UniqueConstraint("notice_id", "subscription_id", name="uq_alert_deliveries_notice_subscription"),
    Index("ix_alert_deliveries_due", "next_attempt_at", postgresql_where="status = 'pending'"),
    Index("ix_alert_deliveries_alert", "alert_id"),
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
