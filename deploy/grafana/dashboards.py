"""Raqib's dashboards: Pipeline (Prometheus) and Facilities (PostgreSQL, through the read-only role).
`python -m deploy.grafana.dashboards` writes deploy/grafana/dashboards/*.json (committed; Grafana loads them
through deploy/grafana/provisioning/dashboards/raqib.yml)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deploy.grafana import facilities
from deploy.grafana.panels import Grid, dashboard, prom, stat, table, timeseries

OUT = Path(__file__).resolve().parent / "dashboards"
RATE = "[$__rate_interval]"


def _q(quantile: float, metric: str, by: str = "") -> str:
    group = f"le{', ' + by if by else ''}"
    return f"histogram_quantile({quantile}, sum by ({group}) (rate({metric}_bucket{RATE})))"


def pipeline() -> dict[str, Any]:
    g = Grid()
    panels = [
        stat("Services up", g, [prom('sum by (job) (up{job=~"raqib-.+"})', "{{job}}", instant=True)], w=6,
             description="Replicas answering /metrics, per service"),
        stat("Consumer lag", g, [prom("max by (group) (raqib_consumer_group_lag_records)", "{{group}}",
                                      instant=True)], w=6, description="Records not yet committed, per group"),
        stat("Dead-lettered records", g, [prom("sum(max by (topic) (raqib_dlq_records))", "DLQ", instant=True)],
             w=4),
        stat("Deliveries pending", g, [prom("max(raqib_alert_deliveries_pending)", "pending", instant=True)], w=4),
        stat("SSE clients", g, [prom("sum(raqib_alert_sse_clients)", "clients", instant=True)], w=4),
        timeseries("Throughput per stage", g, [
            prom(f'sum(rate(raqib_ingest_articles_total{{result="new"}}{RATE}))', "ingest: new articles", "A"),
            prom(f'sum(rate(raqib_outbox_published_total{{service="ingest"}}{RATE}))', "ingest: published", "B"),
            prom(f'sum(rate(raqib_consumer_messages_total{{service="enrich", outcome="ok"}}{RATE}))',
                 "enrich: enriched", "C"),
            prom(f'sum(rate(raqib_consumer_messages_total{{service="alert", outcome="ok"}}{RATE}))',
                 "alert: evaluated", "D"),
            prom(f"sum(rate(raqib_alert_incidents_opened_total{RATE}))", "alert: incidents opened", "E"),
            prom(f'sum(rate(raqib_alert_deliveries_total{{outcome="succeeded"}}{RATE}))', "webhooks delivered",
                 "F"),
        ], unit="ops", w=24, description="Records per second through each stage"),
        timeseries("Latency p50 / p99", g, [
            prom(_q(0.5, "raqib_enrich_annotate_seconds"), "annotate p50", "A"),
            prom(_q(0.99, "raqib_enrich_annotate_seconds"), "annotate p99", "B"),
            prom(_q(0.5, "raqib_alert_delivery_duration_seconds"), "webhook p50", "C"),
            prom(_q(0.99, "raqib_alert_delivery_duration_seconds"), "webhook p99", "D"),
            prom(_q(0.99, "raqib_http_request_duration_seconds", "service"), "HTTP p99 {{service}}", "E"),
        ], unit="s"),
        timeseries("Consumer lag", g, [
            prom("max by (group, topic) (raqib_consumer_group_lag_records)", "{{group}} on {{topic}}"),
        ], description="End offsets minus the group's committed offsets (approximate on the embedded broker)"),
        timeseries("Dead-letter topics", g, [
            prom("max by (topic) (raqib_dlq_records)", "held in {{topic}}", "A"),
            prom(f'sum by (topic) (increase(raqib_consumer_messages_total{{outcome="dlq"}}{RATE}))',
                 "new from {{topic}}", "B"),
        ]),
        timeseries("Deliveries by outcome", g, [
            prom(f"sum by (outcome) (rate(raqib_alert_deliveries_total{RATE}))", "{{outcome}}"),
        ], unit="ops", stack=True),
        timeseries("Backlogs: oldest waiting", g, [
            prom("max by (service) (raqib_outbox_oldest_pending_age_seconds)", "outbox {{service}}", "A"),
            prom("max(raqib_alert_delivery_oldest_pending_age_seconds)", "deliveries", "B"),
        ], unit="s", description="Age of the oldest unpublished outbox row and of the oldest pending delivery"),
        timeseries("Backlogs: rows waiting", g, [
            prom("max by (service) (raqib_outbox_pending_rows)", "outbox {{service}}", "A"),
            prom("max(raqib_alert_deliveries_pending)", "deliveries", "B"),
        ]),
        timeseries("Errors", g, [
            prom(f'sum by (service) (rate(raqib_http_requests_total{{status=~"5.."}}{RATE}))', "HTTP 5xx {{service}}",
                 "A"),
            prom(f"sum by (service, topic) (rate(raqib_consumer_transient_retries_total{RATE}))",
                 "retries {{service}} {{topic}}", "B"),
            prom(f"sum by (service) (rate(raqib_outbox_failed_total{RATE}))", "outbox refused {{service}}", "C"),
            prom(f"sum by (service, sampler) (rate(raqib_metrics_sample_failures_total{RATE}))",
                 "unsampled {{service}} {{sampler}}", "D"),
        ], unit="ops"),
        timeseries("Incidents by severity and state", g, [
            prom("max by (severity, state) (raqib_alert_incidents)", "{{severity}} {{state}}"),
        ]),
        table("Builds running", g, [prom("count by (service, version, python) (raqib_build_info)", "",
                                         instant=True) | {"format": "table"}], w=24, h=6),
    ]
    return dashboard("raqib-pipeline", "Raqib — Pipeline", "Throughput, latency, lag, dead letters, deliveries "
                     "and errors of ingest → enrich → alert.", panels, variables=[], time_from="now-3h",
                     refresh="30s", tags=["pipeline"])


DASHBOARDS = {"pipeline.json": pipeline, "facilities.json": facilities.dashboard_json}


def render(build: Any) -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in DASHBOARDS.items():
        (out / name).write_text(render(build), encoding="utf-8")
        paths.append(out / name)
    return paths


if __name__ == "__main__":
    for path in write():
        print(f"wrote {path}")
