"""Metrics every service shares (the consumer loop, HTTP, the outbox relay, consumer-group lag, the build).
Service metrics live in each service's own `metrics.py`. Prometheus naming; no ids in labels.

Gauges read from the database or the broker (outbox backlog, group lag, DLQ size, deliveries pending) are
sampled when Prometheus scrapes (`Samplers`, run by `/metrics`), so a value is never older than the scrape.
Every replica reports the same shared figure for these: aggregate them with `max`, not `sum`
(deploy/prometheus/rules/recording.yml does)."""

from __future__ import annotations

import asyncio
import logging
import platform
from collections.abc import Awaitable, Callable
from importlib.metadata import version

from prometheus_client import Counter, Gauge, Histogram, Info

from shared.errors import is_transient

log = logging.getLogger(__name__)

CONSUMER_MESSAGES = Counter("raqib_consumer_messages_total", "Messages handled by a consumer loop",
                            ["service", "topic", "outcome"])
CONSUMER_LAG = Gauge("raqib_consumer_lag_records",
                     "Records between this member's handled position and the high watermark of its partitions",
                     ["service", "topic"])
GROUP_LAG = Gauge("raqib_consumer_group_lag_records",
                  "Records of a topic not yet committed by a consumer group (end offsets minus committed offsets, "
                  "all partitions)", ["topic", "group"])
DLQ_RECORDS = Gauge("raqib_dlq_records", "Records held in a dead-letter topic (end minus beginning offsets)",
                    ["topic"])
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
OUTBOX_OLDEST_AGE = Gauge("raqib_outbox_oldest_pending_age_seconds",
                          "Age of the oldest outbox row not yet published (0 when none is)", ["service"])
SAMPLE_FAILURES = Counter("raqib_metrics_sample_failures_total",
                          "Scrape-time samples that could not be read (database or broker unavailable, too slow)",
                          ["service", "sampler"])
BUILD = Info("raqib_build", "The running build: one series per process, value 1", ["service"])

Sampler = Callable[[], Awaitable[None]]
SAMPLE_TIMEOUT_S = 3.0  # well under Prometheus's default scrape timeout (10 s)


def set_build_info(service: str) -> None:
    BUILD.labels(service).info({"version": version("raqib"), "python": platform.python_version()})


class Samplers:
    """Named async functions that refresh gauges; `/metrics` awaits them all before answering. A sampler that
    meets an unavailable dependency or runs out of time leaves its gauges as they were and is counted in
    raqib_metrics_sample_failures_total; any other error is a bug and fails the scrape (loudly)."""

    def __init__(self, service: str) -> None:
        self.service = service
        self._samplers: dict[str, Sampler] = {}

    def add(self, name: str, sampler: Sampler) -> None:
        self._samplers[name] = sampler

    async def run(self) -> None:
        await asyncio.gather(*(self._one(name, s) for name, s in self._samplers.items()))

    async def _one(self, name: str, sampler: Sampler) -> None:
        try:
            await asyncio.wait_for(sampler(), SAMPLE_TIMEOUT_S)
        except Exception as exc:
            if not is_transient(exc):  # a timeout is an OSError, hence transient
                raise
            SAMPLE_FAILURES.labels(self.service, name).inc()
            log.warning("metrics sample failed", extra={"sampler": name, "error": repr(exc)})
