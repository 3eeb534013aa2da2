"""Request metrics are labelled by the route template (never the id in the path) and the status sent,
500 for an exception no handler answered."""

from __future__ import annotations

import uuid

from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from shared import metrics
from shared.http import RequestMetrics


def _count(service: str, method: str, route: str, status: str) -> float:
    return metrics.HTTP_REQUESTS.labels(service, method, route, status)._value.get()


def test_requests_are_counted_by_route_template_and_status() -> None:
    service = f"t-{uuid.uuid4().hex[:6]}"
    app = FastAPI()

    @app.get("/v1/things/{thing_id}")
    async def thing(thing_id: str) -> dict[str, str]:
        if thing_id == "missing":
            raise HTTPException(404, "no such thing")
        if thing_id == "bug":
            raise RuntimeError("a bug")
        return {"id": thing_id}

    app.add_middleware(RequestMetrics, service=service)
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/v1/things/abc").status_code == 200
    assert client.get("/v1/things/def").status_code == 200
    assert client.get("/v1/things/missing").status_code == 404
    assert client.get("/v1/things/bug").status_code == 500
    assert client.get("/nowhere").status_code == 404
    assert _count(service, "GET", "/v1/things/{thing_id}", "200") == 2
    assert _count(service, "GET", "/v1/things/{thing_id}", "404") == 1
    assert _count(service, "GET", "/v1/things/{thing_id}", "500") == 1
    assert _count(service, "GET", "unmatched", "404") == 1
