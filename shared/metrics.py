"""Metrics every service shares (the consumer loop, HTTP, the outbox relay). Service metrics live in
each service's own `metrics.py`. Prometheus naming; no ids in labels."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

CONSUMER_MESSAGES = Counter("raqib_consumer_messages_total", "Messages handled by a consumer loop",
                            ["service", "topic", "outcome"])
CONSUMER_LAG = Gauge("raqib_consumer_lag_records", "Records between the handled position and the high watermark",
                     ["service", "topic"])
CONSUMER_RETRIES = Counter("raqib_consumer_transient_retries_total", "Transient failures retried",
                           ["service", "topic"])
HTTP_REQUESTS = Counter("raqib_http_requests_total", "HTTP requests",
                        ["service", "method", "route", "status"])
HTTP_LATENCY = Histogram("raqib_http_request_duration_seconds", "HTTP request latency",
                         ["service", "method", "route"])
OUTBOX_PUBLISHED = Counter("raqib_outbox_published_total", "Outbox rows published to Kafka",
                           ["service", "topic"])
OUTBOX_FAILED = Counter("raqib_outbox_failed_total", "Outbox rows Kafka refused for good (marked failed)",
                        ["service", "topic"])
OUTBOX_PENDING = Gauge("raqib_outbox_pending_rows", "Outbox rows not yet published", ["service"])
