"""Issue 8, item 12: replication and producer idempotence are settings with production defaults; the dev stack
(embedded broker: one node, no idempotent producer) sets what it needs."""

from __future__ import annotations

import pytest

from devstack.stack import EMBEDDED_BROKER_ENV
from shared.kafka import make_producer
from shared.settings import ServiceSettings


def test_production_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RAQIB_TOPIC_REPLICATION_FACTOR", "RAQIB_KAFKA_IDEMPOTENCE", "RAQIB_KAFKA_FETCH_MAX_WAIT_MS"):
        monkeypatch.delenv(name, raising=False)
    s = ServiceSettings()
    assert s.topic_replication_factor == 3 and s.kafka_idempotence is True
    assert s.kafka_fetch_max_wait_ms == 500  # Apache Kafka answers a held fetch when a record arrives


def test_the_dev_stack_sets_what_the_embedded_broker_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in EMBEDDED_BROKER_ENV.items():
        monkeypatch.setenv(name, value)
    s = ServiceSettings()
    assert s.topic_replication_factor == 1 and s.kafka_idempotence is False
    assert s.kafka_fetch_max_wait_ms == 10  # the embedded broker holds an empty fetch until about the end of the wait


@pytest.mark.parametrize("idempotence", [True, False])
async def test_the_producer_follows_the_setting(idempotence: bool) -> None:
    producer = make_producer("127.0.0.1:9", idempotence)  # not started: nothing connects
    try:
        assert (producer._txn_manager is not None) is idempotence  # aiokafka keeps sequence numbers there
    finally:
        await producer.stop()
