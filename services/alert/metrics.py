from __future__ import annotations

from prometheus_client import Counter, Histogram

ALERTS = Counter("raqib_alert_alerts_total", "Incidents opened (an alert is an incident)", ["kind"])
ARTICLES_JOINED = Counter("raqib_alert_incident_articles_total", "Articles that joined an incident", ["kind"])
NOTICES = Counter("raqib_alert_notices_total", "Notices written for subscribers", ["notice"])
DELIVERIES = Counter("raqib_alert_deliveries_total", "Webhook delivery attempts", ["outcome"])
DELIVERY_SECONDS = Histogram("raqib_alert_delivery_seconds", "Webhook delivery latency")
ARTICLES = Counter("raqib_alert_articles_total",
                   "Enriched articles the alert service has fully processed, alerting or not")
