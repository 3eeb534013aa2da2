"""The alert service's metrics. Prometheus naming (`raqib_alert_<thing>_<unit>`), no ids in labels.
The gauges read from PostgreSQL are sampled when Prometheus scrapes (`sample`, registered in main.py);
every replica reports the same figures (aggregate with `max`)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert.models import alerts, deliveries

ALERTS = Counter("raqib_alert_incidents_opened_total", "Incidents opened (an alert is an incident)", ["kind"])
ARTICLES_JOINED = Counter("raqib_alert_incident_articles_total", "Articles that joined an incident", ["kind"])
NOTICES = Counter("raqib_alert_notices_total", "Notices written for subscribers", ["notice"])
DELIVERIES = Counter("raqib_alert_deliveries_total", "Webhook delivery attempts by outcome", ["outcome"])
DELIVERY_SECONDS = Histogram("raqib_alert_delivery_duration_seconds", "Webhook delivery attempt duration",
                             buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
DELIVERIES_PENDING = Gauge("raqib_alert_deliveries_pending", "Deliveries waiting to be sent or retried")
DELIVERY_OLDEST_AGE = Gauge("raqib_alert_delivery_oldest_pending_age_seconds",
                            "Age of the oldest pending delivery (0 when none is)")
SSE_CLIENTS = Gauge("raqib_alert_sse_clients", "Clients connected to /v1/alerts/stream on this replica")
INCIDENTS = Gauge("raqib_alert_incidents", "Incidents by severity and state", ["severity", "state"])
ARTICLES = Counter("raqib_alert_articles_total",
                   "Enriched articles the alert service has fully processed, alerting or not")
SUBSCRIPTIONS_DISABLED = Counter("raqib_alert_subscriptions_disabled_total",
                                 "Subscriptions disabled by delivery (410 Gone, failing for days)")
ALERTMANAGER_PUSHES = Counter("raqib_alert_alertmanager_pushes_total", "Posts to Alertmanager's /api/v2/alerts",
                              ["outcome"])
SEVERITIES, STATES = ("critical", "warning", "info"), ("firing", "acknowledged", "resolved")


async def sample(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Deliveries pending (and the oldest one's age), incidents by severity and state, in one short read."""
    d = deliveries
    async with sessions() as session:
        pending, age = (await session.execute(
            select(func.count(), func.coalesce(func.extract("epoch", func.now() - func.min(d.c.created_at)), 0))
            .where(d.c.status == "pending"))).one()
        counts = {(sev, state): n for sev, state, n in (await session.execute(
            select(alerts.c.severity, alerts.c.status, func.count()).group_by(alerts.c.severity, alerts.c.status)
        )).tuples().all()}
    DELIVERIES_PENDING.set(pending)
    DELIVERY_OLDEST_AGE.set(max(0.0, float(age)))
    for severity in SEVERITIES:  # every pair, zeros included: a series that vanishes reads as "no data"
        for state in STATES:
            INCIDENTS.labels(severity, state).set(counts.get((severity, state), 0))
