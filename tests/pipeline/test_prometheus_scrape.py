"""The Debian `prometheus` binary, started on loopback with deploy/prometheus's jobs and rules (targets and
intervals rewritten for the test), scrapes the running services; the series come back through its API."""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from devstack.embedded import free_port, wait_for_port
from devstack.stack import Stack
from tests.tools import ROOT, tool

pytestmark = pytest.mark.pipeline
PROM = ROOT / "deploy" / "prometheus"
JOBS = {"raqib-ingest": "ingest", "raqib-enrich": "enrich", "raqib-alert": "alert"}
# Label names a Raqib series may carry: none holds an id (article, alert, delivery, subscription ...).
ALLOWED_LABELS = {"__name__", "job", "instance", "service", "topic", "group", "outcome", "method", "route", "status",
                  "le", "kind", "alert", "result", "severity", "state", "sampler", "version", "python", "notice"}
ID_LIKE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-|^art_|^fac:|^sub_|[0-9a-f]{24,}")


def scrape_config(stack: Stack, rules_dir: Path) -> dict[str, Any]:
    config = yaml.safe_load((PROM / "prometheus.yml").read_text())
    config["global"] |= {"scrape_interval": "1s", "evaluation_interval": "1s"}
    config.pop("alerting")
    config["rule_files"] = [str(rules_dir / "*.yml")]
    for job in config["scrape_configs"]:
        if job["job_name"] in JOBS:
            job["static_configs"] = [{"targets": [f"127.0.0.1:{stack.services[JOBS[job['job_name']]].port}"]}]
    config["scrape_configs"] = [j for j in config["scrape_configs"] if j["job_name"] in JOBS]
    assert len(config["scrape_configs"]) == 3, "deploy/prometheus/prometheus.yml lost a service's job"
    return config


@pytest.fixture(scope="module")
def prometheus(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = tool("prometheus")
    tmp = tmp_path_factory.mktemp("prometheus")
    rules_dir = tmp / "rules"
    rules_dir.mkdir()
    for f in (PROM / "rules").glob("*.yml"):
        rules = yaml.safe_load(f.read_text())
        for group in rules["groups"]:
            group["interval"] = "1s"
        (rules_dir / f.name).write_text(yaml.safe_dump(rules))
    (tmp / "prometheus.yml").write_text(yaml.safe_dump(scrape_config(stack, rules_dir)))
    port = free_port()
    log = (tmp / "prometheus.log").open("wb")
    proc = subprocess.Popen([binary, f"--config.file={tmp / 'prometheus.yml'}", f"--storage.tsdb.path={tmp / 'data'}",
                             f"--web.listen-address=127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, timeout=30, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(20)


def query(base: str, promql: str) -> list[dict[str, Any]]:
    r = httpx.get(f"{base}/api/v1/query", params={"query": promql}, timeout=10)
    assert r.status_code == 200, r.text
    return list(r.json()["data"]["result"])


def wait_for(base: str, promql: str, want: int, timeout: float = 45.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while True:
        result = query(base, promql)
        if len(result) >= want or time.monotonic() > deadline:
            return result
        time.sleep(0.5)


def test_prometheus_scrapes_every_service_and_build_info_comes_back(prometheus: str) -> None:
    result = wait_for(prometheus, "raqib_build_info", 3)
    assert {r["metric"]["job"] for r in result} == set(JOBS)
    assert {r["metric"]["service"] for r in result} == set(JOBS.values())
    assert all(r["value"][1] == "1" for r in result)
    up = wait_for(prometheus, 'up{job=~"raqib-.+"} == 1', 3)
    assert len(up) == 3


def test_shared_gauges_and_recording_rules_come_back(prometheus: str) -> None:
    lag = wait_for(prometheus, "topic_group:raqib_consumer_group_lag_records:max", 2)
    assert {(r["metric"]["topic"], r["metric"]["group"]) for r in lag} == {
        ("raqib.articles.v1", "raqib-enrich"), ("raqib.enriched.v1", "raqib-alert")}
    assert {r["metric"]["topic"] for r in wait_for(prometheus, "raqib_dlq_records", 2)} == {
        "raqib.articles.v1.dlq", "raqib.enriched.v1.dlq"}
    assert {r["metric"]["service"] for r in wait_for(prometheus, "raqib_outbox_oldest_pending_age_seconds", 2)} == {
        "ingest", "alert"}
    assert wait_for(prometheus, "raqib_alert_delivery_oldest_pending_age_seconds:max", 1)
    assert len(wait_for(prometheus, "raqib_alert_incidents", 9)) == 9


def test_every_rule_loads_healthy(prometheus: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        groups = httpx.get(f"{prometheus}/api/v1/rules", timeout=10).json()["data"]["groups"]
        rules = [r for g in groups for r in g["rules"]]
        if (rules and all(r.get("health") == "ok" for r in rules)) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert len(groups) == 2 and len(rules) >= 25
    assert [r["name"] for r in rules if r.get("health") != "ok"] == []


def test_no_raqib_series_carries_an_id_label(prometheus: str) -> None:
    wait_for(prometheus, "raqib_build_info", 3)
    r = httpx.get(f"{prometheus}/api/v1/labels", params={"match[]": '{__name__=~"raqib_.+"}'}, timeout=10)
    names = set(r.json()["data"])
    assert names <= ALLOWED_LABELS, names - ALLOWED_LABELS
    for name in names - {"__name__", "instance"}:
        values = httpx.get(f"{prometheus}/api/v1/label/{name}/values",
                           params={"match[]": '{__name__=~"raqib_.+"}'}, timeout=10).json()["data"]
        assert not [v for v in values if ID_LIKE.search(v)], (name, values)


def test_every_pipeline_dashboard_expression_runs_on_the_live_series(prometheus: str) -> None:
    """Grafana's variables as it would fill them; each query is accepted and the ones on always-present series
    return data."""
    board = json.loads((ROOT / "deploy" / "grafana" / "dashboards" / "pipeline.json").read_text())
    wait_for(prometheus, "raqib_build_info", 3)
    answered = 0
    for panel in board["panels"]:
        for target in panel["targets"]:
            expr = target["expr"].replace("$__rate_interval", "1m")
            r = httpx.get(f"{prometheus}/api/v1/query", params={"query": expr}, timeout=10)
            assert r.status_code == 200 and r.json()["status"] == "success", (panel["title"], expr, r.text)
            answered += bool(r.json()["data"]["result"])
    assert answered >= 8  # up, lag, DLQ, backlogs, incidents, builds ... are there from the first scrape
