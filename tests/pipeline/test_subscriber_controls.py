"""A subscriber's controls against the running pipeline and a real receiver process that verifies signatures with
the standardwebhooks library and fails on demand: formats, secret rotation (both signatures during the overlap),
test notices, PATCH (url, format, pause), retries on 500 / timeout / 429 + Retry-After, 410 disabling the
subscription, the attempt log, API keys; a dead and a slow receiver cost a healthy one nothing."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from devstack.embedded import free_port
from devstack.stack import Stack
from tests.alertmanager import shown
from tests.pipeline.conftest import Receiver
from tests.pipeline.test_delivery_safety import alert_api, deliveries, unsubscribe, wait_until

pytestmark = pytest.mark.pipeline
PAGERDUTY = json.loads((Path(__file__).parents[1] / "data/schemas/pagerduty-events-v2.schema.json").read_text())
KEY = "A" * 32
# Reports naming the same facility within its rule's window join one incident (one first notice): each report
# here names a camp that no other report in the session names, so each opens an incident of its own.
# (not Areesha camp: the pipeline rules resolve its incidents after 2 s, for the auto-resolve test)
_CAMPS = iter(["Washokani camp", "Newroz camp", "Abu Khashab camp", "Mahmoudli camp", "Tal Samen camp",
               "Ain Issa camp", "Mabrouka camp", "Berxwedan camp", "Qah camp", "Bab al-Salama camp",
               "Sijo camp", "Deir Ballut camp", "Serekaniye camp", "Atmeh camps", "Kafr Lusin camps",
               "Jeddah-1 camp", "al-Hol camp"])


def report(stack: Stack, auth: dict[str, str], camp: str | None = None) -> None:
    """A report from an outlet (its URL) that opens a new incident (a first notice to every camp subscription)."""
    ref = uuid.uuid4().hex
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, timeout=10, json={
        "text": f"Guards at {camp or next(_CAMPS)} in north-east Syria reported a fire in one section (ref {ref})",
        "lang": "en", "url": f"https://news-{ref[:6]}.example/{ref}"})
    assert r.status_code == 202, r.text


def create(stack: Stack, auth: dict[str, str], url: str, **extra: Any) -> dict[str, Any]:
    r = httpx.post(f"{alert_api(stack)}/subscriptions", headers=auth, timeout=10,
                   json={"url": url, "filters": {"kinds": ["camp"]}, **extra})
    assert r.status_code == 201, r.text
    return dict(r.json())


def sub(stack: Stack, auth: dict[str, str], sub_id: str) -> dict[str, Any]:
    r = httpx.get(f"{alert_api(stack)}/subscriptions/{sub_id}", headers=auth, timeout=10)
    assert r.status_code == 200, r.text
    return dict(r.json())


def patch(stack: Stack, auth: dict[str, str], sub_id: str, **changes: Any) -> httpx.Response:
    return httpx.patch(f"{alert_api(stack)}/subscriptions/{sub_id}", headers=auth, json=changes, timeout=10)


def attempts(stack: Stack, auth: dict[str, str], **params: str) -> list[dict[str, Any]]:
    r = httpx.get(f"{alert_api(stack)}/deliveries/attempts", headers=auth, params=params, timeout=10)
    assert r.status_code == 200, r.text
    return list(r.json())


def delivered(receiver: Receiver, name: str) -> list[dict[str, Any]]:
    return [i for i in receiver.received(name) if i["answered"] == 204 and i["mode"] is None]


def wait_body(receiver: Receiver, name: str, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The first JSON body `name` received (and answered 2xx) that is `wanted`."""
    def found() -> dict[str, Any] | None:
        return next((b for i in delivered(receiver, name) if wanted(b := json.loads(i["body"]))), None)

    return dict(wait_until(f"{name} receives the body wanted", found, timeout=30))


