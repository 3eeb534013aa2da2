"""Grafana cannot run here, so the dashboards are proven as provisioning would load them: the committed JSON is
what the code generates; uids are stable; the schema version is one Grafana 11 reads; every datasource a panel,
query or variable names is a provisioned one (uid and type); every PromQL expression parses (promtool) and reads
metrics the services export; the Facilities dashboard holds a geomap on PostgreSQL whose layers point at columns
of their queries. (The SQL itself runs in tests/db/test_grafana_sql.py.)"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from deploy.grafana import dashboards
from deploy.grafana.panels import SCHEMA_VERSION
from tests.tools import ROOT, run, tool
from tests.unit.test_deploy_prometheus import exported_names, referenced_names

GRAFANA = ROOT / "deploy" / "grafana"
UIDS = {"pipeline.json": "raqib-pipeline", "facilities.json": "raqib-facilities"}
# Grafana's PromQL variables, as a query would see them (promtool knows none of them)
PROM_VARIABLES = {"$__rate_interval": "1m", "$__interval": "30s", "$__range": "1h"}


def load(name: str) -> dict[str, Any]:
    return dict(json.loads((GRAFANA / "dashboards" / name).read_text()))


def provisioned_datasources() -> dict[str, str]:
    config = yaml.safe_load((GRAFANA / "provisioning" / "datasources" / "raqib.yml").read_text())
    return {d["uid"]: d["type"] for d in config["datasources"]}


def targets(board: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for p in board["panels"] for t in p["targets"]]


def test_committed_json_is_what_the_code_generates(tmp_path: Path) -> None:
    dashboards.write(tmp_path)
    for name in UIDS:
        assert (tmp_path / name).read_text() == (GRAFANA / "dashboards" / name).read_text(), (
            f"{name} is stale: run python -m deploy.grafana.dashboards")
    assert sorted(p.name for p in (GRAFANA / "dashboards").glob("*.json")) == sorted(UIDS)


def test_the_provider_loads_the_files_compose_mounts() -> None:
    provider = yaml.safe_load((GRAFANA / "provisioning" / "dashboards" / "raqib.yml").read_text())["providers"][0]
    assert provider["type"] == "file" and provider["options"]["path"] == "/var/lib/grafana/dashboards/raqib"
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    volumes = compose["services"]["grafana"]["volumes"]
    assert "./deploy/grafana/dashboards:/var/lib/grafana/dashboards/raqib:ro" in volumes
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in volumes


@pytest.mark.parametrize("name", sorted(UIDS))
def test_dashboard_loads_as_provisioning_expects(name: str) -> None:
    board = load(name)
    assert board["uid"] == UIDS[name] and board["title"].startswith("Raqib")
    assert board["schemaVersion"] == SCHEMA_VERSION == 39
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, int) for i in ids)
    for p in board["panels"]:
        pos = p["gridPos"]
        assert 0 <= pos["x"] and pos["x"] + pos["w"] <= 24 and pos["h"] > 0, p["title"]
        assert p["targets"] and len({t["refId"] for t in p["targets"]}) == len(p["targets"]), p["title"]
    cells = [(x, y) for p in board["panels"] for g in [p["gridPos"]]
             for x in range(g["x"], g["x"] + g["w"]) for y in range(g["y"], g["y"] + g["h"])]
    assert len(cells) == len(set(cells)), "panels overlap"


@pytest.mark.parametrize("name", sorted(UIDS))
def test_every_datasource_is_a_provisioned_one(name: str) -> None:
    provisioned = provisioned_datasources()
    board = load(name)
    refs = [p["datasource"] for p in board["panels"]] + [t["datasource"] for t in targets(board)]
    refs += [v["datasource"] for v in board["templating"]["list"] if "datasource" in v]
    for ref in refs:
        assert provisioned.get(ref["uid"]) == ref["type"], ref


def test_every_promql_expression_parses_and_reads_exported_metrics(tmp_path: Path) -> None:
    exprs = [t["expr"] for t in targets(load("pipeline.json"))]
    assert len(exprs) >= 20
    for var, value in PROM_VARIABLES.items():
        exprs = [e.replace(var, value) for e in exprs]
    assert not [e for e in exprs if "$" in e], "an unknown Grafana variable"
    # promtool parses PromQL when it checks rules: each expression becomes a recording rule
    rules = {"groups": [{"name": "dashboard", "rules": [{"record": f"dashboard:expr_{i}", "expr": e}
                                                        for i, e in enumerate(exprs)]}]}
    (tmp_path / "exprs.yml").write_text(yaml.safe_dump(rules))
    out = run(tool("promtool"), "check", "rules", tmp_path / "exprs.yml").stdout
    assert f"SUCCESS: {len(exprs)} rules found" in out
    missing = referenced_names(exprs, set()) - exported_names()
    assert not missing, f"panels read metrics no service exports: {sorted(missing)}"


def test_promtool_would_catch_a_broken_expression(tmp_path: Path) -> None:
    rules = {"groups": [{"name": "d", "rules": [{"record": "dashboard:bad", "expr": "sum by (job (up)"}]}]}
    (tmp_path / "bad.yml").write_text(yaml.safe_dump(rules))
    proc = subprocess.run([tool("promtool"), "check", "rules", str(tmp_path / "bad.yml")],
                          capture_output=True, text=True)
    assert proc.returncode != 0


def test_the_pipeline_dashboard_covers_what_operators_need() -> None:
    titles = {p["title"] for p in load("pipeline.json")["panels"]}
    for wanted in ("Throughput per stage", "Latency p50 / p99", "Consumer lag", "Dead-letter topics",
                   "Deliveries by outcome", "Errors"):
        assert wanted in titles


def test_facilities_has_a_geomap_on_postgres_whose_layers_read_their_queries() -> None:
    board = load("facilities.json")
    assert board["title"] == "Raqib — Facilities"
    (geomap,) = [p for p in board["panels"] if p["type"] == "geomap"]
    assert geomap["datasource"]["uid"] == "raqib-postgres"
    refs = {t["refId"]: t["rawSql"] for t in geomap["targets"]}
    for layer in geomap["options"]["layers"]:
        sql = refs[layer["filterData"]["options"]]
        loc, size = layer["location"], layer["config"]["style"]["size"]["field"]
        assert loc["mode"] == "coords"
        for column in (loc["latitude"], loc["longitude"], size):
            assert re.search(rf"\bAS {column}\b|\.{column}\b", sql), (layer["name"], column)
    variables = {v["name"] for v in board["templating"]["list"]}
    assert {"country", "kind"} <= variables
    used = {m for t in targets(board) for m in re.findall(r"\$(\w+)", t["rawSql"]) if not m.startswith("__")}
    assert used <= variables, used - variables
