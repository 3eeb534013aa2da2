"""deploy/k8s, validated offline: the base and the production overlay are rendered (tests/unit/k8s_render.py, a
subset of kustomize), every Kubernetes object validates strictly against Kubernetes' OpenAPI schemas
(kubernetes-validate, offline schemas), every KEDA ScaledObject against the models generated from KEDA's CRD
(cloudcoil-models-keda), with unknown fields refused; then what the issue asks is checked: probes, resources,
PodDisruptionBudgets, lag-based autoscaling of enrich and alert up to the partition count, settings names."""

from __future__ import annotations

from typing import Any

import kubernetes_validate
import pytest
from cloudcoil.models.keda.v1alpha1 import ScaledObject
from pydantic_settings import BaseSettings

from services.alert.settings import AlertSettings
from services.enrich.settings import EnrichSettings
from services.ingest.settings import IngestSettings
from shared.topics import ARTICLES, ENRICHED
from tests.tools import ROOT
from tests.unit.k8s_render import Doc, render
from tests.unit.test_deploy_compose import env_names

K8S = ROOT / "deploy" / "k8s"
KUBERNETES = "1.30.0"
TREES = {"base": K8S / "base", "production": K8S / "overlays" / "production"}
SETTINGS: dict[str, type[BaseSettings]] = {"ingest": IngestSettings, "enrich": EnrichSettings, "alert": AlertSettings}


def of(docs: list[Doc], kind: str) -> dict[str, Doc]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def unknown_fields(given: Any, parsed: Any, path: str = "") -> list[str]:
    """Keys of `given` that the model dropped (pydantic ignores what it does not know)."""
    if isinstance(given, dict):
        return [p for k, v in given.items() for p in ([f"{path}.{k}"] if k not in parsed else
                                                     unknown_fields(v, parsed[k], f"{path}.{k}"))]
    if isinstance(given, list):
        return [p for i, (g, q) in enumerate(zip(given, parsed, strict=True))
                for p in unknown_fields(g, q, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_object_validates_against_its_schema(tree: str) -> None:
    docs = render(TREES[tree])
    assert len(docs) >= 14
    for doc in docs:
        if doc["kind"] == "ScaledObject":
            parsed = ScaledObject.model_validate(doc).model_dump(by_alias=True, exclude_unset=True)
            assert not unknown_fields(doc, parsed), unknown_fields(doc, parsed)
        else:
            kubernetes_validate.validate(doc, KUBERNETES, strict=True)


def test_a_wrong_field_is_caught() -> None:
    (deployment,) = [d for d in render(TREES["base"]) if d["metadata"]["name"] == "raqib-enrich"
                     and d["kind"] == "Deployment"]
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES, strict=True)
    (so,) = [d for d in render(TREES["production"]) if d["kind"] == "ScaledObject"][:1]
    so["spec"]["minReplicaCnt"] = 1
    assert unknown_fields(so, ScaledObject.model_validate(so).model_dump(by_alias=True, exclude_unset=True))


@pytest.mark.parametrize("tree", sorted(TREES))
def test_deployments_have_probes_resources_a_pdb_and_a_service(tree: str) -> None:
    docs = render(TREES[tree])
    deployments, pdbs, services = of(docs, "Deployment"), of(docs, "PodDisruptionBudget"), of(docs, "Service")
    assert set(deployments) == {"raqib-ingest", "raqib-enrich", "raqib-alert"}
    for name, d in deployments.items():
        pod = d["spec"]["template"]
        (c,) = pod["spec"]["containers"]
        assert c["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert c["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert c["resources"]["requests"]["cpu"] and c["resources"]["limits"]["memory"]
        assert pod["spec"]["securityContext"]["runAsNonRoot"] and c["securityContext"]["readOnlyRootFilesystem"]
        labels = pod["metadata"]["labels"]
        assert pdbs[name]["spec"]["selector"]["matchLabels"].items() <= labels.items()
        assert services[name]["spec"]["selector"].items() <= labels.items()
        port = int(pod["metadata"]["annotations"]["prometheus.io/port"])
        assert c["ports"][0]["containerPort"] == port == services[name]["spec"]["ports"][0]["port"]
        if tree == "production":
            assert d["metadata"]["namespace"] == "raqib" and c["image"].startswith("ghcr.io/")


def test_production_scales_consumers_on_lag_up_to_the_partition_count() -> None:
    docs = render(TREES["production"])
    partitions = int(of(docs, "ConfigMap")["raqib-config"]["data"]["RAQIB_TOPIC_PARTITIONS"])
    scaled = of(docs, "ScaledObject")
    assert set(scaled) == {"raqib-enrich", "raqib-alert"}
    assert set(of(docs, "HorizontalPodAutoscaler")) == {"raqib-ingest"}  # KEDA owns the consumers' HPAs
    for name, settings, topic in (("raqib-enrich", EnrichSettings, ARTICLES), ("raqib-alert", AlertSettings, ENRICHED)):
        spec = scaled[name]["spec"]
        assert spec["scaleTargetRef"]["name"] == name and name in of(docs, "Deployment")
        assert spec["minReplicaCount"] >= 2 and spec["maxReplicaCount"] <= partitions
        kafka, cpu = (next(t for t in spec["triggers"] if t["type"] == kind) for kind in ("kafka", "cpu"))
        assert kafka["metadata"]["consumerGroup"] == settings.model_fields["consumer_group"].default
        assert kafka["metadata"]["topic"] == topic and cpu["metadata"]["value"]
    base_hpas = of(render(TREES["base"]), "HorizontalPodAutoscaler")
    assert set(base_hpas) == {"raqib-ingest", "raqib-enrich", "raqib-alert"}  # the CPU fallback without KEDA
    assert all(h["spec"]["maxReplicas"] <= partitions for h in base_hpas.values())


def test_every_env_name_is_read_by_the_settings() -> None:
    docs = render(TREES["production"])
    shared = set(of(docs, "ConfigMap")["raqib-config"]["data"]) | set(of(docs, "Secret")["raqib-secrets"]["stringData"])
    for name, settings in SETTINGS.items():
        (c,) = of(docs, "Deployment")[f"raqib-{name}"]["spec"]["template"]["spec"]["containers"]
        given = shared | {e["name"] for e in c.get("env", [])}
        # the Grafana password is the migration job's (migrations.grafana), shared through the one Secret
        unknown = given - env_names(settings) - {"RAQIB_GRAFANA_DB_PASSWORD"}
        assert not unknown, (name, sorted(unknown))
