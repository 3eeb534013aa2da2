"""The HTTP surface every client relies on: ops endpoints, scopes, batch ingest, alert life cycle."""

from __future__ import annotations

import uuid

import httpx
import pytest

from devstack.stack import Stack
from tests.pipeline.conftest import Receiver

pytestmark = pytest.mark.pipeline


@pytest.mark.parametrize("service", ["ingest", "enrich", "alert"])
def test_ops_endpoints(stack: Stack, service: str) -> None:
    base = stack.services[service].url
    assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{base}/readyz").json()
    assert ready == {"status": "ready", "checks": {"database": "ok", "broker": "ok"}}
    metrics = httpx.get(f"{base}/metrics").text
    assert "raqib_http_requests_total" in metrics
    assert httpx.get(f"{base}/openapi.json").json()["info"]["title"] == f"Raqib {service}"


def test_a_key_without_the_scope_gets_403(stack: Stack, auth: dict[str, str]) -> None:
    r = httpx.post(f"{stack.services['alert'].url}/v1/api-keys", headers=auth,
                   json={"name": "reader", "scopes": ["read"]})
    assert r.status_code == 201
    reader = {"Authorization": f"Bearer {r.json()['key']}"}
    assert httpx.get(f"{stack.services['alert'].url}/v1/alerts", headers=reader).status_code == 200
    denied = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=reader, json={"text": "x"})
    assert denied.status_code == 403 and "articles:write" in denied.json()["detail"]
    assert httpx.post(f"{stack.services['alert'].url}/v1/api-keys", headers=reader,
                      json={"name": "x", "scopes": ["admin"]}).status_code == 403


def test_batch_ingest_reports_each_article(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    body = {"articles": [{"text": f"first {tag}"}, {"text": f"second {tag}"}, {"text": f"first  {tag}"}]}
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles/batch", headers=auth, json=body)
    assert r.status_code == 202
    results = r.json()["results"]
    assert [x["duplicate"] for x in results] == [False, False, True]
    assert results[0]["id"] == results[2]["id"] != results[1]["id"]
    got = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{results[1]['id']}", headers=auth).json()
    assert got["text"] == f"second {tag}"


def test_alert_ack_and_resolve(stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    alert_url = stack.services["alert"].url
    httpx.post(f"{alert_url}/v1/subscriptions", headers=auth, json={"url": receiver.url("lifecycle")})
    httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth,
               json={"text": f"A riot broke out in Sednaya prison (ref {uuid.uuid4()}).", "lang": "en"})
    (notice,) = receiver.wait_for("lifecycle", 1)
    alert_id = httpx.Response(200, content=notice["body"]).json()["data"]["incident"]["id"]
    assert httpx.get(f"{alert_url}/v1/alerts/{alert_id}", headers=auth).json()["status"] == "firing"
    assert httpx.post(f"{alert_url}/v1/alerts/{alert_id}/ack").status_code == 401
    assert httpx.post(f"{alert_url}/v1/alerts/{alert_id}/ack", headers=auth).json()["status"] == "acknowledged"
    assert httpx.post(f"{alert_url}/v1/alerts/{alert_id}/resolve", headers=auth).json()["status"] == "resolved"
    assert httpx.post(f"{alert_url}/v1/alerts/{alert_id}/ack", headers=auth).status_code == 409  # resolved
    assert httpx.post(f"{alert_url}/v1/alerts/{uuid.uuid4()}/ack", headers=auth).status_code == 404
    # subscribers that were told it fired are told it was acknowledged, then resolved
    kinds = [httpx.Response(200, content=n["body"]).json()["type"] for n in receiver.wait_for("lifecycle", 3)]
    assert kinds == ["alert.firing", "alert.acknowledged", "alert.resolved"]
