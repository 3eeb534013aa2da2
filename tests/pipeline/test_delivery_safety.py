"""Webhook delivery under bad subscriptions and bad receivers, against the running pipeline: a malformed URL
is refused at the API, or (stored by an older version) fails as an attempt while other notices flow; a slow
receiver delays no one else and times out as a whole; an endless answer is not read; an unsubscribed
webhook gets no more retries and cannot be replayed."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx
import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import create_async_engine

from devstack.stack import Stack
from services.alert.delivery import new_secret
from services.alert.models import subscriptions
from shared.settings import async_database_url
from tests.pipeline.conftest import Receiver

pytestmark = pytest.mark.pipeline
BIG_ANSWER = 64 * 1024 * 1024


class BadReceiver(BaseHTTPRequestHandler):
    """/drip/...: answers 200 and then one byte every 0.5 s for 30 s; /big/...: a 64 MiB answer."""

    hits: ClassVar[list[str]] = []
    big_sent: ClassVar[list[int]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.hits.append(self.path)
        try:
            if self.path.startswith("/drip/"):
                self._answer(60)
                for _ in range(60):
                    time.sleep(0.5)
                    self.wfile.write(b".")
                    self.wfile.flush()
            elif self.path.startswith("/big/"):
                self._answer(BIG_ANSWER)
                sent, chunk = 0, b"x" * 65536
                try:
                    while sent < BIG_ANSWER:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                finally:
                    self.big_sent.append(sent)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, length: int) -> None:
        self.send_response(200)
        self.send_header("content-length", str(length))
        self.end_headers()
        self.wfile.flush()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def bad_receiver() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BadReceiver)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def alert_api(stack: Stack) -> str:
    return f"{stack.services['alert'].url}/v1"


def subscribe(stack: Stack, auth: dict[str, str], url: str, **filters: object) -> str:
    r = httpx.post(f"{alert_api(stack)}/subscriptions", headers=auth, json={"url": url, "filters": filters}, timeout=10)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def unsubscribe(stack: Stack, auth: dict[str, str], sub_id: str) -> None:
    assert httpx.delete(f"{alert_api(stack)}/subscriptions/{sub_id}", headers=auth, timeout=10).status_code == 204


def post(stack: Stack, auth: dict[str, str], text: str) -> None:
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, timeout=10,
                   json={"text": f"{text} (ref {uuid.uuid4()})", "lang": "en"})
    assert r.status_code == 202, r.text


def deliveries(stack: Stack, auth: dict[str, str], sub_id: str) -> list[dict[str, Any]]:
    r = httpx.get(f"{alert_api(stack)}/deliveries", headers=auth, params={"subscription_id": sub_id}, timeout=10)
    assert r.status_code == 200, r.text
    return list(r.json())


def wait_until(what: str, check: Callable[[], Any], timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout}s: {what}")


PRISON = "Detainees were moved from Ghwayran prison overnight"
CAMP = "Guards at Roj camp in north-east Syria reported a fire in one section"


async def test_a_stored_malformed_url_fails_as_an_attempt_and_notices_keep_flowing(
        stack: Stack, receiver: Receiver, auth: dict[str, str], pipeline_database_url: str) -> None:
    bad_id = uuid.uuid4()  # as an older, laxer version stored it (issue 8: it crash-looped the service)
    engine = create_async_engine(async_database_url(pipeline_database_url))
    try:
        async with engine.begin() as conn:
            await conn.execute(insert(subscriptions).values(id=bad_id, url=receiver.url("bad") + "\x01",
                                                            secret=new_secret(), filters={}))
    finally:
        await engine.dispose()
    good = subscribe(stack, auth, receiver.url("after-bad"))
    try:
        post(stack, auth, CAMP)
        receiver.wait_for("after-bad", 1)
        failed = wait_until("the bad subscription's attempt is recorded", lambda: [
            d for d in deliveries(stack, auth, str(bad_id)) if d["attempts"] >= 1 and d["last_error"]])
        assert "U+0001" in failed[0]["last_error"], failed
        post(stack, auth, PRISON)  # and the next one flows too
        receiver.wait_for("after-bad", 2)
        assert stack.services["alert"].process.poll() is None, stack.services["alert"].log_tail()
        assert receiver.received("bad") == []
    finally:
        unsubscribe(stack, auth, str(bad_id))
        unsubscribe(stack, auth, good)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/a\x01", "http://127.0.0.1:9/a\x00", "http://127.0.0.1:9/a b",
                                 "http://u:p@127.0.0.1:9/", "http://127.0.0.1:99999/", "gopher://127.0.0.1/",
                                 "http://127.0.0.1:9/" + "a" * 3000, "http://[::1/x"])
def test_malformed_webhook_urls_are_422_with_a_reason(stack: Stack, auth: dict[str, str], url: str) -> None:
    r = httpx.post(f"{alert_api(stack)}/subscriptions", headers=auth, json={"url": url}, timeout=10)
    assert r.status_code == 422, r.text
    assert "url" in r.text


def test_nul_in_alert_service_strings_is_422_not_500(stack: Stack, auth: dict[str, str]) -> None:
    api = alert_api(stack)
    r = httpx.post(f"{api}/subscriptions", headers=auth, json={"url": "http://127.0.0.1:9/a\x01"}, timeout=10)
    assert r.status_code == 422 and "U+0001" in r.json()["detail"], r.text  # the reason, in one sentence
    for filters in ({"facility_ids": ["fac:\x00"]}, {"countries": ["S\x00"]}, {"facility_ids": ["fac:\ud800"]}):
        body = json.dumps({"url": "http://127.0.0.1:9/x", "filters": filters})  # ASCII: \ud800 as JSON lets it
        r = httpx.post(f"{api}/subscriptions", headers={**auth, "content-type": "application/json"}, timeout=10,
                       content=body)
        assert r.status_code == 422 and "control characters" in r.text, r.text
    r = httpx.post(f"{api}/subscriptions", headers=auth, timeout=10,
                   json={"url": "http://127.0.0.1:9/x", "filters": {"kinds\x00": ["camp"]}})
    assert r.status_code == 422, r.text
    r = httpx.post(f"{api}/api-keys", headers=auth, json={"name": "ops\x00", "scopes": ["read"]}, timeout=10)
    assert r.status_code == 422, r.text
    r = httpx.get(f"{api}/alerts", headers=auth, params={"facility_id": "fac\x00"}, timeout=10)
    assert r.status_code == 422, r.text


def test_a_dripping_receiver_delays_no_other_and_times_out_whole(
        stack: Stack, receiver: Receiver, auth: dict[str, str], bad_receiver: str) -> None:
    drip = subscribe(stack, auth, f"{bad_receiver}/drip/1", kinds=["prison"])
    fast = subscribe(stack, auth, receiver.url("fast-camp"), kinds=["camp"])
    try:
        post(stack, auth, PRISON)
        wait_until("the drip receiver is being sent to", lambda: "/drip/1" in BadReceiver.hits)
        started = time.monotonic()
        post(stack, auth, CAMP)
        receiver.wait_for("fast-camp", 1, timeout=15)  # the drip answer lasts 30 s
        assert time.monotonic() - started < 15
        # the per-read timeout never fired on a byte every 0.5 s; the attempt's deadline (10 s) does
        timed_out = wait_until("the dripping attempt times out", lambda: [
            d for d in deliveries(stack, auth, drip) if d["last_error"]], timeout=25)
        assert "no complete answer within 10 s" in timed_out[0]["last_error"], timed_out
    finally:
        unsubscribe(stack, auth, drip)
        unsubscribe(stack, auth, fast)


def test_an_endless_answer_is_not_read_whole(stack: Stack, auth: dict[str, str], bad_receiver: str) -> None:
    big = subscribe(stack, auth, f"{bad_receiver}/big/1", kinds=["prison"])
    try:
        post(stack, auth, PRISON)
        done = wait_until("the delivery succeeds", lambda: [
            d for d in deliveries(stack, auth, big) if d["status"] == "succeeded"])
        assert done[0]["last_status_code"] == 200
        wait_until("the receiver stops sending", lambda: BadReceiver.big_sent)
        assert BadReceiver.big_sent[0] < BIG_ANSWER / 2, BadReceiver.big_sent
    finally:
        unsubscribe(stack, auth, big)


def test_unsubscribing_stops_retries_and_replays(stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    gone = subscribe(stack, auth, receiver.url("gone"), kinds=["camp"])
    receiver.fail_next("gone", 100)
    post(stack, auth, CAMP)
    wait_until("a first failed attempt", lambda: receiver.received("gone"))
    unsubscribe(stack, auth, gone)
    seen = len(receiver.received("gone"))
    time.sleep(3)  # retries come 0.5 s and 1 s apart in this stack
    assert len(receiver.received("gone")) <= seen + 1  # at most the attempt already under way
    (d,) = deliveries(stack, auth, gone)
    assert d["status"] == "cancelled" and d["last_error"] == "subscription deleted"
    r = httpx.post(f"{alert_api(stack)}/deliveries/{d['id']}/replay", headers=auth, timeout=10)
    assert r.status_code == 409 and "subscription was deleted" in r.json()["detail"], r.text
    time.sleep(1)
    assert len(receiver.received("gone")) <= seen + 1
