from __future__ import annotations

from prometheus_client import Counter, Histogram

ALERTS = Counter("raqib_alert_alerts_total", "Incidents opened (an alert is an incident)", ["kind"])
ARTICLES_JOINED = Counter("raqib_alert_incident_articles_total", "Articles that joined an incident", ["kind"])
NOTICES = Counter("raqib_alert_notices_total", "Notices written for subscribers", ["notice"])
DELIVERIES = Counter("raqib_alert_deliveries_total", "Webhook delivery attempts", ["outcome"])
DELIVERY_SECONDS = Histogram("raqib_alert_delivery_seconds", "Webhook delivery latency")
SUBSCRIPTIONS_DISABLED = Counter("raqib_alert_subscriptions_disabled_total",
                                 "Subscriptions disabled by delivery (410 Gone, failing for days)")
ALERTMANAGER_PUSHES = Counter("raqib_alert_alertmanager_pushes_total", "Posts to Alertmanager's /api/v2/alerts",
                              ["outcome"])
