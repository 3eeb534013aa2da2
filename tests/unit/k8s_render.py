"""A small kustomize for the tests: renders deploy/k8s/<dir> the way `kubectl kustomize` does for the features
Raqib's manifests use (resources, namespace, labels, images, strategic-merge patches with `$patch: delete`,
containers merged by name). kustomize itself is not installable here (no PyPI or Debian package), so this is
the documented subset, not kustomize; `kubectl kustomize deploy/k8s/overlays/production` is the real build."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

Doc = dict[str, Any]
SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}


def key(doc: Doc) -> tuple[str, str]:
    return doc["kind"], doc["metadata"]["name"]


def merge(base: Any, patch: Any) -> Any:
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            out[k] = merge(base.get(k), v) if k in base else copy.deepcopy(v)
        return out
    if isinstance(base, list) and isinstance(patch, list) and all(isinstance(i, dict) and "name" in i
                                                                  for i in base + patch):
        by_name = {i["name"]: i for i in base}
        merged = [merge(by_name[p["name"]], p) if p["name"] in by_name else p for p in patch]
        return merged + [i for i in base if i["name"] not in {p["name"] for p in patch}]
    return copy.deepcopy(patch)


def load_docs(path: Path) -> list[Doc]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def render(directory: Path) -> list[Doc]:
    k = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(k) - SUPPORTED
    assert not unknown, f"the test renderer does not know {unknown}"
    docs: list[Doc] = []
    for res in k.get("resources", []):
        target = directory / res
        docs += render(target) if target.is_dir() else load_docs(target)
    for entry in k.get("patches", []):
        for patch in load_docs(directory / entry["path"]):
            matches = [d for d in docs if key(d) == key(patch)]
            assert matches, f"patch {key(patch)} matches nothing"
            if patch.get("$patch") == "delete":
                docs = [d for d in docs if key(d) != key(patch)]
            else:
                docs = [merge(d, patch) if key(d) == key(patch) else d for d in docs]
    for pair in k.get("labels", []):
        for d in docs:
            d["metadata"]["labels"] = {**d["metadata"].get("labels", {}), **pair["pairs"]}
    images = {i["name"]: f"{i['newName']}:{i['newTag']}" for i in k.get("images", [])}
    for d in docs:
        pod = d.get("spec", {}).get("template", {}).get("spec", {})
        for c in pod.get("containers", []):
            c["image"] = images.get(c["image"], c["image"])
        if "namespace" in k and d["kind"] not in CLUSTER_SCOPED:
            d["metadata"]["namespace"] = k["namespace"]
    return docs
