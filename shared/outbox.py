"""Transactional outbox: a row written in the same transaction as the state it announces, then
published by a relay. Any number of relay replicas may run.

A relay claims due rows (FOR UPDATE SKIP LOCKED) by setting a lease, `claimed_until`, and commits; then it
sends them, with no row lock held across the Kafka round trip; then it marks them published. A relay that
dies after claiming frees its rows when the lease ends (they are sent again: at-least-once). A row Kafka
refuses for good (too large, invalid topic or headers: any non-transient error) is marked failed with its
error and logged, and the rows after it still go out; a transient failure releases the rows for the next
poll and the poller backs off.

The writer may also insert its rows already leased to the relay of its own process (`OutboxRelay.lease()`, up to
what the relay can publish well within the lease) and hand them over after its commit (`take`): the relay sends
them without a claim. A crash in between leaves them leased: any relay claims them when the lease ends
(at-least-once, as after a crash between claim and send); a relay stopping gives back what it was handed and did
not send."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaProducer
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    LargeBinary,
    MetaData,
    Row,
    Table,
    Text,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared import metrics
from shared.db import autocommit
from shared.errors import is_transient
from shared.events import Event, encode
from shared.kafka import send_now
from shared.polling import Poller

log = logging.getLogger(__name__)
BATCH = 200
KEEP_PUBLISHED = timedelta(days=7)  # published rows are kept a while for inspection, then purged
PURGE_EVERY_S = 600.0
# How long rows sent may wait to be marked published, in the services: the marks of several sends in one UPDATE
MARK_EVERY_S = 0.1
LEASE = timedelta(seconds=60)  # well over the producer's request timeout (15 s): only a dead relay's rows expire


def outbox_table(metadata: MetaData, schema: str) -> Table:
    return Table(
        "outbox", metadata,
        Column("id", BigInteger, primary_key=True, autoincrement=True),
        Column("topic", Text, nullable=False),
        Column("key", LargeBinary, nullable=False),
        Column("value", LargeBinary, nullable=False),
        Column("headers", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True)),
        Column("claimed_until", DateTime(timezone=True)),  # a relay's lease on the row while it sends it
        Column("failed_at", DateTime(timezone=True)),  # Kafka refused the row for good: see `error`
        Column("error", Text),
        Index(f"ix_{schema}_outbox_unpublished", "id", postgresql_where="published_at IS NULL AND failed_at IS NULL"),
        schema=schema,
    )


async def add(session: AsyncSession, table: Table, topic: str, event: Event, source: str) -> None:
    key, value, headers = encode(event, source)
    await session.execute(table.insert().values(
        topic=topic, key=key, value=value, headers=[[k, v.decode()] for k, v in headers]))


HANDED_MAX = 4 * BATCH  # rows handed over and not yet sent, at most: a few batches' sends, well within the lease


@dataclass(frozen=True)
class OutboxRow:
    """A row as the relay sends it (what a claim returns)."""

    id: int
    topic: str
    key: bytes
    value: bytes
    headers: list[list[str]]


@dataclass
class OutboxLease:
    """A relay's offer to a writer: insert up to `capacity` rows leased (claimed_until = now + `lease`), list them
    in `rows`; the writer hands them over (`OutboxRelay.take`) once committed."""

    capacity: int
    lease: timedelta = LEASE
    rows: list[OutboxRow] = field(default_factory=list)
    unleased: int = 0  # rows the writer wrote over the capacity: for the claim


class OutboxRelay(Poller):
    name = "outbox relay"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], table: Table,
                 producer: AIOKafkaProducer, service: str, poll_s: float = 0.25, mark_every_s: float = 0.0) -> None:
        """`mark_every_s`: rows sent are marked published at most this often (0: after each send; the services pass
        MARK_EVERY_S)."""
        super().__init__(poll_s)
        self.sessions, self.table, self.producer, self.service = sessions, table, producer, service
        self._purged_at = self._measured_at = 0.0
        self.mark_every_s = mark_every_s
        self._unmarked: list[int] = []  # sent (acked), not yet marked published: still leased to this relay
        self._unmarked_since = 0.0
        # (row, until when it may be sent: half its lease, which is well over a send's longest, monotonic)
        self.handed: deque[tuple[OutboxRow, float]] = deque()
        self._claim_now, self._claimed_at = True, 0.0

    def lease(self) -> OutboxLease | None:
        """An offer for a transaction about to write outbox rows (None: the relay has enough handed to it)."""
        capacity = 0 if self.stopping.is_set() else HANDED_MAX - len(self.handed)
        return OutboxLease(capacity) if capacity > 0 else None

    def take(self, lease: OutboxLease | None) -> None:
        """After the commit of the transaction that wrote `lease.rows` leased: send them now, no claim."""
        if lease is not None and lease.rows:
            until = time.monotonic() + lease.lease.total_seconds() / 2
            self.handed.extend((r, until) for r in lease.rows)
        if lease is None or lease.unleased:
            self._claim_now = True
        self.wakeup.set()

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            try:
                await self._mark_sent(force=True)
            except Exception as exc:  # their lease ends: sent again (at least once), as after a crash
                log.warning(f"{self.name}: could not mark sent rows published", extra={"error": repr(exc)[:300]})
            await self._give_back()

    async def _give_back(self) -> None:
        """Stopping: the rows handed over and not sent are unleased, for any relay's claim now. Best effort: if this
        fails, their lease ends as after a crash."""
        ids = [r.id for r, _ in self.handed]
        self.handed.clear()
        if not ids:
            return
        t = self.table
        try:
            async with autocommit(self.sessions) as session:
                await session.execute(update(t).where(t.c.id.in_(ids), t.c.published_at.is_(None))
                                      .values(claimed_until=None))
        except Exception as exc:
            log.warning(f"{self.name}: could not give back handed rows; claimed when their lease ends",
                        extra={"error": repr(exc)[:300], "rows": len(ids)})

    def _handed_batch(self) -> list[OutboxRow]:
        rows: list[OutboxRow] = []
        now = time.monotonic()
        while self.handed and len(rows) < BATCH:
            row, until = self.handed.popleft()
            if now <= until:  # else: too near the end of its lease, the claim takes it once it ends
                rows.append(row)
        return rows

    async def step(self) -> bool:
        sent = await self.publish_batch()
        if time.monotonic() - self._measured_at > 5.0:
            await self.pending()
            self._measured_at = time.monotonic()
        if time.monotonic() - self._purged_at > PURGE_EVERY_S:
            await self.purge_published(datetime.now(UTC) - KEEP_PUBLISHED)
            self._purged_at = time.monotonic()
        return sent == BATCH or bool(self.handed) or self._claim_now

    async def publish_batch(self) -> int:
        """Send the rows handed over, else (or if a writer wrote rows it did not lease, or every `poll_s` whatever
        was handed: rows of other writers, of a relay that died) claim due ones and send them -> how many."""
        if self.handed and not self._claim_now and time.monotonic() - self._claimed_at < self.poll_s:
            rows: list[Any] = self._handed_batch()
        else:
            self._claim_now, self._claimed_at = False, time.monotonic()
            rows = await self._claim()
        if not rows:
            await self._mark_sent()
            return 0
        outcomes = await self._send(rows)
        sent = [i for i, o in outcomes.items() if o is None]
        failed = {i: o for i, o in outcomes.items() if o is not None and not is_transient(o)}
        again = [r.id for r in rows if r.id not in sent and r.id not in failed]  # transient, or not tried
        # each statement marks its own rows whatever the others do: a crash between them leaves leased rows,
        # sent again when the lease ends (at-least-once), as a crash before the marking would
        if sent:
            if not self._unmarked:
                self._unmarked_since = time.monotonic()
                if self.mark_every_s > 0:  # the loop comes back to mark them though nothing more is sent
                    asyncio.get_running_loop().call_later(self.mark_every_s, self.wakeup.set)
            self._unmarked += sent
        await self._mark_sent()
        if failed or again:
            await self._mark_unsent(failed, again)
        topics = {r.id: r.topic for r in rows}
        for topic, n in Counter(topics[i] for i in sent).items():  # one labelled child per topic, not per row
            metrics.OUTBOX_PUBLISHED.labels(self.service, topic).inc(n)
        for i, exc in failed.items():
            metrics.OUTBOX_FAILED.labels(self.service, topics[i]).inc()
            log.error(f"{self.name}: row refused by Kafka, marked failed", extra={"id": i, "error": repr(exc)})
        transient = [o for i, o in outcomes.items() if o is not None and i not in failed]
        if transient:
            raise transient[0]  # the poller backs off
        return len(rows)

    async def _mark_sent(self, force: bool = False) -> None:
        """Mark the rows sent published: when `mark_every_s` has passed since the first of them was sent (at 200
        articles/s each send was one row and its own UPDATE and commit), or a batch of them waits, or `force`. Until
        then they stay leased to this relay (no other sends them); a crash before the marking sends them again when
        the lease ends (at least once, as a crash between a send and its marking always did)."""
        if not self._unmarked:
            return
        if not force and len(self._unmarked) < BATCH and time.monotonic() - self._unmarked_since < self.mark_every_s:
            return
        ids, self._unmarked = self._unmarked, []
        t = self.table
        async with autocommit(self.sessions) as session:
            await session.execute(update(t).where(t.c.id.in_(ids)).values(published_at=datetime.now(UTC),
                                                                           claimed_until=None))

    async def _mark_unsent(self, failed: dict[int, BaseException], again: list[int]) -> None:
        t = self.table
        async with autocommit(self.sessions) as session:
            for i, exc in failed.items():
                await session.execute(update(t).where(t.c.id == i).values(
                    failed_at=datetime.now(UTC), claimed_until=None, error=f"{type(exc).__name__}: {exc}"[:2000]))
            if again:
                await session.execute(update(t).where(t.c.id.in_(again)).values(claimed_until=None))

    async def _claim(self) -> list[Row[Any]]:
        """Lease the next due rows in one short transaction (no lock outlives it)."""
        t = self.table
        due = (select(t.c.id).where(t.c.published_at.is_(None), t.c.failed_at.is_(None),
                                    or_(t.c.claimed_until.is_(None), t.c.claimed_until < func.now()))
               .order_by(t.c.id).limit(BATCH).with_for_update(skip_locked=True))
        async with autocommit(self.sessions) as session:  # one statement: atomic on its own
            rows = (await session.execute(
                update(t).where(t.c.id.in_(due.scalar_subquery())).values(claimed_until=func.now() + LEASE)
                .returning(t.c.id, t.c.topic, t.c.key, t.c.value, t.c.headers))).all()
        return sorted(rows, key=lambda r: r.id)

    async def _send(self, rows: list[Row[Any]]) -> dict[int, BaseException | None]:
        """Send in id order -> each tried row's outcome (None: acked). Enqueuing stops at the first
        transient failure: the broker is away and every later row would only wait for it too."""
        outcomes: dict[int, BaseException | None] = {}
        enqueued: list[tuple[int, asyncio.Future[Any]]] = []
        for r in rows:
            try:
                enqueued.append((r.id, await self.producer.send(
                    r.topic, r.value, key=r.key, headers=[(k, v.encode()) for k, v in r.headers])))
            except Exception as exc:
                outcomes[r.id] = exc
                if is_transient(exc):
                    break
        if enqueued:
            await send_now(self.producer)
        results = await asyncio.gather(*(f for _, f in enqueued), return_exceptions=True)
        for (i, _), result in zip(enqueued, results, strict=True):
            outcomes[i] = result if isinstance(result, BaseException) else None
        return outcomes

    async def purge_published(self, before: datetime) -> int:
        async with autocommit(self.sessions) as session:
            result = await session.execute(delete(self.table).where(self.table.c.published_at < before))
        return int(getattr(result, "rowcount", 0) or 0)

    async def pending(self) -> int:
        """Rows not yet published (and the age of the oldest, in seconds), into the outbox gauges."""
        t = self.table
        async with autocommit(self.sessions) as session:  # a read: no BEGIN and ROLLBACK round trips
            n, age = (await session.execute(
                select(func.count(), func.coalesce(func.extract("epoch", func.now() - func.min(t.c.created_at)), 0))
                .where(t.c.published_at.is_(None), t.c.failed_at.is_(None)))).one()
        metrics.OUTBOX_PENDING.labels(self.service).set(n or 0)
        metrics.OUTBOX_OLDEST_AGE.labels(self.service).set(max(0.0, float(age)))
        return int(n or 0)
