"""The one Kafka consumer loop: getmany -> decode at the edge -> handler -> commit {tp: last.offset + 1}.

Failure kinds (DESIGN.md rule 5): an invalid message goes to `<topic>.dlq` with the reason in headers
and the loop moves on (but stops if the DLQ ratio says a deploy is broken); a transient failure is
retried with capped backoff and nothing is committed; anything else is a bug and propagates (crash).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Generic

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.abc import ConsumerRebalanceListener

from shared import metrics
from shared.errors import InvalidMessage, is_transient
from shared.events import E, decode
from shared.topics import dlq

# Commit policy: after every partition batch is fully handled, plus on revoke and on shutdown.
COMMIT_POLICY = "after-partition-batch"
MAX_BATCH = 100
BACKOFF_START_S, BACKOFF_CAP_S = 0.2, 10.0

log = logging.getLogger(__name__)


class DLQRatioExceeded(RuntimeError):
    """Too many invalid messages: a producer deploy is broken; stop rather than drain the topic."""


def make_producer(bootstrap: str, idempotence: bool = True) -> AIOKafkaProducer:
    # acks=all; idempotence on in production, off for the embedded broker, which lacks it (DESIGN.md §2).
    return AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, enable_idempotence=idempotence,
                            request_timeout_ms=15_000, max_request_size=4_000_000)


def make_consumer(bootstrap: str, group: str, session_timeout_ms: int = 10_000) -> AIOKafkaConsumer:
    # The session timeout bounds how long a group (re-)join waits for members that left (measured on the
    # embedded broker: 30 s -> re-join 54 s, 10 s -> 18 s, 6 s -> 11 s).
    return AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False,
                            auto_offset_reset="earliest", max_poll_records=MAX_BATCH,
                            session_timeout_ms=session_timeout_ms,
                            heartbeat_interval_ms=max(1_000, session_timeout_ms // 3))


class DeadLetterBudget:
    """Counts outcomes over a sliding window; raises once the invalid share of a full window is too high."""

    def __init__(self, max_ratio: float, window: int) -> None:
        self.max_ratio, self._outcomes = max_ratio, deque[bool](maxlen=window)

    def record(self, ok: bool, topic: str) -> None:
        self._outcomes.append(ok)
        w = self._outcomes
        if len(w) == w.maxlen and w.count(False) / len(w) > self.max_ratio:
            raise DLQRatioExceeded(f"{w.count(False)} of the last {len(w)} messages on {topic} were invalid: "
                                   "stopping (is a producer deploy broken?)")


class _CommitOnRevoke(ConsumerRebalanceListener):
    def __init__(self, loop: ConsumerLoop) -> None:
        self.loop = loop

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        await self.loop.commit_done()

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        log.info("partitions assigned", extra={"partitions": [f"{t.topic}/{t.partition}" for t in assigned]})


class ConsumerLoop(Generic[E]):
    def __init__(self, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer, *, topic: str,
                 model: type[E], handler: Callable[[E], Awaitable[None]], service: str,
                 dlq_max_ratio: float = 0.5, dlq_window: int = 200) -> None:
        self.consumer, self.producer, self.topic = consumer, producer, topic
        self.model, self.handler, self.service = model, handler, service
        self.budget = DeadLetterBudget(dlq_max_ratio, dlq_window)
        self._done: dict[TopicPartition, int] = {}  # handled but not yet committed
        self._position: dict[TopicPartition, int] = {}  # next offset to handle, for the lag gauge
        self.stopping = asyncio.Event()

    async def run(self) -> None:
        self.consumer.subscribe([self.topic], listener=_CommitOnRevoke(self))
        stop = asyncio.ensure_future(self.stopping.wait())
        try:
            while not self.stopping.is_set():
                # getmany waits without a timeout while a group re-join is in progress (up to ~18 s on the
                # embedded broker), so race it against shutdown; nothing fetched is committed unhandled.
                fetch = asyncio.ensure_future(self.consumer.getmany(timeout_ms=500, max_records=MAX_BATCH))
                await asyncio.wait({fetch, stop}, return_when=asyncio.FIRST_COMPLETED)
                if not fetch.done():
                    fetch.cancel()
                    break
                for tp, records in fetch.result().items():
                    for record in records:
                        if not await self._handle(record):
                            return  # stopping mid-retry: the record stays uncommitted
                        self._done[tp] = self._position[tp] = record.offset + 1
                    await self.commit_done()
                self._report_lag()
        finally:
            stop.cancel()
            await self.commit_done()

    def stop(self) -> None:
        self.stopping.set()

    def _report_lag(self) -> None:
        """Records behind the partitions' high watermark, from the last fetch (no extra round trip).
        Approximate: the embedded broker reports the last batch's base offset + 1 as high watermark."""
        lag = 0
        for tp in self.consumer.assignment():
            highwater, position = self.consumer.highwater(tp), self._position.get(tp)
            if highwater is not None and position is not None:
                lag += max(0, highwater - position)
        metrics.CONSUMER_LAG.labels(self.service, self.topic).set(lag)

    async def commit_done(self) -> None:
        if self._done:
            offsets, self._done = self._done, {}
            await self.consumer.commit(offsets)

    async def _handle(self, record: ConsumerRecord) -> bool:
        backoff = BACKOFF_START_S
        while True:
            try:
                event = decode(record.value, record.headers, self.model)
                await self.handler(event)
            except InvalidMessage as exc:
                await self._dead_letter(record, str(exc))
                return True
            except Exception as exc:
                if not is_transient(exc):
                    raise  # a bug: crash loudly
                metrics.CONSUMER_RETRIES.labels(self.service, self.topic).inc()
                log.warning("transient failure, will retry", extra={"error": repr(exc), "backoff_s": backoff})
                try:
                    await asyncio.wait_for(self.stopping.wait(), backoff)
                    return False
                except TimeoutError:
                    backoff = min(backoff * 2, BACKOFF_CAP_S)
                    continue
            self.budget.record(True, self.topic)
            metrics.CONSUMER_MESSAGES.labels(self.service, self.topic, "ok").inc()
            return True

    async def _dead_letter(self, record: ConsumerRecord, reason: str) -> None:
        headers = [*list(record.headers or ()),
                   ("dlq_reason", reason[:1000].encode()), ("dlq_source_topic", record.topic.encode()),
                   ("dlq_source_partition", str(record.partition).encode()),
                   ("dlq_source_offset", str(record.offset).encode()), ("dlq_service", self.service.encode())]
        await self.producer.send_and_wait(dlq(record.topic), record.value, key=record.key, headers=headers)
        metrics.CONSUMER_MESSAGES.labels(self.service, self.topic, "dlq").inc()
        log.warning("message sent to DLQ", extra={"topic": record.topic, "partition": record.partition,
                                                  "offset": record.offset, "reason": reason[:300]})
        self.budget.record(False, self.topic)
