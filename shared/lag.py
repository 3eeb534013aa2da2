"""Consumer-group lag and dead-letter backlog, read from the broker at scrape time.

The embedded broker cannot list a group's offsets through the admin API (DESIGN.md §2), so the probe asks
as a consumer would: `committed()` per partition (an OffsetFetch for the group; the probe never subscribes,
so it never joins the group or disturbs its members) and `end_offsets()`/`beginning_offsets()`. On the
embedded broker end offsets under-report by the last record batch's size minus one, so lag there is
approximate (it reads 0 while only the last batch is unhandled); Apache Kafka reports it exactly."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition

from shared import metrics
from shared.topics import dlq


class GroupLagProbe:
    def __init__(self, bootstrap: str, group: str, topic: str) -> None:
        self.group, self.topic, self.dlq_topic = group, topic, dlq(topic)
        self.consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False,
                                         request_timeout_ms=10_000)

    async def start(self) -> None:
        await self.consumer.start()

    async def close(self) -> None:
        await self.consumer.stop()

    async def _partitions(self, topic: str) -> list[TopicPartition]:
        partitions = self.consumer.partitions_for_topic(topic)
        if not partitions:
            await self.consumer.topics()  # refreshes the cluster metadata partitions_for_topic reads
            partitions = self.consumer.partitions_for_topic(topic) or set()
        return [TopicPartition(topic, p) for p in sorted(partitions)]

    async def lag(self) -> int:
        """Records of the topic the group has not committed yet, over all partitions (None committed: from
        the beginning, as `auto_offset_reset=earliest` would read them)."""
        tps = await self._partitions(self.topic)
        if not tps:
            return 0
        ends = await self.consumer.end_offsets(tps)
        beginnings = await self.consumer.beginning_offsets(tps)
        total = 0
        for tp in tps:
            committed = await self.consumer.committed(tp)
            total += max(0, ends[tp] - (beginnings[tp] if committed is None else committed))
        return total

    async def dlq_records(self) -> int:
        tps = await self._partitions(self.dlq_topic)
        if not tps:
            return 0
        ends = await self.consumer.end_offsets(tps)
        beginnings = await self.consumer.beginning_offsets(tps)
        return sum(max(0, ends[tp] - beginnings[tp]) for tp in tps)

    async def sample(self) -> None:
        metrics.GROUP_LAG.labels(self.topic, self.group).set(await self.lag())
        metrics.DLQ_RECORDS.labels(self.dlq_topic).set(await self.dlq_records())
