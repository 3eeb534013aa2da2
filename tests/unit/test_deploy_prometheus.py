"""deploy/prometheus and deploy/alertmanager, checked by the real tools: promtool checks the config and the
rules and runs the rules' unit tests; amtool checks Alertmanager's config and where each alert is routed.
And every metric a rule reads is one the services export (a typo would make a rule silently never fire)."""

from __future__ import annotations

import re

import pytest
import yaml
from prometheus_client import REGISTRY

import services.alert.metrics
import services.enrich.metrics
import services.ingest.metrics
import shared.metrics
from tests.tools import ROOT, run, tool

PROM = ROOT / "deploy" / "prometheus"
AM_CONFIG = ROOT / "deploy" / "alertmanager" / "alertmanager.yml"
RULE_FILES = sorted((PROM / "rules").glob("*.yml"))
assert services.alert.metrics and services.enrich.metrics and services.ingest.metrics and shared.metrics


def test_config_and_rules_are_valid() -> None:
    promtool = tool("promtool")
    out = run(promtool, "check", "config", "--syntax-only", PROM / "prometheus.yml").stdout
    assert "SUCCESS" in out
    out = run(promtool, "check", "rules", *RULE_FILES).stdout
    assert out.count("SUCCESS") == len(RULE_FILES) == 2


def test_kubernetes_discovery_names_the_jobs_the_rules_expect() -> None:
    """The rules and dashboards select `job=~"raqib-.+"`: pod discovery must produce raqib-<component> for the
    components deploy/k8s labels its pods with. (Debian's promtool is built without Kubernetes discovery, so
    prometheus-k8s.yml is checked here by reading it, not by promtool.)"""
    config = yaml.safe_load((PROM / "prometheus-k8s.yml").read_text())
    assert config["rule_files"] == yaml.safe_load((PROM / "prometheus.yml").read_text())["rule_files"]
    relabel = config["scrape_configs"][0]["relabel_configs"]
    job = next(r for r in relabel if r.get("target_label") == "job")
    keep = next(r for r in relabel if r.get("action") == "keep" and "component" in r["source_labels"][0])
    components = set(keep["regex"].strip("()").split("|"))
    assert {job["replacement"].replace("$1", c) for c in components} == {"raqib-ingest", "raqib-enrich", "raqib-alert"}
    for c in components:
        manifest = yaml.safe_load_all((ROOT / "deploy" / "k8s" / "base" / f"{c}.yaml").read_text())
        (deployment,) = [d for d in manifest if d["kind"] == "Deployment"]
        pod = deployment["spec"]["template"]["metadata"]
        assert pod["labels"]["app.kubernetes.io/component"] == c
        assert pod["annotations"]["prometheus.io/scrape"] == "true"


def test_rule_unit_tests_pass() -> None:
    tests = sorted((PROM / "tests").glob("*.yml"))
    assert tests
    out = run(tool("promtool"), "test", "rules", *tests).stdout
    assert "SUCCESS" in out and "FAILED" not in out


def test_the_alerting_rules_the_issue_names_exist_with_a_severity() -> None:
    rules = [r for f in RULE_FILES for g in yaml.safe_load(f.read_text())["groups"] for r in g["rules"]]
    alerts = {r["alert"]: r for r in rules if "alert" in r}
    for name in ("RaqibConsumerLagGrowing", "RaqibDeadLetterNotEmpty", "RaqibDeliveriesFailing", "RaqibOutboxStuck",
                 "RaqibServiceDown", "RaqibNoFacilityFound"):
        assert alerts[name]["labels"]["severity"] in ("critical", "warning", "info")
        assert alerts[name]["annotations"]["summary"] and alerts[name]["annotations"]["description"]


SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "info": ("_info",),
            "gauge": ("",), "summary": ("", "_count", "_sum")}


def exported_names() -> set[str]:
    """The series names the services' metric families produce (a labelled family has no sample until used)."""
    return {f.name + suffix for f in REGISTRY.collect() for suffix in SUFFIXES.get(f.type, ("",))}


def referenced_names(exprs: list[str], recorded: set[str]) -> set[str]:
    found = {n for e in exprs for n in re.findall(r"(?<![\w:])(raqib_[a-z0-9_]+)(?![\w:])", e)}
    return found - recorded


def test_every_metric_a_rule_reads_is_exported() -> None:
    rules = [r for f in RULE_FILES for g in yaml.safe_load(f.read_text())["groups"] for r in g["rules"]]
    recorded = {r["record"] for r in rules if "record" in r}
    # recording rules are named level:metric:operation; only bare metric names must be exported
    missing = referenced_names([r["expr"] for r in rules], recorded) - exported_names()
    assert not missing, f"rules read metrics no service exports: {sorted(missing)}"
    labels = {n for e in (r["expr"] for r in rules) for n in re.findall(r'kind="(\w+)"', e)}
    assert labels <= {"place", "facility", "actor"}, labels  # raqib_enrich_mentions_total's kinds


ROUTES = [({"alertname": "FacilityNamed", "severity": "critical", "facility_id": "fac_hol"}, "desk-critical"),
          ({"alertname": "FacilityNamed", "severity": "warning", "facility_id": "fac_roj"}, "desk-warning"),
          ({"alertname": "FacilityNamed", "severity": "info", "facility_id": "fac_roj"}, "desk-info"),
          ({"alertname": "FacilityNamed", "facility_id": "fac_roj"}, "desk-info"),
          ({"alertname": "RaqibOutboxStuck", "severity": "critical"}, "operators-page"),
          ({"alertname": "RaqibDeadLetterNotEmpty", "severity": "warning"}, "operators"),
          ({"alertname": "SomethingElse"}, "operators")]


def test_alertmanager_config_is_valid() -> None:
    out = run(tool("amtool"), "check-config", AM_CONFIG).stdout
    assert "SUCCESS" in out


@pytest.mark.parametrize(("labels", "receiver"), ROUTES, ids=[f"{lb}" for lb, _ in ROUTES])
def test_alertmanager_routes_facility_alerts_by_severity(labels: dict[str, str], receiver: str) -> None:
    out = run(tool("amtool"), "config", "routes", "test", f"--config.file={AM_CONFIG}",
              *(f"{k}={v}" for k, v in labels.items())).stdout
    assert out.split() == [receiver]

