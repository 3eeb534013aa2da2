"""The one Kafka consumer loop: getmany -> decode at the edge -> handler -> commit {tp: last.offset + 1}.

The handler takes one event, or (`batch_handler`) every decodable event of a poll (all its partitions) at
once — one transaction and one producer flush per batch, the fast path. A batch the batch handler can never
handle (an unprocessable error) is handled again record by record, so only the bad record is dead-lettered.

Failure kinds (DESIGN.md rule 5), each with one rule:
- a record that can never be handled (undecodable, invalid, or its output too large for the broker:
  `errors.is_unprocessable`) goes to `<topic>.dlq` with the reason in headers and the loop moves on (but
  stops if the DLQ ratio says a deploy is broken);
- a transient failure (of the handler or of dead-lettering) is retried with capped backoff, nothing is
  committed, and the member keeps polling with its partitions paused, so it stays in its group; a cause
  that lasts longer than `transient_budget_s` crashes the process with a clear message;
- anything else is a bug and propagates (crash loudly).
A rebalance drops the batch in flight (nothing of it is committed by this member; the partitions' owner
re-fetches it from the committed offsets: at-least-once, handlers are idempotent).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from itertools import repeat
from typing import Any, Generic, TypeVar, cast

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.errors import CommitFailedError, IllegalStateError

from shared import metrics
from shared.errors import InvalidMessage, TransientBudgetExceeded, is_transient, is_unprocessable
from shared.events import E, decode
from shared.topics import dlq

# Commit policy: after every poll's records are fully handled (a batch handler takes them all at once; a
# per-record handler goes partition by partition), plus on revoke and on shutdown.
COMMIT_POLICY = "after-poll-batch"
# Offsets handled are committed at most this often (always on a rebalance and at stop; an idle loop polls again
# at least every 500 ms and commits then), not after every batch: at a steady 200 articles/s each batch was one
# article, so one commit request (client and broker work, a broker round trip before the next poll) per article per
# consumer. Only what is handled is ever committed; a crash re-handles at most this long's batches (at-least-once,
# as before).
COMMIT_EVERY_S = 0.2
# Records per poll, across the assigned partitions (4 by default): one batch-handler call (one transaction) for
# them all (it was one per partition: up to 4x the transactions, each with its fixed cost). 400 (not 100)
# measured alert 440 -> 673 /s, end to end 372 -> 484 /s (bench, noisy shared machine). At low rates a poll
# returns what is there: batches stay small.
MAX_BATCH = 400
# How long the broker may hold a fetch that finds nothing new, unless the caller says (the services pass their
# `kafka_fetch_max_wait_ms` setting). On the embedded broker, which holds a fetch for the whole wait, aiokafka's
# default (500 ms) was the floor of an idle pipeline's latency (two hops: ~250 ms per report, measured); 20 ms
# costs an idle consumer ~50 fetches/s.
FETCH_MAX_WAIT_MS = 20
BACKOFF_START_S, BACKOFF_CAP_S = 0.2, 10.0
TRANSIENT_BUDGET_S = 900.0  # one cause failing this long is an outage to page on, or a misclassified bug
MAX_REQUEST_BYTES = 4_000_000  # the producer's limit: a larger event is a MessageSizeTooLargeError
T = TypeVar("T")

log = logging.getLogger(__name__)


class DLQRatioExceeded(RuntimeError):
    """Too many invalid messages: a producer deploy is broken; stop rather than drain the topic."""


class _Abandoned(Exception):
    """Stopping, or the group rebalanced while retrying: the record stays uncommitted."""


def make_producer(bootstrap: str, idempotence: bool = True) -> AIOKafkaProducer:
    # acks=all; idempotence on in production, off for the embedded broker, which lacks it (DESIGN.md §2).
    return AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, enable_idempotence=idempotence,
                            request_timeout_ms=15_000, max_request_size=MAX_REQUEST_BYTES)


async def send_now(producer: AIOKafkaProducer) -> None:
    """Send what is enqueued now, without waiting out linger_ms, and wait for it to be acked. For a caller that
    enqueued a whole batch and has nothing more to add: at idle, linger_ms (5) was added to every hop."""
    # aiokafka's own "flush for a transaction commit": closes the open batches and wakes the sender. Unlike
    # flush(), it does not wait for the linger to expire first.
    await producer._message_accumulator.flush_for_commit()


def make_consumer(bootstrap: str, group: str, session_timeout_ms: int = 10_000,
                  max_poll_interval_ms: int = 300_000, fetch_max_wait_ms: int = FETCH_MAX_WAIT_MS) -> AIOKafkaConsumer:
    # The session timeout bounds how long a group (re-)join waits for members that left (measured on the
    # embedded broker: 30 s -> re-join 54 s, 10 s -> 18 s, 6 s -> 11 s).
    return AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False,
                            auto_offset_reset="earliest", max_poll_records=MAX_BATCH,
                            fetch_max_wait_ms=fetch_max_wait_ms,
                            session_timeout_ms=session_timeout_ms, max_poll_interval_ms=max_poll_interval_ms,
                            heartbeat_interval_ms=max(1_000, session_timeout_ms // 3))


class DeadLetterBudget:
    """Counts outcomes over a sliding window; raises once the invalid share of a full window is too high.
    The invalid count is kept as outcomes enter and leave the window: O(1) a record."""

    def __init__(self, max_ratio: float, window: int) -> None:
        self.max_ratio, self._outcomes, self._invalid = max_ratio, deque[bool](maxlen=window), 0

    def record(self, ok: bool, topic: str) -> None:
        w = self._outcomes
        if len(w) == w.maxlen and not w[0]:
            self._invalid -= 1  # about to leave the window
        w.append(ok)
        self._invalid += not ok
        if len(w) == w.maxlen and self._invalid / len(w) > self.max_ratio:
            raise DLQRatioExceeded(f"{self._invalid} of the last {len(w)} messages on {topic} were invalid: "
                                   "stopping (is a producer deploy broken?)")

    def record_ok(self, n: int, topic: str) -> None:
        """n valid outcomes: in bulk while the window holds no invalid one (then none can raise)."""
        if self._invalid == 0:
            self._outcomes.extend(repeat(True, n))
            return
        for _ in range(n):
            self.record(True, topic)


class _CommitOnRevoke(ConsumerRebalanceListener):
    def __init__(self, loop: ConsumerLoop[Any]) -> None:
        self.loop = loop

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        self.loop.rebalances += 1  # the batch in flight is stale from here on
        await self.loop.commit_done()

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        self.loop.rebalances += 1
        log.info("partitions assigned", extra={"partitions": [f"{t.topic}/{t.partition}" for t in assigned]})


class ConsumerLoop(Generic[E]):
    def __init__(self, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer, *, topic: str,
                 model: type[E], handler: Callable[[E], Awaitable[None]] | None = None, service: str,
                 batch_handler: Callable[[list[E]], Awaitable[None]] | None = None,
                 dlq_max_ratio: float = 0.5, dlq_window: int = 200,
                 transient_budget_s: float = TRANSIENT_BUDGET_S, busy_fetch_wait_ms: int | None = None,
                 commit_every_s: float = COMMIT_EVERY_S) -> None:
        """`busy_fetch_wait_ms`: the fetch wait while a poll brings more than one record (see `_adapt_fetch_wait`);
        None: the consumer's own, always. `commit_every_s`: how often handled offsets are committed at most
        (COMMIT_EVERY_S; 0: after every batch)."""
        self.consumer, self.producer, self.topic = consumer, producer, topic
        if (handler is None) == (batch_handler is None):
            raise TypeError("give exactly one of handler, batch_handler")
        self.model, self.handler, self.batch_handler, self.service = model, handler, batch_handler, service
        self.budget, self.transient_budget_s = DeadLetterBudget(dlq_max_ratio, dlq_window), transient_budget_s
        self._done: dict[TopicPartition, int] = {}  # handled but not yet committed
        self._position: dict[TopicPartition, int] = {}  # next offset to handle, for the lag gauge
        self.rebalances = 0
        self.commit_every_s, self._last_commit = commit_every_s, 0.0
        self.stopping = asyncio.Event()
        self.busy_fetch_wait_ms, self._idle_fetch_wait_ms = busy_fetch_wait_ms, cast(int | None, None)
        # the labelled children, looked up once rather than per record or batch
        self._ok, self._dlq = (metrics.CONSUMER_MESSAGES.labels(service, topic, o) for o in ("ok", "dlq"))
        self._retries, self._lag = metrics.CONSUMER_RETRIES.labels(service, topic), metrics.CONSUMER_LAG.labels(
            service, topic)

    async def run(self) -> None:
        self.consumer.subscribe([self.topic], listener=_CommitOnRevoke(self))
        try:
            while not self.stopping.is_set():
                # getmany waits without a timeout while a group re-join is in progress (up to ~18 s on the
                # embedded broker), so race it against shutdown; nothing fetched is committed unhandled.
                batch = await self._unless_stopping(self.consumer.getmany(timeout_ms=500, max_records=MAX_BATCH))
                self._adapt_fetch_wait(sum(map(len, (batch or {}).values())))
                generation = self.rebalances
                if batch and self.batch_handler is not None and sum(map(len, batch.values())) > 1:
                    await self._handle_poll(batch, generation)
                else:
                    for tp, records in (batch or {}).items():
                        if not await self._handle_partition(tp, records, generation):
                            break
                if not batch:  # nothing new (an idle consumer polls every timeout_ms at most): the rest when due
                    await self._commit_if_due()
                self._report_lag()
        finally:
            await self.commit_done()

    def stop(self) -> None:
        self.stopping.set()

    def _adapt_fetch_wait(self, fetched: int) -> None:
        """The fetches after a poll of more than one record wait `busy_fetch_wait_ms` (records are flowing: a held
        fetch gathers several, and the batch costs per article less); after a poll of one or none, the consumer's
        own wait (a lone record is fetched as soon as before). Set on aiokafka's fetcher, read as it builds each
        fetch request (aiokafka has no public setter)."""
        fetcher = getattr(self.consumer, "_fetcher", None)
        if self.busy_fetch_wait_ms is None or fetcher is None:
            return
        if self._idle_fetch_wait_ms is None:
            self._idle_fetch_wait_ms = int(fetcher._fetch_max_wait_ms)
        idle: int = self._idle_fetch_wait_ms
        fetcher._fetch_max_wait_ms = max(idle, self.busy_fetch_wait_ms) if fetched > 1 else idle

    async def _handle_partition(self, tp: TopicPartition, records: list[ConsumerRecord], generation: int) -> bool:
        """-> False once the batch is abandoned: stopping mid-retry, or revoked (the owner re-fetches it)."""
        try:
            if self.batch_handler is not None and len(records) > 1:
                await self._handle_batch(records)
                if generation != self.rebalances:
                    return False
                self._done[tp] = self._position[tp] = records[-1].offset + 1
                return True
            for record in records:
                await self._handle(record)
                if generation != self.rebalances:
                    return False
                self._done[tp] = self._position[tp] = record.offset + 1
        except _Abandoned:
            return False
        finally:
            await self._commit_if_due()
        return True

    async def _handle_poll(self, batch: dict[TopicPartition, list[ConsumerRecord]], generation: int) -> None:
        """Every partition's records of one poll through the batch handler at once: one handler call (one
        transaction), then every partition's offset committed together. Each partition's records keep their order;
        partitions are independent, so any interleaving is a valid order."""
        try:
            await self._handle_batch([r for records in batch.values() for r in records])
            if generation != self.rebalances:
                return  # revoked meanwhile: the owner re-fetches from the committed offsets
            for tp, records in batch.items():
                self._done[tp] = self._position[tp] = records[-1].offset + 1
        except _Abandoned:
            return
        finally:
            await self._commit_if_due()

    async def _commit_if_due(self) -> None:
        if time.monotonic() - self._last_commit >= self.commit_every_s:
            await self.commit_done()

    async def _unless_stopping(self, aw: Awaitable[T]) -> T | None:
        task, stop = asyncio.ensure_future(aw), asyncio.ensure_future(self.stopping.wait())
        await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if not task.done():
            task.cancel()
            return None
        return task.result()

    def _report_lag(self) -> None:
        """Records behind the partitions' high watermark, from the last fetch (no extra round trip).
        Approximate: the embedded broker reports the last batch's base offset + 1 as high watermark."""
        lag = 0
        for tp in self.consumer.assignment():
            highwater, position = self.consumer.highwater(tp), self._position.get(tp)
            if highwater is not None and position is not None:
                lag += max(0, highwater - position)
        self._lag.set(lag)

    async def commit_done(self) -> None:
        assigned = self.consumer.assignment()
        offsets = {tp: o for tp, o in self._done.items() if tp in assigned}
        self._done = {}
        if not offsets:
            return
        self._last_commit = time.monotonic()
        try:
            await self.consumer.commit(offsets)
        except (CommitFailedError, IllegalStateError) as exc:  # the group moved on: the new owner re-handles
            log.warning("commit refused after a rebalance; batch dropped", extra={"error": repr(exc)})

    async def _handle(self, record: ConsumerRecord) -> None:
        reason = await self._retrying(self._process, record)
        if reason is None:
            self.budget.record(True, self.topic)
            self._ok.inc()
        else:
            await self._retrying(self._dead_letter, record, reason)

    async def _handle_batch(self, records: list[ConsumerRecord]) -> None:
        """Every decodable record through the batch handler at once; the undecodable to the DLQ."""
        assert self.batch_handler is not None
        valid: list[tuple[ConsumerRecord, E]] = []
        invalid: list[tuple[ConsumerRecord, str]] = []
        for record in records:
            try:
                valid.append((record, decode(record.value, record.headers, self.model)))
            except InvalidMessage as exc:
                invalid.append((record, str(exc)))
        if valid:
            try:
                await self._retrying(self.batch_handler, [event for _, event in valid])
            except Exception as exc:
                if not is_unprocessable(exc):
                    raise
                for record, _ in valid:  # find the record that can never be handled
                    await self._handle(record)
            else:
                self.budget.record_ok(len(valid), self.topic)
                self._ok.inc(len(valid))
        for record, reason in invalid:
            await self._retrying(self._dead_letter, record, reason)

    async def _process(self, record: ConsumerRecord) -> str | None:
        """Decode and handle one record -> None once handled, or why it never can be (for the DLQ)."""
        try:
            event = decode(record.value, record.headers, self.model)
            if self.handler is not None:
                await self.handler(event)
            else:
                assert self.batch_handler is not None
                await self.batch_handler([event])
        except Exception as exc:
            if not is_unprocessable(exc):
                raise
            return str(exc) if isinstance(exc, InvalidMessage) else f"{type(exc).__name__}: {exc}"
        return None

    async def _retrying(self, step: Callable[..., Awaitable[T]], *args: Any) -> T:
        backoff, since, generation = BACKOFF_START_S, time.monotonic(), self.rebalances
        while True:
            try:
                return await step(*args)
            except Exception as exc:
                if not is_transient(exc):
                    raise  # a bug: crash loudly
                error = exc
            if time.monotonic() - since > self.transient_budget_s:
                raise TransientBudgetExceeded(f"{self.service} on {self.topic}: {error!r} has lasted over "
                                              f"{self.transient_budget_s:.0f} s; exiting") from error
            self._retries.inc()
            log.warning("transient failure, will retry", extra={"error": repr(error), "backoff_s": backoff})
            await self._idle(backoff)
            if self.stopping.is_set() or generation != self.rebalances:
                raise _Abandoned
            backoff = min(backoff * 2, BACKOFF_CAP_S)

    async def _idle(self, seconds: float) -> None:
        """Wait by polling with every partition paused: a poll within max_poll_interval_ms keeps the member
        in its group and lets a rebalance run. Records a rebalance lets through are sought back."""
        self.consumer.pause(*self.consumer.assignment())
        try:
            fetched = await self._unless_stopping(self.consumer.getmany(timeout_ms=int(seconds * 1000)))
            for tp, records in (fetched or {}).items():
                self.consumer.seek(tp, records[0].offset)
        finally:
            self.consumer.resume(*self.consumer.paused())

    async def _dead_letter(self, record: ConsumerRecord, reason: str) -> None:
        value = record.value  # it came through the broker, but may exceed our producer's limit
        if len(value or b"") > MAX_REQUEST_BYTES - 100_000:
            value, reason = None, f"value of {len(value or b'')} bytes dropped (too large for the DLQ); {reason}"
        headers = [*list(record.headers or ()),
                   ("dlq_reason", reason[:1000].encode()), ("dlq_source_topic", record.topic.encode()),
                   ("dlq_source_partition", str(record.partition).encode()),
                   ("dlq_source_offset", str(record.offset).encode()), ("dlq_service", self.service.encode())]
        await self.producer.send_and_wait(dlq(record.topic), value, key=record.key, headers=headers)
        self._dlq.inc()
        log.warning("message sent to DLQ", extra={"topic": record.topic, "partition": record.partition,
                                                  "offset": record.offset, "reason": reason[:300]})
        self.budget.record(False, self.topic)