def test_signatures_verify_and_a_rotation_sends_both_for_the_overlap(
        stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    s = create(stack, auth, receiver.url("rot"))
    try:
        receiver.verify_with("rot", [s["secret"]])
        report(stack, auth)
        (first,) = receiver.wait_for("rot", 1)
        assert first["verified"] == [True] and json.loads(first["body"])["type"] == "alert.firing"
        r = httpx.post(f"{alert_api(stack)}/subscriptions/{s['id']}/rotate-secret", headers=auth, timeout=10)
        assert r.status_code == 200, r.text
        new = r.json()["secret"]
        assert new != s["secret"] and sub(stack, auth, s["id"])["previous_secret_expires_at"]
        receiver.verify_with("rot", [s["secret"], new])
        report(stack, auth)
        second = receiver.wait_for("rot", 2)[-1]
        assert second["verified"] == [True, True]  # a receiver on either secret accepts it
        assert len(second["headers"]["webhook-signature"].split(" ")) == 2
        assert "secret" not in sub(stack, auth, s["id"])  # never shown again
    finally:
        unsubscribe(stack, auth, s["id"])


def test_test_notices_patch_formats_and_pause(stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    s = create(stack, auth, receiver.url("ctl-a"))
    api = alert_api(stack)
    try:
        receiver.verify_with("ctl-a", [s["secret"]])
        r = httpx.post(f"{api}/subscriptions/{s['id']}/test", headers=auth, timeout=20)
        assert r.status_code == 200 and r.json()["ok"] and r.json()["status_code"] == 204, r.text
        (got,) = receiver.received("ctl-a")
        assert got["verified"] == [True] and json.loads(got["body"])["type"] == "alert.test"
        assert json.loads(got["body"])["data"]["incident"]["facility_ar"] == "مخيم الهول"
        receiver.mode("ctl-a", "500")
        failed = httpx.post(f"{api}/subscriptions/{s['id']}/test", headers=auth, timeout=20).json()
        assert not failed["ok"] and failed["status_code"] == 500 and failed["response"] == "induced 500"
        logged = attempts(stack, auth, subscription_id=s["id"])
        assert [(a["test"], a["status_code"]) for a in logged] == [(True, 500), (True, 204)]

        # PATCH: a bad url is refused as on creation; pagerduty needs a routing key
        assert patch(stack, auth, s["id"], url="http://user:pw@127.0.0.1/x").status_code == 422
        assert patch(stack, auth, s["id"], format="pagerduty").status_code == 422
        assert patch(stack, auth, s["id"], enabled=None).status_code == 422
        r = patch(stack, auth, s["id"], url=receiver.url("ctl-b"), format="slack")
        assert r.status_code == 200 and r.json()["format"] == "slack", r.text
        report(stack, auth)
        slack = wait_body(receiver, "ctl-b", lambda b: "blocks" in b)
        assert slack["blocks"][0]["type"] == "header" and "firing" in slack["blocks"][0]["text"]["text"]

        r = patch(stack, auth, s["id"], format="pagerduty", routing_key=KEY)
        assert r.status_code == 200 and r.json()["routing_key_hint"] == "…AAAA", r.text
        test = httpx.post(f"{api}/subscriptions/{s['id']}/test", headers=auth, timeout=20).json()
        assert test["ok"]
        pd = wait_body(receiver, "ctl-b", lambda b: b.get("payload", {}).get("custom_details", {}).get("notice")
                       == "test")
        assert pd["routing_key"] == KEY and pd["event_action"] == "trigger" and pd["payload"]["severity"] == "info"
        report(stack, auth)  # a real incident's first notice, as PagerDuty Events v2
        pd = wait_body(receiver, "ctl-b", lambda b: b.get("payload", {}).get("custom_details", {}).get("notice")
                       == "firing")
        jsonschema.Draft202012Validator(PAGERDUTY).validate(pd)
        assert pd["event_action"] == "trigger" and len(pd["dedup_key"]) == 64 and pd["links"]

        assert patch(stack, auth, s["id"], format="alertmanager").json()["routing_key_hint"] is None
        report(stack, auth)  # ... as Alertmanager's webhook v4
        am = wait_body(receiver, "ctl-b", lambda b: b.get("version") == "4" and b["status"] == "firing")
        assert am["alerts"][0]["labels"]["alertname"] == "FacilityNamed" and am["alerts"][0]["labels"]["kind"] == "camp"

        # paused: notices wait (pending) and go out once enabled again
        assert patch(stack, auth, s["id"], enabled=False, format="standard").json()["enabled"] is False
        before = len(receiver.received("ctl-b"))
        report(stack, auth)
        wait_until("a delivery is queued", lambda: [d for d in deliveries(stack, auth, s["id"])
                                                    if d["status"] == "pending"])
        time.sleep(2)
        assert len(receiver.received("ctl-b")) == before
        assert sub(stack, auth, s["id"])["disabled_reason"] == "disabled by its owner"
        assert patch(stack, auth, s["id"], enabled=True).json()["disabled_reason"] is None
        receiver.wait_for("ctl-b", before + 1, timeout=15)
    finally:
        unsubscribe(stack, auth, s["id"])
    assert httpx.post(f"{api}/subscriptions/{s['id']}/test", headers=auth, timeout=10).status_code == 404


def test_retries_on_500_timeout_429_and_410_disables(stack: Stack, receiver: Receiver,
                                                     auth: dict[str, str]) -> None:
    names = ("r500", "rtimeout", "r429", "r410")
    subs = {n: create(stack, auth, receiver.url(n)) for n in names}
    try:
        receiver.mode("r500", "500", 2)
        receiver.mode("rtimeout", "timeout", 1, sleep=13)
        receiver.mode("r429", "429", 1, retry_after="3")
        receiver.mode("r410", "410", 5)
        for n in names:
            receiver.verify_with(n, [subs[n]["secret"]])
        report(stack, auth)
        for n in ("r500", "rtimeout", "r429"):
            receiver.wait_for(n, 1, timeout=40)
        got = {n: receiver.received(n) for n in names}
        assert [i["answered"] for i in got["r500"]][:3] == [500, 500, 204]
        assert all(i["verified"] == [True] for n in names for i in got[n])
        ids = {n: {i["headers"]["webhook-id"] for i in got[n]} for n in names}
        assert all(len(v) == 1 for v in ids.values()), ids  # one webhook-id across retries
        t429 = [i["at"] for i in got["r429"]]
        assert t429[1] - t429[0] >= 2.9, t429  # Retry-After: 3 waited, over the schedule's 0.5 s

        log = wait_until("both attempts are logged", lambda: (
            found if len(found := attempts(stack, auth, subscription_id=subs["rtimeout"]["id"])) >= 2 else None))
        assert [a["error"] for a in reversed(log)][:2] == ["no complete answer within 10 s", None]
        assert log[0]["latency_ms"] > 0 and log[0]["status_code"] == 204
        alert_id = deliveries(stack, auth, subs["r500"]["id"])[0]["alert_id"]
        per_alert = attempts(stack, auth, alert_id=alert_id, limit="1000")
        assert {subs[n]["id"] for n in names} <= {a["subscription_id"] for a in per_alert}

        gone = wait_until("410 disables the subscription", lambda: (
            found if not (found := sub(stack, auth, subs["r410"]["id"]))["enabled"] else None))
        assert "410 Gone" in gone["disabled_reason"] and gone["disabled_at"]
        assert len(got["r410"]) == 1  # no retry after 410
        (d,) = deliveries(stack, auth, subs["r410"]["id"])
        assert d["status"] == "failed" and d["last_status_code"] == 410
    finally:
        for s in subs.values():
            unsubscribe(stack, auth, s["id"])


def test_a_dead_and_a_slow_receiver_cost_a_healthy_one_nothing(stack: Stack, receiver: Receiver,
                                                               auth: dict[str, str]) -> None:
    dead = create(stack, auth, f"http://127.0.0.1:{free_port()}/nobody")  # connection refused
    slow = create(stack, auth, receiver.url("slow"))
    healthy = create(stack, auth, receiver.url("healthy"))
    receiver.mode("slow", "timeout", 100, sleep=30)
    try:
        started = time.monotonic()
        for _ in range(8):
            report(stack, auth)
        receiver.wait_for("healthy", 8, timeout=30)
        took = time.monotonic() - started
        assert took < 20, took  # the slow receiver's 10 s timeouts do not queue the healthy one
        slow_at = sorted(i["at"] for i in receiver.received("slow"))
        assert slow_at and len([t for t in slow_at if t < slow_at[0] + 9]) <= 4  # at most its share of slots
        broken = wait_until("the dead endpoint's breaker opens", lambda: (
            found if (found := sub(stack, auth, dead["id"]))["circuit_open_until"] else None), timeout=30)
        assert broken["consecutive_failures"] >= 5 and broken["enabled"]
        # while open, its deliveries wait without spending attempts; healthy deliveries keep flowing
        report(stack, auth)
        receiver.wait_for("healthy", 9, timeout=10)
    finally:
        for s in (dead, slow, healthy):
            unsubscribe(stack, auth, s["id"])


def test_a_subscriptions_rate_limit_spaces_its_deliveries(stack: Stack, receiver: Receiver,
                                                          auth: dict[str, str]) -> None:
    rated = create(stack, auth, receiver.url("rated"), rate_limit_per_s=2)
    try:
        assert sub(stack, auth, rated["id"])["rate_limit_per_s"] == 2
        for _ in range(6):  # each its own incident (the pipeline rules' zero window for this camp)
            report(stack, auth, camp="Roj camp")
        got = sorted(i["at"] for i in receiver.wait_for("rated", 6, timeout=30))[:6]
        # a burst of 2, then 2 a second: the last of 6 at least ~2 s after the first (without the limit: ~0.2 s)
        assert got[-1] - got[0] >= 1.8, [round(t - got[0], 2) for t in got]
        assert not [d for d in deliveries(stack, auth, rated["id"]) if d["attempts"] > 1]  # no attempt spent waiting
    finally:
        unsubscribe(stack, auth, rated["id"])


def test_api_keys_are_listed_without_material_and_revoked(stack: Stack, auth: dict[str, str]) -> None:
    api = alert_api(stack)
    made = httpx.post(f"{api}/api-keys", headers=auth, json={"name": "temp", "scopes": ["read"]}, timeout=10).json()
    key = {"Authorization": f"Bearer {made['key']}"}
    assert httpx.get(f"{api}/subscriptions", headers=key, timeout=10).status_code == 200
    listed = httpx.get(f"{api}/api-keys", headers=auth, timeout=10)
    assert listed.status_code == 200 and made["key"] not in listed.text
    (row,) = [k for k in listed.json() if k["id"] == made["id"]]
    assert set(row) == {"id", "name", "scopes", "created_at", "revoked_at"} and row["revoked_at"] is None
    assert httpx.get(f"{api}/api-keys", headers=key, timeout=10).status_code == 403
    assert httpx.delete(f"{api}/api-keys/{made['id']}", headers=auth, timeout=10).status_code == 204
    assert httpx.get(f"{api}/subscriptions", headers=key, timeout=10).status_code == 401
    assert httpx.delete(f"{api}/api-keys/{made['id']}", headers=key, timeout=10).status_code == 401


def test_formats_are_validated_at_subscribe(stack: Stack, auth: dict[str, str]) -> None:
    api = alert_api(stack)
    for body in ({"url": "https://events.pagerduty.com/v2/enqueue", "format": "pagerduty"},
                 {"url": "http://127.0.0.1:9/x", "format": "standard", "routing_key": KEY},
                 {"url": "http://127.0.0.1:9/x", "format": "pagerduty", "routing_key": "short"},
                 {"url": "http://127.0.0.1:9/x", "format": "email"}):
        r = httpx.post(f"{api}/subscriptions", headers=auth, json=body, timeout=10)
        assert r.status_code == 422, (body, r.text)


def test_incidents_reach_a_real_alertmanager_and_end_there(stack: Stack, auth: dict[str, str],
                                                           alertmanager_url: str | None) -> None:
    if alertmanager_url is None:
        pytest.skip("prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)")
    camp = "Serdem camp"  # named by no other report of the session
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, timeout=10, json={
        "text": f"Guards at {camp} in north-east Syria reported a fire in one section", "lang": "en",
        "url": f"https://am-{uuid.uuid4().hex[:6]}.example/report"})
    assert r.status_code == 202, r.text

    def shown_for() -> list[dict[str, Any]]:
        return [a for a in shown(alertmanager_url) if a["labels"].get("facility") == camp]

    (am,) = wait_until("Alertmanager shows the incident", shown_for, timeout=30)
    assert {k: am["labels"][k] for k in ("alertname", "kind", "country", "severity", "rule")} == {
        "alertname": "FacilityNamed", "kind": "camp", "country": "SY", "severity": "info", "rule": "facility-named"}
    assert am["labels"]["facility_id"].startswith("fac:sy-") and camp in am["annotations"]["evidence"]
    assert am["annotations"]["article_url"].endswith("/report") and am["status"]["state"] == "active"
    alert_id = am["annotations"]["incident_id"]
    r = httpx.post(f"{alert_api(stack)}/alerts/{alert_id}/resolve", headers=auth, timeout=10)
    assert r.status_code == 200, r.text
    wait_until("the incident ends in Alertmanager", lambda: not shown_for(), timeout=30)
