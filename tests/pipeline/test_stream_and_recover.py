"""`/v1/alerts/stream` (SSE) and `/v1/subscriptions/{id}/recover` against the running pipeline."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from tests.pipeline.conftest import Receiver

pytestmark = pytest.mark.pipeline


def read_events(url: str, headers: dict[str, str], until: Callable[[dict[str, Any]], bool], out: list[dict[str, Any]],
                ready: threading.Event, timeout: float = 30) -> None:
    """Collect events (id, event, data) until one satisfies `until`."""
    with httpx.stream("GET", url, headers=headers, timeout=timeout) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        event: dict[str, Any] = {}
        for line in r.iter_lines():
            if line.startswith(": connected"):
                ready.set()
            elif line.startswith("id: "):
                event["id"] = line[4:]
            elif line.startswith("event: "):
                event["event"] = line[7:]
            elif line.startswith("data: "):
                event["data"] = json.loads(line[6:])
            elif line == "" and event:
                out.append(event)
                event = {}
                if until(out[-1]):
                    return


def names(tag: str) -> Callable[[dict[str, Any]], bool]:
    return lambda e: tag in json.dumps(e["data"], ensure_ascii=False)


def test_stream_pushes_incident_changes_and_replays_after_last_event_id(stack: Stack, auth: dict[str, str]) -> None:
    url = f"{stack.services['alert'].url}/v1/alerts/stream"
    got: list[dict[str, Any]] = []
    ready = threading.Event()
    tag = uuid.uuid4().hex
    reader = threading.Thread(target=read_events, args=(url, auth, names(tag), got, ready), daemon=True)
    reader.start()
    assert ready.wait(10)
    httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, json={
        "lang": "en", "text": f"Detainees were moved out of Ghwayran prison and Roj camp overnight ({tag})."})
    reader.join(30)
    assert got and names(tag)(got[-1]), "no change for the article arrived on the stream"
    first = got[-1]
    assert first["event"] == "alert.opened" and first["data"]["change"] == "opened"
    assert first["data"]["incident"]["kind"] in {"prison", "camp"} and first["id"] == str(first["data"]["seq"])
    assert tag in first["data"]["article"]["evidence"]

    # reconnecting after the first change replays the later ones from the database (the other facility's opening)
    replayed: list[dict[str, Any]] = []
    t = threading.Thread(target=read_events, args=(url, {**auth, "Last-Event-ID": first["id"]}, names(tag),
                                                   replayed, threading.Event()), daemon=True)
    t.start()
    t.join(20)
    assert replayed, "nothing replayed after Last-Event-ID"
    assert all(int(e["id"]) > int(first["id"]) for e in replayed)
    assert replayed[-1]["data"]["incident"]["facility_id"] != first["data"]["incident"]["facility_id"]
    bad = httpx.get(url, headers={**auth, "Last-Event-ID": "not-a-number"})
    assert bad.status_code == 422


def test_stream_needs_a_key(stack: Stack) -> None:
    assert httpx.get(f"{stack.services['alert'].url}/v1/alerts/stream").status_code == 401


def test_recover_delivers_what_a_subscription_missed(stack: Stack, receiver: Receiver,
                                                     auth: dict[str, str]) -> None:
    alert_url = stack.services["alert"].url
    tag = uuid.uuid4().hex
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, json={
        "lang": "en", "text": f"Aid trucks reached Rukban camp on Tuesday ({tag})."})
    article_id = r.json()["id"]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        alerts = httpx.get(f"{alert_url}/v1/alerts", headers=auth, params={"limit": 500}).json()
        if any(a["article_id"] == article_id for a in alerts):
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the alert was not raised")

    late = httpx.post(f"{alert_url}/v1/subscriptions", headers=auth, json={"url": receiver.url("late")}).json()
    since = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
    r = httpx.post(f"{alert_url}/v1/subscriptions/{late['id']}/recover", headers=auth, params={"since": since})
    assert r.status_code == 202 and r.json()["queued"] >= 1
    notices = receiver.wait_for("late", r.json()["queued"])
    assert article_id in {a["article_id"] for n in notices for a in json.loads(n["body"])["data"]["articles"]}
    again = httpx.post(f"{alert_url}/v1/subscriptions/{late['id']}/recover", headers=auth, params={"since": since})
    assert again.json() == {"queued": 0}  # nothing missed any more
    missing = httpx.post(f"{alert_url}/v1/subscriptions/{uuid.uuid4()}/recover", headers=auth,
                         params={"since": since})
    assert missing.status_code == 404
