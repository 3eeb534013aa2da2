"""docker-compose.yml, checked offline (no Docker engine runs here): it validates against the Compose
Specification's JSON schema (as vendored by check-jsonschema); every service the issue names is there with a
health check and ordered start-up; every environment variable given to a Raqib process is one its settings class
reads (a misspelt name would be silently ignored); every file it mounts exists. What cannot be checked here:
that the images pull, that the stack starts and that Kafka's settings work together — that needs `docker compose
up` on a machine with an engine."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
import yaml
from pydantic_settings import BaseSettings

from migrations.grafana import GrafanaRoleSettings
from services.alert.settings import AlertSettings
from services.enrich.settings import EnrichSettings
from services.ingest.settings import IngestSettings
from tests.tools import ROOT

COMPOSE = ROOT / "docker-compose.yml"
SETTINGS: dict[str, type[BaseSettings]] = {"ingest": IngestSettings, "enrich": EnrichSettings, "alert": AlertSettings,
                                           "migrate": GrafanaRoleSettings}
RUNTIME_ONLY = {"PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"}


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load(COMPOSE.read_text()))  # anchors and `<<` merges resolved as Compose does


def env_names(settings: type[BaseSettings]) -> set[str]:
    prefix = str(settings.model_config.get("env_prefix", ""))
    names = set()
    for name, field in settings.model_fields.items():
        alias = field.validation_alias
        choices = getattr(alias, "choices", None) or ([alias] if isinstance(alias, str) else [])
        names |= {str(c) for c in choices} or {f"{prefix}{name}".upper()}
    return names


def test_validates_against_the_compose_specification() -> None:
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
                           str(COMPOSE)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_schema_check_can_fail(tmp_path: Any) -> None:
    bad = tmp_path / "compose.yml"
    bad.write_text(yaml.safe_dump({"services": {"x": {"image": "a", "depends_on": {"y": {"condition": "nope"}}}}}))
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
                           str(bad)], capture_output=True, text=True)
    assert proc.returncode != 0


def test_every_part_is_there() -> None:
    services = compose()["services"]
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft
    assert services["postgres"]["image"] == "postgres:16"
    assert "alembic upgrade head" in " ".join(services["migrate"]["command"])
    for name, volume_of in (("kafka", "kafkadata"), ("postgres", "pgdata")):
        assert any(v.startswith(f"{volume_of}:") for v in services[name]["volumes"])
    for name in ("ingest", "enrich", "alert", "prometheus", "alertmanager", "grafana"):
        assert name in services
    for name in ("ingest", "enrich", "alert"):
        assert services[name]["build"]["dockerfile"] == "deploy/Dockerfile"
        assert services[name]["command"] == ["python", "-m", f"services.{name}"]


def test_health_checks_and_start_order() -> None:
    services = compose()["services"]
    for name, svc in services.items():
        if name != "migrate":
            assert "healthcheck" in svc, f"{name} has no health check"
        for dep, cond in (svc.get("depends_on") or {}).items():
            assert dep in services, (name, dep)
            if cond["condition"] == "service_healthy":
                assert "healthcheck" in services[dep], (name, dep)
            if cond["condition"] == "service_completed_successfully":
                assert services[dep].get("restart") == "no", (name, dep)
    for name in ("ingest", "enrich", "alert"):
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert deps["kafka"]["condition"] == deps["postgres"]["condition"] == "service_healthy"
        assert "/readyz" in " ".join(services[name]["healthcheck"]["test"])


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_env_name_is_read_by_the_settings(name: str) -> None:
    given = set(compose()["services"][name]["environment"])
    unknown = given - env_names(SETTINGS[name]) - RUNTIME_ONLY
    assert not unknown, f"{name}: {sorted(unknown)} are read by nothing"


def test_kafka_gets_production_producer_settings() -> None:
    env = compose()["services"]["alert"]["environment"]
    assert env["RAQIB_KAFKA_IDEMPOTENCE"] == "true" and AlertSettings.model_fields["kafka_idempotence"].default
    assert int(env["RAQIB_TOPIC_PARTITIONS"]) >= 6 and env["RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS"] == "false"


def test_grafana_gets_what_its_provisioning_reads() -> None:
    provisioning = (ROOT / "deploy" / "grafana" / "provisioning" / "datasources" / "raqib.yml").read_text()
    wanted = set(re.findall(r"\$\{(\w+)\}", provisioning))
    assert wanted and wanted <= set(compose()["services"]["grafana"]["environment"])


def test_every_mounted_file_exists() -> None:
    for name, svc in compose()["services"].items():
        for volume in svc.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), (name, source)
