"""Every status an operation can answer is in the service's OpenAPI document (`make fuzz` holds the running
services to it with schemathesis' status_code_conformance; these are its findings, kept as regressions):
401/403 where an API key is needed, 400 (a body that is not UTF-8) and 413 where a body is read, 404 where a
path names a resource, 503 on /readyz."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.alert.main import create_app as alert_app
from services.alert.settings import AlertSettings
from services.enrich.main import create_app as enrich_app
from services.enrich.settings import EnrichSettings
from services.ingest.main import create_app as ingest_app
from services.ingest.settings import IngestSettings

APPS = {"ingest": lambda: ingest_app(IngestSettings()), "enrich": lambda: enrich_app(EnrichSettings()),
        "alert": lambda: alert_app(AlertSettings())}


def operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method.upper(), path, op) for path, item in app.openapi()["paths"].items()
            for method, op in item.items()]


@pytest.mark.parametrize("service", sorted(APPS))
def test_statuses_any_operation_can_answer_are_documented(service: str) -> None:
    ops = operations(APPS[service]())
    assert ops
    for method, path, op in ops:
        codes = set(op["responses"])
        if op.get("security"):
            assert {"401", "403"} <= codes, (method, path, codes)
        if "requestBody" in op:
            assert {"400", "413", "422"} <= codes, (method, path, codes)
        if "{" in path:
            assert "404" in codes, (method, path, codes)
        if path == "/readyz":
            assert "503" in codes


def test_only_keyed_operations_document_401() -> None:
    ops = {(m, p): op for m, p, op in operations(enrich_app(EnrichSettings()))}
    assert "401" not in ops["POST", "/v1/annotate"]["responses"]  # needs no key
    assert "401" in ops["GET", "/v1/annotations/{article_id}"]["responses"]


@pytest.mark.parametrize(("service", "method", "path", "body", "headers", "expected"), [
    # FastAPI answers 400 for a body that is not UTF-8 (schemathesis' first find), before any key is checked
    ("enrich", "POST", "/v1/annotate", b"\xff\x0fxK", {"content-type": "application/json"}, 400),
    ("ingest", "POST", "/v1/articles", b"\xc3\x28{}", {"content-type": "application/json"}, 400),
    ("alert", "POST", "/v1/api-keys", b"\xf0\x28\x8c\xbc", {"content-type": "application/json"}, 400),
    # no key: 401 (the route's own statuses did not list it)
    ("ingest", "GET", "/v1/articles/art_0", None, {}, 401),
    ("alert", "POST", "/v1/alerts/e3e70682-c209-1cac-a29f-6fbed82c07cd/ack", None, {}, 401),
])
async def test_answers_are_documented(service: str, method: str, path: str, body: bytes | None,
                                      headers: dict[str, str], expected: int) -> None:
    app = APPS[service]()
    transport = httpx.ASGITransport(app=app)  # no lifespan: these answers come before any resource is used
    async with httpx.AsyncClient(transport=transport, base_url="http://svc") as client:
        response = await client.request(method, path, content=body, headers=headers)
    assert response.status_code == expected, response.text
    assert response.json()["detail"]
    template = next(p for m, p, _ in operations(app) if m == method and _matches(p, path))
    assert str(expected) in app.openapi()["paths"][template][method.lower()]["responses"]


def _matches(template: str, path: str) -> bool:
    t, p = template.split("/"), path.split("/")
    return len(t) == len(p) and all(a == b or a.startswith("{") for a, b in zip(t, p, strict=True))
