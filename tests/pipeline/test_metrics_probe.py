"""Consumer-group lag and DLQ size as the probe reads them from the real broker (Tansu, in the test
process): committed() + end_offsets(), since the embedded broker cannot list group offsets via admin."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from prometheus_client import REGISTRY

from devstack.embedded import Broker, start_broker
from shared.lag import GroupLagProbe
from shared.topics import dlq
from tests.pipeline.kafka_support import create_topic, produce

pytestmark = pytest.mark.pipeline


@pytest.fixture(scope="module")
def broker() -> Iterator[Broker]:
    b = start_broker()
    yield b
    b.stop()


async def commit(bootstrap: str, group: str, offsets: dict[TopicPartition, int]) -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(list(offsets))
        await consumer.commit(offsets)
    finally:
        await consumer.stop()


async def test_lag_counts_uncommitted_records_over_every_partition(broker: Broker) -> None:
    topic, group = f"lag-{uuid.uuid4().hex[:8]}", f"g-{uuid.uuid4().hex[:8]}"
    await create_topic(broker.bootstrap, topic, partitions=2)
    await create_topic(broker.bootstrap, dlq(topic), partitions=2)
    # one record per request: each is its own batch, so the embedded broker's end offsets are exact
    await produce(broker.bootstrap, topic, [(b"{}", [])] * 5, partition=0)
    await produce(broker.bootstrap, topic, [(b"{}", [])] * 3, partition=1)
    probe = GroupLagProbe(broker.bootstrap, group, topic)
    await probe.start()
    try:
        assert await probe.lag() == 8  # nothing committed: all of it
        assert await probe.dlq_records() == 0
        await commit(broker.bootstrap, group, {TopicPartition(topic, 0): 4, TopicPartition(topic, 1): 3})
        assert await probe.lag() == 1
        await produce(broker.bootstrap, dlq(topic), [(b"bad", [])] * 2, partition=1)
        await probe.sample()
        assert REGISTRY.get_sample_value("raqib_consumer_group_lag_records",
                                         {"topic": topic, "group": group}) == 1
        assert REGISTRY.get_sample_value("raqib_dlq_records", {"topic": dlq(topic)}) == 2
    finally:
        await probe.close()


async def test_a_topic_without_partitions_yet_reads_zero(broker: Broker) -> None:
    probe = GroupLagProbe(broker.bootstrap, "g-none", f"absent-{uuid.uuid4().hex[:8]}")
    await probe.start()
    try:
        assert await probe.lag() == 0 and await probe.dlq_records() == 0
    finally:
        await probe.close()
