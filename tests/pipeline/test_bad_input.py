"""Bad input gets a clear error and loses nothing: 4xx with a reason over HTTP; a poison message on a
topic goes to its DLQ with the reason in headers and the pipeline keeps flowing."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from devstack.stack import Stack
from shared.topics import ARTICLES, dlq
from tests.pipeline.conftest import Receiver

pytestmark = pytest.mark.pipeline


def ingest(stack: Stack) -> str:
    return f"{stack.services['ingest'].url}/v1/articles"


def test_unauthenticated_and_wrong_key_are_401(stack: Stack) -> None:
    assert httpx.post(ingest(stack), json={"text": "x"}).status_code == 401
    r = httpx.post(ingest(stack), json={"text": "x"}, headers={"Authorization": "Bearer rk_nope"})
    assert r.status_code == 401 and "invalid" in r.json()["detail"]
    assert httpx.post(f"{stack.services['alert'].url}/v1/subscriptions",
                      json={"url": "http://127.0.0.1:9/x"}).status_code == 401


def test_malformed_json_is_422_with_reason(stack: Stack, auth: dict[str, str]) -> None:
    r = httpx.post(ingest(stack), content=b'{"text": "unterminated', headers={
        **auth, "content-type": "application/json"})
    assert r.status_code == 422
    assert "json" in r.text.lower()


def test_missing_text_is_422(stack: Stack, auth: dict[str, str]) -> None:
    r = httpx.post(ingest(stack), json={"title": "no body"}, headers=auth)
    assert r.status_code == 422
    assert "text" in r.text


def test_body_over_one_megabyte_is_413(stack: Stack, auth: dict[str, str]) -> None:
    r = httpx.post(ingest(stack), json={"text": "ا" * 600_000}, headers=auth)
    assert r.status_code == 413
    assert "exceeds" in r.json()["detail"]


def test_unsafe_webhook_scheme_is_refused(stack: Stack, auth: dict[str, str]) -> None:
    r = httpx.post(f"{stack.services['alert'].url}/v1/subscriptions", headers=auth,
                   json={"url": "file:///etc/passwd"})
    assert r.status_code == 422 and "http" in r.json()["detail"]


async def _dlq_records(bootstrap: str, topic: str, partitions: int, timeout: float) -> list[object]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in range(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        out: list[object] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not out:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                out.extend(records)
        return out
    finally:
        await consumer.stop()


async def test_poison_message_goes_to_dlq_and_pipeline_keeps_flowing(
        stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    assert stack.broker is not None
    producer = AIOKafkaProducer(bootstrap_servers=stack.broker.bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(ARTICLES, b"\x00not json", key=b"poison", headers=[
            ("ce_specversion", b"1.0"), ("ce_type", b"org.raqib.article.received.v1"), ("ce_id", b"p1"),
            ("ce_source", b"/test"), ("content-type", b"application/json")])
    finally:
        await producer.stop()

    records = await _dlq_records(stack.broker.bootstrap, dlq(ARTICLES), 2, timeout=30)
    assert records, "the poison message did not reach the DLQ"
    headers = dict(records[0].headers)  # type: ignore[attr-defined]
    assert b"invalid ArticleReceived" in headers["dlq_reason"]
    assert headers["dlq_source_topic"] == ARTICLES.encode()

    # and a good article still flows all the way through
    r = await asyncio.to_thread(httpx.post, f"{stack.services['alert'].url}/v1/subscriptions", headers=auth,
                                json={"url": receiver.url("after-poison")})
    assert r.status_code == 201
    await asyncio.to_thread(httpx.post, ingest(stack), headers=auth, json={
        "text": f"Detainees were moved from Ghwayran prison overnight (ref {uuid.uuid4()}).", "lang": "en"})
    await asyncio.to_thread(receiver.wait_for, "after-poison", 1)
